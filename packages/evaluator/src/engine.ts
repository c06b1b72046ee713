/**
 * The seam between the packet path and policy evaluation. The packet path (src/path) asks an
 * {@link Engine} "evaluate chain <class> for endpoint E, direction D, packet P"; the reference
 * interpreter (src/reference) and the compiled engine (src/compiled) both implement it.
 */

import type { Packet } from './match/packet.js';
import type { MatchContext } from './match/rule-match.js';
import type { RouteChain } from './path/route.js';
import type { Decision, EndpointRef, Stage, TraceStep, UnsupportedUse } from './result/types.js';
import type { EndpointModel, HostEndpointModel, PolicyModel, TierModel, WorldModel } from './world/model.js';

/**
 * The engine names `World.from` accepts.
 *
 * @example
 * ```ts
 * const world = World.from([], { engine: 'reference' });
 * world.engine; // 'reference'
 * ```
 */
export type EngineName = (typeof ENGINE_NAMES)[number];

/**
 * The engines `World.from` builds (its `engine` option).
 *
 * @example
 * ```ts
 * ENGINE_NAMES.includes('reference'); // true
 * ```
 */
export const ENGINE_NAMES = ['reference', 'compiled'] as const;

/**
 * Felix chain classes (calico-semantics.md §4.2, §4.3). WEPs only ever have `normal` chains.
 *
 * @example
 * ```ts
 * const world = World.from([
 *   hostEndpoint('node-1-eth1').node('node-1').interfaceName('eth1').expectedIPs('10.0.0.11').labels({ role: 'edge' }),
 *   preDnat('deny-nodeports').selector("role == 'edge'").deny().tcp().ports('30000:32767'),
 * ]);
 * const chains: ChainClass[] = (world.policiesFor({ kind: 'HostEndpoint', name: 'node-1-eth1' }) ?? []).map((c) => c.chain);
 * // ['preDnat']: a preDNAT policy only fills the HEP's pre-DNAT chain
 * ```
 */
export type ChainClass = 'untracked' | 'preDnat' | 'normal' | 'forward';

/**
 * A policy direction.
 *
 * @example
 * ```ts
 * const world = World.from([
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
 *     status: { podIP: '10.0.0.1' } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api', namespace: 'prod', labels: { app: 'api' } },
 *     status: { podIP: '10.0.0.2' } },
 *   networkPolicy('allow-web', 'prod').selector("app == 'api'").allow().tcp().fromSelector("app == 'web'").ports(8080),
 * ]);
 * const flow = { protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 8080 } as const;
 * const directions: (Direction | undefined)[] = world.evaluate(flow).trace.map((s) => s.direction);
 * // ['egress', 'ingress']: web's egress chain, then api's ingress chain
 * ```
 */
export type Direction = 'ingress' | 'egress';

/**
 * One tier with the policies that apply to an endpoint/direction/class, in order (§2.2, §3.1).
 *
 * @example
 * ```ts
 * declare const engine: Engine;
 * declare const endpoint: ChainRequest['endpoint'];
 * const tiers: readonly TierPolicies[] = engine.applicable(endpoint, 'normal', 'ingress');
 * tiers.map((t) => `${t.tier.name}: ${t.policies.map((p) => p.name).join(', ')}`);
 * ```
 */
export interface TierPolicies {
  readonly tier: TierModel;
  readonly policies: readonly PolicyModel[];
}

/**
 * A question for the engine.
 *
 * @example
 * ```ts
 * declare const engine: Engine;
 * declare const endpoint: ChainRequest['endpoint'];
 * declare const packet: Packet;
 * const request: ChainRequest = {
 *   endpoint,
 *   chain: 'preDnat',
 *   direction: 'ingress',
 *   packet,
 *   trace: { path: 0, stage: 'preDnat', endpoint: { kind: 'HostEndpoint', name: 'node-1-eth1' } },
 * };
 * engine.evaluateChain(request);
 * ```
 */
export interface ChainRequest {
  readonly endpoint: EndpointModel;
  readonly chain: ChainClass;
  readonly direction: Direction;
  readonly packet: Packet;
  /** Stamped on every trace step the chain produces. */
  readonly trace: StepContext;
}

