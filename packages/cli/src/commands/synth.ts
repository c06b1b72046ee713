/** `calico-dsl synth <policies.ts|.js>`: a DSL module's exports → YAML. */
import {
  CALICO_KINDS,
  formatPath,
  type Issue,
  isCalicoKind,
  isK8sNetworkPolicy,
  isResourceSource,
  type Resource,
  validate,
} from '@calico-dsl/core';
import { toJson, toYaml } from '@calico-dsl/yaml';
import { type CommandContext, EXIT, type ExitCode } from '../context.js';
import { writeJson } from '../output/json.js';
import { reportIssues } from '../report-issues.js';
import { firstDefinitions } from '../resource-identity.js';
import type { Register } from './register.js';

/**
 * Options of `synth`.
 *
 * @example
 * ```ts
 * const o: SynthOptions = { out: 'out/' };
 * ```
 */
export interface SynthOptions {
  /** Write one file per resource into this directory instead of stdout. */
  readonly out?: string;
  /** `false` after `--no-typecheck`: skip type-checking a TypeScript module. */
  readonly typecheck?: boolean;
  /** With `out`: remove the files there named as synth names a resource that this run did not write. */
  readonly prune?: boolean;
}

/** The kinds' file name prefixes `resourceFileName` writes, so `--prune` removes only its own files. */
const SYNTH_FILE = new RegExp(
  `^(?:${[...Object.keys(CALICO_KINDS).map((k) => k.toLowerCase()), 'networkpolicy\\.networking\\.k8s\\.io', 'clusternetworkpolicy', 'adminnetworkpolicy', 'baselineadminnetworkpolicy'].join('|')})-.+\\.yaml$`,
);

const TS_MODULE = /\.(?:ts|mts|cts|tsx)$/;

const isResourceObject = (v: unknown): v is Resource =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { kind?: unknown }).kind === 'string' &&
  typeof (v as { apiVersion?: unknown }).apiVersion === 'string' &&
  typeof (v as { metadata?: { name?: unknown } }).metadata?.name === 'string';

/**
 * The resources a module exports: builders (`toResource()`), resource objects, and arrays of
 * them (nested), in export order with `default` first. Other exports (helpers, constants) are
 * ignored. Calico kinds are validated; a duplicate kind/namespace/name is an issue.
 *
 * @example
 * ```ts
 * const { resources, issues } = collectResources({ denyNodeports: preDnat('deny-nodeports').deny() });
 * ```
 */
export function collectResources(mod: Readonly<Record<string, unknown>>): {
  resources: Resource[];
  issues: Issue[];
} {
  const resources: Resource[] = [];
  const issues: Issue[] = [];
  const seenValues = new Set<unknown>();
  const definedAt = firstDefinitions<string>();
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (seenValues.has(value)) return; // the same builder exported twice (e.g. named and default)
    if (Array.isArray(value)) {
      seenValues.add(value);
      value.forEach((v, i) => {
        visit(v, [...path, i]);
      });
      return;
    }
    let resource: unknown;
    if (isResourceSource(value)) {
      seenValues.add(value);
      try {
        resource = value.toResource();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        issues.push({ code: 'builder_failed', path, message: `toResource() failed: ${reason}` });
        return;
      }
    } else if (isResourceObject(value)) {
      seenValues.add(value);
      resource = value;
    } else return;
    const kind = (resource as { kind?: unknown }).kind;
    let checked: Resource;
    if (isCalicoKind(kind)) {
      const result = validate(resource);
      if (!result.ok) {
        issues.push(...result.issues.map((i) => ({ ...i, path: [...path, ...i.path] })));
        return;
      }
      checked = result.value;
    } else if (isResourceObject(resource)) checked = resource;
    else {
      issues.push({
        code: 'invalid_input',
        path,
        message: 'toResource() did not return a resource with kind and metadata.name',
      });
      return;
    }
    const earlier = definedAt(checked, formatPath(path));
    if (earlier !== undefined) {
      issues.push({
        code: 'duplicate_resource',
        path,
        message: `${checked.kind} "${checked.metadata.name}" is also exported as ${earlier}: give each resource a unique name`,
      });
      return;
    }
    resources.push(checked);
  };
  const names = Object.keys(mod).sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : 0));
  for (const name of names) visit(mod[name], [name]);
  return { resources, issues };
}

