/** The public entry point: `World.from(resources)` then `world.evaluate(flow)`. */
import type { Issue } from '@calico-dsl/core';
import { createCompiledEngine } from './compiled/engine.js';
import { findEndpoint, type MatrixQuery, matrixAddress, matrixQuery } from './endpoint-query.js';
import type { ChainClass, Direction, Engine, EngineName } from './engine.js';
import { inputList } from './errors.js';
import { type IcmpValue, icmpTypesToTry, typelessIcmpIssue } from './flow/typeless-icmp.js';
import { leavesOutSourcePort, type SourcePortValue, sourcePortsToTry } from './flow/unspecified.js';
import type { Packet } from './match/packet.js';
import type { Ip } from './net/ip.js';
import { hasPorts } from './net/protocol.js';
import { checkedPacket, type Flow, flowTextOf, invalidFlowText, plainPacket } from './path/flow.js';
import type { PathPlan, RoleBinding } from './path/hooks.js';
import { verdictOfPlans } from './path/interpret.js';
import { loopbackNodePortIssue } from './path/loopback-node-port.js';
import { checkVia, type Place, PlanCache } from './path/paths.js';
import { endpointRef } from './path/recorder.js';
import { chainsVerdict, type PlanRoute, verdictOfRoute } from './path/route.js';
import { type PathSet, tracePlans } from './path/trace.js';
import { unservedVipIssue } from './path/unserved-vip.js';
import { createReferenceEngine } from './reference/engine.js';
import { AcrossValues, type VerdictGroup } from './result/across-values.js';
import { Evaluation, type PathTracer } from './result/result.js';
import type { EndpointRef, EvaluationResult, PolicyRef, Verdict } from './result/types.js';
import { type BuildOptions, buildModel } from './world/build.js';
import type { WorldModel } from './world/model.js';
import { readWorldOptions } from './world/options.js';
import { resourceList } from './world/read.js';

/**
 * Options of {@link World.from}.
 *
 * @example
 * ```ts
 * // pod web (10.1.0.10) on node-1 (10.0.0.11) calls its own host's kubelet
 * const resources = [
 *   { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' },
 *     status: { addresses: [{ type: 'InternalIP', address: '10.0.0.11' }] } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'prod' },
 *     spec: { nodeName: 'node-1' }, status: { podIP: '10.1.0.10' } },
 * ];
 * const toKubelet = { protocol: 'TCP', srcIp: '10.1.0.10', dstIp: '10.0.0.11', dstPort: 10250 } as const;
 * World.from(resources).evaluate(toKubelet).verdict; // 'Allow' (DefaultEndpointToHostAction Accept)
 * const options: WorldOptions = { engine: 'reference', defaultEndpointToHostAction: 'Drop' };
 * const strict = World.from(resources, options);
 * [strict.engine, strict.evaluate(toKubelet).decidedBy?.reason]; // ['reference', 'DefaultEndpointToHostAction Drop (§4.7)']
 * ```
 */
export interface WorldOptions extends BuildOptions {
  /** `compiled` (default, cached/indexed) or `reference` (the plain interpreter). */
  readonly engine?: EngineName;
}

/**
 * Names an endpoint for queries: a pod (`namespace` + `name`) or a HostEndpoint (`name`).
 *
 * @example
 * ```ts
 * // Names the endpoint whose policies policiesFor lists (a pod: namespace and name).
 * // cluster: pods web and api in prod, and NetworkPolicy allow-web selecting api (ingress only)
 * declare const cluster: World;
 * cluster.policiesFor({ kind: 'WorkloadEndpoint', namespace: 'prod', name: 'api' })?.map((c) => `${c.chain}/${c.direction}`);
 * // ['normal/ingress']
 * ```
 */
export interface EndpointSelectorRef {
  readonly kind?: 'WorkloadEndpoint' | 'HostEndpoint';
  readonly name: string;
  readonly namespace?: string;
}

/**
 * One policy applying to an endpoint, in evaluation order.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const ingress = cluster.policiesFor({ namespace: 'prod', name: 'api' })?.find((c) => c.direction === 'ingress');
 * const first: AppliedPolicy | undefined = ingress?.policies[0];
 * first?.policy.name; // e.g. 'allow-web' (tier 'default', order null: no order, sorted last)
 * ```
 */
export interface AppliedPolicy {
  readonly policy: PolicyRef;
  readonly tier: string;
  /** `null` when the policy has no order (sorted last, §2.2). */
  readonly order: number | null;
  readonly staged: boolean;
}

