/**
 * A flow's plans: its topology (with `via` checked against the world), then
 * {@link planPaths}, cached per topology key — the only fast path, a cache of the same plans.
 */
import type { Issue } from '@calico-dsl/core';
import type { EvaluatorIssueCode } from '../issue-codes.js';

const UNKNOWN_VIA: EvaluatorIssueCode = 'unknown_via';

import type { Packet } from '../match/packet.js';
import type { WorkloadEndpointModel, WorldModel } from '../world/model.js';
import type { PathPlan, RoleBinding } from './hooks.js';
import { planPaths } from './plan.js';
import { findFrontend, workloadOwning } from './targets.js';
import { type Topology, topologyOf } from './topology.js';

const PLAN_CACHE_LIMIT = 1 << 16;
// A node class no node name can equal (names are DNS labels).
const HOST_ENDPOINT_FREE = '\u0000no host endpoint';
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
 * The plans of a world's flows, cached per topology key. Pod → pod flows without a service
 * frontend (most flows) are looked up by (source node, destination node) without building a
 * topology first: the same plans `planPaths` gives for their topology.
 *
 * @example
 * ```ts
 * const cache = new PlanCache(world.model);
 * cache.plansOf(packet, undefined).length;
 * cache.source?.name; // the pod the 'source' role binds to
 * ```
 */
export class PlanCache {
  /** The pods the roles of the last {@link PlanCache.plansOf} call bind to (read right after it). */
  source: WorkloadEndpointModel | undefined;
  destination: WorkloadEndpointModel | undefined;
  readonly #world: WorldModel;
  readonly #podToPod = new Map<string | undefined, Map<string | undefined, readonly PathPlan[]>>();
  // Nodes with a host endpoint. Pods of nodes without one cross no host hooks, so all their
  // pod → pod plans are the same plan (workload hooks name pods by role, not by node).
  readonly #hepNodes: ReadonlySet<string>;

  constructor(world: WorldModel) {
    this.#world = world;
    this.source = undefined;
    this.destination = undefined;
    this.#hepNodes = new Set(world.hostEndpoints.map((h) => h.node));
  }

  #nodeClass(node: string | undefined): string | undefined {
    return node !== undefined && this.#hepNodes.has(node) ? node : HOST_ENDPOINT_FREE;
  }

  /** The plans of one packet; `source` / `destination` then hold the pods its roles bind to. */
  plansOf(packet: Packet, via: Topology['via']): readonly PathPlan[] {
    const world = this.#world;
    if (via === undefined) {
      const source = workloadOwning(world, packet.src);
      const destination = source === undefined ? undefined : podDestination(world, packet);
      if (source !== undefined && destination !== undefined) {
        this.source = source;
        this.destination = destination;
        const from = this.#nodeClass(source.node);
        const to = this.#nodeClass(destination.node);
        let byDst = this.#podToPod.get(from);
        if (byDst === undefined) {
          byDst = new Map();
          this.#podToPod.set(from, byDst);
        }
        let plans = byDst.get(to);
        if (plans === undefined) {
          plans = cachedPlans(world, topologyOf(world, packet, undefined));
          byDst.set(to, plans);
        }
        return plans;
      }
    }
    const t = topologyOf(world, packet, via);
    this.source = t.source.kind === 'pod' ? t.source.wep : undefined;
    this.destination = t.destination.kind === 'pod' ? t.destination.wep : undefined;
    return cachedPlans(world, t);
  }

  /** The plans of a packet with their role binding as a value (for a reply leg). */
  bound(packet: Packet): { readonly plans: readonly PathPlan[]; readonly bind: RoleBinding } {
    const plans = this.plansOf(packet, undefined);
    return { plans, bind: { source: this.source, destination: this.destination } };
  }
}

/** The pod a packet goes to when no service frontend DNATs it. */
function podDestination(world: WorldModel, packet: Packet): WorkloadEndpointModel | undefined {
  const wep = workloadOwning(world, packet.dst);
  return wep !== undefined && findFrontend(world, packet) === undefined ? wep : undefined;
}