/**
 * The file name of one resource in `-o` output: `<kind>-[<namespace>-]<name>.yaml`, lower case;
 * Kubernetes' NetworkPolicy is `networkpolicy.networking.k8s.io` (kubectl's name for it), so it
 * never overwrites Calico's NetworkPolicy of the same name.
 *
 * @example
 * ```ts
 * resourceFileName(gnp); // 'globalnetworkpolicy-deny-nodeports.yaml'
 * resourceFileName(kubernetesNetworkPolicy('deny', 'shop').toResource()); // 'networkpolicy.networking.k8s.io-shop-deny.yaml'
 * ```
 */
export function resourceFileName(r: Resource, extension: 'yaml' | 'json' = 'yaml'): string {
  const ns = r.metadata.namespace !== undefined ? `${r.metadata.namespace}-` : '';
  const kind = isK8sNetworkPolicy(r) ? 'networkpolicy.networking.k8s.io' : r.kind.toLowerCase();
  return `${kind}-${ns}${r.metadata.name}.${extension}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * Imports the module (TypeScript without a build step) and prints its resources as YAML, or
 * writes one file per resource with `out`. Exit 1 when the module fails to load, exports no
 * resources, or a resource is invalid.
 *
 * @example
 * ```ts
 * await runSynth('policies.ts', { out: 'out' }, ctx);
 * ```
 */
export async function runSynth(file: string, opts: SynthOptions, ctx: CommandContext): Promise<ExitCode> {
  // Through the one bounded reader first: /dev/zero or a huge file ends here, not in the loader.
  try {
    await ctx.io.readFile(file);
  } catch (error) {
    const message = `Cannot load the module: ${error instanceof Error ? error.message : String(error)}`;
    return report(ctx, [{ code: 'file_unreadable', path: [], message }], file);
  }
  if (TS_MODULE.test(file) && opts.typecheck !== false) {
    const checked = await typeCheck(file, ctx);
    if (checked !== undefined) return checked;
  }
  let mod: Record<string, unknown>;
  try {
    mod = await ctx.io.importModule(file);
  } catch (error) {
    const message = `Cannot load the module: ${error instanceof Error ? error.message : String(error)}`;
    return report(ctx, [{ code: 'module_import_failed', path: [], message }], file);
  }
  const { resources, issues } = collectResources(mod);
  if (issues.length > 0) return report(ctx, issues, file);
  if (resources.length === 0) {
    const message =
      'The module exports no resources: export DSL builders, resource objects or arrays of them (e.g. `export const denyNodeports = preDnat("deny-nodeports")…`)';
    return report(ctx, [{ code: 'empty_manifest', path: [], message }], file);
  }
  if (opts.out === undefined) {
    ctx.io.stdout.write(ctx.json ? toJson(resources) : toYaml(resources));
    return EXIT.ok;
  }
  const files: string[] = [];
  const failed: { file: string; error: string }[] = [];
  for (const r of resources) {
    const path = ctx.io.join(opts.out, resourceFileName(r));
    // One unwritable file is reported; the others are still written.
    try {
      await ctx.io.writeFile(path, toYaml(r));
      files.push(path);
    } catch (error) {
      failed.push({
        file: path,
        error: `cannot write the file (${error instanceof Error ? error.message : String(error)})`,
      });
    }
  }
  const removed = opts.prune === true && failed.length === 0 ? await prune(opts.out, files, ctx) : [];
  const ok = failed.length === 0;
  if (ctx.json)
    writeJson(ctx.io.stdout, {
      ok,
      files,
      ...(removed.length > 0 ? { removed } : {}),
      ...(ok ? {} : { failed }),
    });
  else {
    for (const f of files) ctx.io.stdout.write(`${ctx.out.green('wrote')} ${f}\n`);
    for (const f of removed) ctx.io.stdout.write(`${ctx.out.green('removed')} ${f}\n`);
    for (const f of failed) ctx.io.stderr.write(`${ctx.err.red('not written')} ${f.file}: ${f.error}\n`);
  }
  return ok ? EXIT.ok : EXIT.finding;
}

/** Type errors stop synth (exit 1); without a TypeScript to check with, say so and go on. */
async function typeCheck(file: string, ctx: CommandContext): Promise<ExitCode | undefined> {
  const outcome = (await ctx.io.typeCheck?.(file)) ?? { status: 'no-typescript' as const };
  switch (outcome.status) {
    case 'ok':
      return undefined;
    case 'no-typescript':
      ctx.io.stderr.write(
        `${ctx.err.yellow('warning')}: ${file} was not type-checked: no typescript package can be resolved from its folder (npm install --save-dev typescript, or pass --no-typecheck)\n`,
      );
      return undefined;
    case 'failed': {
      const message = `The module has type errors (fix them, or pass --no-typecheck to synthesize anyway):\n${outcome.output.trim()}`;
      return report(ctx, [{ code: 'type_check_failed', path: [], message }], file);
    }
    default:
      return assertNever(outcome);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected type-check outcome: ${JSON.stringify(x)}`);
}

