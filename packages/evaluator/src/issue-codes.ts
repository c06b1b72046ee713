/**
 * The issue codes the evaluator reports itself (snake_case, one list, so that they can move into
 * core's `ISSUE_CODES` vocabulary).
 *
 * @example
 * ```ts
 * result.issues.some((i) => i.code === EVALUATOR_ISSUE_CODES.unknownVia);
 * ```
 */
export const EVALUATOR_ISSUE_CODES = {
  /** A flow's `via` names a node or interface the world does not have. */
  unknownVia: 'unknown_via',
} as const;
