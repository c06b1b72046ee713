import type { CalicoKind, CalicoResource, CalicoResourceOf } from '@calico-dsl/core';
import type { ChangeResult, PatchResult } from './commands/command.js';
import type { ConnectionFlags } from './commands/constructors.js';
import type { DatastoreOptions } from './environment.js';
import type { ResourceRef } from './errors.js';
import type { ManifestInput } from './input.js';
import type { CalicoctlVersion } from './output/version.js';
import type { Plan } from './plan.js';
import type { Runner } from './runner.js';

/**
 * Default output limit, 16 MiB: far above any policy listing, low enough to stop a runaway process.
 *
 * @example
 * ```ts
 * createCalicoctl({ maxOutputBytes: 4 * DEFAULT_MAX_OUTPUT_BYTES }); // for a huge cluster
 * ```
 */
export const DEFAULT_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
/**
 * Default per-command time limit: calicoctl talks to an API server; 30 s covers a slow cluster
 * without hanging CI forever.
 *
 * @example
 * ```ts
 * createCalicoctl({ timeoutMs: 2 * DEFAULT_TIMEOUT_MS });
 * ```
 */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Options of {@link createCalicoctl}. Datastore settings come from here or the environment,
 * never from hard-coded values; see `resolveEnvironment` for the exact precedence.
 *
 * @example
 * ```ts
 * // The datastore options become calicoctl's environment (see resolveEnvironment):
 * const options: CalicoctlOptions = {
 *   bin: '/usr/local/bin/calicoctl',
 *   datastoreType: 'kubernetes',
 *   kubeconfig: '/home/me/.kube/config',
 *   timeoutMs: 30_000,
 * };
 * const ctl = createCalicoctl(options);
 * await ctl.version(); // runs `/usr/local/bin/calicoctl version` with DATASTORE_TYPE=kubernetes and KUBECONFIG=/home/me/.kube/config
 * ```
 */
export interface CalicoctlOptions extends DatastoreOptions, ConnectionFlags {
  /** The calicoctl binary: a path, or a name looked up on the child's `PATH`. Default `calicoctl`. */
  readonly bin?: string;
  /** Variables for the child, laid over the inherited ones; `undefined` removes one. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * By default calicoctl inherits the whole of `parentEnv`, as kubectl and calicoctl run from a
   * shell do (kubeconfig exec plugins such as `aws eks get-token` need `AWS_*`, IBM Cloud `IC_*`).
   * `true` passes only `SYSTEM_ENV_NAMES`, `DATASTORE_ENV_NAMES` and `CALICO_*` (then `env`).
   */
  readonly cleanEnv?: boolean;
  /** The parent environment to inherit from. Default `process.env`. */
  readonly parentEnv?: Readonly<Record<string, string | undefined>>;
  /**
   * Per-command time limit in ms, a whole number from 1 to `MAX_TIMEOUT_MS` (anything else is
   * refused with `INVALID_INPUT`); calicoctl's process group is ended after it. Default 30 000.
   */
  readonly timeoutMs?: number;
  /** Aborts every command of this `Calicoctl` (see `CallOptions.signal`). */
  readonly signal?: AbortSignal;
  /** Limit on stdout + stderr bytes. Default 16 MiB. */
  readonly maxOutputBytes?: number;
  /** How commands are executed. Default: `createNodeRunner()`. Tests pass `createFakeRunner()` from `/testing`. */
  readonly runner?: Runner;
}

/**
 * Per-call options.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * const policies = [preDnat('deny-nodeports').deny().tcp().ports('30000:32767')];
 * await ctl.apply(policies, { timeoutMs: 120_000 });
 * ```
 */
export interface CallOptions {
  /** This call's time limit (same bounds as the option of `createCalicoctl`). */
  readonly timeoutMs?: number;
  /**
   * Stops the call: calicoctl's process group is ended (SIGTERM, then SIGKILL) and the call
   * rejects with `ABORTED`, listing what was `applied`, `failed` and `unknown`.
   */
  readonly signal?: AbortSignal;
}

/**
 * Options of {@link Calicoctl.get}.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * const everywhere = await ctl.get('NetworkPolicy', undefined, { allNamespaces: true });
 * ```
 */
export interface GetOptions extends CallOptions {
  /** `--namespace`: only for namespaced kinds. calicoctl uses `default` when neither option is given. */
  readonly namespace?: string;
  /** `--all-namespaces`: only for namespaced kinds. */
  readonly allNamespaces?: boolean;
}

/**
 * Options of {@link Calicoctl.delete} (resources given as manifests: namespaces come from them).
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * await ctl.delete(preDnat('old-policy').deny(), { skipNotExists: true });
 * ```
 */
export interface DeleteOptions extends CallOptions {
  /** `--skip-not-exists`: a missing resource counts as deleted. */
  readonly skipNotExists?: boolean;
}

/**
 * Options of {@link Calicoctl.deleteNamed}.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * await ctl.deleteNamed('NetworkPolicy', ['old-a', 'old-b'], { namespace: 'shop', skipNotExists: true });
 * ```
 */
export interface DeleteNamedOptions extends DeleteOptions {
  /** Namespace of the named resources (namespaced kinds only; calicoctl's default is `default`). */
  readonly namespace?: string;
}

/**
 * Options of {@link Calicoctl.create}.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * await ctl.create(tier('security').order(100), { skipExists: true });
 * ```
 */
export interface CreateOptions extends CallOptions {
  /** `--skip-exists`: an existing resource counts as created. */
  readonly skipExists?: boolean;
}

