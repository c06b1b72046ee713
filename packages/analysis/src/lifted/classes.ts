/**
 * The lifted engine on endpoint classes: the regions of a class pair are the regions of its
 * representative addresses (every address of a class has the same owners' attributes and CIDR
 * memberships, so the same regions), and a region's witness is a readable point of it.
 */
import { addressPairs } from '../cells.js';
import {
  type Flow,
  type Ip,
  parseIp,
  type Topology,
  type Verdict,
  type WorldModel,
} from '../evaluator-seam.js';
import type { IpClass } from '../partition.js';
import { protocolLabel } from '../region.js';
import { type Family, formatIp, type IpInterval } from '../sets/ip.js';
import { type Box, boxAnd, ivsAnd, ivsHas, PORTED } from './boxes.js';
import { type LiftContext, type LiftedRegion, liftContext, liftPair } from './pair.js';

const contexts = new WeakMap<WorldModel, LiftContext>();

/**
 * The shared lift context of a world (plans and frontends cached; no rule notes).
 *
 * @example
 * ```ts
 * declare const world: World;
 * contextOf(world.model).plans.size;
 * ```
 */
export function contextOf(world: WorldModel): LiftContext {
  let ctx = contexts.get(world);
  if (ctx === undefined) {
    ctx = liftContext(world);
    contexts.set(world, ctx);
  }
  return ctx;
}

/**
 * An address of a family as the evaluator reads it.
 *
 * @example
 * ```ts
 * ipOf(4, 167772161n).text; // '10.0.0.1'
 * ```
 */
export function ipOf(family: Family, value: bigint): Ip {
  const key = `${family}:${value}`;
  let ip = ips.get(key);
  if (ip === undefined) {
    const text = formatIp(family, value);
    ip = parseIp(text);
    if (ip === undefined) throw new Error(`analysis: cannot read back address ${text}`);
    if (ips.size > 100_000) ips.clear();
    ips.set(key, ip);
  }
  return ip;
}

// Representatives recur in every query: read each once.
const ips = new Map<string, Ip>();

const pick = (ivs: Box['s'], preferred: number): number =>
  ivsHas(ivs, preferred) ? preferred : ((ivs[0] as readonly [number, number])[0] ?? 0);

/**
 * A readable flow of a region between two addresses: TCP, then UDP, when it holds them; an
 * ephemeral source port (40000) and port 80 when inside.
 *
 * @example
 * ```ts
 * witnessOf({ p: [[6, 6]], s: [[0, 65535]], d: [[80, 80]] }, 4, 1n, 2n).dstPort; // 80
 * ```
 */
export function witnessOf(box: Box, family: Family, src: bigint, dst: bigint): Flow {
  const ported = ivsAnd(box.p, PORTED);
  const protocol = ivsHas(box.p, 6) ? 6 : ivsHas(box.p, 17) ? 17 : ((ported[0] ?? box.p[0])?.[0] ?? 6);
  const srcIp = formatIp(family, src);
  const dstIp = formatIp(family, dst);
  if (!ivsHas(PORTED, protocol)) return { protocol: protocolLabel(protocol), srcIp, dstIp };
  return {
    protocol: protocolLabel(protocol),
    srcIp,
    srcPort: pick(box.s, 40000),
    dstIp,
    dstPort: pick(box.d, 80),
  };
}

/**
 * The regions of the flows from one class to another (restricted to some of their addresses),
 * per representative address pair (see `addressPairs`: a class with itself has two).
 *
 * @example
 * ```ts
 * declare const ctx: LiftContext; declare const a: IpClass;
 * liftClasses(ctx, a, a.intervals, a, a.intervals, universe(undefined, undefined, undefined)).length; // 1 or 2
 * ```
 */
export function liftClasses(
  ctx: LiftContext,
  src: IpClass,
  srcIvs: readonly IpInterval[],
  dst: IpClass,
  dstIvs: readonly IpInterval[],
  space: Box[],
  via?: Topology['via'],
): { readonly src: bigint; readonly dst: bigint; readonly regions: LiftedRegion[] }[] {
  const family = src.family;
  return addressPairs(src, srcIvs, dst, dstIvs).map(([s, d]) => ({
    src: s,
    dst: d,
    regions: liftPair(ctx, ipOf(family, s), ipOf(family, d), space, via),
  }));
}

/** A box of flows with its verdict in each of two worlds. */
export interface Overlaid {
  readonly box: Box;
  readonly before: Verdict;
  readonly after: Verdict;
}

/**
 * Two worlds' regions of the same flows laid over each other: each box with both verdicts.
 *
 * @example
 * ```ts
 * overlay(beforeRegions, afterRegions).filter((o) => o.before !== o.after); // the changed boxes
 * ```
 */
export function overlay(before: readonly LiftedRegion[], after: readonly LiftedRegion[]): Overlaid[] {
  const out: Overlaid[] = [];
  for (const x of before)
    for (const y of after) {
      const box = boxAnd(x.box, y.box);
      if (box) out.push({ box, before: x.verdict, after: y.verdict });
    }
  return out;
}
