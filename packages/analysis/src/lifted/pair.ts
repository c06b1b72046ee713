/**
 * The lifted engine for one (source address, destination address) pair: the flows between them
 * split by topology (a service frontend at the destination is a (protocol, port) point; the
 * rest goes to the address's owner), the evaluator's plans of each topology run over each part,
 * and the paths' ends overlaid into regions with the flow's verdict and deciding rules.
 */
import {
  addressOwner,
  type DestinationOwner,
  destinationOwner,
  entitiesOwning,
  type Ip,
  type MatchContext,
  makeTopology,
  type PathPlan,
  type PolicyModel,
  planPaths,
  type RoleBinding,
  sourceOwner,
  type Topology,
  type Verdict,
  type WorldModel,
} from '../evaluator-seam.js';
import { type Box, boxAnd, splitBoxes } from './boxes.js';
import { type ChainContext, decisionKey, type StagedNote } from './chain.js';
import { type PathEnd, type ReplyPlanner, runPath } from './interpret.js';
import { portBox, type View } from './rule-match.js';

/**
 * A world prepared for lifted runs: rule matching, plans per topology key, frontends per address.
 *
 * @example
 * ```ts
 * // world: pods web (10.0.0.1) and api (10.0.0.2) in prod; NetworkPolicy allow-web lets web reach api on TCP 8080
 * const ctx: LiftContext = liftContext(world.model);
 * ctx.plans.size; // 0: plans are made per topology key on first use
 * liftPair(ctx, web, api, universe(new Set([6]), undefined, undefined));
 * ctx.plans.size; // 1: the pod → pod topology
 * ```
 */
export interface LiftContext {
  readonly world: WorldModel;
  readonly chain: ChainContext;
  readonly plans: Map<string, readonly PathPlan[]>;
  readonly frontends: Map<string, readonly (readonly [number, number])[]>;
}

/**
 * A context for lifted runs over a world; `reached` (optional) hears of every policy rule that
 * some flow reaches and matches, `staged` of what staged policies would do to which flows.
 *
 * @example
 * ```ts
 * declare const world: World;
 * const hits = new Set<string>();
 * liftContext(world.model, (p, dir, i) => hits.add(`${p.name} ${dir} ${i}`));
 * ```
 */
export function liftContext(
  world: WorldModel,
  reached?: (p: PolicyModel, direction: 'ingress' | 'egress', index: number) => void,
  staged?: StagedNote,
): LiftContext {
  const match: MatchContext = { world, owners: (ip) => entitiesOwning(world, ip) };
  return { world, chain: { match, reached, staged }, plans: new Map(), frontends: new Map() };
}

/**
 * A region of the flows between two addresses: its verdict, and the sorted, distinct decisions
 * of its paths (`decisionKey`).
 *
 * @example
 * ```ts
 * // world: pods web (10.0.0.1) and api (10.0.0.2) in prod; NetworkPolicy allow-web lets web reach api on TCP 8080
 * const regions: LiftedRegion[] = liftPair(ctx, web, api, universe(new Set([6]), undefined, undefined));
 * regions.map((r) => `${r.verdict} ${JSON.stringify(r.box.d)} ${r.decisions}`);
 * // ['Allow [[8080,8080]] workloadIngress|NetworkPolicy/prod/allow-web|default|0|ingress',
 * //  'Deny [[0,8079],[8081,65535]] workloadIngress||default||ingress']
 * ```
 */
export interface LiftedRegion {
  readonly box: Box;
  readonly verdict: Verdict;
  readonly decisions: readonly string[];
}

/** The (protocol, port) points at which `ip` is a service frontend (a VIP, or a node's nodePorts). */
function frontendPoints(ctx: LiftContext, ip: Ip): readonly (readonly [number, number])[] {
  let pts = ctx.frontends.get(ip.key);
  if (pts === undefined) {
    const out: [number, number][] = [];
    const w = ctx.world;
    const read = (rest: string) => {
      const [p, port] = rest.split('|').map(Number);
      if (p !== undefined && port !== undefined) out.push([p, port]);
    };
    if (w.frontendIps.has(ip.key))
      for (const k of w.frontends.keys()) if (k.startsWith(`${ip.key}|`)) read(k.slice(ip.key.length + 1));
    if (w.nodeByIp.has(ip.key)) for (const k of w.nodePorts.keys()) read(k);
    pts = out;
    ctx.frontends.set(ip.key, pts);
  }
  return pts;
}

