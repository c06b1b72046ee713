/**
 * A flow's route: its cached plans and, when they are policy chains alone, those chains, which
 * the engine runs without the general interpreter — the same hook list, read straight
 * ({@link verdictOfRoute}).
 */
import { chainSlot, type Engine } from '../engine.js';
import type { Packet } from '../match/packet.js';
import type { EndpointModel } from '../world/model.js';
import { firstPacketInvalid, invalidDrop } from './conntrack.js';
import { encapDropOf } from './encap.js';
import type { ChainHook, EncapHook, PathPlan, RoleBinding } from './hooks.js';
import { type ReplyPlanner, verdictOfPlans } from './interpret.js';

/**
 * A flow's plans with, when they are one plan of policy chains alone (no failsafe, NAT or
 * outcome hook, no backend, no chain whose Allow marks or untracks) and at most one
 * encapsulation drop, those chains and that drop: what most pod → pod flows cross (the workload
 * egress and ingress chains, the source's drop first). Such a plan drops the packet iff the
 * drop matches it or one of its chains drops it, which {@link verdictOfRoute} reads without the
 * general run (nothing in it depends on an earlier hook, so the order does not matter).
 *
 * @example
 * ```ts
 * const route: PlanRoute = planRoute(plans);
 * route.chains?.map((h) => h.stage); // ['workloadEgress', 'workloadIngress']
 * route.encap?.drops.map((d) => d.encap); // ['VXLAN', 'IPIP'] (FelixConfiguration defaults)
 * ```
 */
export interface PlanRoute {
  readonly plans: readonly PathPlan[];
  readonly chains: readonly RouteChain[] | undefined;
  /** The route's encapsulation drop (only with `chains`; absent when the world allows both). */
  readonly encap: EncapHook | undefined;
  /**
   * The verdict of a route whose first hook ends every packet's path (a pod's packet to its own
   * address: `loopback`), whatever the packet; else `undefined`.
   */
  readonly ends: 'Allow' | 'Deny' | undefined;
}

/**
 * A chain hook of a {@link PlanRoute}: never a backend's (a route has no DNAT).
 *
 * @example
 * ```ts
 * const chain: RouteChain | undefined = route.chains?.[0];
 * [chain?.endpoint, chain?.chain, chain?.direction, chain?.slot]; // ['source', 'normal', 'egress', 5]
 * ```
 */
export type RouteChain = ChainHook & {
  readonly endpoint: EndpointModel | 'source' | 'destination';
  /** {@link chainSlot} of the hook's chain and direction. */
  readonly slot: number;
};

/**
 * The route of a flow's plans (computed once per cached plans).
 *
 * @example
 * ```ts
 * planRoute(planPaths(world, topology)).chains?.length; // 2 for a pod → pod flow
 * ```
 */
export function planRoute(plans: readonly PathPlan[]): PlanRoute {
  const general: PlanRoute = { plans, chains: undefined, encap: undefined, ends: undefined };
  const plan = plans[0];
  if (plans.length !== 1 || plan === undefined || plan.backends.length > 0) return general;
  const first = plan.hooks[0];
  // `runHooks` ends the path at an outcome hook with a verdict.
  if (first?.kind === 'outcome' && first.verdict !== undefined) return { ...general, ends: first.verdict };
  const chains: RouteChain[] = [];
  let encap: EncapHook | undefined;
  for (const h of plan.hooks) {
    // Without NAT hooks every view is the original packet; without marks `ifMarked` never skips.
    if (h.kind === 'encap' && encap === undefined) {
      encap = h;
      continue;
    }
    if (h.kind !== 'chain' || h.onAllow !== 'continue') return general;
    const endpoint = h.endpoint;
    if (endpoint === 'backend') return general;
    chains.push({ ...h, endpoint, slot: chainSlot(h.chain, h.direction) });
  }
  return { plans, chains, encap, ends: undefined };
}

/**
 * The verdict of a route of chains alone: `Deny` when its encapsulation drop matches the packet
 * or conntrack's INVALID drop takes it (an ICMP type that opens no connection), else the engine's {@link Engine.routeVerdict} (what `runHooks` does with them: a chain that
 * drops the packet, {@link chainDrops}, ends the path; else it goes on), nothing allocated.
 * `undefined` for any other route, or an engine without route runs. `World.evaluate` calls it
 * for most flows.
 *
 * @example
 * ```ts
 * chainsVerdict(engine, planRoute(plans), web, db, packet); // 'Allow' | 'Deny' | undefined
 * ```
 */
export function chainsVerdict(
  engine: Engine,
  route: PlanRoute,
  source: EndpointModel | undefined,
  destination: EndpointModel | undefined,
  packet: Packet,
): 'Allow' | 'Deny' | undefined {
  const chains = route.chains;
  if (chains === undefined || engine.routeVerdict === undefined) return undefined;
  if (route.encap !== undefined && encapDropOf(route.encap, packet) !== undefined) return 'Deny';
  // A route marks and untracks nothing: conntrack's INVALID drop takes such a packet at its
  // first tracked chain (`runHooks` says where).
  if (firstPacketInvalid(packet) && chains.some((h) => invalidDrop(engine.world, h, undefined, NO_NODES)))
    return 'Deny';
  return engine.routeVerdict(chains, source, destination, packet);
}

/**
 * {@link verdictOfPlans} of a route: its {@link PlanRoute.ends} verdict, or {@link chainsVerdict} for a
 * route of chains alone.
 *
 * @example
 * ```ts
 * verdictOfRoute(engine, planRoute(plans), packet, bind); // 'Allow' | 'Deny' | 'Mixed' | undefined
 * ```
 */
export function verdictOfRoute(
  engine: Engine,
  route: PlanRoute,
  packet: Packet,
  bind: RoleBinding,
  replyPlans?: ReplyPlanner,
): 'Allow' | 'Deny' | 'Mixed' | undefined {
  return (
    route.ends ??
    chainsVerdict(engine, route, bind.source, bind.destination, packet) ??
    verdictOfPlans(engine, route.plans, packet, bind, replyPlans)
  );
}

const NO_NODES: readonly string[] = [];
