/** The concrete {@link EvaluationResult}: trace and text are built on first use. */
import type { Issue } from '@calico-dsl/core';
import { type Flow, flowText } from '../path/flow.js';
import type { PathDraft } from '../path/recorder.js';
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

/** {@link combineVerdicts} over drafts, without building an array. */
function combined(drafts: readonly PathDraft[]): Verdict {
  const first = drafts[0]?.verdict;
  if (first === undefined) return 'Deny';
  for (let i = 1; i < drafts.length; i++) if ((drafts[i] as PathDraft).verdict !== first) return 'Mixed';
  return first;
}

/** Lazily rendered evaluation result: paths, trace and text are built on first read. */
export class Evaluation implements EvaluationResult {
  readonly verdict: Verdict;
  readonly issues: readonly Issue[];
  readonly unsupported: readonly UnsupportedUse[];
  /** The flow (its text is built only for `explain()`), or the text of an invalid one. */
  readonly #flow: Flow | string;
  readonly #drafts: readonly PathDraft[];
  #paths: readonly PathResult[] | undefined;
  #trace: readonly TraceStep[] | undefined;

  constructor(
    flow: Flow | string,
    drafts: readonly PathDraft[],
    issues: readonly Issue[],
    unsupported: readonly UnsupportedUse[],
  ) {
    this.#flow = flow;
    this.#drafts = drafts;
    this.issues = issues;
    this.unsupported = unsupported;
    this.verdict = combined(drafts);
    this.#paths = undefined;
    this.#trace = undefined;
  }

  get paths(): readonly PathResult[] {
    this.#paths ??= this.#drafts.map((d) => d.toResult());
    return this.#paths;
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
      flowText: typeof this.#flow === 'string' ? this.#flow : flowText(this.#flow),
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
