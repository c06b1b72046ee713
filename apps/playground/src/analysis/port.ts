/**
 * What the playground uses of `@calico-dsl/analysis` (contract "@calico-dsl/analysis"), checked
 * at run time: the package is optional, and the app builds and runs without it.
 */
import type { Flow, Verdict, World } from '@calico-dsl/evaluator';

/**
 * A lint finding as the analysis package reports it (the fields the playground shows).
 *
 * @example
 * ```ts
 * const f: LintFinding = { code: 'shadowed-rule', severity: 'warning', message: '…', resource: { kind: 'GlobalNetworkPolicy', name: 'a' }, rule: { direction: 'ingress', index: 1 } };
 * ```
 */
export interface LintFinding {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly resource: { readonly kind: string; readonly name: string; readonly namespace?: string };
  readonly rule?: { readonly direction: 'ingress' | 'egress'; readonly index: number };
  readonly witness?: Flow;
}

/**
 * A region of flows whose verdict changed between two worlds, with one flow that shows it.
 *
 * @example
 * ```ts
 * const c: Change = { region: { … }, before: 'Allow', after: 'Deny', witness: { protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '169.46.10.20', dstPort: 80 } };
 * ```
 */
export interface Change {
  readonly region: Readonly<Record<string, readonly unknown[]>>;
  readonly before: Verdict;
  readonly after: Verdict;
  readonly witness: Flow;
}

/**
 * The two functions the playground calls.
 *
 * @example
 * ```ts
 * const a: AnalysisPort | undefined = await loadAnalysis();
 * a?.analyze(world).lint();
 * ```
 */
export interface AnalysisPort {
  analyze(world: World): { lint(): readonly LintFinding[] };
  diff(before: World, after: World): { readonly changes: readonly Change[] };
}

/**
 * Whether a loaded module has the analysis package's functions.
 *
 * @example
 * ```ts
 * isAnalysisPort(await import('virtual:calico-analysis')); // false when the package is absent
 * ```
 */
export function isAnalysisPort(m: unknown): m is AnalysisPort {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  return typeof r.analyze === 'function' && typeof r.diff === 'function';
}