function report(ctx: CommandContext, issues: readonly Issue[], file: string): ExitCode {
  return reportIssues(
    issues.map((issue) => ({ file, issue })),
    ctx,
  );
}

/**
 * Adds `synth` to the program.
 *
 * @example
 * ```ts
 * registerSynth(program, run);
 * ```
 */
/** Removes the synth-named YAML files of `dir` this run did not write (a policy no longer exported). */
async function prune(dir: string, written: readonly string[], ctx: CommandContext): Promise<string[]> {
  const keep = new Set(written);
  const removed: string[] = [];
  for (const e of (await ctx.io.listDirectory?.(dir)) ?? []) {
    const path = ctx.io.join(dir, e.name);
    if (e.directory || !SYNTH_FILE.test(e.name) || keep.has(path) || ctx.io.removeFile === undefined)
      continue;
    await ctx.io.removeFile(path);
    removed.push(path);
  }
  return removed;
}

export const registerSynth: Register = (program, run) => {
  program
    .command('synth')
    .description('Import a module of DSL builders/resources (.ts needs no build step) and print YAML')
    .argument('<module>', 'a .ts, .mts, .js or .mjs module; its exports are the resources')
    .option('-o, --out <dir>', 'write one YAML file per resource into <dir> instead of stdout')
    .option('--prune', 'with -o: remove the YAML files in <dir> named for a resource this run did not write')
    .option(
      '--no-typecheck',
      'do not type-check a TypeScript module with the typescript installed next to it',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ calico-dsl synth policies.ts > policies.yaml
  $ calico-dsl synth policies.ts -o out/
  $ calico-dsl synth policies.ts -o out/ --prune     # and remove files of policies no longer exported
  $ calico-dsl synth policies.ts --no-typecheck      # skip tsc (it runs when typescript resolves)
  $ calico-dsl synth policies.ts --json | jq '.[].metadata.name'

policies.ts:
  import { preDnat } from '@calico-dsl/core';
  export const denyNodeports = preDnat('deny-nodeports').selector("ibm.role=='worker_public'")
    .order(1100).deny().tcp().ports('30000:32767');`,
    )
    .action(run(([file]: [string], opts: SynthOptions, ctx) => runSynth(file, opts, ctx)));
};
