/**
 * `calico-dsl diff <before…> --after <after…>` (or `--base <git-ref>`): every flow whose verdict
 * changes, in few readable regions.
 */
import type { Change } from '@calico-dsl/analysis';
import { formatFlow } from '@calico-dsl/evaluator';
import { Option } from 'commander';
import { type CommandContext, EXIT, type ExitCode } from '../context.js';
import { loadWorld } from '../evaluation.js';
import { atRevision, revisionProblem } from '../git-revision.js';
import { addInputOptions, type InputOptions } from '../inputs.js';
import { missingInputs } from '../manifests.js';
import { writeJson } from '../output/json.js';
import { reportIssues } from '../report-issues.js';
import { stdinReadTwice } from '../stdin-once.js';
import { changeKind, diffMarkdown } from './analysis-output.js';
import type { Register } from './register.js';

/**
 * Options of `diff`.
 *
 * @example
 * ```ts
 * const o: DiffOptions = { after: ['cluster.yaml', 'new-policy.yaml'], failOn: 'opened' };
 * ```
 */
export interface DiffOptions extends InputOptions {
  readonly after?: string[];
  readonly base?: string;
  readonly format?: 'text' | 'markdown';
  readonly failOn?: 'opened' | 'closed';
  /** List the changes of flows that name where they enter (`via`), not only count them. */
  readonly via?: boolean;
}

/**
 * Compares two worlds; exit 1 on changes of the `--fail-on` kind.
 *
 * @example
 * ```ts
 * await runDiff(['cluster.yaml'], { after: ['cluster.yaml', 'deny-nodeports.yaml'] }, ctx);
 * ```
 */
export async function runDiff(
  files: readonly string[],
  opts: DiffOptions,
  ctx: CommandContext,
): Promise<ExitCode> {
  if ((opts.after === undefined) === (opts.base === undefined)) {
    ctx.io.stderr.write('error: diff needs either --after <manifests...> or --base <git-ref>\n');
    return EXIT.usage;
  }
  const base = opts.base;
  // With --base, the before side is the revision's files: those added since read as empty, those
  // deleted since are still read (the directories are listed as they were).
  const beforeCtx: CommandContext = base === undefined ? ctx : { ...ctx, io: atRevision(ctx.io, base) };
  const usage = missingInputs('diff', files, opts, ctx.io);
  if (usage !== undefined) return usage;
  const twice = stdinReadTwice(
    [
      ['the manifests before', [...files, ...(opts.filename ?? [])]],
      ['--after', opts.after ?? []],
    ],
    ctx.io,
  );
  if (twice !== undefined) return twice;
  if (base !== undefined) {
    const problem = await baseProblem(base, ctx);
    if (problem !== undefined) return problem;
  }
  // -f/-R name the files before the change (and, with --base, after it); -R also expands --after.
  const before = await loadWorld(files, beforeCtx, undefined, opts);
  const after = await loadWorld(
    opts.after ?? files,
    ctx,
    undefined,
    opts.after === undefined ? opts : { ...(opts.recursive === true ? { recursive: true } : {}) },
  );
  const issues = [...before.issues, ...after.issues];
  if (before.world === undefined || after.world === undefined) return reportIssues(issues, ctx);
  // Loaded on use: other commands start without the analysis package.
  const { changeText, diff } = await import('@calico-dsl/analysis');
  const { changes, icmpChanges, viaChanges, unsupported } = diff(before.world, after.world);
  // Typed pings are reviewed as any other change. Flows that name where they enter (a packet for
  // one interface arriving on another) are counted, and listed with --via: on a cluster with host
  // endpoints they outnumber the rest, mostly forwarded traffic no upstream router sends.
  const shown = [...changes, ...icmpChanges, ...(opts.via === true ? viaChanges : [])];
  const note = opts.via === true ? undefined : viaNote(viaChanges);
  const failed =
    opts.failOn !== undefined && [...shown, ...viaChanges].some((c) => changeKind(c) === opts.failOn);
  if (ctx.json) writeJson(ctx.io.stdout, { ok: !failed, changes, icmpChanges, viaChanges, unsupported });
  else if (opts.format === 'markdown') ctx.io.stdout.write(diffMarkdown(shown, changeText, note));
  else {
    for (const c of shown) ctx.io.stdout.write(`${changeText(c)}\n    e.g. ${formatFlow(c.witness)}\n`);
    if (shown.length > 0)
      ctx.io.stdout.write(`${shown.length} region${shown.length === 1 ? '' : 's'} changed\n`);
    if (note !== undefined) ctx.io.stdout.write(`${note}\n`);
    else if (shown.length === 0) ctx.io.stdout.write('No flow changes its verdict.\n');
  }
  return failed ? EXIT.finding : EXIT.ok;
}

/**
 * A `--base` git cannot read stops the diff: an unknown revision is a usage error (2), git
 * failing (no git, not a repository) exit 1. Reading it as "no files before" would list every
 * flow of the world as changed.
 */
async function baseProblem(base: string, ctx: CommandContext): Promise<ExitCode | undefined> {
  const problem = await revisionProblem(base);
  if (problem === undefined) return undefined;
  if (problem.kind === 'unknown-revision') {
    ctx.io.stderr.write(
      `error: diff --base ${base}: git does not know the revision '${base}' (${problem.message}); in a shallow clone, fetch it first (git fetch origin <branch>, or fetch-depth: 0 for actions/checkout)\n`,
    );
    return EXIT.usage;
  }
  ctx.io.stderr.write(
    `error: diff --base ${base}: cannot read the revision '${base}' with git: ${problem.message}\n`,
  );
  return EXIT.finding;
}

/** How many `via` changes `--via` would list, and of which kinds; undefined when there are none. */
function viaNote(viaChanges: readonly Change[]): string | undefined {
  if (viaChanges.length === 0) return undefined;
  const kinds = (['opened', 'closed', 'other'] as const)
    .map((k) => [k, viaChanges.filter((c) => changeKind(c) === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  const n = viaChanges.length;
  return `${n} more region${n === 1 ? '' : 's'} change${n === 1 ? 's' : ''} for flows that enter a node by another interface than their address routes them to (${kinds.join(', ')}); --via lists them`;
}

/**
 * Adds `diff` to the program.
 *
 * @example
 * ```ts
 * registerDiff(program, run);
 * ```
 */
export const registerDiff: Register = (program, run) => {
  addInputOptions(program.command('diff'))
    .description('Every flow whose verdict changes between two sets of manifests, as merged regions')
    .argument('[manifests...]', 'manifests before the change (or the current files with --base); or -f/-R')
    .option('--after <manifests...>', 'manifests after the change')
    .option(
      '--base <git-ref>',
      'compare the same files at this git revision (before) with the working tree (after)',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown']).default('text'))
    .addOption(
      new Option('--fail-on <kind>', 'exit 1 when flows are opened or closed').choices(['opened', 'closed']),
    )
    .option('--via', 'also list flows entering a node by another interface than their address routes them to')
    .addHelpText(
      'after',
      `
Examples:
  $ calico-dsl diff cluster.yaml --after cluster.yaml deny-nodeports.yaml
  $ calico-dsl diff cluster.yaml policies/*.yaml --base origin/main --format markdown --fail-on opened`,
    )
    .action(run(([files]: [string[]], opts: DiffOptions, ctx) => runDiff(files, opts, ctx)));
};
