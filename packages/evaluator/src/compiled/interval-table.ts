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
 * // rule: allow TCP to ports 8000:8010; its destination port index is the Ranges an interval table is built from
 * const r: Ranges | undefined = compileRuleForFastPath(rule, new Map()).dstPortIndex;
 * r?.ranges; // [{ min: 8000, max: 8010 }]
 * ```
 */
export interface Ranges {
  readonly ranges: readonly { readonly min: number; readonly max: number }[];
}

/**
 * Maps a number to the sorted indices of the rules whose ranges contain it. The number line is
 * cut at every range edge; each interval keeps its candidate list. Values below 2^32 (IPv4).
 * Everything lives in one typed array — interval starts, list offsets, then the lists back to
 * back — because each typed array costs ~130 bytes of object headers, and a world holds
 * hundreds of tables (a typed array per interval or per part would cost more than the lists).
 *
 * @example
 * ```ts
 * const t = IntervalTable.build([[0, { ranges: [{ min: 80, max: 80 }] }]]);
 * const q = t.interval(80);
 * t.data.subarray(t.listStart(q), t.listStart(q + 1)); // Int32Array [0]
 * ```
 */
export class IntervalTable {
  /**
   * `[starts (count) | offsets (count + 1) | lists]`. starts[i] (stored as int32 bits, read
   * with `>>> 0`) is the first value of interval i, which ends before starts[i + 1]; offsets
   * are absolute indices into `data`.
   */
  readonly data: Int32Array;
  /** Number of intervals: `data[count + q]` is {@link listStart}`(q)` (read inline in the per-flow path). */
  readonly count: number;
  /**
   * The values with candidates lie in `[min, max]` (no value does when `min > max`): most
   * values looked up lie outside (ports no rule names, sources outside every net), and the
   * per-flow path skips the search for them.
   */
  readonly min: number;
  readonly max: number;

  private constructor(data: Int32Array, count: number, min: number, max: number) {
    this.data = data;
    this.count = count;
    this.min = min;
    this.max = max;
  }

  /**
   * Builds the table from `[ruleIndex, ranges]` pairs given in ascending rule order.
   *
   * @example
   * ```ts
   * const t = IntervalTable.build([[3, { ranges: [{ min: 8000, max: 8010 }] }]]);
   * t.data[t.listStart(t.interval(8005))]; // 3
   * ```
   */
  static build(rules: readonly (readonly [number, Ranges])[]): IntervalTable {
    const edges = new Set<number>([0]);
    for (const [, p] of rules) {
      for (const r of p.ranges) {
        if (r.max < r.min) continue;
        edges.add(r.min);
        // An interval starting at 2^32 holds no IPv4 value and would not fit 32 bits.
        if (r.max + 1 < 2 ** 32) edges.add(r.max + 1);
      }
    }
    const starts = [...edges].sort((a, b) => a - b);
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
    const n = starts.length;
    let size = 2 * n + 1;
    for (const b of buckets) size += b.length;
    // The first value of the first interval with candidates, the last of the last one.
    const first = buckets.findIndex((b) => b.length > 0);
    let last = n - 1;
    while (last > first && (buckets[last] as number[]).length === 0) last--;
    const min = first < 0 ? 1 : (starts[first] as number);
    const max = first < 0 ? 0 : last + 1 < n ? (starts[last + 1] as number) - 1 : 2 ** 32 - 1;
    const data = new Int32Array(size);
    let at = 2 * n + 1;
    for (let i = 0; i < n; i++) {
      data[i] = starts[i] as number; // wraps above 2^31; read back with `>>> 0`
      data[n + i] = at;
      for (const rule of buckets[i] as number[]) data[at++] = rule;
    }
    data[2 * n] = at;
    return new IntervalTable(data, n, min, max);
  }

  /**
   * The interval holding `value` (for {@link listStart}); -1 below 0.
   *
   * @example
   * ```ts
   * const q = table.interval(443);
   * for (let k = table.listStart(q); k < table.listStart(q + 1); k++) table.data[k];
   * ```
   */
  interval(value: number): number {
    return intervalIn(this.data, this.count, value);
  }

  /**
   * Where interval `q`'s candidate list starts in {@link data}; `listStart(q + 1)` is its end.
   *
   * @example
   * ```ts
   * table.data[table.listStart(table.interval(80))]; // first candidate rule at port 80
   * ```
   */
  listStart(q: number): number {
    return this.data[this.count + q] as number;
  }
}

/**
 * {@link IntervalTable.interval} of the table with `data` and `count` (the per-flow path has
 * both at hand already).
 *
 * @example
 * ```ts
 * const t = IntervalTable.build([[0, { ranges: [{ min: 80, max: 80 }] }]]);
 * intervalIn(t.data, t.count, 80) === t.interval(80); // true
 * ```
 */
export function intervalIn(data: Int32Array, count: number, value: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if ((data[m] as number) >>> 0 <= value) lo = m + 1;
    else hi = m;
  }
  return lo - 1;
}

/** The first index whose value is greater than `v`. */
function upperBound(a: readonly number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if ((a[m] as number) <= v) lo = m + 1;
    else hi = m;
  }
  return lo;
}
