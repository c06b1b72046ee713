/**
 * A flow's plans: its topology (with `via` checked against the world), then
 * {@link planPaths}, cached per topology key — the only fast path, a cache of the same plans.
 */
import type { Issue } from '@calico-dsl/core';
import type { EvaluatorIssueCode } from '../issue-codes.js';

const UNKNOWN_VIA: EvaluatorIssueCode = 'unknown_via';

import type { Packet } from '../match/packet.js';
import { type Ip, parseIp } from '../net/ip.js';
import type { WorkloadEndpointModel, WorldModel } from '../world/model.js';
import type { PathPlan, RoleBinding } from './hooks.js';
import type { ReplyPlanner } from './interpret.js';
import { planPaths } from './plan/index.js';
import { type PlanRoute, planRoute } from './route.js';
import { findFrontend, workloadOwning } from './targets.js';
import { type Topology, topologyOf } from './topology.js';

const PLAN_CACHE_LIMIT = 1 << 16;
const CACHES = new WeakMap<WorldModel, Map<string, readonly PathPlan[]>>();

/**
 * The plans of a topology, computed once per world and topology key.
 *
 * @example
 * ```ts
 * cachedPlans(world.model, topologyOf(world.model, packet, undefined)).length;
 * ```
 */
export function cachedPlans(world: WorldModel, t: Topology): readonly PathPlan[] {
  let cache = CACHES.get(world);
  if (!cache) {
    cache = new Map();
    CACHES.set(world, cache);
  }
  let plans = cache.get(t.key);
  if (plans === undefined) {
    plans = planPaths(world, t);
    if (cache.size >= PLAN_CACHE_LIMIT) cache.clear();
    cache.set(t.key, plans);
  }
  return plans;
}

/**
 * The nodes a `via` may name: Node resources and the nodes of pods and host endpoints.
 *
 * @example
 * ```ts
 * knownNodes(world.model); // ['node-1', 'node-2']
 * ```
 */
export function knownNodes(world: WorldModel): string[] {
  const names = new Set<string>(world.nodes.keys());
  for (const h of world.hostEndpoints) names.add(h.node);
  for (const w of world.workloads) if (w.node !== undefined) names.add(w.node);
  return [...names].sort();
}

/**
 * Checks a flow's `via` against the world: an unknown node, or an interface that the node's
 * named host endpoints do not list (when it has any: the name then decides which HEP polices
 * the packet), is an input error (`unknown_via`) — never a silently different path.
 *
 * @example
 * ```ts
 * checkVia(world.model, { node: 'nod-1' }); // [{ code: 'unknown_via', path: ['via', 'node'], … }]
 * ```
 */
export function checkVia(world: WorldModel, via: Topology['via']): Issue[] {
  if (via === undefined) return [];
  const nodes = knownNodes(world);
  if (!nodes.includes(via.node)) {
    return [
      {
        code: UNKNOWN_VIA,
        path: ['via', 'node'],
        message: `via.node ${JSON.stringify(via.node)} is not a node of this world; use one of: ${nodes.length > 0 ? nodes.join(', ') : '(the world has no nodes)'}.`,
      },
    ];
  }
  if (via.interface === undefined) return [];
  const named = world.hostEndpoints
    .filter((h) => h.node === via.node && h.interfaceName !== undefined && h.interfaceName !== '*')
    .map((h) => h.interfaceName as string);
  if (named.length === 0 || named.includes(via.interface)) return [];
  return [
    {
      code: UNKNOWN_VIA,
      path: ['via', 'interface'],
      message: `via.interface ${JSON.stringify(via.interface)} is not an interface of node ${via.node}'s host endpoints; use one of: ${[...new Set(named)].sort().join(', ')}.`,
    },
  ];
}

/**
 * Every `via` that {@link checkVia} accepts, up to the path it gives a packet from outside the
 * model: each node alone, and each interface its named host endpoints name (on a node without
 * named ones, one interface none names: its `*` host endpoint, if any, polices it). A claim
 * about every flow (the analysis's lint) holds for these as well as for flows without `via`.
 *
 * @example
 * ```ts
 * viaChoices(world.model); // e.g. [{ node: 'node-1' }, { node: 'node-1', interface: 'eth0' }, { node: 'node-1', interface: 'eth1' }]
 * ```
 */
