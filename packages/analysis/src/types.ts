/** The contract's shapes (contract.md, "@calico-dsl/analysis"). */
import type { EndpointRef, Flow, Verdict } from './evaluator-seam.js';

/**
 * A port or an inclusive port range (`FlowSpace['dstPort'][number]`; not exported by name, so
 * that it does not shadow core's `PortRange`).
 *
 * @example
 * ```ts
 * const nodePorts: PortRange = [30000, 32767];
 * ```
 */
export type PortRange = number | readonly [number, number];

/**
 * A set of flows: the product of its fields' unions; an absent field means anything.
 *
 * @example
 * ```ts
 * const fromInternet: FlowSpace = { protocol: ['TCP'], srcIp: ['0.0.0.0/0'], dstPort: [[30000, 32767]] };
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
 * const region: FlowRegion = {
 *   protocol: ['TCP'], srcIp: ['0.0.0.0/0'], srcPort: [[0, 65535]], dstIp: ['169.46.7.10/32'], dstPort: [[30000, 32767]],
 * };
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
  /** What the analysis did not model in either world (the answer covers everything else). */
  readonly unsupported: readonly string[];
}

/**
 * Lint finding codes.
 *
 * @example
 * ```ts
 * const code: LintCode = 'shadowed-rule';
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
 * const q: EndpointQuery = { namespace: 'prod', name: 'web-1' };
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
 * Exhaustive questions over one world.
 *
 * @example
 * ```ts
 * declare const a: Analysis;
 * a.search({ protocol: ['TCP'], dstPort: [5432] }, 'Allow').found;
 * ```
 */
export interface Analysis {
  search(space: FlowSpace, verdict: Verdict): SearchResult;
  lint(): LintFinding[];
  matrix(opts: {
    readonly protocol: string | number;
    readonly port?: number;
    readonly endpoints?: readonly EndpointQuery[];
  }): ClassMatrix;
  /** What the analysis does not model in this world (answers cover everything else). */
  readonly unsupported: readonly string[];
}
