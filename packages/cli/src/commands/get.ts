/** `calico-dsl get <kind> [names…]`: read resources through calicoctl, printed canonically. */

import { CALICO_API_VERSION, type CalicoKind, type Resource } from '@calico-dsl/core';
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
 * What `get -o yaml|json` prints, shaped as calicoctl prints it: one named resource as the
 * object itself; all of a kind, or several names, as one `<Kind>List` (`items`), empty too.
 *
 * @example
 * ```ts
 * getText('GlobalNetworkPolicy', ['deny-nodeports'], [gnp], 'json'); // '{\n  "apiVersion": …' (the object)
 * getText('GlobalNetworkPolicy', [], [gnp], 'json'); // '{\n  "apiVersion": "projectcalico.org/v3",\n  "kind": "GlobalNetworkPolicyList", …'
 * ```
 */
export function getText(
  kind: CalicoKind,
  names: readonly string[],
  resources: readonly Resource[],
  format: 'yaml' | 'json',
): string {
  const [only] = resources;
  if (names.length === 1 && resources.length === 1 && only !== undefined)
    return format === 'json' ? toJson(only) : toYaml(only);
  // listOf of nothing is a `v1 List`; calicoctl names the kind it listed.
  if (resources.length === 0) {
    return format === 'json'
      ? `${JSON.stringify({ apiVersion: CALICO_API_VERSION, kind: `${kind}List`, items: [] }, null, 2)}\n`
      : `apiVersion: ${CALICO_API_VERSION}\nkind: ${kind}List\nitems: []\n`;
  }
  return format === 'json' ? toJson(resources, { list: true }) : toYaml(resources, { list: true });
}

/**
 * Gets resources of one kind (all, or the named ones) and prints them as YAML (or JSON): one
 * named resource as itself, else a `<Kind>List` ({@link getText}).
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
    else ctx.io.stdout.write(getText(kind, names, resources, opts.output === 'json' ? 'json' : 'yaml'));
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