/**
 * Where the steps of a chain go in the trace (the packet path knows, the engine copies it).
 *
 * @example
 * ```ts
 * const world = World.from([
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
 *     status: { podIP: '10.0.0.1' } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api', namespace: 'prod', labels: { app: 'api' } },
 *     status: { podIP: '10.0.0.2' } },
 *   networkPolicy('allow-web', 'prod').selector("app == 'api'").allow().tcp().fromSelector("app == 'web'").ports(8080),
 * ]);
 * const flow = { protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 8080 } as const;
 * // Every step of a chain carries the context the packet path stamped on it:
 * world.evaluate(flow).trace.map(({ path, stage, endpoint }): StepContext | undefined =>
 *   endpoint && { path, stage, endpoint: { kind: endpoint.kind, name: endpoint.name } },
 * );
 * // [{ path: 0, stage: 'workloadEgress', endpoint: { kind: 'WorkloadEndpoint', name: 'web' } },
 * //  { path: 0, stage: 'workloadIngress', endpoint: { kind: 'WorkloadEndpoint', name: 'api' } }]
 * ```
 */
export interface StepContext {
  readonly path: number;
  readonly stage: Stage;
  readonly endpoint: EndpointRef;
}

/**
 * The answer: `none` means the chain returned without a verdict (untracked, pre-DNAT).
 *
 * @example
 * ```ts
 * declare const engine: Engine;
 * declare const request: ChainRequest;
 * const outcome: ChainOutcome = engine.evaluateChain(request);
 * outcome.verdict; // 'allow' | 'deny' | 'none'
 * ```
 */
export interface ChainOutcome {
  readonly verdict: 'allow' | 'deny' | 'none';
  /** May be a lazy getter: it is read only when the caller reads the trace. */
  readonly steps: readonly TraceStep[];
  readonly decision: Omit<Decision, 'stage'> | undefined;
  readonly unsupported: readonly Omit<UnsupportedUse, 'direction'>[];
}

/**
 * What an evaluation engine implements. Implementations must give identical outcomes; the
 * compiled engine may index and cache, the reference engine mirrors the semantics page.
 *
 * @example
 * ```ts
 * declare const engine: Engine;
 * declare const endpoint: ChainRequest['endpoint'];
 * declare const packet: Packet;
 * const trace: StepContext = { path: 0, stage: 'workloadIngress', endpoint: { kind: 'WorkloadEndpoint', name: 'web' } };
 * const outcome = engine.evaluateChain({ endpoint, chain: 'normal', direction: 'ingress', packet, trace });
 * outcome.verdict; // 'allow' | 'deny' | 'none'
 * ```
 */
export interface Engine {
  readonly name: EngineName;
  readonly world: WorldModel;
  /** Rule-selector IP lookups (§1.2). */
  readonly match: MatchContext;
  /** Tiers with ≥1 policy (staged included) of `chain` applying to `endpoint` in `direction` (§3.1 step 3). */
  applicable(endpoint: EndpointModel, chain: ChainClass, direction: Direction): readonly TierPolicies[];
  /** Whether any applyOnForward policy applies to the HEP in either direction (§4.5). */
  hasForwardPolicies(hep: HostEndpointModel): boolean;
  /** Runs one chain (§3.1 with the class-specific rules of §4.3/§4.4/§4.5). */
  evaluateChain(request: ChainRequest): ChainOutcome;
  /** Optional: the verdict of one chain alone, allocation-free (bulk queries such as matrices). */
  verdict?(
    endpoint: EndpointModel,
    chain: ChainClass,
    direction: Direction,
    packet: Packet,
  ): ChainOutcome['verdict'];
  /**
   * Optional: the verdict of a route of policy chains alone (`PlanRoute.chains`, what most pod →
   * pod flows cross), allocation-free: `Deny` at the first chain that drops the packet
   * (`chainDrops`), else `Allow`. Roles bind to `source` / `destination`. The route's
   * encapsulation drop (`PlanRoute.encap`) is not a chain: callers check it first.
   */
  routeVerdict?(
    chains: readonly RouteChain[],
    source: EndpointModel | undefined,
    destination: EndpointModel | undefined,
    packet: Packet,
  ): 'Allow' | 'Deny';
}

/**
 * How many (chain class, direction) pairs an endpoint has: per-endpoint tables keep the chain
 * {@link chainSlot} of endpoint `id` at `id * CHAIN_SLOTS + slot`.
 *
 * @example
 * ```ts
 * CHAIN_SLOTS; // 8: untracked, preDnat, normal and forward, each ingress and egress
 * ```
 */
export const CHAIN_SLOTS = 8;

/**
 * The number (0 to 7) of a chain class and direction, the same in every engine (a route's
 * chains carry theirs, so the per-flow lookup reads no names).
 *
 * @example
 * ```ts
 * [chainSlot('normal', 'ingress'), chainSlot('normal', 'egress'), chainSlot('forward', 'egress')]; // [4, 5, 7]
 * ```
 */
export function chainSlot(chain: ChainClass, direction: Direction): number {
  const base = chain === 'untracked' ? 0 : chain === 'preDnat' ? 2 : chain === 'normal' ? 4 : 6;
  return base + (direction === 'ingress' ? 0 : 1);
}
