/** Shared by `apply`, `delete`, `get` and `plan`: calicoctl options, manifests, error reports. */
import {
  CALICOCTL_INSTALL_URL,
  type Calicoctl,
  CalicoctlError,
  type CalicoctlOptions,
  createCalicoctl,
  formatRef,
  MAX_TIMEOUT_MS,
} from '@calico-dsl/calicoctl';
import { CALICO_KINDS, type CalicoResource, isCalicoResource } from '@calico-dsl/core';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type CommandContext, EXIT, type ExitCode } from './context.js';
import type { InputOptions } from './inputs.js';
import { loadInputs } from './manifests.js';
import type { FileIssue } from './output/issues.js';
import { writeJson } from './output/json.js';

/**
 * Options every calicoctl-backed command takes.
 *
 * @example
 * ```ts
 * const o: CalicoctlCliOptions = { calicoctl: '/usr/local/bin/calicoctl', datastoreType: 'kubernetes' };
 * ```
 */
export interface CalicoctlCliOptions extends InputOptions {
  readonly calicoctl?: string;
  readonly datastoreType?: 'kubernetes' | 'etcdv3';
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly config?: string;
  readonly timeout?: string;
  readonly allowVersionMismatch?: boolean;
  /** `--clean-env`: calicoctl gets only the standard variables, not the whole environment. */
  readonly cleanEnv?: boolean;
  /** `-n`: the namespace of namespaced resources that give none (`apply`, `plan`, `delete`). */
  readonly namespace?: string;
}

/**
 * Adds the calicoctl connection options to a command.
 *
 * @example
 * ```ts
 * addCalicoctlOptions(program.command('apply'));
 * ```
 */
export function addCalicoctlOptions(cmd: Command): Command {
  return cmd
    .option('--calicoctl <bin>', 'calicoctl binary (default: $CALICOCTL_BIN or calicoctl on PATH)')
    .addOption(
      new Option('--datastore-type <type>', 'DATASTORE_TYPE for calicoctl').choices(['kubernetes', 'etcdv3']),
    )
    .option('--kubeconfig <file>', 'KUBECONFIG for calicoctl')
    .option('--context <name>', 'kubeconfig context')
    .option('--config <file>', 'calicoctl config file (CalicoAPIConfig)')
    .option(
      '--timeout <ms>',
      'time limit per calicoctl command in milliseconds (1 to 2147483647)',
      parseTimeout,
      '30000',
    )
    .option('--allow-version-mismatch', 'run even when the calicoctl and cluster versions differ')
    .option(
      '--clean-env',
      'give calicoctl only PATH, HOME, proxy, locale and datastore variables instead of the whole environment',
    );
}

/**
 * Checks `--timeout`: a whole number of milliseconds from 1 to 2^31 - 1, else a usage error (exit
 * 2) that says so; never silently the default.
 *
 * @example
 * ```ts
 * parseTimeout('120000'); // '120000'
 * parseTimeout('abc'); // throws InvalidArgumentError
 * ```
 */
export function parseTimeout(text: string): string {
  const ms = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(ms) || ms < 1 || ms > MAX_TIMEOUT_MS) {
    throw new InvalidArgumentError(
      `"${text}" is not a time limit: give whole milliseconds from 1 to ${MAX_TIMEOUT_MS} (e.g. --timeout 120000 for 2 minutes).`,
    );
  }
  return String(ms);
}

/**
 * The {@link Calicoctl} for the options, with the injected runner and environment.
 *
 * @example
 * ```ts
 * const ctl = calicoctlFor(opts, ctx);
 * await ctl.apply(resources);
 * ```
 */
export function calicoctlFor(opts: CalicoctlCliOptions, ctx: CommandContext): Calicoctl {
  const options: CalicoctlOptions = {
    bin: opts.calicoctl ?? ctx.io.env.CALICOCTL_BIN ?? 'calicoctl',
    parentEnv: ctx.io.env,
    // The library inherits the whole environment, as kubectl and calicoctl do (kubeconfig exec
    // plugins need AWS_*, IC_*, …); --clean-env opts out.
    ...(opts.cleanEnv === true ? { cleanEnv: true } : {}),
    timeoutMs: Number(parseTimeout(opts.timeout ?? '30000')),
    ...(opts.datastoreType !== undefined ? { datastoreType: opts.datastoreType } : {}),
    ...(opts.kubeconfig !== undefined ? { kubeconfig: opts.kubeconfig } : {}),
    ...(opts.context !== undefined ? { context: opts.context } : {}),
    ...(opts.config !== undefined ? { config: opts.config } : {}),
    ...(opts.allowVersionMismatch === true ? { allowVersionMismatch: true } : {}),
    ...(ctx.io.runner !== undefined ? { runner: ctx.io.runner } : {}),
  };
  return createCalicoctl(options);
}

/**
 * Reads manifest files for calicoctl: every resource must be a Calico v3 kind (Kubernetes
 * objects belong to kubectl).
 *
 * @example
 * ```ts
 * const { resources, issues } = await loadCalicoResources(['policies.yaml'], ctx);
 * ```
 */
