import type { Issue } from '@calico-dsl/core';
import { formatIssues } from '@calico-dsl/core';

/**
 * Thrown by `World.from` when a resource cannot be read at all (not an object, no kind, no
 * `metadata.name`, an unknown kind). Carries the issues, each naming the resource.
 *
 * @example
 * ```ts
 * try { World.from([{ kind: 'Pod' }]); } catch (e) { if (e instanceof EvaluatorInputError) e.issues; }
 * ```
 */
export class EvaluatorInputError extends Error {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(`Cannot build the world:\n${formatIssues(issues)}`);
    this.name = 'EvaluatorInputError';
    this.issues = issues;
  }
}
