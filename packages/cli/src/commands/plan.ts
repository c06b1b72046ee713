/** `calico-dsl plan <files…>`: what `apply` would change, read from the live datastore. */
import { formatPlan } from '@calico-dsl/calicoctl';
import {
  addCalicoctlOptions,
  addManifestNamespaceOption,
  type CalicoctlCliOptions,
  calicoctlFor,
  loadCalicoResources,
  reportCalicoctlError,
} from '../calicoctl-access.js';
import { type CommandContext, EXIT, type ExitCode } from '../context.js';
import { addInputOptions } from '../inputs.js';
import { missingInputs } from '../manifests.js';
import { writeJson } from '../output/json.js';
import { fieldChanges, showValue } from '../plan-diff.js';
import { reportIssues } from '../report-issues.js';
import type { Register } from './register.js';

/**
 * Options of `plan`.
 *
 * @example
 * ```ts
 * const o: PlanOptions = { exitCode: true };
 * ```
 */
export interface PlanOptions extends CalicoctlCliOptions {
  /** Exit 1 when the plan has changes (CI drift detection). */
  readonly exitCode?: boolean;
}

/**
 * Prints one line per resource: `+` create, `~` update (with the changed fields), `=` unchanged.
 *
 * @example
 * ```ts
 * await runPlan(['out/deny-nodeports.yaml'], { exitCode: true }, ctx); // 1 when something would change
 * ```
 */
export async function runPlan(
  files: readonly string[],
  opts: PlanOptions,
  ctx: CommandContext,
): Promise<ExitCode> {
  const usage = missingInputs('plan', files, opts, ctx.io);
  if (usage !== undefined) return usage;
  const { resources, issues } = await loadCalicoResources(files, ctx, opts);
  if (issues.length > 0) return reportIssues(issues, ctx);
  try {
    const plan = await calicoctlFor(opts, ctx).plan(resources);
    const code = opts.exitCode === true && plan.hasChanges ? EXIT.finding : EXIT.ok;
    if (ctx.json) {
      const steps = plan.steps.map((s) =>
        s.action === 'update' ? { ...s, fieldChanges: fieldChanges(s) } : s,
      );
      writeJson(ctx.io.stdout, { ok: true, ...plan, steps });
      return code;
    }
    const c = ctx.out;
    // formatPlan gives one line per step, in order: each update is followed by old → new values.
    const text = formatPlan(plan)
      .split('\n')
      .flatMap((l, i) => {
        const step = plan.steps[i];
        const head = l.startsWith('+') ? c.green(l) : l.startsWith('~') ? c.yellow(l) : c.dim(l);
        const fields = step === undefined ? [] : fieldChanges(step);
        return [
          head,
          ...fields.map(
            (f) => `    ${f.path}: ${c.red(showValue(f.before))} → ${c.green(showValue(f.after))}`,
          ),
        ];
      })
      .join('\n');
    ctx.io.stdout.write(
      `${text}\n${plan.create} to create, ${plan.update} to update, ${plan.unchanged} unchanged\n`,
    );
    return code;
  } catch (error) {
    return reportCalicoctlError(error, ctx);
  }
}

/**
 * Adds `plan` to the program.
 *
 * @example
 * ```ts
 * registerPlan(program, run);
 * ```
 */
export const registerPlan: Register = (program, run) => {
  addManifestNamespaceOption(
    addCalicoctlOptions(
      addInputOptions(
        program
          .command('plan')
          .description('Show what apply would create, update or leave unchanged (reads the cluster only)')
          .argument('[files...]', 'Calico manifest files or directories (YAML/JSON)'),
      ),
    ),
  )
    .option('--exit-code', 'exit 1 when anything would change')
    .addHelpText(
      'after',
      `
Examples:
  $ calico-dsl plan out/*.yaml
  $ calico-dsl plan out/*.yaml --exit-code || echo "cluster differs from the repository"`,
    )
    .action(run(([files]: [string[]], opts: PlanOptions, ctx) => runPlan(files, opts, ctx)));
};
