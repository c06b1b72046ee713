/**
 * The result of a flow that leaves out the source port its verdict depends on (see
 * `flow/unspecified.ts`): `Mixed`, with one evaluation per verdict and an issue saying which
 * source ports get which verdict.
 */
import type { Issue } from '@calico-dsl/core';
import { resultJson, resultText } from './result.js';
import type { Decision, EvaluationResult, PathResult, TraceStep, UnsupportedUse, Verdict } from './types.js';

/** The evaluations of one verdict, and the source ports that got it, as text. */
export interface VerdictGroup {
  readonly verdict: Verdict;
  readonly values: readonly string[];
  /** One evaluation with that verdict: its paths stand for the group. */
  readonly result: EvaluationResult;
}

/**
 * The issue of a flow whose verdict depends on the source port it leaves out.
 *
 * @example
 * ```ts
 * unspecifiedIssue([
 *   { verdict: 'Allow', values: ['0-1023'], result: allowed },
 *   { verdict: 'Deny', values: ['1024-65535'], result: denied },
 * ]).message;
 * // 'The verdict depends on srcPort, which the flow leaves out: Allow for 0-1023; Deny for 1024-65535. Give srcPort: every packet has one.'
 * ```
 */
export function unspecifiedIssue(groups: readonly VerdictGroup[]): Issue {
  const by = groups.map((g) => `${g.verdict} for ${g.values.join(', ')}`).join('; ');
  return {
    code: 'unspecified_field',
    path: ['srcPort'],
    message: `The verdict depends on srcPort, which the flow leaves out: ${by}. Give srcPort: every packet has one.`,
  };
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * A `Mixed` result over groups of evaluations that disagree: their paths (one evaluation per
 * verdict), their issues and unsupported uses, and the issue naming the field.
 *
 * @example
 * ```ts
 * const r = new AcrossValues('TCP 10.0.0.1 → 10.0.0.2:80', groups);
 * r.verdict; // 'Mixed'
 * r.issues[0]?.code; // 'unspecified_field'
 * ```
 */
export class AcrossValues implements EvaluationResult {
  readonly verdict: Verdict = 'Mixed';
  readonly decidedBy: Decision | undefined = undefined;
  readonly issues: readonly Issue[];
  readonly paths: readonly PathResult[];
  readonly unsupported: readonly UnsupportedUse[];
  readonly #flowText: string;

  constructor(flowText: string, groups: readonly VerdictGroup[]) {
    this.#flowText = flowText;
    const results = groups.map((g) => g.result);
    this.paths = results.flatMap((r) => r.paths);
    this.issues = [
      unspecifiedIssue(groups),
      ...unique(
        results.flatMap((r) => r.issues),
        (i) => `${i.code}|${i.path.join('.')}|${i.message}`,
      ),
    ];
    this.unsupported = unique(
      results.flatMap((r) => r.unsupported),
      (u) => JSON.stringify(u),
    );
  }

  get trace(): readonly TraceStep[] {
    return this.paths.flatMap((p) => p.steps);
  }

  explain(): string {
    return resultText(this, this.#flowText);
  }

  toJSON(): object {
    return resultJson(this);
  }
}