export function viaChoices(world: WorldModel): { readonly node: string; readonly interface?: string }[] {
  return knownNodes(world).flatMap((node) => {
    const named = [
      ...new Set(
        world.hostEndpoints
          .filter((h) => h.node === node && h.interfaceName !== undefined && h.interfaceName !== '*')
          .map((h) => h.interfaceName as string),
      ),
    ].sort();
    const interfaces = named.length > 0 ? named : [UNNAMED_INTERFACE];
    return [{ node }, ...interfaces.map((i) => ({ node, interface: i }))];
  });
}

/** An interface no host endpoint of the node names (only offered for nodes without named ones). */
const UNNAMED_INTERFACE = 'unnamed-interface';

/**
 * The plans of a world's flows, cached per topology key, as {@link PlanRoute}s. Pod → pod flows
 * without a service frontend (most flows) are looked up by (source node, destination node)
 * without building a topology first: the same plans `planPaths` gives for their topology.
 *
 * @example
 * ```ts
 * const cache = new PlanCache(world.model);
 * cache.plansOf(packet, undefined).length;
 * cache.source?.name; // the pod the 'source' role binds to
 * ```
 */
export class PlanCache implements RoleBinding {
  // TypeScript-private (plain properties) rather than `#` fields: the per-flow path reads them
  // for every flow, and baseline (not yet optimised) code loads `#` fields several times slower.
  /** The pods the roles of the last {@link PlanCache.routeOf} call bind to (read right after it). */
  source: WorkloadEndpointModel | undefined;
  destination: WorkloadEndpointModel | undefined;
  private readonly world: WorldModel;
  // Pod → pod routes by (source node class, destination node class), see `newPlace`.
  /** Pod → pod routes by node classes (read inline by `World.evaluate`, hits only). */
  readonly podToPod: (PlanRoute | undefined)[][] = [];
  /** The route of a pod's packet to its own address (the same for every pod). */
  private loopback: PlanRoute | undefined;
  // Routes of the other topologies, by their (cached, so shared) plans.
  private readonly routes = new WeakMap<readonly PathPlan[], PlanRoute>();
  // Nodes with a host endpoint, numbered from 1. Pods of nodes without one (class 0) cross no
  // host hooks, so all their pod → pod plans are the same plan (workload hooks name pods by
  // role, not by node).
  private readonly hepNodes = new Map<string, number>();
  // Parsed flow addresses by text (parsing and keying an address costs more than the lookup),
  // and what the plan lookup needs of an address, by the address object (one per text).
  private readonly addresses = new Map<string, Ip | null>();
  /** What the pod → pod lookup needs of an address (read inline by `World.evaluate`, hits only). */
  readonly places = new Map<Ip, Place>();

  constructor(world: WorldModel) {
    this.world = world;
    this.source = undefined;
    this.destination = undefined;
    for (const h of world.hostEndpoints)
      if (!this.hepNodes.has(h.node)) this.hepNodes.set(h.node, this.hepNodes.size + 1);
    // Every pod and host endpoint address now (each is `parseIp` of its own text): flows
    // between known endpoints then never parse, and their first flow finds its places ready.
    for (const w of world.workloads)
      for (const ip of w.ips) {
        this.addresses.set(ip.text, ip);
        this.places.set(ip, this.newPlace(ip));
      }
    for (const h of world.hostEndpoints) for (const ip of h.expectedIPs) this.addresses.set(ip.text, ip);
  }

  /**
   * The address a flow names (`parseIp`, one object per text while cached); `undefined` when
   * the text is not an address. A prototype method (every world's cache is one call target).
   */
  address(text: string): Ip | undefined {
    const hit = this.addresses.get(text);
    if (hit !== undefined) return hit ?? undefined;
    if (this.addresses.size >= PLAN_CACHE_LIMIT) this.addresses.clear();
    const ip = parseIp(text);
    this.addresses.set(text, ip ?? null);
    return ip;
  }

  private addPlace(ip: Ip): Place {
    const place = this.newPlace(ip);
    if (this.places.size >= PLAN_CACHE_LIMIT) this.places.clear();
    this.places.set(ip, place);
    return place;
  }