/**
 * The policies of one chain of an endpoint.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const chains: AppliedChain[] = cluster.policiesFor({ kind: 'HostEndpoint', name: 'node-1-eth1' }) ?? [];
 * chains.map((c) => `${c.chain}/${c.direction}: ${c.policies.length}`); // e.g. ['preDnat/ingress: 1', 'normal/ingress: 2']
 * ```
 */
export interface AppliedChain {
  readonly chain: ChainClass;
  readonly direction: Direction;
  readonly policies: readonly AppliedPolicy[];
}

/**
 * A connectivity matrix: `cells[i][j]` is the verdict from `endpoints[i]` to `endpoints[j]`.
 *
 * @example
 * ```ts
 * const world = World.from([
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
 *     status: { podIP: '10.0.0.1' } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api', namespace: 'prod', labels: { app: 'api' } },
 *     status: { podIP: '10.0.0.2' } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'batch', namespace: 'prod', labels: { app: 'batch' } },
 *     status: { podIP: '10.0.0.3' } },
 *   networkPolicy('allow-web', 'prod').selector("app == 'api'").allow().tcp().fromSelector("app == 'web'").ports(8080),
 * ]);
 * const m: ConnectivityMatrix = world.matrix({ protocol: 'TCP', port: 8080 });
 * m.endpoints.map((e) => e.name); // ['web', 'api', 'batch']
 * m.cells[2]; // ['Allow', 'Deny', 'Allow']: batch may not reach api (only web may)
 * m.cells[1]?.[1]; // 'Allow': api → api is its own address (loopback), which no policy sees
 * ```
 */
export interface ConnectivityMatrix {
  readonly protocol: Flow['protocol'];
  readonly port: number | undefined;
  /** The ICMP type (and code) of every cell's flow, when one was asked for. */
  readonly icmp?: { readonly type: number; readonly code?: number };
  readonly endpoints: readonly EndpointRef[];
  readonly cells: readonly (readonly Verdict[])[];
}

/** What a verdict-only evaluation of a flow with `via` traces on read. */
interface Planned {
  readonly plans: readonly PathPlan[];
  readonly packet: Packet;
  readonly bind: RoleBinding;
}

const NO_ISSUES: readonly Issue[] = Object.freeze([]);

// An invalid flow has no paths.
const NO_PATHS: PathSet = Object.freeze({ paths: [], unsupported: [] });

const CHAINS: readonly [ChainClass, Direction][] = [
  ['untracked', 'ingress'],
  ['preDnat', 'ingress'],
  ['normal', 'ingress'],
  ['forward', 'ingress'],
  ['untracked', 'egress'],
  ['normal', 'egress'],
  ['forward', 'egress'],
];

/**
 * A cluster as Felix and kube-proxy see it, answering "would this packet get through, and
 * which rule decides?".
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
 * world.evaluate({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 8080 }).verdict; // 'Allow'
 * world.evaluate({ protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 22 }).verdict; // 'Deny'
 * ```
 */
export class World {
  /** The normalised model (read-only; shared by the engines). */
  readonly model: WorldModel;
  readonly #engine: Engine;
  readonly #plans: PlanCache;
  // Traces a verdict-only evaluation's paths when they are read: a plain flow keeps only its
  // packet (its route and role binding follow from it again, the same as when it was evaluated).
  readonly #tracePacket: PathTracer<Packet> = {
    trace: (packet) => {
      const cache = this.#plans;
      const plans = cache.plansOf(packet, undefined);
      const bind = { source: cache.source, destination: cache.destination };
      return tracePlans(this.#engine, plans, packet, bind, this.#plans.replyPlans);
    },
  };
  // A flow with `via` keeps what it was evaluated with.
  readonly #tracePlanned: PathTracer<Planned> = {
    trace: ({ plans, packet, bind }) => tracePlans(this.#engine, plans, packet, bind, this.#plans.replyPlans),
  };

  // The source ports worth trying for a flow without one (`flow/unspecified.ts`), on first need;
  // `null`: the world never reads the source port.
  #sourcePorts: readonly SourcePortValue[] | null | undefined;
  // The ICMP types the rules name, per protocol (`flow/typeless-icmp.ts`), on first need.
  #icmpTypes: ReadonlyMap<number, readonly IcmpValue[]> | undefined;

  private constructor(model: WorldModel, engine: Engine) {
    this.model = model;
    this.#plans = new PlanCache(model);
    this.#engine = engine;
  }

