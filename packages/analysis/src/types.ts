/** The contract's shapes (contract.md, "@calico-dsl/analysis"). */
import type { EndpointRef, Flow, Verdict } from './evaluator-seam.js';

/**
 * A port or an inclusive port range (`FlowSpace['dstPort'][number]`; not exported by name, so
 * that it does not shadow core's `PortRange`).
 *
 * @example
 * ```ts
 * const pods = [
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
 *     status: { podIP: '10.0.0.1' } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api', namespace: 'prod', labels: { app: 'api' } },
 *     status: { podIP: '10.0.0.2' } },
 * ];
 * const before = World.from([...pods, networkPolicy('allow-web', 'prod').selector("app == 'api'").allow().tcp().fromSelector("app == 'web'").ports(8080)]);
 * const after = World.from([...pods, networkPolicy('allow-web', 'prod').selector("app == 'api'").allow().tcp().fromSelector("app == 'web'").ports(8080, 9090)]);
 * const opened: readonly PortRange[] = diff(before, after).changes[0]?.region.dstPort ?? []; // [9090]
 * analyze(after).search({ protocol: ['TCP'], dstIp: ['10.0.0.2/32'], dstPort: [[1, 65535]] }, 'Allow').found; // true
 * ```
 */
export type PortRange = number | readonly [number, number];

/**
 * A set of flows: the product of its fields' unions; an absent field means anything.
 *
 * @example
 * ```ts
 * const pods = [
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
 *     status: { podIP: '10.0.0.1' } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api', namespace: 'prod', labels: { app: 'api' } },
 *     status: { podIP: '10.0.0.2' } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'batch', namespace: 'prod', labels: { app: 'batch' } },
 *     status: { podIP: '10.0.0.3' } },
 * ];
 * const a = analyze(World.from([...pods, networkPolicy('allow-web', 'prod').selector("app == 'api'").allow().tcp().fromSelector("app == 'web'").ports(8080)]));
 * const batchToApi: FlowSpace = { protocol: ['TCP'], srcIp: ['10.0.0.3/32'], dstIp: ['10.0.0.2/32'], dstPort: [8080] };
 * a.search(batchToApi, 'Allow'); // { found: false }: a proof that no such flow is allowed
 * a.search({ ...batchToApi, srcIp: ['10.0.0.0/24'] }, 'Allow').found; // true (witness: from web, 10.0.0.1)
 * ```
 */
export interface FlowSpace {
  readonly protocol?: readonly (string | number)[];
  readonly srcIp?: readonly string[];
  readonly dstIp?: readonly string[];
  /** Ignored for protocols without ports. */
  readonly srcPort?: readonly PortRange[];
  readonly dstPort?: readonly PortRange[];
}

/**
 * A box of flows with every field given.
 *
 * @example
 * ```ts
 * const pods = [
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
 *     status: { podIP: '10.0.0.1' } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api', namespace: 'prod', labels: { app: 'api' } },
 *     status: { podIP: '10.0.0.2' } },
 * ];
 * const before = World.from([...pods, networkPolicy('allow-web', 'prod').selector("app == 'api'").allow().tcp().fromSelector("app == 'web'").ports(8080)]);
 * const after = World.from([...pods, networkPolicy('allow-web', 'prod').selector("app == 'api'").allow().tcp().fromSelector("app == 'web'").ports(8080, 9090)]);
 * const region: FlowRegion | undefined = diff(before, after).changes[0]?.region;
 * // { protocol: ['TCP'], srcIp: ['10.0.0.1/32'], srcPort: [[0, 65535]], dstIp: ['10.0.0.2/32'], dstPort: [9090] }
 * ```
 */
export type FlowRegion = Required<FlowSpace>;

/**
 * What `search` answers: a witness flow inside the space with that verdict, or proof none exists.
 *
 * @example
 * ```ts
 * declare const answer: SearchResult;
 * if (answer.found) answer.witness.dstPort;
 * ```
 */
