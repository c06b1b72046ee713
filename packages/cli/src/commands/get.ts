/** `calico-dsl get <kind> [names…]`: read resources through calicoctl, printed canonically. */

import { toJson, toYaml } from '@calico-dsl/yaml';
import { Option } from 'commander';
import {
  addCalicoctlOptions,
  type CalicoctlCliOptions,
  calicoctlFor,
  reportCalicoctlError,
} from '../calicoctl-access.js';
import { type CommandContext, EXIT, type ExitCode } from '../context.js';
import { kindList, resolveKind } from '../kind-names.js';
import { writeJson } from '../output/json.js';
import type { Register } from './register.js';

/**
 * Options of `get`.
 *
 * @example
 * ```ts
 * const o: GetCliOptions = { namespace: 'prod' };
 * ```
 */
export interface GetCliOptions extends CalicoctlCliOptions {
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
  readonly output?: 'yaml' | 'json';
}

/**
 * Gets resources of one kind (all, or the named ones) and prints them as YAML (or JSON).
 *
 * @example
 * ```ts
 * await runGet('gnp', ['deny-nodeports'], {}, ctx);
 * ```
 */
export async function runGet(
  kindText: string,
  names: readonly string[],
  opts: GetCliOptions,
  ctx: CommandContext,
): Promise<ExitCode> {
  const kind = resolveKind(kindText);
  if (kind === undefined) {
    ctx.io.stderr.write(`error: unknown kind "${kindText}"; use one of ${kindList()}\n`);
    return EXIT.usage;
  }
  try {
    const resources = await calicoctlFor(opts, ctx).get(kind, names.length > 0 ? names : undefined, {
      ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}),
      ...(opts.allNamespaces === true ? { allNamespaces: true } : {}),
    });
    if (ctx.json) writeJson(ctx.io.stdout, { ok: true, resources });
    else ctx.io.stdout.write(opts.output === 'json' ? toJson(resources) : toYaml(resources));
    return EXIT.ok;
  } catch (error) {
    return reportCalicoctlError(error, ctx);
  }
}

/**
 * Adds `get` to the program.
 *
 * @example
 * ```ts
 * registerGet(program, run);
 * ```
 */
export const registerGet: Register = (program, run) => {
  addCalicoctlOptions(
    program
      .command('get')
      .description('Get resources through calicoctl, printed in canonical order')
      .argument('<kind>', 'kind: GlobalNetworkPolicy, globalnetworkpolicies, gnp, NetworkPolicy, hep, …')
      .argument('[names...]', 'resource names (default: all)'),
  )
    .option('-n, --namespace <namespace>', 'namespace (namespaced kinds)')
    .option('-A, --all-namespaces', 'every namespace (namespaced kinds)')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['yaml', 'json']).default('yaml'))
    .addHelpText(
      'after',
      `
Examples:
  $ calico-dsl get gnp
  $ calico-dsl get networkpolicy allow-web -n prod
  $ calico-dsl get hep --json | jq '.resources[].metadata.name'`,
    )
    .action(
      run(([kind, names]: [string, string[]], opts: GetCliOptions, ctx) => runGet(kind, names, opts, ctx)),
    );
};
