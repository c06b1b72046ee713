/**
 * Values that break naive code, shared by the packages' robustness tests: a Proxy whose every
 * read throws, a revoked Proxy, and the [code, path] pairs of the typed error a call throws.
 */
import { expect } from 'vitest';

/** A Proxy whose property reads and key listing throw (`Error('trap')`). */
export const throwingProxy: object = new Proxy(
  {},
  {
    get() {
      throw new Error('trap');
    },
    ownKeys() {
      throw new Error('trap');
    },
  },
);

/** A revoked Proxy of `target`: every operation on it throws a TypeError. */
export function revokedProxy(target: object = {}): object {
  const r = Proxy.revocable(target, {});
  r.revoke();
  return r.proxy;
}

interface TypedError extends Error {
  readonly issues: readonly { readonly code: string; readonly path: readonly (string | number)[] }[];
}

/**
 * The [code, path] pairs of the issues of the `type` error that `run` throws; fails the test
 * when it throws anything else or nothing.
 */
export function issuesThrownBy(
  type: abstract new (...args: never[]) => TypedError,
  run: () => unknown,
): [string, readonly (string | number)[]][] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(type);
    return (e as TypedError).issues.map((i) => [i.code, i.path]);
  }
  throw new Error(`expected a ${type.name}`);
}
