/** `calico-dsl lint <manifests…>`: exhaustive checks (shadowed rules, selectors matching nothing, …). */
import { Option } from 'commander';
import { type CommandContext, EXIT, type ExitCode } from '../context.js';
import { loadWorld } from '../evaluation.js';
import { addInputOptions, type InputOptions } from '../inputs.js';
import { missingInputs } from '../manifests.js';
import { writeJson } from '../output/json.js';
import { reportIssues } from '../report-issues.js';
import { findingText, lintMarkdown, lintSarif } from './analysis-output.js';
import type { Register } from './register.js';

/**
 * Options of `lint`.
 *
 * @example
 * ```ts
 * const o: LintOptions = { format: 'sarif' };
 * ```
 */
export interface LintOptions extends InputOptions {
  readonly format?: 'text' | 'markdown' | 'sarif';
}

/**
 * Lints the world the manifests describe; exit 1 on an error finding.
 *
 * @example
 * ```ts
 * await runLint(['cluster.yaml', 'policies.yaml'], { format: 'text' }, ctx);
 * ```
 */
export async function runLint(
  manifests: readonly string[],
  opts: LintOptions,
  ctx: CommandContext,
): Promise<ExitCode> {
  const usage = missingInputs('lint', manifests, opts, ctx.io);
  if (usage !== undefined) return usage;
  const { world, issues } = await loadWorld(manifests, ctx, undefined, opts);
  if (world === undefined) return reportIssues(issues, ctx);
  // Loaded on use: other commands start without the analysis package.
  const { analyze } = await import('@calico-dsl/analysis');
  const analysis = analyze(world);
  const findings = analysis.lint();
  const failed = findings.some((f) => f.severity === 'error');
  if (ctx.json) writeJson(ctx.io.stdout, { ok: !failed, findings, unsupported: analysis.unsupported });
  else if (opts.format === 'sarif') writeJson(ctx.io.stdout, lintSarif(findings, manifests));
  else if (opts.format === 'markdown') ctx.io.stdout.write(lintMarkdown(findings));
  else {
    ctx.io.stdout.write(findings.map((f) => `${findingText(f)}\n`).join(''));
    ctx.io.stdout.write(`${findings.length} finding${findings.length === 1 ? '' : 's'}\n`);
  }
  return failed ? EXIT.finding : EXIT.ok;
}

/**
 * Adds `lint` to the program.
 *
 * @example
 * ```ts
 * registerLint(program, run);
 * ```
 */
export const registerLint: Register = (program, run) => {
  addInputOptions(program.command('lint'))
    .description(
      'Exhaustive checks: shadowed rules, selectors that match nothing, pre-DNAT without applyOnForward, …',
    )
    .argument('[manifests...]', 'world and policy manifests (or -f <file|dir|-> and -R)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'markdown', 'sarif']).default('text'),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ calico-dsl lint cluster.yaml policies/*.yaml
  $ calico-dsl lint cluster.yaml policies/*.yaml --format sarif > lint.sarif   # GitHub code scanning

Exit status: 1 when a finding has severity error.`,
    )
    .action(run(([manifests]: [string[]], opts: LintOptions, ctx) => runLint(manifests, opts, ctx)));
};
