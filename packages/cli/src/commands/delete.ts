/** `calico-dsl delete <files…>` or `delete <kind> <names…>`: through calicoctl delete. */
import {
  addCalicoctlOptions,
  type CalicoctlCliOptions,
  calicoctlFor,
  loadCalicoResources,
  reportCalicoctlError,
} from '../calicoctl-access.js';
import { type CommandContext, EXIT, type ExitCode } from '../context.js';
import { addInputOptions } from '../inputs.js';
import { resolveKind } from '../kind-names.js';
import { writeJson } from '../output/json.js';
import { reportIssues } from '../report-issues.js';
import type { Register } from './register.js';

/**
 * Options of `delete`.
 *
 * @example
 * ```ts
 * const o: DeleteCliOptions = { skipNotExists: true };
 * ```
 */
export interface DeleteCliOptions extends CalicoctlCliOptions {
  readonly skipNotExists?: boolean;
}

/**
 * Deletes the resources of manifest files, or — when the first argument is a kind — the named
 * resources of that kind.
 *
 * @example
 * ```ts
 * await runDelete(['gnp', 'deny-nodeports'], {}, ctx);
 * await runDelete(['out/deny-nodeports.yaml'], { skipNotExists: true }, ctx);
 * ```
 */
export async function runDelete(
  targets: readonly string[],
  opts: DeleteCliOptions,
  ctx: CommandContext,
): Promise<ExitCode> {
  if (targets.length === 0 && (opts.filename ?? []).length === 0) {
    ctx.io.stderr.write(
      'error: delete needs manifests (files, -f <file|dir|->) or <kind> <names…>\n(add --help for usage)\n',
    );
    return EXIT.usage;
  }
  const [first, ...names] = targets;
  const kind = first !== undefined ? resolveKind(first) : undefined;
  const skip = opts.skipNotExists === true ? { skipNotExists: true } : {};
  const ctl = calicoctlFor(opts, ctx);
  try {
    let result: Awaited<ReturnType<typeof ctl.delete>>;
    if (kind !== undefined) {
      if ((opts.filename ?? []).length > 0) {
        // calicoctl's syntax takes either form, never both (`delete ( <KIND> [<NAME>...] | --filename=<FILE> )`).
        ctx.io.stderr.write(`error: delete takes <kind> <names…> or manifests (-f), not both\n`);
        return EXIT.usage;
      }
      if (names.length === 0) {
        ctx.io.stderr.write(
          `error: name the ${kind} resources to delete: calico-dsl delete ${first} <name...>\n`,
        );
        return EXIT.usage;
      }
      result = await ctl.deleteNamed(kind, names, {
        ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}),
        ...skip,
      });
    } else {
      // `-n` fills the manifests' missing namespaces, as calicoctl's does (`inNamespace`).
      const { resources, issues } = await loadCalicoResources(targets, ctx, opts);
      if (issues.length > 0) return reportIssues(issues, ctx);
      result = await ctl.delete(resources, skip);
    }
    if (ctx.json) writeJson(ctx.io.stdout, { ok: true, deleted: result.count, resources: result.resources });
    else ctx.io.stdout.write(`${ctx.out.green('deleted')} ${result.count} resource(s)\n`);
    return EXIT.ok;
  } catch (error) {
    return reportCalicoctlError(error, ctx);
  }
}

/**
 * Adds `delete` to the program.
 *
 * @example
 * ```ts
 * registerDelete(program, run);
 * ```
 */
export const registerDelete: Register = (program, run) => {
  addCalicoctlOptions(
    addInputOptions(
      program
        .command('delete')
        .description('Delete the resources of manifest files, or <kind> <names…>, through calicoctl')
        .argument('[targets...]', 'manifest files or directories, or a kind followed by names'),
    ),
  )
    .option(
      '-n, --namespace <namespace>',
      'namespace of the named resources, or of manifest resources that give none (namespaced kinds)',
    )
    .option('--skip-not-exists', 'a resource that does not exist counts as deleted')
    .addHelpText(
      'after',
      `
Examples:
  $ calico-dsl delete out/deny-nodeports.yaml
  $ calico-dsl delete gnp deny-nodeports allow-lb --skip-not-exists
  $ calico-dsl delete networkpolicy allow-web -n prod`,
    )
    .action(run(([targets]: [string[]], opts: DeleteCliOptions, ctx) => runDelete(targets, opts, ctx)));
};
