/**
 * One flow evaluated on the world, as the result panel shows it: the verdict, what decided it,
 * the lanes of the packet-path diagram, and the editor lines of the deciding rules.
 */
import {
  type EvaluationResult,
  type Flow,
  formatDecision,
  type PathResult,
  parseFlow,
  type Verdict,
  type World,
} from '@calico-dsl/evaluator';
import { type Lane, lanesOf } from './lanes.js';
import { findRuleLines, type LineRange, type LocatedResource } from './rule-lines.js';

/**
 * One way the paths were decided, and on how many paths.
 *
 * @example
 * ```ts
 * const d: DecisionView = { text: 'GlobalNetworkPolicy deny-lb-port-80 (tier default), ingress rule 0: Deny', paths: 3, verdict: 'Deny' };
 * ```
 */
export interface DecisionView {
  readonly text: string;
  readonly paths: number;
  readonly verdict: 'Allow' | 'Deny';
}

/**
 * The result panel's content.
 *
 * @example
 * ```ts
 * const v = evaluateFlowText(world, 'tcp 198.51.100.7 -> 169.46.10.20:80', located);
 * if (v.ok) v.value.verdict; // 'Allow'
 * ```
 */
export interface ResultView {
  readonly flow: Flow;
  readonly verdict: Verdict;
  /** One line naming what decided (kind, namespace/name, tier, rule), or each decision when paths differ. */
  readonly decidedBy: string;
  readonly decisions: readonly DecisionView[];
  readonly lanes: readonly Lane[];
  /** Editor lines of the deciding rules (policies written in the text only). */
  readonly highlights: readonly LineRange[];
  /** Problems with the flow that the evaluator reported (then the verdict is Deny, with no paths). */
  readonly problems: readonly string[];
  readonly explain: string;
}

function decisionsOf(paths: readonly PathResult[]): DecisionView[] {
  const byText = new Map<string, DecisionView>();
  for (const p of paths) {
    const text = formatDecision(p.decidedBy);
    const seen = byText.get(text);
    byText.set(text, { text, verdict: p.verdict, paths: (seen?.paths ?? 0) + 1 });
  }
  return [...byText.values()];
}

function highlightsOf(paths: readonly PathResult[], located: readonly LocatedResource[]): LineRange[] {
  const out = new Map<string, LineRange>();
  for (const { decidedBy: d } of paths) {
    if (d.policy === undefined) continue;
    const r = findRuleLines(located, { ...d.policy, direction: d.direction, ruleIndex: d.ruleIndex });
    if (r) out.set(`${r.from}-${r.to}`, r);
  }
  return [...out.values()];
}

/**
 * The result view of an evaluation.
 *
 * @example
 * ```ts
 * resultView(flow, world.evaluate(flow), located).decidedBy; // 'GlobalNetworkPolicy whitelist (tier default), ingress rule 0: Allow'
 * ```
 */
export function resultView(
  flow: Flow,
  result: EvaluationResult,
  located: readonly LocatedResource[],
): ResultView {
  const decisions = decisionsOf(result.paths);
  const problems = result.issues.map((i) => i.message);
  const decidedBy =
    result.decidedBy !== undefined
      ? formatDecision(result.decidedBy)
      : decisions.length > 0
        ? decisions.map((d) => `${d.paths} of ${result.paths.length} paths: ${d.text}`).join('; ')
        : problems.length > 0
          ? `the flow cannot be evaluated: ${problems.join('; ')}`
          : 'no path: the packet reaches no endpoint';
  return {
    flow,
    verdict: result.verdict,
    decidedBy,
    decisions,
    lanes: lanesOf(result),
    highlights: highlightsOf(result.paths, located),
    problems,
    explain: result.explain(),
  };
}

/**
 * Parses the flow box's text and evaluates it; a flow that does not parse gives the parser's
 * message (which shows the expected form), and so does one the evaluator refuses as input (no
 * port for TCP, mixed IP versions, a `via` the world does not have): its placeholder `Deny` is
 * no verdict.
 *
 * @example
 * ```ts
 * evaluateFlowText(world, 'tcp 1.2.3.4 ->', []).ok; // false
 * evaluateFlowText(world, 'tcp 1.2.3.4 -> 5.6.7.8', []).ok; // false: TCP needs a destination port
 * ```
 */
export function evaluateFlowText(
  world: World,
  text: string,
  located: readonly LocatedResource[],
): { ok: true; value: ResultView } | { ok: false; message: string } {
  const parsed = parseFlow(text);
  if (!parsed.ok) return { ok: false, message: parsed.issues.map((i) => i.message).join('; ') };
  const result = world.evaluate(parsed.value);
  const refused = result.issues.filter((i) => INPUT_ERRORS.has(i.code));
  if (refused.length > 0)
    return {
      ok: false,
      message: `This flow cannot be evaluated: ${refused.map((i) => i.message).join('; ')}`,
    };
  return { ok: true, value: resultView(parsed.value, result, located) };
}

/** Issue codes of a flow the evaluator refuses (no paths, a placeholder verdict). */
const INPUT_ERRORS: ReadonlySet<string> = new Set(['invalid_flow', 'unknown_via']);