  /**
   * Builds a world from resources (what `fromYaml` returns) and/or DSL builders, keeping a plain
   * copy of them. Throws `EvaluatorInputError` (with issues naming each resource and field) for
   * input it cannot read, and for an option or option value it does not know.
   *
   * @example
   * ```ts
   * declare const manifests: string; // multi-document YAML: pods, services, policies, …
   * const world = World.from(fromYaml(manifests), { engine: 'reference' }); // a failed parse throws EvaluatorInputError
   * ```
   */
  static from(resources: readonly unknown[] | unknown, options?: WorldOptions): World {
    const read = readWorldOptions(options);
    const model = buildModel(resourceList(resources), read);
    const engine = read.engine === 'reference' ? createReferenceEngine(model) : createCompiledEngine(model);
    return new World(model, engine);
  }

  /** The engine in use. */
  get engine(): EngineName {
    return this.#engine.name;
  }

  /** Problems found while building the world (unparsable selectors, missing tiers, …). */
  get issues(): readonly Issue[] {
    return this.model.issues;
  }

  /**
   * Evaluates one flow. Never throws: a malformed flow gives verdict `Deny`, no paths and
   * `issues` saying what to fix.
   *
   * @example
   * ```ts
   * declare const cluster: World; // World.from(fromYaml(manifests))
   * const r = cluster.evaluate({ protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '203.0.113.11', dstPort: 31024 });
   * r.verdict; // 'Deny' once deny-nodeports is in place
   * r.explain(); // names the deciding policy and rule
   * ```
   */
  evaluate(flow: Flow): EvaluationResult {
    // The common flow (valid fields, no `via` / `icmp`) between two pods, no service frontend in
    // between, in one straight run: its packet, its pods and route from the plan cache's places
    // (`PlanCache.podRoute`, read inline: hits only, the rest goes through it), the engine's
    // route verdict, one result object (issue #12).
    const cache = this.#plans;
    let packet: Packet | undefined;
    try {
      packet = plainPacket(flow, cache);
    } catch {
      // A getter or Proxy that throws: the checked path reads field by field and names it.
      packet = undefined;
    }
    if (packet === undefined) return this.#evaluateChecked(flow);
    // No source port: decided across source ports when something reads it.
    if (packet.srcPort === undefined && leavesOutSourcePort(this.#sourcePortsToTry(), packet))
      return this.#evaluateChecked(flow);
    // An ICMP flow without a type, where rules name types: its answer says which they decide apart.
    if ((packet.protocol === 1 || packet.protocol === 58) && this.#icmpTypesToTry(packet) !== undefined)
      return this.#evaluateChecked(flow);
    const places = cache.places;
    const from = places.get(packet.src);
    const to = places.get(packet.dst);
    const source = from?.pod;
    const destination = to?.pod;
    if (
      source === undefined ||
      destination === undefined ||
      source === destination ||
      to === undefined ||
      to.mayBeFrontend
    )
      return this.#evaluatePacket(flow, packet, undefined);
    const route = cache.podToPod[(from as Place).nodeClass]?.[to.nodeClass];
    const verdict = route && chainsVerdict(this.#engine, route, source, destination, packet);
    if (verdict === undefined) return this.#evaluatePacket(flow, packet, undefined);
    return new Evaluation(flow, verdict, NO_ISSUES, this.#tracePacket, packet);
  }

  /** A flow's packet through its route (any route, any `via`): the verdict now, the trace when read. */
  #evaluatePacket(
    flow: Flow,
    packet: Packet,
    via: Flow['via'],
    noted: readonly Issue[] = NO_ISSUES,
  ): EvaluationResult {
    // The plan cache holds the route's role binding (a reply leg planned meanwhile keeps it).
    const cache = this.#plans;
    const route = cache.routeOf(packet, via);
    const verdict = verdictOfRoute(this.#engine, route, packet, cache, cache.replyPlans);
    const unmodelled =
      via === undefined
        ? [unservedVipIssue(this.model, packet), loopbackNodePortIssue(this.model, packet)].filter(
            (i): i is Issue => i !== undefined,
          )
        : [];
    const issues = unmodelled.length === 0 ? noted : [...unmodelled, ...noted];
    if (verdict === undefined) return this.#traced(flow, route, packet, issues);
    if (via === undefined) return new Evaluation(flow, verdict, issues, this.#tracePacket, packet);
    // A flow with `via` keeps its plans and binding (its packet alone does not name its entry).
    const bind = { source: cache.source, destination: cache.destination };
    return new Evaluation(flow, verdict, noted, this.#tracePlanned, {
      plans: route.plans,
      packet,
      bind,
    });
  }

  #evaluateChecked(flow: Flow): EvaluationResult {
    const plans = this.#plans;
    const checked = checkedPacket(flow, (text) => plans.address(text));
    if (!checked.ok) return Evaluation.traced(`(invalid) ${invalidFlowText(flow)}`, NO_PATHS, checked.issues);
    // From here on the flow as read (plain data): the result never reads the caller's object again.
    const read = checked.flow;
    const via = read.via;
    if (via !== undefined) {
      // §contract: a `via` the world does not have is an input error, never a different path.
      const bad = checkVia(this.model, via);
      if (bad.length > 0) return Evaluation.traced(read, NO_PATHS, bad);
    }
    const ports = this.#sourcePortsToTry();
    if (leavesOutSourcePort(ports, checked.packet)) return this.#evaluateAcross(read, checked.packet, ports);
    const result = this.#evaluatePacket(read, checked.packet, via);
    const note = this.#typelessIcmpNote(read, checked.packet, result.verdict);
    return note === undefined ? result : this.#evaluatePacket(read, checked.packet, via, [note]);
  }

  /** The ICMP types the world's rules name for a packet's protocol, when it gives no type. */
  #icmpTypesToTry(packet: Packet): readonly IcmpValue[] | undefined {
    return packet.icmp === undefined ? this.#namedIcmpTypes().get(packet.protocol) : undefined;
  }

  #namedIcmpTypes(): ReadonlyMap<number, readonly IcmpValue[]> {
    this.#icmpTypes ??= icmpTypesToTry(this.model);
    return this.#icmpTypes;
  }

  /**
   * The ICMP types (with a code when a rule names one other than 0) that the world's rules match
   * on (`icmp`, `notICMP`) for ICMP or ICMPv6: a flow without `icmp` is a packet of none of them,
   * so these are the types worth asking about one by one.
   *
   * @example
   * ```ts
   * declare const cluster: World; // a GlobalNetworkPolicy denies ICMP type 8 (pings)
   * cluster.icmpTypesNamed('ICMP'); // [{ type: 8 }]
   * cluster.icmpTypesNamed('ICMPv6'); // []
   * ```
   */
  icmpTypesNamed(protocol: 'ICMP' | 'ICMPv6'): readonly IcmpValue[] {
    return this.#namedIcmpTypes().get(protocol === 'ICMP' ? 1 : 58) ?? [];
  }

  /**
   * For an ICMP flow without a type (a packet of a type no rule names, README "Flow"): the issue
   * naming the types the rules name that get another verdict, each evaluated as its own flow.
   */
  #typelessIcmpNote(flow: Flow, packet: Packet, verdict: Verdict): Issue | undefined {
    const types = this.#icmpTypesToTry(packet);
    if (types === undefined) return undefined;
    const apart = types
      .map((icmp) => ({ icmp, verdict: this.evaluate({ ...flow, icmp }).verdict }))
      .filter((t) => t.verdict !== verdict);
    return apart.length === 0 ? undefined : typelessIcmpIssue(packet.protocol, verdict, apart);
  }

  #sourcePortsToTry(): readonly SourcePortValue[] | undefined {
    if (this.#sourcePorts === undefined) this.#sourcePorts = sourcePortsToTry(this.model) ?? null;
    return this.#sourcePorts ?? undefined;
  }

  /**
   * A flow without `srcPort` in a world that reads it (§6.1: a real packet has one): evaluated at
   * each source port worth trying; the verdict they share, else `Mixed` with an issue saying
   * which ports get which verdict.
   */
  #evaluateAcross(flow: Flow, packet: Packet, ports: readonly SourcePortValue[]): EvaluationResult {
    const groups: (VerdictGroup & { values: string[] })[] = [];
    for (const v of ports) {
      const result = this.evaluate({ ...flow, srcPort: v.port });
      const text = v.from === v.to ? `${v.from}` : `${v.from}-${v.to}`;
      const group = groups.find((g) => g.verdict === result.verdict);
      if (group) group.values.push(text);
      else groups.push({ verdict: result.verdict, values: [text], result });
    }
    const only = groups.length === 1 ? groups[0] : undefined;
    if (only) return only.result;
    return new AcrossValues(flowTextOf(flow, packet), groups);
  }

