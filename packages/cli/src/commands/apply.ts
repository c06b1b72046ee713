/** `calico-dsl apply <files…>`: validate, then `calicoctl apply -f -`. */

import { formatRef, type ResourceRef } from '@calico-dsl/calicoctl';
import type { CalicoResource } from '@calico-dsl/core';
import {
  addCalicoctlOptions,
  type CalicoctlCliOptions,
  calicoctlFor,
  loadCalicoResources,
  reportCalicoctlError,
  reportIssues,
} from '../calicoctl-access.js';
import { type CommandContext, EXIT, type ExitCode } from '../context.js';
import { addInputOptions } from '../inputs.js';
import type { Interrupt } from '../io.js';
import { missingInputs } from '../manifests.js';
import { writeJson } from '../output/json.js';
import type { Register } from './register.js';

/**
 * Validates the manifests and applies them through calicoctl. Exit 1 on invalid input or any
 * calicoctl failure (a partial apply lists what was and was not applied).
 *
 * @example
 * ```ts
 * await runApply(['out/deny-nodeports.yaml'], { datastoreType: 'kubernetes' }, ctx);
 * ```
 */
export async function runApply(
  files: readonly string[],
  opts: CalicoctlCliOptions,
  ctx: CommandContext,
): Promise<ExitCode> {
  const usage = missingInputs('apply', files, opts, ctx.io);
  if (usage !== undefined) return usage;
  const { resources, issues } = await loadCalicoResources(files, ctx, opts);
  if (issues.length > 0) return reportIssues(issues, ctx);
  const stopWatching = ctx.io.onInterrupt?.((signal) => reportInterrupted(signal, resources, ctx));
  try {
    const result = await calicoctlFor(opts, ctx).apply(resources);
    if (ctx.json)
      writeJson(ctx.io.stdout, {
        ok: true,
        applied: result.count,
        kind: result.kind,
        resources: result.resources,
      });
    else
      ctx.io.stdout.write(
        `${ctx.out.green('applied')} ${result.count} resource(s)${result.kind !== '' ? ` (${result.kind})` : ''}\n`,
      );
    return EXIT.ok;
  } catch (error) {
    return reportCalicoctlError(error, ctx);
  } finally {
    stopWatching?.();
  }
}

/**
 * Ctrl-C or SIGTERM while calicoctl applies: calicoctl reports nothing until it ends, so every
 * resource's outcome is unknown. Prints that (text or `--json`) and returns 130 / 143.
 */
function reportInterrupted(
  signal: Interrupt,
  resources: readonly CalicoResource[],
  ctx: CommandContext,
): ExitCode {
  const unknown = resources.map(
    (r): ResourceRef => ({
      kind: r.kind,
      name: r.metadata.name,
      ...(r.metadata.namespace !== undefined ? { namespace: r.metadata.namespace } : {}),
    }),
  );
  const code = signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
  const advice = 'run `calico-dsl plan` with the same files to see what the cluster holds now';
  if (ctx.json) {
    writeJson(ctx.io.stdout, { ok: false, interrupted: signal, applied: [], failed: [], unknown, advice });
  } else {
    const c = ctx.err;
    ctx.io.stderr.write(
      `${c.red('interrupted')} (${signal}): calicoctl apply was stopped before it reported.\n` +
        `  unknown (${unknown.length}): ${unknown.map(formatRef).join(', ')}\n` +
        `  applied: none confirmed; failed: none reported; ${advice}.\n`,
    );
  }
  return code;
}

/**
 * Adds `apply` to the program.
 *
 * @example
 * ```ts
 * registerApply(program, run);
 * ```
 */
export const registerApply: Register = (program, run) => {
  addCalicoctlOptions(
    addInputOptions(
      program
        .command('apply')
        .description('Validate manifests, then create or replace them with calicoctl apply')
        .argument('[files...]', 'Calico manifest files or directories (YAML/JSON)'),
    ),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ calico-dsl apply out/*.yaml --datastore-type kubernetes --kubeconfig ~/.kube/config
  $ calico-dsl plan out/*.yaml && calico-dsl apply out/*.yaml`,
    )
    .action(run(([files]: [string[]], opts: CalicoctlCliOptions, ctx) => runApply(files, opts, ctx)));
};