/**
 * Options of {@link Calicoctl.patch}.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * await ctl.patch('NetworkPolicy', 'web', { spec: { order: 10 } }, { namespace: 'shop' });
 * ```
 */
export interface PatchOptions extends CallOptions {
  /** `--namespace`: only for namespaced kinds. */
  readonly namespace?: string;
}

/**
 * A calicoctl bound to one binary, environment and datastore. Every method builds a `Command`
 * (pure data: arguments, stdin, how to read the outcome), runs it with `executeCommand` through
 * the {@link Runner}, and resolves with parsed output or rejects with a `CalicoctlError`. Input is
 * validated before anything runs.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ datastoreType: 'kubernetes' });
 * await ctl.apply(preDnat().name('deny-nodeports').deny().tcp().ports('30000:32767'));
 * const policies = await ctl.get('GlobalNetworkPolicy');
 * ```
 */
export interface Calicoctl {
  /** `calicoctl apply -f -`: create or replace each resource. */
  apply(input: ManifestInput, options?: CallOptions): Promise<ChangeResult<'apply'>>;
  /** `calicoctl create -f -`: fails for resources that exist (unless `skipExists`). */
  create(input: ManifestInput, options?: CreateOptions): Promise<ChangeResult<'create'>>;
  /** `calicoctl replace -f -`: fails for resources that do not exist. */
  replace(input: ManifestInput, options?: CallOptions): Promise<ChangeResult<'replace'>>;
  /** `calicoctl delete -f -` with the resources on stdin. */
  delete(input: ManifestInput, options?: DeleteOptions): Promise<ChangeResult<'delete'>>;
  /** `calicoctl delete <KIND> <NAME>...`. */
  deleteNamed(
    kind: CalicoKind,
    name: string | readonly string[],
    options?: DeleteNamedOptions,
  ): Promise<ChangeResult<'delete'>>;
  /** `calicoctl get <KIND> [<NAME>...] -o yaml`, parsed: always a list (one entry for one name). */
  get<K extends CalicoKind>(
    kind: K,
    name?: string | readonly string[],
    options?: GetOptions,
  ): Promise<CalicoResourceOf<K>[]>;
  /** `calicoctl validate -f -` (calicoctl v3.31+): Calico's own offline validation. */
  validate(input: ManifestInput, options?: CallOptions): Promise<ChangeResult<'validate'>>;
  /** `calicoctl version`: client and (unless `clientOnly`) cluster versions. */
  version(options?: CallOptions & { readonly clientOnly?: boolean }): Promise<CalicoctlVersion>;
  /** `calicoctl patch <KIND> <NAME> --patch=<JSON>` (strategic merge). */
  patch(
    kind: CalicoKind,
    name: string,
    patch: Readonly<Record<string, unknown>>,
    options?: PatchOptions,
  ): Promise<PatchResult>;
  /** What `apply` would do to each resource: create, update or leave unchanged. Reads only. */
  plan(input: ManifestInput, options?: CallOptions): Promise<Plan>;
  /**
   * Saves the live state of every resource, applies, and restores the saved state if the apply
   * fails (not when it is aborted: then the error carries `backup` and `backupLocation`).
   */
  applyWithBackup(input: ManifestInput, options?: ApplyWithBackupOptions): Promise<ApplyWithBackupResult>;
}

/**
 * The live state saved before an apply: resources that existed (server metadata removed, ready to
 * apply again) and resources that did not exist yet (to delete when restoring).
 *
 * @example
 * ```ts
 * const backup: Backup = {
 *   previous: [tier('security').order(100).toResource()],
 *   absent: [{ kind: 'GlobalNetworkPolicy', name: 'deny-nodeports' }],
 *   yaml: 'apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: security\nspec:\n  order: 100\n',
 * };
 * ```
 */
export interface Backup {
  readonly previous: readonly CalicoResource[];
  readonly absent: readonly ResourceRef[];
  /** `previous` as calicoctl-ready YAML (empty when nothing existed). */
  readonly yaml: string;
}

/**
 * Options of {@link Calicoctl.applyWithBackup}.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { createCalicoctl } from '@calico-dsl/calicoctl';
 * import { preDnat } from '@calico-dsl/core';
 *
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * const policies = [preDnat('deny-nodeports').deny().tcp().ports('30000:32767')];
 * await ctl.applyWithBackup(policies, {
 *   saveBackup: async (b) => {
 *     await writeFile('backup.yaml', b.yaml);
 *     return 'backup.yaml';
 *   },
 * });
 * ```
 */
export interface ApplyWithBackupOptions extends CallOptions {
  /**
   * Called with the backup before anything changes; the apply waits for it (a throw aborts). What
   * it returns or resolves with, when a string (e.g. the file it wrote), is reported as
   * `backupLocation` on errors.
   */
  readonly saveBackup?: (backup: Backup) => unknown;
  /** Restore the saved state when the apply fails part way. Default `true`. */
  readonly restoreOnFailure?: boolean;
}

/**
 * The result of a successful `applyWithBackup`: the apply result, the plan it was based on and
 * the backup taken before it.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * const policies = [preDnat('deny-nodeports').deny().tcp().ports('30000:32767')];
 * const { applied, plan, backup } = await ctl.applyWithBackup(policies);
 * console.log(`${applied} applied (${plan.create} new); previous state:\n${backup.yaml}`);
 * ```
 */
export type ApplyWithBackupResult = ChangeResult<'apply'> & { readonly plan: Plan; readonly backup: Backup };
