/** `calico-dsl eval <manifests…> --flow …`: verdict and trace for flows, with `--expect` for CI. */
import { formatPath } from '@calico-dsl/core';
import { formatFlow } from '@calico-dsl/evaluator';
import { type Command, Option } from 'commander';
import { type CommandContext, EXIT, type ExitCode } from '../context.js';
import {
  collectFlows,
  evaluateCases,
  type FlowOptions,
  type FlowOutcome,
  loadWorld,
  outcomeJson,
} from '../evaluation.js';
import { addInputOptions } from '../inputs.js';
import { missingInputs } from '../manifests.js';
import { type Palette, verdictText } from '../output/colors.js';
import { type FileIssue, formatFileIssues, issueJson } from '../output/issues.js';
import { writeJson } from '../output/json.js';
import { summaryText } from '../output/summary.js';
import { traceText } from '../output/trace.js';
import { ruleSources } from '../rule-sources.js';
import { stdinReadTwice } from '../stdin-once.js';
import { verdictOption } from '../verdict-option.js';
import { viaProblem } from '../via-check.js';
import type { Register } from './register.js';

/**
 * Options of `eval` (and `explain`).
 *
 * @example
 * ```ts
 * const o: EvalOptions = { flow: ['tcp 198.51.100.7 -> 169.46.10.20:80'], expect: 'allow', trace: true };
 * ```
 */
export interface EvalOptions extends FlowOptions {
  /** Print every step even for many flows. */
  readonly trace?: boolean;
}

function header(o: FlowOutcome, c: Palette): string {
  // An invalid flow's verdict is the evaluator's placeholder: say "error", never "✓ expected".
  const expectation = o.invalid
    ? `  ${c.red(`✗ invalid flow, not evaluated${o.case.expect !== undefined ? ` (expected ${o.case.expect})` : ''}`)}`
    : o.matches === undefined
      ? ''
      : o.matches
        ? `  ${c.green('✓')} ${c.dim(`expected ${o.case.expect}`)}`
        : `  ${c.red(`✗ expected ${o.case.expect}, got ${o.result.verdict}`)}`;
  const from = o.case.source === '--flow' ? '' : `  ${c.dim(o.case.source)}`;
  const verdict = o.invalid ? 'error' : o.result.verdict;
  // Pad before coloring: escape codes would count towards the width.
  const pad = ' '.repeat(Math.max(0, 5 - verdict.length));
  const shown = o.invalid ? c.red(verdict) : verdictText(c, o.result.verdict);
  return `${shown}${pad}  ${formatFlow(o.case.flow)}${expectation}${from}\n`;
}

/**
 * Evaluates flows against the world read from `manifests`. `explain` prints every step with
 * the deciding one highlighted; `eval` prints steps for a single flow (or with `--trace`) and
 * one decision line per path otherwise. Exit 1 on invalid input, a flow the evaluator rejects,
 * or a verdict other than the expected one.
 *
 * @example
 * ```ts
 * await runFlowCommand(['world.yaml', 'policy.yaml'], { flow: ['tcp 198.51.100.7 -> 169.46.7.10:31024'], expect: 'deny' }, ctx, 'eval');
 * ```
 */
