import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gnp } from '../test/helpers.js';
import { createCalicoctl } from './calicoctl.js';
import { CalicoctlError } from './errors.js';
import { calicoctlSays, createFakeRunner } from './testing/fake-runner.js';
import { checkTimeoutMs, MAX_TIMEOUT_MS } from './timeout.js';

const invalid = [
  0,
  -5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1.5,
  2 ** 31,
  2 ** 53,
  '0',
  '-5',
  'abc',
  '',
  ' 5',
  '1e3',
  '2147483648',
];

describe('checkTimeoutMs', () => {
  it('accepts whole milliseconds from 1 to 2^31 − 1, as numbers or decimal text', () => {
    expect(checkTimeoutMs(1)).toEqual({ ok: true, value: 1 });
    expect(checkTimeoutMs(MAX_TIMEOUT_MS)).toEqual({ ok: true, value: 2_147_483_647 });
    expect(checkTimeoutMs('30000')).toEqual({ ok: true, value: 30_000 });
  });

  it.each(invalid)('refuses %s with one message naming the bounds', (value) => {
    const r = checkTimeoutMs(value);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]?.code).toBe('invalid_option');
      expect(r.issues[0]?.message).toContain('from 1 to 2147483647');
    }
  });

  it('agrees with setTimeout bounds for every integer (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (n) => {
        expect(checkTimeoutMs(n).ok).toBe(n >= 1 && n <= MAX_TIMEOUT_MS);
        expect(checkTimeoutMs(String(n)).ok).toBe(n >= 1 && n <= MAX_TIMEOUT_MS);
      }),
    );
  });
});

describe('timeoutMs of createCalicoctl and of a call', () => {
  it.each(invalid.filter((v) => typeof v === 'number'))(
    'createCalicoctl({ timeoutMs: %s }) throws INVALID_INPUT',
    (timeoutMs) => {
      const runner = createFakeRunner();
      let error: unknown;
      try {
        createCalicoctl({ runner, timeoutMs });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CalicoctlError);
      expect((error as CalicoctlError).code).toBe('INVALID_INPUT');
      expect((error as CalicoctlError).message).toContain('from 1 to 2147483647');
      expect(runner.commands).toHaveLength(0);
    },
  );

  it('a per-call timeout out of bounds rejects with INVALID_INPUT; nothing runs, no default is used', async () => {
    const runner = createFakeRunner();
    const ctl = createCalicoctl({ runner, parentEnv: {} });
    for (const timeoutMs of [0, -1, 2 ** 31, 0.5]) {
      await expect(ctl.apply(gnp('a'), { timeoutMs })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(runner.commands).toHaveLength(0);
  });

  it('a valid timeout reaches the runner unchanged, the largest one included', async () => {
    const runner = createFakeRunner([], calicoctlSays.success('apply', 1, 'GlobalNetworkPolicy'));
    const ctl = createCalicoctl({ runner, parentEnv: {}, timeoutMs: MAX_TIMEOUT_MS });
    await ctl.apply(gnp('a'));
    await ctl.apply(gnp('a'), { timeoutMs: 1 });
    expect(runner.limits.map((l) => l.timeoutMs)).toEqual([MAX_TIMEOUT_MS, 1]);
  });
});
