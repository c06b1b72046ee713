/**
 * Addresses as numbers: IPv4 and IPv6 both as bigint so one interval code serves both families.
 * Parsing is the evaluator's (`parseIp`, `parseCidr`: v4-mapped v6 read as v4).
 */
import { type Cidr, parseCidr, parseIp } from '../evaluator-seam.js';

/** An IP family. */
export type Family = 4 | 6;

/** An inclusive address range of one family. */
export interface IpInterval {
  readonly family: Family;
  readonly lo: bigint;
  readonly hi: bigint;
}

/** The highest address of a family. */
export const maxIp = (family: Family): bigint => (family === 4 ? (1n << 32n) - 1n : (1n << 128n) - 1n);

/**
 * Reads an IP address (the evaluator's `parseIp`); `undefined` when it is not one.
 *
 * @example
 * ```ts
 * parseIpValue('10.0.0.1'); // { family: 4, value: 167772161n }
 * ```
 */
export function parseIpValue(text: string): { family: Family; value: bigint } | undefined {
  const ip = parseIp(text);
  return ip && { family: ip.version, value: BigInt(ip.value) };
}

/**
 * A parsed CIDR's addresses as an interval.
 *
 * @example
 * ```ts
 * cidrInterval({ version: 4, text: '10.0.0.0/8', base: 167772160, prefix: 8 });
 * // { family: 4, lo: 167772160n, hi: 184549375n }
 * ```
 */
export function cidrInterval(c: Cidr): IpInterval {
  const bits = c.version === 4 ? 32n : 128n;
  const lo = BigInt(c.base);
  return { family: c.version, lo, hi: lo + (1n << (bits - BigInt(c.prefix))) - 1n };
}

/**
 * Reads a CIDR (a bare address is a /32 or /128) as an interval with the evaluator's
 * `parseCidr` (IPv4-mapped CIDRs included); `undefined` when invalid.
 *
 * @example
 * ```ts
 * parseCidrInterval('10.0.0.0/8'); // { family: 4, lo: 167772160n, hi: 184549375n }
 * parseCidrInterval('::ffff:10.0.0.0/104'); // the same interval
 * ```
 */
export function parseCidrInterval(text: string): IpInterval | undefined {
  const cidr = parseCidr(text);
  return cidr && cidrInterval(cidr);
}

/**
 * Formats an address.
 *
 * @example
 * ```ts
 * formatIp(4, 167772161n); // '10.0.0.1'
 * formatIp(6, 1n); // '::1'
 * ```
 */
export function formatIp(family: Family, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join('.');
  const words: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) words.push(((value >> s) & 0xffffn).toString(16));
  // RFC 5952: the longest run of two or more zero groups becomes '::'.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && words[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j > i ? j : i + 1;
  }
  if (best < 0) return words.join(':');
  return `${words.slice(0, best).join(':')}::${words.slice(best + bestLen).join(':')}`;
}

/**
 * The fewest CIDRs covering exactly an interval.
 *
 * @example
 * ```ts
 * intervalToCidrs({ family: 4, lo: 0n, hi: (1n << 32n) - 1n }); // ['0.0.0.0/0']
 * ```
 */
export function intervalToCidrs(iv: IpInterval): string[] {
  const bits = iv.family === 4 ? 32n : 128n;
  const out: string[] = [];
  let lo = iv.lo;
  while (lo <= iv.hi) {
    let size = 0n;
    while (size < bits && (lo & ((1n << (size + 1n)) - 1n)) === 0n && lo + (1n << (size + 1n)) - 1n <= iv.hi)
      size++;
    out.push(`${formatIp(iv.family, lo)}/${bits - size}`);
    lo += 1n << size;
  }
  return out;
}

/**
 * The addresses of `ivs`, or undefined when there are more than `limit`.
 *
 * @example
 * ```ts
 * addressesOf([{ family: 4, lo: 1n, hi: 3n }], 16); // [1n, 2n, 3n]
 * ```
 */
export function addressesOf(ivs: readonly IpInterval[], limit: number): bigint[] | undefined {
  const out: bigint[] = [];
  for (const iv of ivs) {
    if (iv.hi - iv.lo + 1n > BigInt(limit - out.length)) return undefined;
    for (let x = iv.lo; x <= iv.hi; x++) out.push(x);
  }
  return out;
}

/**
 * Whether `x` is one of the addresses of `ivs`.
 *
 * @example
 * ```ts
 * ivsContain([{ family: 4, lo: 1n, hi: 3n }], 2n); // true
 * ```
 */
export const ivsContain = (ivs: readonly IpInterval[], x: bigint): boolean =>
  ivs.some((iv) => iv.lo <= x && x <= iv.hi);

/**
 * `ivs` without the address `x`.
 *
 * @example
 * ```ts
 * without([{ family: 4, lo: 1n, hi: 3n }], 2n); // [1n–1n, 3n–3n]
 * ```
 */
export function without(ivs: readonly IpInterval[], x: bigint): IpInterval[] {
  const out: IpInterval[] = [];
  for (const iv of ivs) {
    if (x < iv.lo || x > iv.hi) {
      out.push(iv);
      continue;
    }
    if (iv.lo < x) out.push({ family: iv.family, lo: iv.lo, hi: x - 1n });
    if (x < iv.hi) out.push({ family: iv.family, lo: x + 1n, hi: iv.hi });
  }
  return out;
}
