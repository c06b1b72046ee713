/** Issues as compilers print them: `file:line:column: message`, so editors can jump to them. */
import { formatPath, type Issue } from '@calico-dsl/core';
import type { Palette } from './colors.js';

/**
 * An issue found in one input file.
 *
 * @example
 * ```ts
 * const f: FileIssue = { file: 'policy.yaml', issue: { code: 'invalid_cidr', path: ['spec'], message: '…', line: 12, column: 9 } };
 * ```
 */
export interface FileIssue {
  readonly file: string;
  readonly issue: Issue;
}

/**
 * `file:line:column` (or `file:line`, or `file`) of an issue.
 *
 * @example
 * ```ts
 * issueLocation({ file: 'a.yaml', issue: { code: 'invalid_cidr', path: [], message: 'm', line: 3, column: 5 } }); // 'a.yaml:3:5'
 * ```
 */
export function issueLocation(f: FileIssue): string {
  const { line, column } = f.issue;
  if (line === undefined) return f.file;
  return column === undefined ? `${f.file}:${line}` : `${f.file}:${line}:${column}`;
}

/**
 * One line per issue: `invalid.yaml:12:9: error spec.ingress[0].destination.nets[0]: Invalid CIDR … [invalid_cidr]`.
 *
 * @example
 * ```ts
 * io.stderr.write(formatFileIssues(problems, palette(false)));
 * ```
 */
export function formatFileIssues(issues: readonly FileIssue[], c: Palette): string {
  return issues
    .map((f) => {
      const path = f.issue.path.length > 0 ? `${c.cyan(formatPath(f.issue.path))}: ` : '';
      return `${c.bold(issueLocation(f))}: ${c.red('error')} ${path}${f.issue.message} ${c.dim(`[${f.issue.code}]`)}\n`;
    })
    .join('');
}

/**
 * The JSON shape of an issue: the issue itself plus its file.
 *
 * @example
 * ```ts
 * writeJson(io.stdout, { issues: problems.map(issueJson) });
 * ```
 */
export function issueJson(f: FileIssue): Issue & { readonly file: string } {
  return { file: f.file, ...f.issue };
}
