/**
 * Flows a staged policy would deny while the enforced policies allow them, from the lifted
 * engine: per class pair, the flows each staged policy's walk would deny (§2.5: noted, not
 * enforced) intersected with the regions whose verdict is Allow.
 */

import { addressPairs } from '../cells.js';
import type { Flow, PolicyModel, WorldModel } from '../evaluator-seam.js';
import type { IpClass } from '../partition.js';
import { type Box, boxAnd, universe } from './boxes.js';
import { ipOf, witnessOf } from './classes.js';
import { type LiftContext, type LiftedRegion, liftContext, liftPair } from './pair.js';

type Denied = Map<PolicyModel, { ingress: Box[]; egress: Box[] }>;
interface Lifted {
  readonly src: bigint;
  readonly dst: bigint;
  readonly regions: readonly LiftedRegion[];
  readonly denied: Denied;
}

/**
 * A search for staged denials of allowed flows, each class pair lifted once for every staged
 * policy.
 *
 * @example
 * ```ts
 * declare const world: World; declare const p: PolicyModel; declare const pairs: [IpClass, IpClass][];
 * stagedDenials(world.model).find(p, 'ingress', pairs, (flow) => world.evaluate(flow).verdict === 'Allow');
 * ```
 */
export function stagedDenials(model: WorldModel): {
  find(
    p: PolicyModel,
    dir: 'ingress' | 'egress',
    pairs: Iterable<readonly [IpClass, IpClass]>,
    confirm: (flow: Flow) => boolean,
  ): Flow | undefined;
} {
  let current: Denied | undefined;
  const ctx: LiftContext = liftContext(model, undefined, (p, dir, action, boxes) => {
    if (action !== 'Deny' || current === undefined) return;
    let d = current.get(p);
    if (d === undefined) {
      d = { ingress: [], egress: [] };
      current.set(p, d);
    }
    d[dir].push(...boxes);
  });
  const every = universe(undefined, undefined, undefined);
  const memo = new Map<string, Lifted[]>();
  const lift = (s: IpClass, d: IpClass): Lifted[] => {
    const id = `${s.id}>${d.id}`;
    let out = memo.get(id);
    if (out === undefined) {
      out = [];
      for (const [a, b] of addressPairs(s, s.intervals, d, d.intervals)) {
        const denied: Denied = new Map();
        current = denied;
        const regions = liftPair(ctx, ipOf(s.family, a), ipOf(s.family, b), every);
        current = undefined;
        out.push({ src: a, dst: b, regions, denied });
      }
      memo.set(id, out);
    }
    return out;
  };
  return {
    find(p, dir, pairs, confirm) {
      for (const [s, d] of pairs)
        for (const l of lift(s, d)) {
          const denied = l.denied.get(p)?.[dir];
          if (!denied || denied.length === 0) continue;
          for (const r of l.regions) {
            if (r.verdict !== 'Allow') continue;
            for (const b of denied) {
              const x = boxAnd(r.box, b);
              if (!x) continue;
              const flow = witnessOf(x, s.family, l.src, l.dst);
              if (confirm(flow)) return flow;
            }
          }
        }
      return undefined;
    },
  };
}
