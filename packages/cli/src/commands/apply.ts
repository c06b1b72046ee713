/** `calico-dsl apply <files…>`: validate, then `calicoctl apply -f -`. */

import { type CalicoctlError, formatRef, isCalicoctlError, type ResourceRef } from '@calico-dsl/calicoctl';
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
import type { Interrupt } from '../io.js';
import { missingInputs } from '../manifests.js';
import { writeJson } from '../output/json.js';
import { reportIssues } from '../report-issues.js';
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
  // Ctrl-C / SIGTERM aborts calicoctl: the library ends its process group, waits for it and
  // rejects with ABORTED, saying which resources were applied, failed or are unknown. A second
  // signal ends the CLI at once.
  const controller = new AbortController();
  let interrupted: Interrupt | undefined;
  const stopWatching = ctx.io.onInterrupt?.((signal) => {
    if (interrupted !== undefined) return exitFor(interrupted);
    interrupted = signal;
    controller.abort();
    return undefined;
  });
  try {
    const result = await calicoctlFor(opts, ctx).apply(resources, { signal: controller.signal });
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
    if (interrupted !== undefined && isCalicoctlError(error, 'ABORTED')) {
      return reportInterrupted(interrupted, error, ctx);
    }
    return reportCalicoctlError(error, ctx);
  } finally {
    stopWatching?.();
  }
}

const exitFor = (signal: Interrupt): ExitCode => (signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated);

/** After an abort: what calicoctl applied, what failed, what is unknown; exit 130 / 143. */
function reportInterrupted(signal: Interrupt, error: CalicoctlError, ctx: CommandContext): ExitCode {
  const failed = error.failed.filter((f) => f.outcome === 'failed');
  const unknown = error.unknown;
  const advice = 'run `calico-dsl plan` with the same files to see what the cluster holds now';
  if (ctx.json) {
    writeJson(ctx.io.stdout, {
      ok: false,
      interrupted: signal,
      applied: error.applied,
      failed,
      unknown,
      advice,
    });
  } else {
    const c = ctx.err;
    const list = (refs: readonly ResourceRef[]) =>
      refs.length > 0 ? refs.map(formatRef).join(', ') : 'none';
    ctx.io.stderr.write(
      `${c.red('interrupted')} (${signal}): calicoctl apply was stopped (its process group ended).\n` +
        `  applied (${error.applied.length}): ${list(error.applied)}\n` +
        `  failed (${failed.length}): ${list(failed)}\n` +
        `  unknown (${unknown.length}): ${list(unknown)}\n` +
        `  ${advice}.\n`,
    );
  }
  return exitFor(signal);
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
  addManifestNamespaceOption(
    addCalicoctlOptions(
      addInputOptions(
        program
          .command('apply')
          .description('Validate manifests, then create or replace them with calicoctl apply')
          .argument('[files...]', 'Calico manifest files or directories (YAML/JSON)'),
      ),
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
