import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntervalTable, intervalIn } from '../src/compiled/interval-table.js';
import { CHAIN_SLOTS, chainSlot } from '../src/engine.js';

// Candidates of `value`: the rules listed for its interval.
const candidates = (t: IntervalTable, value: number): number[] => {
  const q = t.interval(value);
  if (q < 0) return [];
  const out: number[] = [];
  for (let k = t.listStart(q); k < t.listStart(q + 1); k++) out.push(t.data[k] as number);
  return out;
};

const range = fc
  .tuple(fc.integer({ min: 0, max: 70_000 }), fc.integer({ min: 0, max: 300 }))
  .map(([min, width]) => ({ min, max: min + width }));
const rules = fc.array(fc.array(range, { minLength: 1, maxLength: 3 }), { maxLength: 6 });

describe('interval tables', () => {
  it('list exactly the rules whose ranges hold a value, and bound them by [min, max]', () => {
    fc.assert(
      fc.property(rules, fc.array(fc.integer({ min: 0, max: 71_000 }), { maxLength: 40 }), (rs, values) => {
        const t = IntervalTable.build(rs.map((ranges, i) => [i, { ranges }] as const));
        const lows = rs.flat().map((r) => r.min);
        const highs = rs.flat().map((r) => r.max);
        if (rs.length === 0) expect(t.min > t.max).toBe(true);
        else {
          // The bounds are tight: the per-flow path skips the search outside them.
          expect(t.min).toBe(Math.min(...lows));
          expect(t.max).toBe(Math.max(...highs));
        }
        for (const v of [...values, t.min - 1, t.max + 1, ...lows, ...highs]) {
          const want = rs.flatMap((ranges, i) => (ranges.some((r) => r.min <= v && v <= r.max) ? [i] : []));
          expect(candidates(t, v)).toEqual(want);
          if (v < t.min || v > t.max) expect(want).toEqual([]);
          expect(intervalIn(t.data, t.count, v)).toBe(t.interval(v));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('bound a table whose last range reaches 2^32 - 1 (IPv4 source nets)', () => {
    const t = IntervalTable.build([[0, { ranges: [{ min: 2 ** 32 - 256, max: 2 ** 32 - 1 }] }]]);
    expect([t.min, t.max]).toEqual([2 ** 32 - 256, 2 ** 32 - 1]);
    expect(candidates(t, 2 ** 32 - 1)).toEqual([0]);
  });
});

describe('chain slots', () => {
  it('number every chain class and direction once, below CHAIN_SLOTS', () => {
    const slots = (['untracked', 'preDnat', 'normal', 'forward'] as const).flatMap((c) =>
      (['ingress', 'egress'] as const).map((d) => chainSlot(c, d)),
    );
    expect(new Set(slots).size).toBe(CHAIN_SLOTS);
    expect(slots.every((s) => s >= 0 && s < CHAIN_SLOTS)).toBe(true);
  });
});