export type SearchResult = { readonly found: false } | { readonly found: true; readonly witness: Flow };

/**
 * One region of flows whose verdict changed, with a witness flow showing it.
 *
 * @example
 * ```ts
 * declare const change: Change;
 * `${change.before} → ${change.after}`; // e.g. 'Allow → Deny'
 * ```
 */
export interface Change {
  readonly region: FlowRegion;
  readonly before: Verdict;
  readonly after: Verdict;
  readonly witness: Flow;
}

/**
 * A change among ICMP flows of one type (and code). `Change` regions hold ICMP flows without a
 * type, so these are found apart: each class pair evaluated with every type and code the
 * worlds' rules name (a type no rule names behaves as a typeless flow, unless conntrack calls
 * its first packet INVALID: those are one stand-in type, 0 or 129 when no rule names it, whose
 * changes `DiffResult.unsupported` says hold for them all). Every flow of the region with this
 * type (and code) has these verdicts.
 *
 * @example
 * ```ts
 * declare const c: IcmpChange;
 * [c.icmp, c.before, c.after]; // e.g. [{ type: 8 }, 'Allow', 'Deny']: pings now denied
 * ```
 */
export interface IcmpChange extends Change {
  readonly icmp: { readonly type: number; readonly code?: number };
}

/**
 * A change among flows that name where they enter (`via`), where it differs from the same flows
 * without `via` (those are in `changes`): a packet from outside the model arriving on another
 * interface than its address routes it to meets that interface's host endpoint policy. Every
 * flow of the region with this `via` has these verdicts.
 *
 * @example
 * ```ts
 * declare const c: ViaChange;
 * [c.via, c.before, c.after]; // e.g. [{ node: 'node-1', interface: 'eth0' }, 'Allow', 'Deny']
 * ```
 */
export interface ViaChange extends Change {
  readonly via: { readonly node: string; readonly interface?: string };
}

/**
 * What `diff` returns.
 *
 * @example
 * ```ts
 * declare const d: DiffResult;
 * d.changes.filter((c) => c.after === 'Allow').length; // opened regions
 * ```
 */
export interface DiffResult {
  readonly changes: readonly Change[];
  /**
   * Changes among ICMP flows with a type or code the rules name, or of the stand-in for the types
   * conntrack calls INVALID (outside `changes`' space).
   */
  readonly icmpChanges: readonly IcmpChange[];
  /**
   * Changes among flows that enter by a `via` the worlds accept, where they differ from the same
   * flows without it (only when a world has host endpoints).
   */
  readonly viaChanges: readonly ViaChange[];
  /** What the analysis did not model in either world (the answer covers everything else). */
  readonly unsupported: readonly string[];
}

/**
 * Lint finding codes.
 *
 * @example
 * ```ts
 * const pods = [
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
 *     status: { podIP: '10.0.0.1' } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api', namespace: 'prod', labels: { app: 'api' } },
 *     status: { podIP: '10.0.0.2' } },
 * ];
 * // Rule 1 (TCP 8080) can never match: rule 0 (TCP 8000-9000) already allows every packet it would.
 * const p = networkPolicy('p', 'prod').selector("app == 'api'").allow().tcp().ports('8000:9000').allow().tcp().ports(8080);
 * const codes: LintCode[] = analyze(World.from([...pods, p])).lint().map((f) => f.code); // ['shadowed-rule']
 * ```
 */
export type LintCode =
  | 'shadowed-rule'
  | 'selector-matches-nothing'
  | 'prednat-without-apply-on-forward'
  | 'egress-default-deny-blocks-dns'
  | 'pass-into-unselected-tier'
  | 'staged-would-deny'
  | 'tier-without-resource';

/**
 * One lint finding: a claim about every flow, naming the resource and rule.
 *
 * @example
 * ```ts
 * declare const f: LintFinding;
 * `${f.severity} ${f.code}: ${f.resource.kind} ${f.resource.name}${f.rule ? ` ${f.rule.direction} rule ${f.rule.index}` : ''}`;
 * ```
 */