  /** The engine has no chain verdicts (the reference engine): trace now. */
  #traced(flow: Flow, route: PlanRoute, packet: Packet, issues: readonly Issue[]): EvaluationResult {
    const cache = this.#plans;
    const bind = { source: cache.source, destination: cache.destination };
    // Traced now, so its text is too: the caller's flow object is not read again later.
    return Evaluation.traced(
      flowTextOf(flow, packet),
      tracePlans(this.#engine, route.plans, packet, bind, this.#plans.replyPlans),
      issues,
    );
  }

  /**
   * Evaluates many flows (same order as given).
   *
   * @example
   * ```ts
   * declare const cluster: World;
   * const flows: Flow[] = [
   *   { protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '169.46.10.20', dstPort: 80 },
   *   { protocol: 'UDP', srcIp: '198.51.100.7', dstIp: '203.0.113.11', dstPort: 31024 },
   * ];
   * cluster.evaluateMany(flows).map((r) => r.verdict);
   * ```
   */
  evaluateMany(flows: readonly Flow[]): EvaluationResult[] {
    return inputList(flows, 'evaluateMany takes a list of flows').map((f) => this.evaluate(f as Flow));
  }

  /**
   * Which policies apply to an endpoint, per chain and direction, in evaluation order
   * (tiers §2.1, then policies §2.2). `undefined` when no such endpoint exists.
   *
   * @example
   * ```ts
   * declare const cluster: World;
   * cluster.policiesFor({ namespace: 'prod', name: 'backend' })?.find((c) => c.direction === 'ingress');
   * ```
   */
  policiesFor(ref: EndpointSelectorRef): AppliedChain[] | undefined {
    const endpoint = findEndpoint(this.model, ref);
    if (!endpoint) return undefined;
    const out: AppliedChain[] = [];
    for (const [chain, direction] of CHAINS) {
      const tiers = this.#engine.applicable(endpoint, chain, direction);
      if (tiers.length === 0) continue;
      out.push({
        chain,
        direction,
        policies: tiers.flatMap(({ tier, policies }) =>
          policies.map((p) => ({
            policy:
              p.namespace === undefined
                ? { kind: p.kind, name: p.name }
                : { kind: p.kind, namespace: p.namespace, name: p.name },
            tier: tier.name,
            order: Number.isFinite(p.order) ? p.order : null,
            staged: p.staged,
          })),
        ),
      });
    }
    return out;
  }

