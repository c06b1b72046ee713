/** Brute-force helpers: which flows lie in a region, and small enumerable boxes around a flow. */
import type { Flow } from '@calico-dsl/evaluator';
import type { FlowRegion, FlowSpace } from '../../src/index.js';
import { parseCidrInterval, parseIpValue } from '../../src/sets/ip.js';
import { protocolOf } from '../../src/space.js';

const PORTED = new Set([6, 17, 132]);

export function inSpace(f: Flow, s: FlowSpace | FlowRegion): boolean {
  const p = protocolOf(f.protocol);
  if (p === undefined) return false;
  if (s.protocol && !s.protocol.some((x) => protocolOf(x) === p)) return false;
  const inCidrs = (ip: string, list: readonly string[] | undefined) => {
    if (!list) return true;
    const v = parseIpValue(ip);
    return list.some((c) => {
      const iv = parseCidrInterval(c);
      return !!iv && !!v && iv.family === v.family && iv.lo <= v.value && v.value <= iv.hi;
    });
  };
  if (!inCidrs(f.srcIp, s.srcIp) || !inCidrs(f.dstIp, s.dstIp)) return false;
  if (PORTED.has(p)) {
    const inPorts = (port: number | undefined, list: FlowSpace['srcPort']) =>
      !list ||
      port === undefined ||
      list.some((r) => (Array.isArray(r) ? r[0] <= port && port <= r[1] : r === port));
    if (!inPorts(f.srcPort, s.srcPort) || !inPorts(f.dstPort, s.dstPort)) return false;
  }
  return true;
}

const ip4 = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
const num4 = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);

/** A box around a flow (src /31, dst /31, dst port ±1, its protocol) and every flow in it. */
export function boxAround(f: Flow): { space: FlowSpace; flows: Flow[] } {
  const s = num4(f.srcIp) - (num4(f.srcIp) % 2);
  const d = num4(f.dstIp) - (num4(f.dstIp) % 2);
  const ported = f.dstPort !== undefined;
  const dp = f.dstPort ?? 80;
  const lo = Math.max(0, dp - 1);
  const hi = Math.min(65535, dp + 1);
  const space: FlowSpace = {
    protocol: [f.protocol as string],
    srcIp: [`${ip4(s)}/31`],
    dstIp: [`${ip4(d)}/31`],
    srcPort: [40000],
    dstPort: [[lo, hi]],
  };
  const flows: Flow[] = [];
  for (const a of [s, s + 1])
    for (const b of [d, d + 1]) {
      if (!ported) flows.push({ protocol: f.protocol, srcIp: ip4(a), dstIp: ip4(b) });
      else
        for (let p = lo; p <= hi; p++)
          flows.push({ protocol: f.protocol, srcIp: ip4(a), srcPort: 40000, dstIp: ip4(b), dstPort: p });
    }
  return { space, flows };
}