export interface LintFinding {
  readonly code: LintCode;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly resource: { readonly kind: string; readonly name: string; readonly namespace?: string };
  readonly rule?: { readonly direction: 'ingress' | 'egress'; readonly index: number };
  readonly witness?: Flow;
}

/**
 * Names endpoints for `matrix` (as `World.matrix` takes them).
 *
 * @example
 * ```ts
 * const pods = [
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
 *     status: { podIP: '10.0.0.1' } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api', namespace: 'prod', labels: { app: 'api' } },
 *     status: { podIP: '10.0.0.2' } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'batch', namespace: 'prod', labels: { app: 'batch' } },
 *     status: { podIP: '10.0.0.3' } },
 * ];
 * const a = analyze(World.from([...pods, networkPolicy('allow-web', 'prod').selector("app == 'api'").allow().tcp().fromSelector("app == 'web'").ports(8080)]));
 * const endpoints: EndpointQuery[] = [{ namespace: 'prod', name: 'web' }, { namespace: 'prod', name: 'api' }, { namespace: 'prod', name: 'batch' }];
 * const m = a.matrix({ protocol: 'TCP', port: 8080, endpoints });
 * [m.verdict(0, 1), m.verdict(2, 1), m.verdict(1, 1)]; // ['Allow', 'Deny', 'Allow']: web may reach api, batch may not; api → api is loopback
 * ```
 */
export interface EndpointQuery {
  readonly kind?: 'WorkloadEndpoint' | 'HostEndpoint';
  readonly name: string;
  readonly namespace?: string;
}

/**
 * A connectivity matrix computed on endpoint classes and expanded lazily.
 *
 * @example
 * ```ts
 * declare const m: ClassMatrix;
 * m.verdict(0, 1); // from endpoints[0] to endpoints[1]
 * m.count('Allow'); // allowed cells
 * ```
 */
export interface ClassMatrix {
  readonly endpoints: readonly EndpointRef[];
  verdict(i: number, j: number): Verdict;
  count(v: Verdict): number;
  /** Endpoint equivalence classes used. */
  readonly classes: number;
}

/**
 * How far `search` looks beyond the space's flows (see {@link Analysis.search}).
 *
 * @example
 * ```ts
 * const everything: SearchOptions = { icmpTypes: true, via: true };
 * ```
 */
export interface SearchOptions {
  /** Also ICMP flows with each type (and code) the rules name, and a type conntrack calls INVALID. */
  readonly icmpTypes?: boolean;
  /** Also flows from outside that name where they enter (`via`), in a world with host endpoints. */
  readonly via?: boolean;
}

/**
 * Exhaustive questions over one world.
 *
 * @example
 * ```ts
 * declare const a: Analysis;
 * a.search({ protocol: ['TCP'], dstPort: [5432] }, 'Allow').found;
 * ```
 */
export interface Analysis {
  /**
   * A witness flow of the space with that verdict, or a proof that none has it. The space's
   * flows are routed by their addresses and ICMP flows carry no type; `{ icmpTypes: true }` also
   * covers ICMP flows with each type (and code) the rules name, and `{ via: true }`, in a world
   * with host endpoints, flows from outside that name where they enter: the witness may then
   * carry `icmp` or `via`.
   */
  search(space: FlowSpace, verdict: Verdict, options?: SearchOptions): SearchResult;
  lint(): LintFinding[];
  matrix(opts: {
    readonly protocol: string | number;
    readonly port?: number;
    /** ICMP and ICMPv6: the type (and code) of every cell's flow; none: typeless. */
    readonly icmp?: { readonly type: number; readonly code?: number };
    readonly endpoints?: readonly EndpointQuery[];
  }): ClassMatrix;
  /** What the analysis does not model in this world (answers cover everything else). */
  readonly unsupported: readonly string[];
}
