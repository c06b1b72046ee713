/**
 * What the lint checks share: the world, its partition into address classes, and the lifted
 * engine's record of which rules some flow reaches ({@link liftedReaches}: a `false` is a proof).
 */

import { entryChoices, fromOutside, type Via } from '../entry.js';
import type { EndpointModel, PolicyModel, RuleModel, World, WorldModel } from '../evaluator-seam.js';
import { universe } from '../lifted/boxes.js';
import { liftClasses } from '../lifted/classes.js';
import { type LiftContext, liftContext } from '../lifted/pair.js';
import type { stagedDenials } from '../lifted/staged.js';
import { type IpClass, type Partition, representatives } from '../partition.js';
import { sideMayMatch } from '../rule-side.js';
import type { LintFinding } from '../types.js';

/** The resource a finding names. */
export const resourceOf = (p: PolicyModel): LintFinding['resource'] =>
  p.namespace === undefined
    ? { kind: p.kind, name: p.name }
    : { kind: p.kind, namespace: p.namespace, name: p.name };
/** `Kind namespace/name` of a policy, for messages. */
export const title = (p: PolicyModel) => `${p.kind} ${p.namespace ? `${p.namespace}/` : ''}${p.name}`;

/** The endpoints a policy's selector selects. */
export function selected(model: WorldModel, p: PolicyModel): EndpointModel[] {
  return model.endpoints.filter((e) => p.selector(e.labels));
}

/** What every check reads. */
export interface Ctx {
  readonly world: World;
  readonly model: WorldModel;
  readonly part: Partition;
  readonly backends: ReadonlySet<EndpointModel>;
  /** The lifted engine with every rule a region reaches noted, run pair by pair as proofs need it. */
  readonly reach: Reach;
  /** Staged denials of allowed flows, from the lifted engine. */
  readonly staged: ReturnType<typeof stagedDenials>;
  /** Whether some rule (a policy's or a profile's) matches on an ICMP type or code. */
  readonly typedIcmp: boolean;
}

/** Rules some flow reaches and matches (by policy: `direction:index`), from the class pairs lifted so far. */
export interface Reach {
  readonly hits: Map<PolicyModel, Set<string>>;
  readonly lifted: Set<string>;
  readonly ctx: LiftContext;
  /** Where a flow from outside the model may say it enters (`via`): the evaluator's choices. */
  readonly vias: readonly Via[];
}

/** A lint run's empty reach record over a world's lifted engine. */
export function newReach(model: WorldModel): Reach {
  const hits = new Map<PolicyModel, Set<string>>();
  const ctx = liftContext(model, (p, dir, index) => {
    let set = hits.get(p);
    if (!set) {
      set = new Set();
      hits.set(p, set);
    }
    set.add(`${dir}:${index}`);
  });
  return { hits, lifted: new Set(), ctx, vias: entryChoices(model) };
}

const EVERY_FLOW = universe(undefined, undefined, undefined);

/**
 * Whether some flow between the given class pairs reaches and matches rule `index` of `p`: the
 * lifted engine runs each pair over every flow (once per lint run; every rule any region reaches
 * is noted), so `false` is a proof for those pairs, with no sampling and no budget. A flow from
 * outside the model may also name where it enters (`via`): such pairs are run with every choice
 * too, after the pairs as routed (which decide most rules), since that can reach rules no routed
 * flow reaches (a packet to a node's public address arriving on its private interface).
 */
export function liftedReaches(
  ctx: Ctx,
  p: PolicyModel,
  dir: 'ingress' | 'egress',
  index: number,
  pairs: Iterable<readonly [IpClass, IpClass]>,
): boolean {
  const key = `${dir}:${index}`;
  const { hits, lifted, vias } = ctx.reach;
  if (hits.get(p)?.has(key)) return true;
  const entering: (readonly [IpClass, IpClass])[] = [];
  for (const pair of pairs) {
    const [s, d] = pair;
    if (vias.length > 0 && fromOutside(ctx.model, s)) entering.push(pair);
    const id = `${s.id}>${d.id}`;
    if (lifted.has(id)) continue;
    lifted.add(id);
    liftClasses(ctx.reach.ctx, s, s.intervals, d, d.intervals, EVERY_FLOW);
    if (hits.get(p)?.has(key)) return true;
  }
  for (const via of vias)
    for (const [s, d] of entering) {
      const id = `${s.id}>${d.id}@${via.node}/${via.interface ?? ''}`;
      if (lifted.has(id)) continue;
      lifted.add(id);
      liftClasses(ctx.reach.ctx, s, s.intervals, d, d.intervals, EVERY_FLOW, via);
      if (hits.get(p)?.has(key)) return true;
    }
  return false;
}

const sideCache = new WeakMap<RuleModel['source'], Map<IpClass, boolean>>();
/** Whether a rule side may match some address of class `c` (cached per side and class). */
export function sideMay(ctx: Ctx, side: RuleModel['source'], c: IpClass): boolean {
  if (!side.nets && !side.notNets && !side.selector && !side.notSelector) return true;
  let m = sideCache.get(side);
  if (!m) {
    m = new Map();
    sideCache.set(side, m);
  }
  let v = m.get(c);
  if (v === undefined) {
    v = sideMayMatch(ctx.model, side, c.family, representatives(c.intervals)[0]);
    m.set(c, v);
  }
  return v;
}

/**
 * The class pairs a policy's chain can meet: its own classes (`own`, or every class) on the
 * destination side for ingress, the source side for egress, filtered by `ownOk` / `peerOk`.
 */
export function* pairsFor(
  ctx: Ctx,
  own: ReadonlySet<IpClass> | undefined,
  ownIsDst: boolean,
  ownOk: (c: IpClass) => boolean,
  peerOk: (c: IpClass) => boolean,
): Generator<readonly [IpClass, IpClass]> {
  for (const [, classes] of ctx.part.byFamily) {
    const mine = classes.filter((c) => (own ? own.has(c) : true) && ownOk(c));
    const peers = classes.filter(peerOk);
    for (const m of mine) for (const p of peers) yield ownIsDst ? [p, m] : [m, p];
  }
}
