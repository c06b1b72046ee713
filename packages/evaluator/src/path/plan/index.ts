/**
 * The planner: a flow's topology → the hook lists of its paths. One file per origin writes
 * its group of rows of the §4.8 table (calico-semantics.md): `pod.ts` ({@link podPlans}),
 * `host.ts` ({@link hostPlans}) and `external.ts` ({@link externalPlans}), from the Felix chains
 * of `chains.ts`, the per-node segments of `segments.ts` and the NAT of `services.ts`, in Felix's
 * table order: raw PREROUTING/OUTPUT → mangle PREROUTING → nat PREROUTING/OUTPUT (DNAT) →
 * filter INPUT/FORWARD/OUTPUT → mangle POSTROUTING → nat POSTROUTING (SNAT), then the next node.
 * Sources: `felix/rules/static.go` (Static{Raw,Mangle}{Prerouting,Output}Chain,
 * filterInputChain, StaticFilterForwardChains, filterOutputChain, StaticManglePostroutingChain)
 * and `felix/rules/dispatch.go` `hostDispatchChains` (the `*` HEP is the fallback of every
 * dispatch chain except raw, workload `cali*` interfaces included).
 */
import type { WorldModel } from '../../world/model.js';
import type { PathPlan } from '../hooks.js';
import type { Topology } from '../topology.js';
import { externalPlans } from './external.js';
import { hostPlans } from './host.js';
import { podPlans } from './pod.js';

export { entries, externalPlans } from './external.js';
export { hostPlans } from './host.js';
export { podPlans } from './pod.js';

/**
 * The plans of a topology: the §4.8 row its source and destination select.
 *
 * @example
 * ```ts
 * planPaths(world.model, topologyOf(world.model, packet, undefined)).map((p) => p.hooks.length);
 * ```
 */
export function planPaths(world: WorldModel, t: Topology): readonly PathPlan[] {
  const d = t.destination;
  // Services claiming one frontend in Go map order (world/frontend-conflicts.ts): each one's paths.
  if (d.kind === 'frontend' && d.frontend.rivals !== undefined) {
    const { rivals, ...own } = d.frontend;
    return [own, ...rivals].flatMap((frontend) =>
      planPaths(world, { ...t, destination: { ...d, frontend } }),
    );
  }
  switch (t.source.kind) {
    case 'pod':
      return podPlans(world, t.source.wep, t.destination);
    case 'node':
      return hostPlans(world, t.source.node, t.source.hep, t.destination);
    case 'external':
      return externalPlans(world, t.destination, t.via);
  }
}