export async function runFlowCommand(
  manifests: readonly string[],
  opts: EvalOptions,
  ctx: CommandContext,
  mode: 'eval' | 'explain',
): Promise<ExitCode> {
  const usage = missingInputs(mode, manifests, opts, ctx.io);
  if (usage !== undefined) return usage;
  if ((opts.flow ?? []).length === 0 && opts.flows === undefined) {
    ctx.io.stderr.write(
      `error: ${mode} needs --flow '<protocol> <source> -> <destination>' or --flows <file> (add --help for usage)\n`,
    );
    return EXIT.usage;
  }
  const twice = stdinReadTwice(
    [
      ['the manifests', [...manifests, ...(opts.filename ?? [])]],
      ['--flows', [opts.flows]],
    ],
    ctx.io,
  );
  if (twice !== undefined) return twice;
  const [{ world, issues: worldIssues, files }, { cases, issues: flowIssues }] = await Promise.all([
    loadWorld(manifests, ctx, opts.engine, opts),
    collectFlows(opts, ctx),
  ]);
  // A malformed --flow or --via is a usage error (exit 2), as the help says; a bad file is a finding.
  const usageIssues = flowIssues.filter((i) => i.file === '--flow' || i.file === '--via');
  if (usageIssues.length > 0) return usageError(usageIssues, ctx);
  const inputIssues = [...worldIssues, ...flowIssues];
  if (world === undefined || inputIssues.length > 0) {
    if (ctx.json) writeJson(ctx.io.stdout, { ok: false, issues: inputIssues.map(issueJson), results: [] });
    else ctx.io.stderr.write(formatFileIssues(inputIssues, ctx.err));
    return EXIT.finding;
  }
  const viaIssues = cases.flatMap((c): FileIssue[] => {
    const problem = c.flow.via !== undefined ? viaProblem(world, c.flow.via) : undefined;
    return problem === undefined
      ? []
      : [
          {
            file: c.source === '--flow' ? '--via' : c.source,
            issue: { code: 'unknown_via', path: ['via'], message: problem },
          },
        ];
  });
  if (viaIssues.length > 0) return usageError(viaIssues, ctx);
  const outcomes = evaluateCases(world, cases, ctx);
  // The evaluator's own checks are usage errors too: of `via` (unknown_via), and of a --flow its
  // grammar reads but evaluation refuses (invalid_flow: addresses of two IP versions).
  const refused = outcomes.flatMap((o) =>
    o.result.issues
      .filter((i) => i.code === 'unknown_via' || (o.case.source === '--flow' && i.code === 'invalid_flow'))
      .map((issue) => ({ file: o.case.source, issue })),
  );
  if (refused.length > 0) return usageError(refused, ctx);
  const failed = outcomes.filter((o) => o.invalid || o.matches === false || o.result.issues.length > 0);
  const lookup = ruleSources(files);
  if (ctx.json) {
    writeJson(ctx.io.stdout, {
      ok: failed.length === 0,
      worldIssues: world.issues,
      results: outcomes.map((o) => ({
        ...outcomeJson(o),
        // Where each path's deciding rule is written (null: a profile or a default).
        decidedAt: o.result.paths.map(({ decidedBy: d }) =>
          d.policy !== undefined ? (lookup(d.policy, d.direction, d.ruleIndex) ?? null) : null,
        ),
      })),
    });
    return failed.length === 0 ? EXIT.ok : EXIT.finding;
  }
  const c = ctx.out;
  for (const issue of world.issues) {
    ctx.io.stderr.write(`${ctx.err.yellow('warning')}: ${formatPath(issue.path)}: ${issue.message}\n`);
  }
  // eval prints a summary (paths grouped by decision, the deciding rule and its file:line);
  // explain and --trace print every step of every path.
  const full = mode === 'explain' || opts.trace === true;
  for (const o of outcomes) {
    ctx.io.stdout.write(header(o, c));
    ctx.io.stdout.write(
      full
        ? traceText(o.result, c, { steps: true, highlight: mode === 'explain' })
        : summaryText(o.result, c, lookup),
    );
  }
  if (!full && outcomes.some((o) => o.result.paths.length > 0)) {
    ctx.io.stdout.write(c.dim('(--trace prints every step of every path)\n'));
  }
  if (outcomes.length > 1) {
    const expected = outcomes.filter((o) => o.matches !== undefined).length;
    const met = outcomes.filter((o) => o.matches === true).length;
    const invalid = outcomes.filter((o) => o.invalid).length;
    const summary = `${outcomes.length} flows${expected > 0 ? `, ${met}/${expected} as expected` : ''}${invalid > 0 ? `, ${invalid} invalid` : ''}`;
    ctx.io.stdout.write(`${failed.length > 0 ? c.red(summary) : c.green(summary)}\n`);
  }
  return failed.length === 0 ? EXIT.ok : EXIT.finding;
}

function usageError(issues: readonly FileIssue[], ctx: CommandContext): ExitCode {
  if (ctx.json) writeJson(ctx.io.stdout, { ok: false, issues: issues.map(issueJson), results: [] });
  else ctx.io.stderr.write(`${formatFileIssues(issues, ctx.err)}(add --help for usage)\n`);
  return EXIT.usage;
}

const collect = (value: string, previous: readonly string[]): string[] => [...previous, value];

/**
 * Adds the flow options shared by `eval` and `explain`.
 *
 * @example
 * ```ts
 * addFlowOptions(program.command('eval'));
 * ```
 */
export function addFlowOptions(cmd: Command): Command {
  return addInputOptions(cmd)
    .argument(
      '[manifests...]',
      'world and policy manifests (YAML/JSON): Calico resources, Pods, Services, Nodes…',
    )
    .option(
      '--flow <flow>',
      "a flow: '<tcp|udp|sctp|icmp|icmpv6|N> <src>[:port] -> <dst>[:port]' (repeatable)",
      collect,
      [],
    )
    .option(
      '--flows <file>',
      'many flows: one per line (# comments, optional trailing allow|deny|mixed) or a .json array',
    )
    .option('--via <node[/interface]>', 'where the packet enters the cluster (pins the entry host endpoint)')
    .addOption(verdictOption('--expect <verdict>', 'exit 1 unless every flow gets this verdict (any case)'))
    .addOption(new Option('--engine <engine>', 'evaluator engine').choices(['compiled', 'reference']));
}

/**
 * Adds `eval` to the program.
 *
 * @example
 * ```ts
 * registerEval(program, run);
 * ```
 */
export const registerEval: Register = (program, run) => {
  addFlowOptions(
    program
      .command('eval')
      .description('Evaluate flows against a world of manifests: verdict (Allow/Deny/Mixed) and trace'),
  )
    .option('--trace', 'print every step of every path (default: one line per group of paths decided alike)')
    .addHelpText(
      'after',
      `
Examples:
  $ calico-dsl eval world.yaml deny-nodeports.yaml --flow 'tcp 198.51.100.7:40000 -> 169.46.10.20:80' --expect allow
  $ calico-dsl eval world.yaml policies/*.yaml --flow 'tcp 198.51.100.7 -> 169.46.7.10:31024' --via worker-1/eth1
  $ calico-dsl eval world.yaml policies/*.yaml --flow 'icmp 10.0.0.1 -> 10.0.0.2 type 8' --json
  $ calico-dsl eval world.yaml policies/*.yaml --flows flows.txt

flows.txt:
  # protocol source -> destination [via node/iface] [expected verdict]
  tcp 198.51.100.7:40000 -> 169.46.10.20:80      allow
  tcp 198.51.100.7:40000 -> 169.46.7.10:31024    deny
  udp [2001:db8::7]:5353 -> [2001:db8::10]:53

Exit status 1 when a flow's verdict differs from --expect (or its line's expectation).`,
    )
    .action(
      run(([manifests]: [string[]], opts: EvalOptions, ctx) => runFlowCommand(manifests, opts, ctx, 'eval')),
    );
};
