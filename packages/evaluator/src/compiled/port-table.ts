/**
 * Port interval tables: which rules of a chain program can match a destination port at all
 * (calico-semantics.md §6.4), so a flow only visits candidate rules.
 */

/** Numeric port ranges of one rule, inclusive. */
export interface PortRanges {
  readonly ranges: readonly { readonly min: number; readonly max: number }[];
}

const NONE: Int32Array = new Int32Array(0);

/**
 * Maps a port to the sorted indices of the rules whose numeric `ports` contain it. The port
 * space is cut at every range edge; each interval keeps its candidate list.
 *
 * @example
 * ```ts
 * const t = PortTable.build([[0, { ranges: [{ min: 80, max: 80 }] }]]);
 * t.candidates(80); // Int32Array [0]
 * t.candidates(81); // Int32Array []
 * ```
 */
export class PortTable {
  // starts[i] is the first port of interval i; interval i ends before starts[i + 1].
  readonly #starts: Int32Array;
  readonly #lists: readonly Int32Array[];

  private constructor(starts: Int32Array, lists: readonly Int32Array[]) {
    this.#starts = starts;
    this.#lists = lists;
  }

  /**
   * Builds the table from `[ruleIndex, ranges]` pairs given in ascending rule order.
   *
   * @example
   * ```ts
   * PortTable.build([[3, { ranges: [{ min: 8000, max: 8010 }] }]]).candidates(8005); // [3]
   * ```
   */
  static build(rules: readonly (readonly [number, PortRanges])[]): PortTable {
    const edges = new Set<number>([0]);
    for (const [, p] of rules) {
      for (const r of p.ranges) {
        edges.add(r.min);
        edges.add(r.max + 1);
      }
    }
    const starts = Int32Array.from([...edges].sort((a, b) => a - b));
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
    return new PortTable(
      starts,
      buckets.map((b) => (b.length === 0 ? NONE : Int32Array.from(b))),
    );
  }

  /**
   * The rules whose numeric ports contain `port`, ascending.
   *
   * @example
   * ```ts
   * table.candidates(443);
   * ```
   */
  candidates(port: number): Int32Array {
    const i = upperBound(this.#starts, port) - 1;
    return i < 0 ? NONE : (this.#lists[i] as Int32Array);
  }
}

/** The first index whose value is greater than `v`. */
function upperBound(a: Int32Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if ((a[m] as number) <= v) lo = m + 1;
    else hi = m;
  }
  return lo;
}
