/**
 * What the playground uses of `@calico-dsl/analysis` (contract "@calico-dsl/analysis"), checked
 * at run time: the package is optional, and the app builds and runs without it.
 */
import type { Change, IcmpChange, LintFinding, ViaChange } from '@calico-dsl/analysis';
import type { World } from '@calico-dsl/evaluator';

// The finding and change shapes are the package's own types (type-only imports cost nothing
// when the package is absent at run time).
export type { Change, IcmpChange, LintFinding, ViaChange };

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
  diff(
    before: World,
    after: World,
  ): {
    readonly changes: readonly Change[];
    readonly icmpChanges: readonly IcmpChange[];
    readonly viaChanges: readonly ViaChange[];
  };
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
