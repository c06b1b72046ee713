/**
 * Interval tables: which rules of a chain program can match a number at all — a destination
 * port (calico-semantics.md §6.4) or an IPv4 source address (§6.6 `nets`) — so a flow only
 * visits candidate rules.
 */

/**
 * Inclusive numeric ranges of one rule.
 *
 * @example
 * ```ts
 * const r: Ranges = { ranges: [{ min: 8000, max: 8010 }] };
 * ```
 */
export interface Ranges {
  readonly ranges: readonly { readonly min: number; readonly max: number }[];
}

const NONE: Int32Array = new Int32Array(0);

/**
 * Maps a number to the sorted indices of the rules whose ranges contain it. The number line is
 * cut at every range edge; each interval keeps its candidate list. Values up to 2^32 (IPv4).
 *
 * @example
 * ```ts
 * const t = IntervalTable.build([[0, { ranges: [{ min: 80, max: 80 }] }]]);
 * t.candidates(80); // Int32Array [0]
 * t.candidates(81); // Int32Array []
 * ```
 */
export class IntervalTable {
  // starts[i] is the first value of interval i; interval i ends before starts[i + 1].
  readonly #starts: Float64Array;
  readonly #lists: readonly Int32Array[];

  private constructor(starts: Float64Array, lists: readonly Int32Array[]) {
    this.#starts = starts;
    this.#lists = lists;
  }

  /**
   * Builds the table from `[ruleIndex, ranges]` pairs given in ascending rule order.
   *
   * @example
   * ```ts
   * IntervalTable.build([[3, { ranges: [{ min: 8000, max: 8010 }] }]]).candidates(8005); // [3]
   * ```
   */
  static build(rules: readonly (readonly [number, Ranges])[]): IntervalTable {
    const edges = new Set<number>([0]);
    for (const [, p] of rules) {
      for (const r of p.ranges) {
        if (r.max < r.min) continue;
        edges.add(r.min);
        edges.add(r.max + 1);
      }
    }
    const starts = Float64Array.from([...edges].sort((a, b) => a - b));
    const buckets: number[][] = Array.from({ length: starts.length }, () => []);
    for (const [index, p] of rules) {
      for (const r of p.ranges) {
        if (r.max < r.min) continue;
        for (
          let i = upperBound(starts, r.min) - 1;
          i < starts.length && (starts[i] as number) <= r.max;
          i++
        ) {
          const b = buckets[i] as number[];
          // A rule listing overlapping ranges is a candidate once.
          if (b[b.length - 1] !== index) b.push(index);
        }
      }
    }
    return new IntervalTable(
      starts,
      buckets.map((b) => (b.length === 0 ? NONE : Int32Array.from(b))),
    );
  }

  /**
   * The rules whose ranges contain `value`, ascending.
   *
   * @example
   * ```ts
   * table.candidates(443);
   * ```
   */
  candidates(value: number): Int32Array {
    const i = upperBound(this.#starts, value) - 1;
    return i < 0 ? NONE : (this.#lists[i] as Int32Array);
  }
}

/** The first index whose value is greater than `v`. */
function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if ((a[m] as number) <= v) lo = m + 1;
    else hi = m;
  }
  return lo;
}
