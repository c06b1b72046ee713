import { formatIssues, type Issue } from '@calico-dsl/core';

/**
 * Thrown for a space the analysis cannot read (an unknown protocol, a bad CIDR, an empty list,
 * an inverted port range). Carries issues, each with the path of the bad field.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * try { analyze(cluster).search({ dstPort: [[90, 80]] }, 'Allow'); } catch (e) { if (e instanceof AnalysisInputError) e.issues; }
 * ```
 */
export class AnalysisInputError extends Error {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(`Cannot read the flow space:\n${formatIssues(issues)}`);
    this.name = 'AnalysisInputError';
    this.issues = issues;
  }
}
