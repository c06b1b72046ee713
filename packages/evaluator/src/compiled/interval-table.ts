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

/**
 * Maps a number to the sorted indices of the rules whose ranges contain it. The number line is
 * cut at every range edge; each interval keeps its candidate list. Values up to 2^32 (IPv4).
 * The lists are stored back to back in one array (a typed array per interval would cost ~200
 * bytes of headers each, more than the lists themselves).
 *
 * @example
 * ```ts
 * const t = IntervalTable.build([[0, { ranges: [{ min: 80, max: 80 }] }]]);
 * const i = t.interval(80);
 * t.rules.subarray(t.offsets[i], t.offsets[i + 1]); // Int32Array [0]
 * ```
 */
export class IntervalTable {
  // starts[i] is the first value of interval i; interval i ends before starts[i + 1].
  readonly #starts: Float64Array;
  /** Candidate lists of every interval, back to back. */
  readonly rules: Int32Array;
  /** Interval i's candidates are `rules[offsets[i]]` up to (excluding) `rules[offsets[i + 1]]`. */
  readonly offsets: Int32Array;

  private constructor(starts: Float64Array, rules: Int32Array, offsets: Int32Array) {
    this.#starts = starts;
    this.rules = rules;
    this.offsets = offsets;
  }

  /**
   * Builds the table from `[ruleIndex, ranges]` pairs given in ascending rule order.
   *
   * @example
   * ```ts
   * const t = IntervalTable.build([[3, { ranges: [{ min: 8000, max: 8010 }] }]]);
   * t.rules[t.offsets[t.interval(8005)]]; // 3
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
    const offsets = new Int32Array(starts.length + 1);
    buckets.forEach((b, i) => {
      offsets[i + 1] = (offsets[i] as number) + b.length;
    });
    return new IntervalTable(starts, Int32Array.from(buckets.flat()), offsets);
  }

  /**
   * The interval holding `value` (an index into {@link offsets}); -1 below 0.
   *
   * @example
   * ```ts
   * const i = table.interval(443);
   * for (let k = table.offsets[i]; k < table.offsets[i + 1]; k++) table.rules[k];
   * ```
   */
  interval(value: number): number {
    return upperBound(this.#starts, value) - 1;
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
