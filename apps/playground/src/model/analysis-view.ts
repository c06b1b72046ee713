/**
 * Lint findings and verdict changes as the lint and diff panels list them, each placed on the
 * editor line of the policy or rule it is about.
 */
import { formatFlow } from '@calico-dsl/evaluator';
import type { Change, LintFinding } from '../analysis/port.js';
import { findRuleLines, type LocatedResource } from './rule-lines.js';

/**
 * One lint finding, placed.
 *
 * @example
 * ```ts
 * const f: FindingView = { severity: 'warning', code: 'shadowed-rule', line: 14, text: 'GlobalNetworkPolicy a ingress rule 1: …' };
 * ```
 */
export interface FindingView {
  readonly severity: LintFinding['severity'];
  readonly code: string;
  /** The editor line of the rule or policy, when the text holds it. */
  readonly line: number | undefined;
  readonly text: string;
}

/**
 * Findings in the order the package reports them, with lines.
 *
 * @example
 * ```ts
 * findingViews(analysis.analyze(world).lint(), located)[0]?.line;
 * ```
 */
export function findingViews(
  findings: readonly LintFinding[],
  located: readonly LocatedResource[],
): FindingView[] {
  return findings.map((f) => {
    const r = f.resource;
    const lines = findRuleLines(located, {
      kind: r.kind,
      name: r.name,
      namespace: r.namespace,
      direction: f.rule?.direction,
      ruleIndex: f.rule?.index,
    });
    // The message names its policy and rule already ("GlobalNetworkPolicy x ingress rule 0 …").
    const witness = f.witness ? ` (e.g. ${formatFlow(f.witness)})` : '';
    return {
      severity: f.severity,
      code: f.code,
      line: lines?.from,
      text: `${f.message}${witness}`,
    };
  });
}

/**
 * One verdict change between the preset (or the text as loaded) and the edited text.
 *
 * @example
 * ```ts
 * changeText(change); // 'Allow → Deny, e.g. tcp 198.51.100.7:51000 -> 169.46.10.20:80'
 * ```
 */
export function changeText(change: Change): string {
  return `${change.before} → ${change.after}, e.g. ${formatFlow(change.witness)}`;
}
