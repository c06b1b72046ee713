/** How every command that reads manifests reports the issues that stop it. */
import { type CommandContext, EXIT, type ExitCode } from './context.js';
import { type FileIssue, formatFileIssues, issueJson } from './output/issues.js';
import { writeJson } from './output/json.js';

/**
 * Prints input issues (text on stderr or JSON on stdout) and returns exit status 1.
 *
 * @example
 * ```ts
 * if (issues.length > 0) return reportIssues(issues, ctx);
 * ```
 */
export function reportIssues(issues: readonly FileIssue[], ctx: CommandContext): ExitCode {
  if (ctx.json) writeJson(ctx.io.stdout, { ok: false, issues: issues.map(issueJson) });
  else ctx.io.stderr.write(formatFileIssues(issues, ctx.err));
  return EXIT.finding;
}
