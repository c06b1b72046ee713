/**
 * CIDR-list membership as sorted, merged address intervals (one per family), answered by binary
 * search: the compiled engine's form of a rule's `nets` / `notNets` (calico-semantics.md §6.6).
 * Equivalent to a prefix trie for "is this address in any of these CIDRs", with flat arrays.
 */
import type { Cidr, Ip } from '../net/ip.js';

const V4_HOSTS = (prefix: number): number => 2 ** (32 - prefix);

const NO_V4: readonly number[] = Object.freeze([]);
const NO_V6: readonly bigint[] = Object.freeze([]);

/**
 * A set of IPv4 and IPv6 addresses given as CIDRs.
 *
 * @example
 * ```ts
 * const set = IpRangeSet.of([parseCidr('10.0.0.0/8')!]);
 * set.has(parseIp('10.1.2.3')!); // true
 * ```
 */
export class IpRangeSet {
  // IPv4 intervals [lo, hi] (exact for 32-bit values), sorted and disjoint. Plain arrays, not
  // typed arrays: most rules list one or two nets, and a typed array costs ~200 bytes of headers;
  // a family without nets shares one empty array.
  readonly #v4lo: readonly number[];
  readonly #v4hi: readonly number[];
  readonly #v6lo: readonly bigint[];
  readonly #v6hi: readonly bigint[];

  private constructor(v4: [number, number][], v6: [bigint, bigint][]) {
    this.#v4lo = v4.length === 0 ? NO_V4 : v4.map((r) => r[0]);
    this.#v4hi = v4.length === 0 ? NO_V4 : v4.map((r) => r[1]);
    this.#v6lo = v6.length === 0 ? NO_V6 : v6.map((r) => r[0]);
    this.#v6hi = v6.length === 0 ? NO_V6 : v6.map((r) => r[1]);
  }

  /**
   * Builds the set of every address in `cidrs`.
   *
   * @example
   * ```ts
   * IpRangeSet.of([parseCidr('2001:db8::/32')!]).has(parseIp('2001:db8::1')!); // true
   * ```
   */
  static of(cidrs: readonly Cidr[]): IpRangeSet {
    const v4: [number, number][] = [];
    const v6: [bigint, bigint][] = [];
    for (const c of cidrs) {
      if (c.version === 4) v4.push([c.base, c.base + V4_HOSTS(c.prefix) - 1]);
      else v6.push([c.base, c.base + (1n << BigInt(128 - c.prefix)) - 1n]);
    }
    return new IpRangeSet(merge(v4), merge(v6));
  }

  /**
   * Whether `ip` lies in one of the CIDRs.
   *
   * @example
   * ```ts
   * set.has(parseIp('192.0.2.1')!);
   * ```
   */
  has(ip: Ip): boolean {
    if (ip.version === 4) {
      const lo = this.#v4lo;
      const v = ip.value;
      // Upper bound: the last interval starting at or below v.
      let a = 0;
      let b = lo.length;
      while (a < b) {
        const m = (a + b) >>> 1;
        if ((lo[m] as number) <= v) a = m + 1;
        else b = m;
      }
      return a > 0 && v <= (this.#v4hi[a - 1] as number);
    }
    const lo = this.#v6lo;
    const v = ip.value;
    let a = 0;
    let b = lo.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      if ((lo[m] as bigint) <= v) a = m + 1;
      else b = m;
    }
    return a > 0 && v <= (this.#v6hi[a - 1] as bigint);
  }
}

function merge<T extends number | bigint>(ranges: [T, T][]): [T, T][] {
  ranges.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: [T, T][] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) {
      if (r[1] > last[1]) last[1] = r[1];
    } else out.push([r[0], r[1]]);
  }
  return out;
}