  #evaluateFlow(s: Ip, d: Ip, query: MatrixQuery): Verdict {
    return this.evaluate({
      protocol: query.protocol,
      srcIp: s.text,
      dstIp: d.text,
      ...(query.port !== undefined ? { dstPort: query.port } : {}),
      ...(query.icmp !== undefined ? { icmp: query.icmp } : {}),
    }).verdict;
  }

  /**
   * Connectivity matrix of endpoints × (protocol, port): the verdict from each endpoint's first
   * IP to each other's (for ICMP its first IPv4, for ICMPv6 its first IPv6: `matrixAddress`).
   * Defaults to every workload endpoint. Throws `EvaluatorInputError` for an unknown protocol, a
   * missing port (TCP, UDP, SCTP) or an endpoint the world does not have.
   *
   * @example
   * ```ts
   * declare const cluster: World;
   * cluster.matrix({ protocol: 'TCP', port: 8080 }).cells; // one row per source endpoint
   * ```
   */
  matrix(options: {
    readonly endpoints?: readonly EndpointSelectorRef[];
    readonly protocol: Flow['protocol'];
    readonly port?: number;
    /** ICMP and ICMPv6: the type (and code) of every cell's flow; none: typeless. */
    readonly icmp?: { readonly type: number; readonly code?: number };
  }): ConnectivityMatrix {
    const query = matrixQuery(options, this.model);
    const eps = query.endpoints ?? this.model.workloads;
    const protocol = query.protocolNumber;
    const ported = hasPorts(protocol);
    const cells = eps.map((src) =>
      eps.map((dst): Verdict => {
        const s = matrixAddress(src, protocol);
        const d = matrixAddress(dst, protocol);
        if (!s || !d || s.version !== d.version) return 'Deny';
        // The packet straight from the parsed addresses (no text round trip), through `evaluate`'s path.
        const packet: Packet = {
          protocol,
          src: s,
          srcPort: undefined,
          dst: d,
          dstPort: ported ? query.port : undefined,
          icmp: query.icmp,
        };
        if (leavesOutSourcePort(this.#sourcePortsToTry(), packet)) return this.#evaluateFlow(s, d, query);
        const plans = this.#plans.plansOf(packet, undefined);
        const bind = { source: this.#plans.source, destination: this.#plans.destination };
        return (
          verdictOfPlans(this.#engine, plans, packet, bind, this.#plans.replyPlans) ??
          this.#evaluateFlow(s, d, query)
        );
      }),
    );
    return {
      protocol: query.protocol,
      port: query.port,
      ...(query.icmp !== undefined ? { icmp: query.icmp } : {}),
      endpoints: eps.map(endpointRef),
      cells,
    };
  }
}
