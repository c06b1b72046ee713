/** Helpers for checking the lifted engine against `world.evaluate`: points of a region, decision keys. */
import type { EvaluationResult, Flow } from '@calico-dsl/evaluator';
import { type Box, ivsHas } from '../../src/lifted/boxes.js';
import { decisionKey } from '../../src/lifted/chain.js';

const PORTED = new Set([6, 17, 132]);

/** A few points of an interval list: its ends and a middle, plus `extra` when inside. */
function picks(ivs: Box['s'], extra: number[]): number[] {
  const out = new Set<number>();
  for (const [lo, hi] of ivs) {
    out.add(lo);
    out.add(hi);
    out.add(Math.floor((lo + hi) / 2));
    for (const x of extra) if (lo <= x && x <= hi) out.add(x);
  }
  return [...out];
}

/** Flows inside a region box between two addresses (ends, middles and common ports of each dimension). */
export function pointsOf(box: Box, srcIp: string, dstIp: string, limit = 24): Flow[] {
  const protos = picks(box.p, [1, 6, 17, 58, 132]).filter((p) => p >= 1 && p <= 255);
  const out: Flow[] = [];
  for (const p of protos) {
    if (!PORTED.has(p)) {
      out.push({ protocol: p, srcIp, dstIp });
      continue;
    }
    for (const s of picks(box.s, [40000]))
      for (const d of picks(box.d, [22, 53, 80, 8080, 8081, 30080]))
        out.push({ protocol: p, srcIp, srcPort: s, dstIp, dstPort: d });
  }
  if (out.length <= limit) return out;
  const step = out.length / limit;
  return Array.from({ length: limit }, (_, i) => out[Math.floor(i * step)] as Flow);
}

/**
 * The flows of a region that Felix's drop of encapsulation from workloads singles out, when
 * inside it: IP protocol 4 (IPIP) and UDP to the vxlanPorts of the test worlds (4789, the
 * default; 8472; 8080). The end and middle points of {@link pointsOf} miss them inside a wider
 * box, so a region that wrongly spans a drop's edge is only caught here.
 */
export function encapPointsOf(box: Box, srcIp: string, dstIp: string): Flow[] {
  const out: Flow[] = [];
  if (ivsHas(box.p, 4)) out.push({ protocol: 4, srcIp, dstIp });
  if (!ivsHas(box.p, 17)) return out;
  const srcPort = ivsHas(box.s, 40000) ? 40000 : (box.s[0] as readonly [number, number])[0];
  for (const dstPort of [4789, 8472, 8080])
    if (ivsHas(box.d, dstPort)) out.push({ protocol: 17, srcIp, srcPort, dstIp, dstPort });
  return out;
}

/** The decisions of a concrete result's paths, as the lifted engine keys them. */
export function concreteDecisions(r: EvaluationResult): string[] {
  return [...new Set(r.paths.map((p) => decisionKey(p.decidedBy)))].sort();
}
