/**
 * IP addresses and CIDRs as numbers, so that membership tests in the hot path are integer
 * arithmetic. IPv4 uses a 32-bit unsigned number; IPv6 a bigint.
 *
 * Not core's `parseIp` / `parseCidrOrIp` / `ipInCidr`: those validate and return byte arrays
 * (and `ipInCidr` re-parses both strings per call), which suits `validate` but not a per-flow
 * path; here every address is parsed once into a number with a canonical `key` for Map
 * lookups. Input is validated by core (`validate` / `fromYaml`) before it gets here.
 */
import ipaddr from 'ipaddr.js';

/** A parsed IP address. */
export type Ip =
  | { readonly version: 4; readonly text: string; readonly value: number; readonly key: string }
  | { readonly version: 6; readonly text: string; readonly value: bigint; readonly key: string };

/**
 * Builds an {@link Ip} from its numeric value (the canonical key is computed once here).
 *
 * @example
 * ```ts
 * ipFromValue(4, 167772161, '10.0.0.1').key; // '4:167772161'
 * ```
 */
export function ipFromValue(version: 4, value: number, text: string): Ip;
export function ipFromValue(version: 6, value: bigint, text: string): Ip;
export function ipFromValue(version: 4 | 6, value: number | bigint, text: string): Ip {
  const key = `${version}:${value.toString()}`;
  return version === 4
    ? { version, text, value: value as number, key }
    : { version, text, value: value as bigint, key };
}

/** A parsed CIDR with host bits cleared (network sets may carry unmasked CIDRs or bare IPs). */
export type Cidr =
  | { readonly version: 4; readonly text: string; readonly base: number; readonly prefix: number }
  | { readonly version: 6; readonly text: string; readonly base: bigint; readonly prefix: number };

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Parses an IPv4 or IPv6 address; `undefined` when it is not one.
 *
 * @example
 * ```ts
 * parseIp('10.0.0.1')?.version; // 4
 * ```
 */
export function parseIp(text: string): Ip | undefined {
  const m = V4.exec(text);
  if (m) {
    let value = 0;
    for (let i = 1; i <= 4; i++) {
      const text = m[i] as string;
      // `010.0.0.1` is ambiguous (octal in some readers) and `validate` rejects it in CIDRs.
      if (text.length > 1 && text.startsWith('0')) return undefined;
      const octet = Number(text);
      if (octet > 255) return undefined;
      value = value * 256 + octet;
    }
    return ipFromValue(4, value, text);
  }
  // A zone (`fe80::1%eth0`) is no part of an address Calico matches: Go's net.ParseIP refuses it.
  if (!text.includes(':') || text.includes('%') || !ipaddr.IPv6.isValid(text)) return undefined;
  const addr = ipaddr.IPv6.parse(text);
  if (addr.isIPv4MappedAddress()) return parseIp(addr.toIPv4Address().toString());
  let value = 0n;
  for (const part of addr.parts) value = (value << 16n) | BigInt(part);
  return ipFromValue(6, value, text);
}

/**
 * Parses `a.b.c.d/n`, an IPv6 CIDR, or a bare IP (as a host route); host bits are cleared.
 *
 * @example
 * ```ts
 * cidrContains(parseCidr('10.0.0.0/8')!, parseIp('10.1.2.3')!); // true
 * ```
 */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const parsed = parseIp(address);
  if (!parsed) return undefined;
  // An IPv4-mapped IPv6 address (`::ffff:10.0.0.0`) parses as IPv4, but its prefix counts the
  // 128 bits of the IPv6 form, as in Go's net.ParseCIDR.
  const mapped = parsed.version === 4 && address.includes(':');
  const max = parsed.version === 4 && !mapped ? 32 : 128;
  const prefix = slash < 0 ? max : Number(text.slice(slash + 1));
  if (
    !Number.isInteger(prefix) ||
    prefix < 0 ||
    prefix > max ||
    (slash >= 0 && !/^\d+$/.test(text.slice(slash + 1)))
  ) {
    return undefined;
  }
  return mapped ? mappedCidr(text, parsed.value as number, prefix) : maskedCidr(text, parsed, prefix);
}

/**
 * An IPv4-mapped IPv6 CIDR as Go's `IPNet.String()` prints it, which is the text Calico hands
 * Felix (`libcalico-go/lib/backend/syncersv1/updateprocessors/rules.go` ConvertStringsToNets,
 * `felix/calc/rule_convert.go` ipNetsToProtoStrings): IPv4 with the prefix less 96 when the mask
 * keeps the `::ffff:` part (`networkNumberAndMask`: To4, mask[12:]), else plain IPv6.
 */
function mappedCidr(text: string, v4: number, prefix: number): Cidr {
  if (prefix >= 96) return maskedCidr(text, ipFromValue(4, v4, text), prefix - 96);
  return maskedCidr(text, ipFromValue(6, (0xffffn << 32n) | BigInt(v4), text), prefix);
}

function maskedCidr(text: string, ip: Ip, prefix: number): Cidr {
  if (ip.version === 4) {
    const base = prefix === 0 ? 0 : (ip.value - (ip.value % 2 ** (32 - prefix))) >>> 0;
    return { version: 4, text, base, prefix };
  }
  const hostBits = BigInt(128 - prefix);
  const base = (ip.value >> hostBits) << hostBits;
  return { version: 6, text, base, prefix };
}

/**
 * Whether `ip` lies inside `cidr` (different IP versions never match).
 *
 * @example
 * ```ts
 * cidrContains(parseCidr('0.0.0.0/0')!, parseIp('1.2.3.4')!); // true
 * ```
 */
export function cidrContains(cidr: Cidr, ip: Ip): boolean {
  if (cidr.version === 4) {
    if (ip.version !== 4) return false;
    if (cidr.prefix === 0) return true;
    const size = 2 ** (32 - cidr.prefix);
    return ip.value - (ip.value % size) === cidr.base;
  }
  if (ip.version !== 6) return false;
  const hostBits = BigInt(128 - cidr.prefix);
  return ip.value >> hostBits === cidr.base >> hostBits;
}

/**
 * A canonical string key for an IP, equal for equal addresses written differently.
 *
 * @example
 * ```ts
 * ipKey(parseIp('10.0.0.1')!); // '4:167772161'
 * ```
 */
export function ipKey(ip: Ip): string {
  return ip.key;
}

/**
 * Whether the CIDR covers the whole address family (`0.0.0.0/0`, `::/0`).
 *
 * @example
 * ```ts
 * isCatchAll(parseCidr('::/0')!); // true
 * ```
 */
export function isCatchAll(cidr: Cidr): boolean {
  return cidr.prefix === 0;
}
