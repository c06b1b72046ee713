import type { CalicoKind, CalicoResourceOf } from '@calico-dsl/core';
import type { ApplyWithBackupOptions, ApplyWithBackupResult } from './backup.js';
import type { DatastoreOptions, InheritEnv } from './environment.js';
import type { ResourceRef } from './errors.js';
import type { ManifestInput } from './input.js';
import type { ChangeVerb, PAST_TENSE } from './output/messages.js';
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
 * const options: CalicoctlOptions = {
 *   bin: '/usr/local/bin/calicoctl',
 *   datastoreType: 'kubernetes',
 *   kubeconfig: `${process.env.HOME}/.kube/config`,
 *   timeoutMs: 30_000,
 * };
 * ```
 */
export interface CalicoctlOptions extends DatastoreOptions {
  /** The calicoctl binary: a path, or a name looked up on the child's `PATH`. Default `calicoctl`. */
  readonly bin?: string;
  /** Variables for the child, laid over the inherited ones; `undefined` removes one. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** What the child inherits from `parentEnv` (default `'standard'`). */
  readonly inheritEnv?: InheritEnv;
  /** The parent environment to inherit from. Default `process.env`. */
  readonly parentEnv?: Readonly<Record<string, string | undefined>>;
  /** Per-command time limit; the child and its process group are killed after it. Default 30 000. */
  readonly timeoutMs?: number;
  /** Limit on stdout + stderr bytes. Default 16 MiB. */
  readonly maxOutputBytes?: number;
  /** How commands are executed. Default: {@link createNodeRunner}. Tests pass `createFakeRunner()`. */
  readonly runner?: Runner;
  /** `--config`: a calicoctl config file (CalicoAPIConfig). When it exists calicoctl ignores the environment. */
  readonly config?: string;
  /** `--context`: the kubeconfig context (also exported as `K8S_CURRENT_CONTEXT`). */
  readonly context?: string;
  /** `--allow-version-mismatch`: run even when the client and cluster versions differ. */
  readonly allowVersionMismatch?: boolean;
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
  readonly timeoutMs?: number;
}

/**
 * What a change command reports: the count calicoctl printed (also under the verb's past tense,
 * e.g. `applied`), the kind (`''` when several kinds were sent, as calicoctl prints none), the
 * resources sent, and the exact arguments and output.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * const r: ChangeResult<'apply'> = await ctl.apply([
 *   preDnat('deny-nodeports-tcp').deny().tcp().ports('30000:32767'),
 *   preDnat('deny-nodeports-udp').deny().udp().ports('30000:32767'),
 * ]);
 * r.applied; // 2
 * r.kind; // 'GlobalNetworkPolicy'
 * ```
 */
export type ChangeResult<V extends ChangeVerb> = {
  readonly verb: V;
  readonly count: number;
  readonly kind: string;
  readonly resources: readonly ResourceRef[];
  readonly args: readonly string[];
  readonly stdout: string;
  readonly stderr: string;
} & { readonly [P in (typeof PAST_TENSE)[V]]: number };

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
 * Options of {@link Calicoctl.delete}.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * await ctl.delete('GlobalNetworkPolicy', 'old-policy', { skipNotExists: true });
 * ```
 */
export interface DeleteOptions extends CallOptions {
  /** Namespace of the named resources (kind + name form, namespaced kinds only). */
  readonly namespace?: string;
  /** `--skip-not-exists`: a missing resource counts as deleted. */
  readonly skipNotExists?: boolean;
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
 * The result of {@link Calicoctl.patch}.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * const r: PatchResult = await ctl.patch('GlobalNetworkPolicy', 'allow-ping', { spec: { order: 10 } });
 * r.patched; // 1
 * ```
 */
export interface PatchResult {
  readonly patched: number;
  readonly kind: string;
  readonly args: readonly string[];
  readonly stdout: string;
}

/**
 * A calicoctl bound to one binary, environment and datastore. Every method builds a
 * {@link CalicoctlCommand}, runs it through the {@link Runner}, and resolves with parsed output or
 * rejects with a {@link CalicoctlError}. Input is validated before anything runs.
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
  delete(
    kind: CalicoKind,
    name: string | readonly string[],
    options?: DeleteOptions,
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
    options?: GetOptions,
  ): Promise<PatchResult>;
  /** What `apply` would do to each resource: create, update or leave unchanged. Reads only. */
  plan(input: ManifestInput, options?: CallOptions): Promise<Plan>;
  /** Saves the live state of every resource, applies, and restores the saved state if the apply fails. */
  applyWithBackup(input: ManifestInput, options?: ApplyWithBackupOptions): Promise<ApplyWithBackupResult>;
}
