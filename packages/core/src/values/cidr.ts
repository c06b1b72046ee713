import ipaddr from 'ipaddr.js';
import { fail, ok, type Result } from '../result.js';
import { describeValue } from '../shape/checks.js';

/**
 * An IP address family.
 *
 * @example
 * ```ts
 * const family: IpFamily = ipFamily('fd00::1') ?? 4; // 6
 * ```
 */
export type IpFamily = 4 | 6;

/**
 * A parsed IP address: its family, its bytes (4 or 16) and its canonical text.
 *
 * @example
 * ```ts
 * const r = parseIp('10.0.0.1');
 * if (r.ok) r.value.bytes; // [10, 0, 0, 1]
 * ```
 */
export interface IpAddress {
  readonly family: IpFamily;
  readonly bytes: readonly number[];
  readonly text: string;
}

/**
 * A parsed CIDR: the address as written, the prefix length, whether it is strictly masked and
 * the canonical network text.
 *
 * @example
 * ```ts
 * const r = parseCidr('10.0.0.1/8');
 * if (r.ok) [r.value.masked, r.value.text]; // [false, '10.0.0.0/8']
 * ```
 */
export interface Cidr {
  readonly family: IpFamily;
  /** Address bytes as written (host bits are zero only when `masked`). */
  readonly bytes: readonly number[];
  readonly prefixLength: number;
  /** `true` when no host bit is set (`10.0.0.0/8`, not `10.0.0.1/8`). */
  readonly masked: boolean;
  readonly text: string;
}

const IPV4_OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
// Go's netip parser: exactly four decimal octets, no leading zeros.
const IPV4 = new RegExp(`^${IPV4_OCTET}(\\.${IPV4_OCTET}){3}$`);
const IPV6_CHARS = /^[0-9a-fA-F:.]+$/;

/**
 * Parses a plain IPv4 or IPv6 address strictly, as Go's `net.ParseIP` does: dotted-quad IPv4
 * without leading zeros or shorthand, standard IPv6 text (no zone).
 *
 * @example
 * ```ts
 * parseIp('10.0.0.1');  // { ok: true, value: { family: 4, ... } }
 * parseIp('010.0.0.1').ok; // false
 * ```
 */
export function parseIp(text: string): Result<IpAddress> {
  if (typeof text !== 'string') return notText('An IP address', text, '"10.0.0.1"');
  if (IPV4.test(text)) {
    const bytes = text.split('.').map(Number);
    return ok({ family: 4, bytes, text: bytes.join('.') });
  }
  if (text.includes(':') && IPV6_CHARS.test(text)) {
    const tail = text.slice(text.lastIndexOf(':') + 1);
    if (tail.includes('.') && !IPV4.test(tail)) return ipIssue(text);
    try {
      if (ipaddr.IPv6.isValid(text)) {
        const addr = ipaddr.IPv6.parse(text);
        return ok({ family: 6, bytes: addr.toByteArray(), text: addr.toRFC5952String() });
      }
    } catch {
      // fall through to the issue below
    }
  }
  return ipIssue(text);
}

/** A parser's answer for input that is not text (typed callers never pass it; JavaScript ones may). */
function notText(what: string, value: unknown, example: string): Result<never> {
  return fail({
    code: 'invalid_type',
    path: [],
    message: `${what} must be a string like ${example}, not ${describeValue(value)}`,
  });
}

function ipIssue(text: string): Result<never> {
  return fail({
    code: 'invalid_ip',
    path: [],
    message: `Invalid IP address ${JSON.stringify(text)}: write an IPv4 address like "10.0.0.1" or an IPv6 address like "fd00::1"`,
  });
}

function maskedBytes(bytes: readonly number[], prefixLength: number): number[] {
  return bytes.map((b, i) => {
    const bits = Math.max(0, Math.min(8, prefixLength - i * 8));
    return b & ((0xff << (8 - bits)) & 0xff);
  });
}

function formatCidr(family: IpFamily, bytes: readonly number[], prefixLength: number): string {
  const addr = family === 4 ? bytes.join('.') : new ipaddr.IPv6(pairsOf(bytes)).toRFC5952String();
  return `${addr}/${prefixLength}`;
}

function pairsOf(bytes: readonly number[]): number[] {
  const parts: number[] = [];
  for (let i = 0; i < bytes.length; i += 2) parts.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  return parts;
}

/**
 * Parses `address/prefix` as Go's `net.ParseCIDR` does (the prefix length is required). The
 * result says whether the CIDR is strictly masked; a bare IP fails with a fix-it message.
 *
 * @example
 * ```ts
 * parseCidr('10.0.0.0/8');  // { ok: true, value: { family: 4, prefixLength: 8, masked: true, ... } }
 * parseCidr('10.0.0.1').ok;  // false: 'Invalid CIDR "10.0.0.1": rules need a prefix length, e.g. "10.0.0.1/32"'
 * ```
 */
export function parseCidr(text: string): Result<Cidr> {
  if (typeof text !== 'string') return notText('A CIDR', text, '"10.0.0.0/8"');
  const slash = text.indexOf('/');
  if (slash < 0) {
    const ip = parseIp(text);
    if (ip.ok) {
      return cidrIssue(
        text,
        `rules need a prefix length, e.g. "${text}/${ip.value.family === 4 ? 32 : 128}"`,
        'invalid_cidr',
      );
    }
    return cidrIssue(text, 'write a network like "10.0.0.0/8" or "fd00::/8"');
  }
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!ip.ok) return cidrIssue(text, 'the address part is not a valid IPv4 or IPv6 address');
  const bits = ip.value.family === 4 ? 32 : 128;
  if (!/^[0-9]+$/.test(prefixText) || Number(prefixText) > bits) {
    return cidrIssue(text, `the prefix length must be a number from 0 to ${bits}`);
  }
  const prefixLength = Number(prefixText);
  const network = maskedBytes(ip.value.bytes, prefixLength);
  const masked = network.every((b, i) => b === ip.value.bytes[i]);
  return ok({
    family: ip.value.family,
    bytes: ip.value.bytes,
    prefixLength,
    masked,
    text: formatCidr(ip.value.family, network, prefixLength),
  });
}