function plansOf(ctx: LiftContext, t: Topology): readonly PathPlan[] {
  let plans = ctx.plans.get(t.key);
  if (plans === undefined) {
    plans = planPaths(ctx.world, t);
    ctx.plans.set(t.key, plans);
  }
  return plans;
}

const bindingOf = (t: Topology): RoleBinding => ({
  source: t.source.kind === 'pod' ? t.source.wep : undefined,
  destination: t.destination.kind === 'pod' ? t.destination.wep : undefined,
});

/**
 * The flows from `src` to `dst` split by topology; `dim` is the box dimension that holds the
 * packet's destination port (`'d'`, or `'s'` for a reply).
 */
function byTopology(
  ctx: LiftContext,
  src: Ip,
  dst: Ip,
  dim: 's' | 'd',
  boxes: Box[],
  via?: Topology['via'],
): { boxes: Box[]; plans: readonly PathPlan[]; bind: RoleBinding }[] {
  const out: { boxes: Box[]; plans: readonly PathPlan[]; bind: RoleBinding }[] = [];
  const source = sourceOwner(ctx.world, src);
  const groups = new Map<string, { t: Topology; region: Box[] }>();
  for (const [protocol, port] of frontendPoints(ctx, dst)) {
    const owner: DestinationOwner = destinationOwner(ctx.world, {
      protocol,
      src,
      srcPort: 0,
      dst,
      dstPort: port,
      icmp: undefined,
    });
    const t = makeTopology(source, owner, via);
    const b = portBox({ dim }, [[port, port]], [[protocol, protocol]]);
    if (!b) continue;
    const g = groups.get(t.key);
    if (g) g.region.push(b);
    else groups.set(t.key, { t, region: [b] });
  }
  let rest = boxes;
  for (const { t, region } of groups.values()) {
    const { hit, miss } = splitBoxes(rest, region);
    rest = miss;
    if (hit.length > 0) out.push({ boxes: hit, plans: plansOf(ctx, t), bind: bindingOf(t) });
  }
  if (rest.length > 0) {
    const t = makeTopology(source, addressOwner(ctx.world, dst), via);
    out.push({ boxes: rest, plans: plansOf(ctx, t), bind: bindingOf(t) });
  }
  return out;
}

interface Piece {
  readonly box: Box;
  readonly allow: number;
  readonly deny: number;
  readonly keys: ReadonlySet<string>;
}

/**
 * Every flow from `src` to `dst` inside `space` (disjoint boxes), as regions with one verdict
 * and one set of deciding rules each — the lifted `world.evaluate` (with `via` when given; no ICMP
 * type).
 *
 * @example
 * ```ts
 * declare const ctx: LiftContext; declare const a: Ip; declare const b: Ip;
 * liftPair(ctx, a, b, universe(undefined, undefined, undefined)).map((r) => r.verdict);
 * ```
 */
export function liftPair(
  ctx: LiftContext,
  src: Ip,
  dst: Ip,
  space: Box[],
  via?: Topology['via'],
): LiftedRegion[] {
  const original: View = { src, dst, srcPort: { dim: 's' }, dstPort: { dim: 'd' } };
  const replies: ReplyPlanner = (boxes, reply, replyVia) =>
    byTopology(ctx, reply.src, reply.dst, 's', boxes, replyVia);
  const regions: LiftedRegion[] = [];
  for (const part of byTopology(ctx, src, dst, 'd', space, via)) {
    let pieces: Piece[] = part.boxes.map((box) => ({ box, allow: 0, deny: 0, keys: new Set() }));
    for (const plan of part.plans)
      for (const backend of plan.backends.length === 0 ? [undefined] : plan.backends) {
        const ends: PathEnd[] = runPath(ctx.chain, plan, backend, part.bind, original, part.boxes, replies);
        const next: Piece[] = [];
        for (const pc of pieces)
          for (const end of ends) {
            const key = decisionKey(end.decision);
            for (const b of end.boxes) {
              const box = boxAnd(pc.box, b);
              if (!box) continue;
              next.push({
                box,
                allow: pc.allow + (end.allow ? 1 : 0),
                deny: pc.deny + (end.allow ? 0 : 1),
                keys: pc.keys.has(key) ? pc.keys : new Set([...pc.keys, key]),
              });
            }
          }
        pieces = next;
      }
    for (const pc of pieces)
      regions.push({
        box: pc.box,
        // No path at all: Deny, as the evaluator's verdict of an empty plan list.
        verdict: pc.deny === 0 && pc.allow > 0 ? 'Allow' : pc.allow === 0 ? 'Deny' : 'Mixed',
        decisions: [...pc.keys].sort(),
      });
  }
  return regions;
}
