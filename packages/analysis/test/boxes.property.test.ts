/** The box algebra of the lifted engine against point-by-point membership on small lines. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Box, boxAnd, boxMinus, ivsAnd, ivsMinus, ivsOf, splitBoxes } from '../src/lifted/boxes.js';

const LINE = 12;
const interval = fc
  .tuple(fc.integer({ min: 0, max: LINE }), fc.integer({ min: 0, max: LINE }))
  .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
const ivs = fc.array(interval, { minLength: 1, maxLength: 3 }).map(ivsOf);
const box = fc.record({ p: ivs, s: ivs, d: ivs });

const has = (list: Box['s'], x: number) => list.some(([lo, hi]) => lo <= x && x <= hi);
const inBox = (b: Box, [p, s, d]: readonly [number, number, number]) =>
  has(b.p, p) && has(b.s, s) && has(b.d, d);
const points: (readonly [number, number, number])[] = [];
for (let p = 0; p <= LINE; p += 3)
  for (let s = 0; s <= LINE; s++) for (let d = 0; d <= LINE; d += 2) points.push([p, s, d]);

describe('box algebra', () => {
  it('interval lists: and, minus and union agree with membership', () => {
    fc.assert(
      fc.property(ivs, ivs, (a, b) => {
        for (let x = 0; x <= LINE; x++) {
          expect(has(ivsAnd(a, b), x)).toBe(has(a, x) && has(b, x));
          expect(has(ivsMinus(a, b), x)).toBe(has(a, x) && !has(b, x));
        }
        for (const r of [ivsAnd(a, b), ivsMinus(a, b)])
          for (let i = 1; i < r.length; i++)
            expect((r[i] as readonly [number, number])[0]).toBeGreaterThan(
              (r[i - 1] as readonly [number, number])[1],
            );
      }),
    );
  });

  it('a box minus a box: disjoint pieces holding exactly the difference', () => {
    fc.assert(
      fc.property(box, box, (a, b) => {
        const pieces = boxMinus(a, b);
        const and = boxAnd(a, b);
        for (const pt of points) {
          const n = pieces.filter((x) => inBox(x, pt)).length;
          expect(n).toBe(inBox(a, pt) && !inBox(b, pt) ? 1 : 0);
          expect(and !== undefined && inBox(and, pt)).toBe(inBox(a, pt) && inBox(b, pt));
        }
      }),
    );
  });

  it('splitting disjoint boxes by a union: hit and miss partition the input', () => {
    fc.assert(
      fc.property(box, fc.array(box, { maxLength: 3 }), (a, by) => {
        const { hit, miss } = splitBoxes([a], by);
        for (const pt of points) {
          const inBy = by.some((x) => inBox(x, pt));
          expect(hit.filter((x) => inBox(x, pt)).length).toBe(inBox(a, pt) && inBy ? 1 : 0);
          expect(miss.filter((x) => inBox(x, pt)).length).toBe(inBox(a, pt) && !inBy ? 1 : 0);
        }
      }),
    );
  });
});
