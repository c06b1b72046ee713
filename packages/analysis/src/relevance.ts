/**
 * Which port boundaries and protocols can change a verdict. A cell's verdict may depend only on
 * rules the packet path can consult: the source's egress chain, the destination's ingress chain,
 * and (globally) every host endpoint's and service backend's chains, service ports, node ports,
 * failsafe ports, WireGuard listening ports and the drop of encapsulated packets from workloads.
 * Collected from the evaluator's normalised model, so the atoms are exactly the constants the
 * evaluator compares against.
 */
import {
  type EndpointModel,
  hostStaticRules,
  type PolicyModel,
  profileOf,
  type RuleModel,
  type WorldModel,
} from './evaluator-seam.js';

/**
 * Port boundaries (each the first port of a new atom) by the protocol they apply to (`ANY` when
 * the comparison holds for every protocol), and protocols that matter. A boundary that only a TCP
 * rule, service or failsafe entry compares against cannot change a UDP flow's verdict.
 */
export interface Relevance {
  readonly dstBreaks: Map<number, Set<number>>;
  readonly srcBreaks: Map<number, Set<number>>;
  readonly protocols: Set<number>;
}

/** The key of boundaries that hold for every protocol. */
export const ANY = -1;

/**
 * The boundaries that apply to a group of protocols.
 *
 * @example
 * ```ts
 * breaksFor(emptyRelevance().dstBreaks, [6]); // []
 * ```
 */
export function breaksFor(
  map: ReadonlyMap<number, ReadonlySet<number>>,
  protocols: readonly number[],
): number[] {
  const out: number[] = [...(map.get(ANY) ?? [])];
  for (const p of protocols) out.push(...(map.get(p) ?? []));
  return out;
}

/**
 * An empty relevance.
 *
 * @example
 * ```ts
 * emptyRelevance().protocols.size; // 0
 * ```
 */
export function emptyRelevance(): Relevance {
  return { dstBreaks: new Map(), srcBreaks: new Map(), protocols: new Set() };
}

const addRange = (map: Map<number, Set<number>>, protocol: number, lo: number, hi: number) => {
  let set = map.get(protocol);
  if (!set) {
    set = new Set();
    map.set(protocol, set);
  }
  set.add(lo);
  set.add(hi + 1);
};

/** Whether any rule of the world names a port (so every endpoint's named ports are constants). */
export function usesNamedPorts(model: WorldModel): boolean {
  const named = (r: RuleModel) =>
    [r.source.ports, r.source.notPorts, r.destination.ports, r.destination.notPorts].some(
      (p) => p !== undefined && p.names.length > 0,
    );
  for (const p of model.policies) if (p.ingress.some(named) || p.egress.some(named)) return true;
  for (const p of model.profiles.values()) if (p.ingress.some(named) || p.egress.some(named)) return true;
  return false;
}

/**
 * Adds a rule's constants to a relevance.
 *
 * @example
 * ```ts
 * declare const rule: RuleModel;
 * addRule(emptyRelevance(), rule);
 * ```
 */
export function addRule(rel: Relevance, r: RuleModel): void {
  if (r.protocol !== undefined) rel.protocols.add(r.protocol);
  if (r.notProtocol !== undefined) rel.protocols.add(r.notProtocol);
  // A rule naming a protocol only ever matches that protocol (§6.3); notProtocol: all others.
  const key = r.protocol ?? ANY;
  for (const set of [r.destination.ports, r.destination.notPorts])
    for (const x of set?.ranges ?? []) addRange(rel.dstBreaks, key, x.min, x.max);
  for (const set of [r.source.ports, r.source.notPorts])
    for (const x of set?.ranges ?? []) addRange(rel.srcBreaks, key, x.min, x.max);
}

/** Policies whose selector selects an endpoint (any chain: over-approximation is safe). */
export function policiesSelecting(model: WorldModel, e: EndpointModel): PolicyModel[] {
  return model.policies.filter((p) => p.selector(e.labels));
}

/**
 * The rules of one direction that can apply to an endpoint: its policies and profiles.
 *
 * @example
 * ```ts
 * declare const model: WorldModel; declare const e: EndpointModel;
 * endpointRules(model, e, 'ingress').length;
 * ```
 */
export function endpointRules(model: WorldModel, e: EndpointModel, dir: 'ingress' | 'egress'): RuleModel[] {
  const out: RuleModel[] = [];
  for (const p of policiesSelecting(model, e)) out.push(...p[dir]);
  for (const name of e.profiles) out.push(...profileOf(model, name)[dir]);
  return out;
}

/**
 * Constants every flow may meet: service and node ports, backend and host endpoint chains,
 * the workload encapsulation drop (VXLAN port, IPIP), WireGuard listening ports, failsafe ports
 * (consulted only at host endpoints), named port values.
 *
 * @example
 * ```ts
 * declare const model: WorldModel;
 * globalRelevance(model).protocols; // e.g. Set { 6, 17 } (protocols of services and host endpoint rules)
 * ```
 */
export function globalRelevance(model: WorldModel): Relevance {
  const rel = emptyRelevance();
  const backends = new Set<EndpointModel>();
  for (const sp of model.servicePorts) {
    rel.protocols.add(sp.protocol);
    addRange(rel.dstBreaks, sp.protocol, sp.port, sp.port);
    if (sp.nodePort !== undefined) addRange(rel.dstBreaks, sp.protocol, sp.nodePort, sp.nodePort);
    for (const b of [...sp.backends, ...sp.terminatingBackends]) {
      addRange(rel.dstBreaks, sp.protocol, b.port, b.port);
      if (b.endpoint) backends.add(b.endpoint);
    }
  }
  const special: EndpointModel[] = [...model.hostEndpoints, ...backends];
  for (const e of special) {
    for (const r of endpointRules(model, e, 'ingress')) addRule(rel, r);
    for (const r of endpointRules(model, e, 'egress')) addRule(rel, r);
  }
  if (model.workloads.length > 0) {
    // Felix drops VXLAN (UDP to vxlanPort) and IPIP (protocol 4) from workloads unless allowed.
    if (!model.allowVXLANPacketsFromWorkloads) {
      rel.protocols.add(17);
      addRange(rel.dstBreaks, 17, model.vxlanPort, model.vxlanPort);
    }
    if (!model.allowIPIPPacketsFromWorkloads) rel.protocols.add(4);
  }
  // Felix's static filter rules (tunnels from and to Calico hosts, WireGuard) decide ahead of host
  // endpoint policy and, from a pod to its own host, ahead of its egress and
  // DefaultEndpointToHostAction.
  for (const r of [...hostStaticRules(model, 'hostIngress'), ...hostStaticRules(model, 'hostEgress')]) {
    rel.protocols.add(r.protocol);
    if (r.dstPort !== undefined) addRange(rel.dstBreaks, r.protocol, r.dstPort, r.dstPort);
  }
  if (model.hostEndpoints.length > 0) {
    for (const f of [...model.failsafeInbound, ...model.failsafeOutbound]) {
      rel.protocols.add(f.protocol);
      addRange(rel.dstBreaks, f.protocol, f.port, f.port);
      addRange(rel.srcBreaks, f.protocol, f.port, f.port);
    }
  }
  if (usesNamedPorts(model)) {
    for (const e of model.endpoints)
      for (const p of e.ports) {
        rel.protocols.add(p.protocol);
        addRange(rel.dstBreaks, p.protocol, p.port, p.port);
        addRange(rel.srcBreaks, p.protocol, p.port, p.port);
      }
  }
  return rel;
}
