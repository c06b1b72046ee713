import type { Issue } from '@calico-dsl/core';
import { describeValue, formatIssues } from '@calico-dsl/core';

/**
 * Thrown by `World.from` when a resource cannot be read at all (not an object, no kind, no
 * `metadata.name`, an unknown kind), and by a query (`evaluateMany`, `matrix`) given something
 * it does not take. Carries the issues, each with its path; the message opens with what could
 * not be done (`Cannot build the world:`, `Cannot run this query:`).
 *
 * @example
 * ```ts
 * try { World.from([{ kind: 'Pod' }]); } catch (e) { if (e instanceof EvaluatorInputError) e.issues; }
 * ```
 */
export class EvaluatorInputError extends Error {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], failed = 'build the world') {
    super(`Cannot ${failed}:\n${formatIssues(issues)}`);
    this.name = 'EvaluatorInputError';
    this.issues = issues;
  }
}

/** What a query that throws {@link EvaluatorInputError} could not do. */
export const QUERY = 'run this query';

/**
 * A caller's list, read once (later changes to it do not matter); anything else, or a list that
 * cannot be read (a Proxy that throws), is an {@link EvaluatorInputError} saying `what` it takes.
 *
 * @example
 * ```ts
 * inputList([flowA, flowB], 'evaluateMany takes a list of flows').length; // 2
 * inputList('tcp', 'evaluateMany takes a list of flows'); // throws: … not string "tcp".
 * ```
 */
export function inputList(value: unknown, what: string): readonly unknown[] {
  try {
    if (Array.isArray(value)) return Array.from(value);
  } catch {
    // a revoked or throwing Proxy: refused below
  }
  throw new EvaluatorInputError(
    [{ code: 'invalid_input', path: [], message: `${what}, not ${describeValue(value)}.` }],
    QUERY,
  );
}
