/** The flows outside a space, as spaces (for "only these flows may be allowed" questions). */
import { type IpInterval, intervalToCidrs, maxIp } from './sets/ip.js';
import type { PortInterval } from './space.js';
import { readSpace } from './space.js';
import type { FlowSpace } from './types.js';

function ipComplement(ivs: readonly IpInterval[]): string[] {
  const out: string[] = [];
  for (const family of [4, 6] as const) {
    const mine = ivs
      .filter((i) => i.family === family)
      .sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
    let next = 0n;
    for (const iv of mine) {
      if (iv.lo > next) out.push(...intervalToCidrs({ family, lo: next, hi: iv.lo - 1n }));
      if (iv.hi + 1n > next) next = iv.hi + 1n;
    }
    if (next <= maxIp(family)) out.push(...intervalToCidrs({ family, lo: next, hi: maxIp(family) }));
  }
  return out;
}

function portComplement(ps: readonly PortInterval[]): [number, number][] {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of [...ps].sort((a, b) => a[0] - b[0])) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= 65535) out.push([next, 65535]);
  return out;
}

const PORTED = [6, 17, 132];

/**
 * Spaces whose union is every flow outside `space` (they may overlap). Throws like `search` on
 * a bad space.
 *
 * @example
 * ```ts
 * complementSpaces({ dstPort: [80] }); // [{ protocol: [6, 17, 132], dstPort: [[0, 79], [81, 65535]] }]
 * ```
 */
export function complementSpaces(space: FlowSpace): FlowSpace[] {
  const q = readSpace(space);
  const out: FlowSpace[] = [];
  if (q.protocols) {
    const rest = Array.from({ length: 255 }, (_, i) => i + 1).filter((p) => !q.protocols?.has(p));
    if (rest.length > 0) out.push({ protocol: rest });
  }
  const inside = (p: number) => !q.protocols || q.protocols.has(p);
  if (q.src) {
    const c = ipComplement(q.src);
    if (c.length > 0) out.push({ ...(space.protocol ? { protocol: space.protocol } : {}), srcIp: c });
  }
  if (q.dst) {
    const c = ipComplement(q.dst);
    if (c.length > 0) out.push({ ...(space.protocol ? { protocol: space.protocol } : {}), dstIp: c });
  }
  const ported = PORTED.filter(inside);
  for (const key of ['srcPort', 'dstPort'] as const) {
    const ports = q[key];
    if (!ports || ported.length === 0) continue;
    const c = portComplement(ports);
    if (c.length > 0) out.push({ protocol: ported, [key]: c });
  }
  return out;
}