/**
 * The IP version Calico gives a CIDR (`libcalico-go/lib/net` `IPNet.Version()`: `To4()` of the
 * network address): an IPv4-mapped IPv6 network (`::ffff:10.0.0.0/104`, prefix 96 or more) is
 * IPv4, as Go's `IPNet.String()` prints it (`10.0.0.0/8`).
 *
 * @example
 * ```ts
 * cidrVersion(unwrap(parseCidr('::ffff:10.0.0.0/104'))); // 4
 * cidrVersion(unwrap(parseCidr('fd00::/8'))); // 6
 * ```
 */
export function cidrVersion(cidr: Pick<Cidr, 'family' | 'bytes' | 'prefixLength'>): IpFamily {
  if (cidr.family === 4) return 4;
  const b = maskedBytes(cidr.bytes, cidr.prefixLength);
  return b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff ? 4 : 6;
}

/**
 * Parses a CIDR the way Calico requires it in rule `nets` / `notNets`: a prefix length and no host
 * bits set (strictly masked). Fails with a fix-it message naming the network address.
 *
 * @example
 * ```ts
 * parseMaskedCidr('10.0.0.0/8').ok; // true
 * parseMaskedCidr('10.0.0.1/8');    // fails: 'Invalid CIDR "10.0.0.1/8": host bits are set, write "10.0.0.0/8"'
 * ```
 */
export function parseMaskedCidr(text: string): Result<Cidr> {
  const r = parseCidr(text);
  if (!r.ok || r.value.masked) return r;
  return cidrIssue(text, `host bits are set, write "${r.value.text}"`, 'cidr_not_masked');
}

/**
 * Parses a CIDR or a bare IP (taken as `/32` or `/128`), host bits allowed, as Calico's
 * `ParseCIDROrIP` does for (Global)NetworkSet `nets`.
 *
 * @example
 * ```ts
 * parseCidrOrIp('10.0.0.1').ok;    // true (a /32)
 * parseCidrOrIp('10.0.0.1/24').ok; // true (not strictly masked, still accepted)
 * ```
 */
export function parseCidrOrIp(text: string): Result<Cidr> {
  if (typeof text === 'string' && !text.includes('/')) {
    const ip = parseIp(text);
    if (!ip.ok) return cidrIssue(text, 'write an IP like "10.0.0.1" or a CIDR like "10.0.0.0/8"');
    const prefixLength = ip.value.family === 4 ? 32 : 128;
    return ok({
      family: ip.value.family,
      bytes: ip.value.bytes,
      prefixLength,
      masked: true,
      text: `${ip.value.text}/${prefixLength}`,
    });
  }
  return parseCidr(text);
}

function cidrIssue(
  text: string,
  hint: string,
  code: 'invalid_cidr' | 'cidr_not_masked' = 'invalid_cidr',
): Result<never> {
  return fail({ code, path: [], message: `Invalid CIDR ${JSON.stringify(text)}: ${hint}` });
}

/**
 * The family of an IP address or CIDR text, or `undefined` when it parses as neither.
 *
 * @example
 * ```ts
 * ipFamily('fd00::/8'); // 6
 * ipFamily('10.1.2.3'); // 4
 * ```
 */
export function ipFamily(text: string): IpFamily | undefined {
  const r = parseCidrOrIp(text);
  return r.ok ? r.value.family : undefined;
}

/**
 * Whether the IP address `ip` lies inside `cidr` (host bits of `cidr` are ignored). Different
 * families never match; unparsable input never matches.
 *
 * @example
 * ```ts
 * ipInCidr('10.1.2.3', '10.0.0.0/8');   // true
 * ipInCidr('10.1.2.3', 'fd00::/8');     // false
 * ```
 */
export function ipInCidr(ip: string, cidr: string): boolean {
  const a = parseIp(ip);
  const c = parseCidrOrIp(cidr);
  if (!a.ok || !c.ok || a.value.family !== c.value.family) return false;
  const net = maskedBytes(c.value.bytes, c.value.prefixLength);
  const addr = maskedBytes(a.value.bytes, c.value.prefixLength);
  return net.every((b, i) => b === addr[i]);
}

/**
 * Whether every address of `inner` is in `outer` (same family, `outer`'s prefix no longer).
 *
 * @example
 * ```ts
 * cidrCovers(unwrap(parseCidr('10.0.0.0/8')), unwrap(parseCidr('10.1.0.0/16'))); // true
 * cidrCovers(unwrap(parseCidr('10.0.0.0/8')), unwrap(parseCidr('192.168.0.0/16'))); // false
 * ```
 */
export function cidrCovers(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || inner.prefixLength < outer.prefixLength) return false;
  const net = maskedBytes(outer.bytes, outer.prefixLength);
  return maskedBytes(inner.bytes, outer.prefixLength).every((b, i) => b === net[i]);
}

/**
 * Whether a CIDR is the catch-all of its family (`0.0.0.0/0`, or any spelling of `::/0`).
 *
 * @example
 * ```ts
 * isCatchAllCidr(unwrap(parseCidr('0:0::/0'))); // true
 * ```
 */
export function isCatchAllCidr(cidr: Cidr): boolean {
  return cidr.prefixLength === 0 && cidr.bytes.every((b) => b === 0);
}
