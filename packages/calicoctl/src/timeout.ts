import type { Result } from '@calico-dsl/core';

/**
 * The longest time limit a command can have: 2^31 − 1 ms (about 24.8 days). Node's `setTimeout`
 * stores its delay in a signed 32-bit integer and fires after 1 ms for anything larger, which would
 * turn a generous limit into an instant timeout.
 *
 * @example
 * ```ts
 * createCalicoctl({ timeoutMs: MAX_TIMEOUT_MS }); // effectively no limit
 * ```
 */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

const DIGITS = /^[0-9]+$/;

/**
 * Checks a time limit in milliseconds: a whole number from 1 to {@link MAX_TIMEOUT_MS}. Accepts a
 * number (the `timeoutMs` option) or the decimal text of one (a `--timeout` flag), so the library
 * and the CLI refuse the same values with the same message. Nothing is ever replaced by a default.
 *
 * @example
 * ```ts
 * checkTimeoutMs('30000'); // { ok: true, value: 30000 }
 * checkTimeoutMs(2 ** 31); // { ok: false, issues: [{ code: 'invalid_option', path: ['timeoutMs'], message: 'The timeout must be a whole number of milliseconds from 1 to 2147483647 (about 24.8 days, the longest timer Node.js supports); got 2147483648.' }] }
 * ```
 */
export function checkTimeoutMs(
  value: unknown,
  path: readonly (string | number)[] = ['timeoutMs'],
): Result<number> {
  const n = typeof value === 'string' && DIGITS.test(value) ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_TIMEOUT_MS) {
    return { ok: true, value: n };
  }
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return {
    ok: false,
    issues: [
      {
        code: 'invalid_option',
        path: [...path],
        message: `The timeout must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS} (about 24.8 days, the longest timer Node.js supports); got ${shown}.`,
      },
    ],
  };
}
