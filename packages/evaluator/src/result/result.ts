/** The concrete {@link EvaluationResult}: trace and text are built on first use. */
import type { Issue } from '@calico-dsl/core';
import { explainText, formatDecision } from './explain.js';
import type { Decision, EvaluationResult, PathResult, TraceStep, UnsupportedUse, Verdict } from './types.js';

/**
 * §contract: Allow when every path allows, Deny when every path denies, else Mixed.
 *
 * @example
 * ```ts
 * combineVerdicts(['Allow', 'Deny']); // 'Mixed'
 * ```
 */
export function combineVerdicts(verdicts: readonly ('Allow' | 'Deny')[]): Verdict {
  if (verdicts.length === 0) return 'Deny';
  const first = verdicts[0];
  return verdicts.every((v) => v === first) ? (first as Verdict) : 'Mixed';
}

/** Lazily rendered evaluation result. */
export class Evaluation implements EvaluationResult {
  readonly verdict: Verdict;
  readonly paths: readonly PathResult[];
  readonly issues: readonly Issue[];
  readonly unsupported: readonly UnsupportedUse[];
  readonly #flowText: string;
  #trace: readonly TraceStep[] | undefined;

  constructor(
    flowText: string,
    paths: readonly PathResult[],
    issues: readonly Issue[],
    unsupported: readonly UnsupportedUse[],
  ) {
    this.#flowText = flowText;
    this.paths = paths;
    this.issues = issues;
    this.unsupported = unsupported;
    this.verdict = combineVerdicts(paths.map((p) => p.verdict));
  }

  get decidedBy(): Decision | undefined {
    const first = this.paths[0]?.decidedBy;
    if (!first) return undefined;
    const key = formatDecision(first);
    return this.paths.every((p) => formatDecision(p.decidedBy) === key) ? first : undefined;
  }

  get trace(): readonly TraceStep[] {
    this.#trace ??= this.paths.flatMap((p) => p.steps);
    return this.#trace;
  }

  explain(): string {
    return explainText({
      flowText: this.#flowText,
      verdict: this.verdict,
      paths: this.paths,
      issues: this.issues,
      unsupported: this.unsupported,
    });
  }

  toJSON(): object {
    return {
      verdict: this.verdict,
      decidedBy: this.decidedBy,
      paths: this.paths,
      trace: this.trace,
      issues: this.issues,
      unsupported: this.unsupported,
    };
  }
}