  private newPlace(ip: Ip): Place {
    const world = this.world;
    const pod = workloadOwning(world, ip);
    const node = pod?.node;
    return {
      pod,
      nodeClass: node === undefined ? 0 : (this.hepNodes.get(node) ?? 0),
      // `findFrontend` finds nothing for an address that is neither a frontend nor a node's.
      mayBeFrontend: world.frontendIps.has(ip.key) || world.nodeByIp.has(ip.key),
    };
  }

  /**
   * The route of a pod → pod packet that crosses no service frontend (most flows), from the
   * places of its addresses: by (source node class, destination node class), without building a
   * topology (the same plans `planPaths` gives for it), and of a pod's packet to its own address.
   * `source` / `destination` then hold its pods. Undefined for any other packet:
   * {@link PlanCache.routeOf} plans those.
   */
  podRoute(packet: Packet): PlanRoute | undefined {
    const from = this.places.get(packet.src) ?? this.addPlace(packet.src);
    const source = from.pod;
    if (source === undefined) return undefined;
    const to = this.places.get(packet.dst) ?? this.addPlace(packet.dst);
    const destination = to.pod;
    if (destination === undefined || (to.mayBeFrontend && findFrontend(this.world, packet) !== undefined))
      return undefined;
    this.source = source;
    this.destination = destination;
    if (destination === source) return this.loopbackRoute(packet);
    return this.podToPod[from.nodeClass]?.[to.nodeClass] ?? this.addPodRoute(packet, from, to);
  }

  // A pod's packet to its own address: its plan names the pod by role only (`podPlans`:
  // loopback), so one route serves every pod.
  private loopbackRoute(packet: Packet): PlanRoute {
    this.loopback ??= planRoute(cachedPlans(this.world, topologyOf(this.world, packet, undefined)));
    return this.loopback;
  }

  private addPodRoute(packet: Packet, from: Place, to: Place): PlanRoute {
    let byDst = this.podToPod[from.nodeClass];
    if (byDst === undefined) {
      byDst = [];
      this.podToPod[from.nodeClass] = byDst;
    }
    const route = planRoute(cachedPlans(this.world, topologyOf(this.world, packet, undefined)));
    byDst[to.nodeClass] = route;
    return route;
  }

  /** The route of one packet; `source` / `destination` then hold the pods its roles bind to. */
  routeOf(packet: Packet, via: Topology['via']): PlanRoute {
    const world = this.world;
    if (via === undefined) {
      const route = this.podRoute(packet);
      if (route !== undefined) return route;
    }
    const t = topologyOf(world, packet, via);
    this.source = t.source.kind === 'pod' ? t.source.wep : undefined;
    this.destination = t.destination.kind === 'pod' ? t.destination.wep : undefined;
    const plans = cachedPlans(world, t);
    let route = this.routes.get(plans);
    if (route === undefined) {
      route = planRoute(plans);
      this.routes.set(plans, route);
    }
    return route;
  }

  /** The plans of one packet; `source` / `destination` then hold the pods its roles bind to. */
  plansOf(packet: Packet, via: Topology['via']): readonly PathPlan[] {
    return this.routeOf(packet, via).plans;
  }

  /** {@link PlanCache.bound} as a function: the reply planner of the interpreter. */
  readonly replyPlans: ReplyPlanner = (reply, via) => this.bound(reply, via);

  /**
   * The plans of a packet with their role binding as a value (for a reply leg, planned while
   * its outer flow runs: the outer binding in `source` / `destination` is kept).
   */
  bound(
    packet: Packet,
    via?: Topology['via'],
  ): { readonly plans: readonly PathPlan[]; readonly bind: RoleBinding } {
    const source = this.source;
    const destination = this.destination;
    const plans = this.plansOf(packet, via);
    const bind = { source: this.source, destination: this.destination };
    this.source = source;
    this.destination = destination;
    return { plans, bind };
  }
}

/**
 * An address as the pod → pod plan lookup sees it.
 *
 * @example
 * ```ts
 * const place: Place | undefined = cache.places.get(packet.dst);
 * place?.pod?.name; // the pod owning the address
 * ```
 */
export interface Place {
  /** The pod owning the address (`workloadOwning`). */
  readonly pod: WorkloadEndpointModel | undefined;
  /** 0 for a pod on a node without host endpoints, else its node's number. */
  readonly nodeClass: number;
  /** Whether a service frontend may be at this address (else `findFrontend` is undefined). */
  readonly mayBeFrontend: boolean;
}
