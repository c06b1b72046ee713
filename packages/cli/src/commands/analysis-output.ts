/** Shared output of the analysis commands (lint, diff, search): markdown and SARIF renderings. */
import type { Change, LintFinding } from '@calico-dsl/analysis';
import { formatFlow } from '@calico-dsl/evaluator';

/** `opened` = a flow that was not allowed now is (exposure); `closed` = the reverse (outage). */
export type ChangeKind = 'opened' | 'closed' | 'other';

/**
 * Classifies a change for review.
 *
 * @example
 * ```ts
 * declare const c: Change;
 * changeKind(c); // 'closed' for Allow → Deny
 * ```
 */
export function changeKind(c: Change): ChangeKind {
  if (c.after === 'Allow' && c.before !== 'Allow') return 'opened';
  if (c.before === 'Allow' && c.after !== 'Allow') return 'closed';
  return 'other';
}

const resourceName = (f: LintFinding) =>
  `${f.resource.kind} ${f.resource.namespace ? `${f.resource.namespace}/` : ''}${f.resource.name}`;

const resourceText = (f: LintFinding) =>
  `${resourceName(f)}${f.rule ? ` ${f.rule.direction} rule ${f.rule.index}` : ''}`;

/** The message, after its resource and rule unless it opens by naming them itself (most do). */
const locatedMessage = (f: LintFinding) =>
  f.message.startsWith(`${resourceName(f)} `) ? f.message : `${resourceText(f)}: ${f.message}`;

/**
 * One finding as a text line.
 *
 * @example
 * ```ts
 * declare const f: LintFinding;
 * findingText(f); // 'warning shadowed-rule: GlobalNetworkPolicy p ingress rule 1 (Deny) never decides: …'
 * ```
 */
export function findingText(f: LintFinding): string {
  return `${f.severity} ${f.code}: ${locatedMessage(f)}${f.witness ? ` (witness: ${formatFlow(f.witness)})` : ''}`;
}

/**
 * Lint findings as a PR comment.
 *
 * @example
 * ```ts
 * lintMarkdown([]); // '### calico-dsl lint\n\nNo findings.\n'
 * ```
 */
export function lintMarkdown(findings: readonly LintFinding[]): string {
  const lines = ['### calico-dsl lint', ''];
  if (findings.length === 0) return `${lines.join('\n')}No findings.\n`;
  lines.push('| severity | check | resource | finding |', '| --- | --- | --- | --- |');
  for (const f of findings)
    lines.push(
      `| ${f.severity} | \`${f.code}\` | ${resourceText(f)} | ${f.message.replaceAll('|', '\\|')} |`,
    );
  return `${lines.join('\n')}\n`;
}

/**
 * Lint findings as SARIF 2.1.0 (GitHub code scanning); `files` are the manifests read.
 *
 * @example
 * ```ts
 * lintSarif([], ['policy.yaml']).version; // '2.1.0'
 * ```
 */
export function lintSarif(
  findings: readonly LintFinding[],
  files: readonly string[],
): Record<string, unknown> {
  const codes = [...new Set(findings.map((f) => f.code))];
  const level = (s: LintFinding['severity']) =>
    s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'calico-dsl lint',
            informationUri: 'https://github.com/calico-dsl/calico-dsl',
            rules: codes.map((id) => ({ id, shortDescription: { text: id.replaceAll('-', ' ') } })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          level: level(f.severity),
          message: { text: locatedMessage(f) },
          locations: files.slice(0, 1).map((uri) => ({
            physicalLocation: { artifactLocation: { uri } },
            logicalLocations: [{ name: f.resource.name, kind: f.resource.kind }],
          })),
        })),
      },
    ],
  };
}

/**
 * Changes as a PR comment: opened flows (exposure) first, then closed flows (outage);
 * `describe` renders one change (the analysis package's `changeText`); `note` ends it (changes
 * counted, not listed).
 *
 * @example
 * ```ts
 * diffMarkdown([], () => ''); // '### calico-dsl diff\n\nNo flow changes its verdict.\n'
 * ```
 */
export function diffMarkdown(
  changes: readonly Change[],
  describe: (c: Change) => string,
  note?: string,
): string {
  const lines = ['### calico-dsl diff', ''];
  if (changes.length === 0 && note === undefined) return `${lines.join('\n')}No flow changes its verdict.\n`;
  const section = (title: string, kind: ChangeKind) => {
    const list = changes.filter((c) => changeKind(c) === kind);
    if (list.length === 0) return;
    lines.push(`#### ${title} (${list.length})`, '');
    for (const c of list) lines.push(`- ${describe(c)} — e.g. \`${formatFlow(c.witness)}\``);
    lines.push('');
  };
  section('Opened flows (exposure)', 'opened');
  section('Closed flows (outage)', 'closed');
  section('Other changes', 'other');
  if (note !== undefined) lines.push(note, '');
  return `${lines.join('\n')}\n`;
}
