/**
 * Addresses as numbers: IPv4 and IPv6 both as bigint so one interval code serves both families.
 * Parsing follows the evaluator (IPv4 dotted quads, IPv6 with `::`, v4-mapped v6 read as v4).
 */

/** An IP family. */
export type Family = 4 | 6;

/** An inclusive address range of one family. */
export interface IpInterval {
  readonly family: Family;
  readonly lo: bigint;
  readonly hi: bigint;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The highest address of a family. */
export const maxIp = (family: Family): bigint => (family === 4 ? (1n << 32n) - 1n : (1n << 128n) - 1n);

function parseV6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): string[] | undefined => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const words: number[] = [];
  const push = (parts: string[]): boolean => {
    for (const [i, p] of parts.entries()) {
      if (p.includes('.') && i === parts.length - 1) {
        const v4 = parseIpValue(p);
        if (v4?.family !== 4) return false;
        words.push(Number(v4.value >> 16n), Number(v4.value & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) words.push(Number.parseInt(p, 16));
      else return false;
    }
    return true;
  };
  const headWords: number[] = [];
  if (!push(head)) return undefined;
  headWords.push(...words.splice(0));
  if (!push(tail)) return undefined;
  const fill = 8 - headWords.length - words.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return undefined;
  let value = 0n;
  for (const w of [...headWords, ...new Array<number>(fill).fill(0), ...words])
    value = (value << 16n) | BigInt(w);
  return value;
}

/**
 * Reads an IP address; `undefined` when it is not one.
 *
 * @example
 * ```ts
 * parseIpValue('10.0.0.1'); // { family: 4, value: 167772161n }
 * ```
 */
export function parseIpValue(text: string): { family: Family; value: bigint } | undefined {
  const m = V4.exec(text);
  if (m) {
    let value = 0n;
    for (let i = 1; i <= 4; i++) {
      const octet = Number(m[i]);
      if (octet > 255) return undefined;
      value = value * 256n + BigInt(octet);
    }
    return { family: 4, value };
  }
  if (!text.includes(':')) return undefined;
  const value = parseV6(text);
  if (value === undefined) return undefined;
  // v4-mapped (::ffff:a.b.c.d) is the IPv4 address, as in the evaluator.
  if (value >> 32n === 0xffffn) return { family: 4, value: value & 0xffffffffn };
  return { family: 6, value };
}

/**
 * Reads a CIDR (a bare address is a /32 or /128) as an interval; `undefined` when invalid.
 *
 * @example
 * ```ts
 * parseCidrInterval('10.0.0.0/8'); // { family: 4, lo: 167772160n, hi: 184549375n }
 * parseCidrInterval('::ffff:10.0.0.0/104'); // the same interval
 * ```
 */
export function parseCidrInterval(text: string): IpInterval | undefined {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const parsed = parseIpValue(address);
  if (!parsed) return undefined;
  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) counts its prefix over 128 bits, as in Go's
  // net.ParseCIDR; the evaluator's parseCidr reads it so in rule nets.
  const mapped = parsed.family === 4 && address.includes(':');
  const bits = parsed.family === 4 && !mapped ? 32 : 128;
  const lenText = slash < 0 ? String(bits) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lenText)) return undefined;
  let len = Number(lenText);
  if (len > bits) return undefined;
  let ip = parsed;
  // Go prints the network as IPv4 (prefix less 96) when the mask keeps the ::ffff: part, else
  // as the IPv6 network it is (IPNet.String, networkNumberAndMask).
  if (mapped && len >= 96) len -= 96;
  else if (mapped) ip = { family: 6, value: (0xffffn << 32n) | parsed.value };
  const host = BigInt((ip.family === 4 ? 32 : 128) - len);
  const lo = (ip.value >> host) << host;
  return { family: ip.family, lo, hi: lo + (1n << host) - 1n };
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
