/** The default `eval` view: paths grouped by how they were decided, with the deciding rule's source. */
import {
  type EndpointRef,
  type EvaluationResult,
  formatDecision,
  formatEndpoint,
  type PathResult,
  type PolicyRef,
} from '@calico-dsl/evaluator';
import type { RuleSource } from '../rule-sources.js';
import { type Palette, verdictText } from './colors.js';
import { resultNotes } from './trace.js';

/**
 * Finds where a policy rule is written; `undefined` when it is not in the input files (a
 * profile, or a default).
 *
 * @example
 * ```ts
 * const lookup: RuleLookup = () => undefined; // no sources: print decisions only
 * ```
 */
export type RuleLookup = (
  policy: PolicyRef,
  direction?: 'ingress' | 'egress',
  ruleIndex?: number,
) => RuleSource | undefined;

const MAX_NAMES = 3;

function names(refs: readonly (EndpointRef | undefined)[]): string {
  const unique = [...new Set(refs.flatMap((r) => (r === undefined ? [] : [formatEndpoint(r)])))];
  const shown = unique.slice(0, MAX_NAMES).join(', ');
  return unique.length > MAX_NAMES ? `${shown}, … (${unique.length})` : shown;
}

function groupLine(group: readonly PathResult[], c: Palette): string {
  const [first] = group;
  if (first === undefined) return '';
  const entries = names(group.map((p) => p.entry));
  const backends = names(group.map((p) => p.backend));
  const where = [entries !== '' ? `via ${entries}` : '', backends !== '' ? `to ${backends}` : '']
    .filter((x) => x !== '')
    .join(' ');
  const count = `${group.length} path${group.length === 1 ? '' : 's'}`;
  return `  ${count}${where !== '' ? ` ${c.dim(`(${where})`)}` : ''} — ${verdictText(c, first.verdict)}: decided by ${formatDecision(first.decidedBy)}`;
}

/**
 * One line per group of paths decided the same way, each followed by the deciding rule as written
 * and its `file:line`; then notes and issues, as in the full trace.
 *
 * @example
 * ```ts
 * declare const result: EvaluationResult;
 * process.stdout.write(summaryText(result, palette(false), () => undefined));
 * ```
 */
export function summaryText(result: EvaluationResult, c: Palette, lookup: RuleLookup): string {
  const groups = new Map<string, PathResult[]>();
  for (const p of result.paths) {
    const key = `${p.verdict}|${formatDecision(p.decidedBy)}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [p]);
    else group.push(p);
  }
  const lines: string[] = [];
  for (const group of groups.values()) {
    lines.push(groupLine(group, c));
    const d = group[0]?.decidedBy;
    const source = d?.policy !== undefined ? lookup(d.policy, d.direction, d.ruleIndex) : undefined;
    if (source !== undefined) {
      lines.push(`      ${c.bold(`${source.file}:${source.line}`)}`);
      for (const l of source.text.split('\n')) lines.push(`        ${c.dim(l)}`);
    }
  }
  lines.push(...resultNotes(result, c));
  return `${lines.join('\n')}\n`;
}