export async function loadCalicoResources(
  files: readonly string[],
  ctx: CommandContext,
  inputs: InputOptions & { readonly namespace?: string } = {},
): Promise<{ resources: CalicoResource[]; issues: FileIssue[] }> {
  const loaded = await loadInputs(files, inputs, ctx.io);
  const issues = [...loaded.issues];
  const resources: CalicoResource[] = [];
  for (const f of loaded.files) {
    f.resources.forEach((r, i) => {
      if (isCalicoResource(r)) {
        const placed = inNamespace(r, inputs.namespace);
        if ('code' in placed)
          issues.push({ file: f.file, issue: { ...placed, path: [i, 'metadata', 'namespace'] } });
        else resources.push(placed);
      } else
        issues.push({
          file: f.file,
          issue: {
            code: 'not_calico',
            path: [i, 'kind'],
            message: `${r.kind} "${r.metadata.name}" is a Kubernetes object: apply it with kubectl, or leave it out`,
          },
        });
    });
  }
  return { resources, issues };
}

/**
 * Adds `-n, --namespace` for manifests (`apply`, `plan`), read by {@link loadCalicoResources}.
 *
 * @example
 * ```ts
 * addManifestNamespaceOption(program.command('apply'));
 * ```
 */
export function addManifestNamespaceOption(command: Command): Command {
  return command.option(
    '-n, --namespace <namespace>',
    'namespace for namespaced resources that give none, as calicoctl -n (a different one is an error)',
  );
}

/**
 * `-n` on a manifest's resource, as calicoctl's `handleNamespace` reads it: it fills a namespaced
 * kind's missing `metadata.namespace`; a different namespace, or `-n` on a global kind, is an
 * error (the message), before calicoctl runs.
 *
 * @example
 * ```ts
 * inNamespace(networkPolicy('allow-web').toResource(), 'prod'); // its metadata.namespace: 'prod'
 * inNamespace(globalNetworkPolicy('a').toResource(), 'prod').code; // 'not_namespaced'
 * ```
 */
export function inNamespace(
  r: CalicoResource,
  namespace: string | undefined,
): CalicoResource | { code: 'not_namespaced' | 'namespace_conflict'; message: string } {
  if (namespace === undefined) return r;
  const own = r.metadata.namespace;
  if (!CALICO_KINDS[r.kind].namespaced)
    return {
      code: 'not_namespaced',
      message: `${r.kind} is not namespaced: -n ${namespace} does not apply to ${r.kind} "${r.metadata.name}" (leave -n out)`,
    };
  if (own === undefined || own === '')
    return { ...r, metadata: { ...r.metadata, namespace } } as CalicoResource;
  if (own !== namespace)
    return {
      code: 'namespace_conflict',
      message: `${r.kind} "${r.metadata.name}" is in namespace ${own}, not ${namespace} as -n says (calicoctl: "resource namespace does not match client namespace")`,
    };
  return r;
}

const MISSING_CALICOCTL =
  '  Name the binary with --calicoctl <path> or CALICOCTL_BIN=<path>, or put calicoctl on PATH.\n' +
  `  Get calicoctl: ${CALICOCTL_INSTALL_URL} (use the version of your cluster).`;

/**
 * Reports a rejected calicoctl call: its code, message, calicoctl's stderr and, for a partial
 * apply, what was and was not applied. Anything else is rethrown (a bug).
 *
 * @example
 * ```ts
 * try { await ctl.apply(r); } catch (e) { return reportCalicoctlError(e, ctx); }
 * ```
 */
export function reportCalicoctlError(error: unknown, ctx: CommandContext): ExitCode {
  if (!(error instanceof CalicoctlError)) throw error;
  if (ctx.json) {
    writeJson(ctx.io.stdout, {
      ok: false,
      error: {
        code: error.code,
        message:
          error.code === 'BINARY_NOT_FOUND' ? `${error.message}. ${MISSING_CALICOCTL.trim()}` : error.message,
        args: error.args,
        exitCode: error.exitCode,
        stderr: error.stderr,
        applied: error.applied,
        failed: error.failed,
        issues: error.issues,
      },
    });
    return EXIT.finding;
  }
  const c = ctx.err;
  const lines = [`${c.red('calicoctl failed')} (${error.code}): ${error.message}`];
  if (error.code === 'BINARY_NOT_FOUND') lines.push(MISSING_CALICOCTL);
  if (error.applied.length > 0) lines.push(`  applied: ${error.applied.map(formatRef).join(', ')}`);
  for (const f of error.failed) lines.push(`  ${c.red('failed')}: ${formatRef(f)}: ${f.message}`);
  if (error.stderr.trim() !== '' && !error.message.includes(error.stderr.trim())) {
    lines.push(c.dim(error.stderr.trim()));
  }
  ctx.io.stderr.write(`${lines.join('\n')}\n`);
  return EXIT.finding;
}
