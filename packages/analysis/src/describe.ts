/** Regions and changes as one line of text, the way a reviewer reads them. */
import {
  type Family,
  formatIp,
  type IpInterval,
  intervalToCidrs,
  maxIp,
  parseCidrInterval,
} from './sets/ip.js';
import type { Change, FlowRegion, IcmpChange, PortRange, ViaChange } from './types.js';

function intervalsOf(cidrs: readonly string[], family: Family): IpInterval[] {
  const ivs = cidrs
    .map(parseCidrInterval)
    .filter((x): x is IpInterval => x !== undefined && x.family === family)
    .sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out: IpInterval[] = [];
  for (const iv of ivs) {
    const last = out[out.length - 1];
    if (last && iv.lo <= last.hi + 1n) {
      if (iv.hi > last.hi) out[out.length - 1] = { family, lo: last.lo, hi: iv.hi };
    } else out.push(iv);
  }
  return out;
}

function complement(ivs: readonly IpInterval[], family: Family): IpInterval[] {
  const out: IpInterval[] = [];
  let next = 0n;
  for (const iv of ivs) {
    if (iv.lo > next) out.push({ family, lo: next, hi: iv.lo - 1n });
    next = iv.hi + 1n;
  }
  if (next <= maxIp(family)) out.push({ family, lo: next, hi: maxIp(family) });
  return out;
}

const addr = (iv: IpInterval) =>
  iv.lo === iv.hi ? formatIp(iv.family, iv.lo) : intervalToCidrs(iv).join(', ');

/** One family's addresses: a short list, or "any … except" when the complement is shorter. */
function familyText(cidrs: readonly string[], family: Family, max: number): string | undefined {
  const ivs = intervalsOf(cidrs, family);
  if (ivs.length === 0) return undefined;
  const name = family === 4 ? 'IPv4' : 'IPv6';
  const holes = complement(ivs, family);
  const list = (xs: IpInterval[]) => {
    const parts = xs.map(addr);
    return parts.length > max
      ? `${parts.slice(0, max).join(', ')} and ${parts.length - max} more`
      : parts.join(', ');
  };
  if (holes.length === 0) return `any ${name}`;
  const count = (xs: IpInterval[]) => xs.reduce((n, iv) => n + intervalToCidrs(iv).length, 0);
  return count(holes) < count(ivs) ? `any ${name} except ${list(holes)}` : list(ivs);
}

/**
 * A region's addresses as text: `any IPv4 except 10.0.0.1`, `10.0.0.0/24`, ….
 *
 * @example
 * ```ts
 * addressesText(['0.0.0.0/1', '128.0.0.0/1']); // 'any IPv4'
 * ```
 */
export function addressesText(cidrs: readonly string[], max = 6): string {
  const parts = ([4, 6] as const)
    .map((f) => familyText(cidrs, f, max))
    .filter((x): x is string => x !== undefined);
  if (parts.length === 2 && parts[0] === 'any IPv4' && parts[1] === 'any IPv6') return 'any address';
  return parts.join(' + ');
}

const portText = (ports: readonly PortRange[]) => {
  if (ports.length === 1 && Array.isArray(ports[0]) && ports[0][0] === 0 && ports[0][1] === 65535)
    return 'any port';
  return ports.map((p) => (Array.isArray(p) ? `${p[0]}–${p[1]}` : String(p))).join(', ');
};

/**
 * A region as one line: `TCP any IPv4 → 169.46.7.10 port 30000–32767` (no port said: every port).
 *
 * @example
 * ```ts
 * declare const region: FlowRegion;
 * regionText(region); // e.g. 'TCP any IPv4 → 169.46.7.10 port 31024'
 * ```
 */
export function regionText(r: FlowRegion): string {
  const protos =
    r.protocol.length > 8
      ? `${r.protocol.length} protocols (${r.protocol.slice(0, 4).join(', ')}, …)`
      : r.protocol.join('/');
  const ported = r.protocol.some(
    (p) => p === 'TCP' || p === 'UDP' || p === 'SCTP' || p === 6 || p === 17 || p === 132,
  );
  const src = addressesText(r.srcIp);
  // Every port is said by saying none (as for portless protocols).
  const portsOf = (ports: readonly PortRange[]) =>
    ported && portText(ports) !== 'any port' ? ` port ${portText(ports)}` : '';
  const srcPort = portsOf(r.srcPort);
  const dstPort = portsOf(r.dstPort);
  return `${protos} ${src}${srcPort} → ${addressesText(r.dstIp)}${dstPort}`;
}

/**
 * A change as one line: `TCP any IPv4 → 169.46.7.10 port 31024: Allow → Deny`; an
 * {@link IcmpChange} names its type and code (`ICMP any IPv4 → 10.1.0.5 type 8: Allow → Deny`), a
 * {@link ViaChange} where it enters (`… → 203.0.113.11 port 80 via node-1/eth0: Allow → Deny`).
 *
 * @example
 * ```ts
 * declare const change: Change;
 * changeText(change);
 * ```
 */
export function changeText(c: Change | IcmpChange | ViaChange): string {
  const icmp =
    'icmp' in c ? ` type ${c.icmp.type}${c.icmp.code !== undefined ? ` code ${c.icmp.code}` : ''}` : '';
  const via =
    'via' in c ? ` via ${c.via.node}${c.via.interface !== undefined ? `/${c.via.interface}` : ''}` : '';
  return `${regionText(c.region)}${icmp}${via}: ${c.before} → ${c.after}`;
}
