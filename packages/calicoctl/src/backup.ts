import { CALICO_KINDS, type CalicoResource, type Result } from '@calico-dsl/core';
import { toYaml } from '@calico-dsl/yaml';
import type { ApplyWithBackupOptions, ApplyWithBackupResult, Backup, CallOptions } from './api.js';
import type { Command, Expectation } from './commands/command.js';
import { applyCommand, type ConnectionFlags, deleteNamedCommand } from './commands/constructors.js';
import type { ResultOf } from './commands/execute.js';
import { withoutServerMetadata } from './compare.js';
import { CalicoctlError, type ResourceRef, type RollbackReport } from './errors.js';
import type { Manifest } from './input.js';
import { type ListLive, planChanges } from './plan.js';

/**
 * What `applyWithBackup` needs from the `Calicoctl` it belongs to: a way to run commands, to list
 * live resources, and the connection flags to build commands with.
 *
 * @example
 * ```ts
 * const deps: BackupDeps = { run: (built) => executeCommand(unwrap(built), context), listLive, connection: {} };
 * ```
 */
export interface BackupDeps {
  readonly run: <E extends Expectation>(built: Result<Command<E>>, call: CallOptions) => Promise<ResultOf<E>>;
  readonly listLive: ListLive;
  readonly connection: ConnectionFlags;
}

const sameRef = (a: ResourceRef, b: ResourceRef) =>
  a.kind === b.kind && a.name === b.name && (a.namespace ?? 'default') === (b.namespace ?? 'default');

/**
 * Plans, saves the previous live state, applies, and when the apply fails after calicoctl ran,
 * puts back what may have changed: resources that existed are re-applied from the backup,
 * resources that were new are deleted (`--skip-not-exists`). The original error is rethrown with
 * `rollback` (what was restored), `backup` (the saved YAML) and `backupLocation` attached. An
 * aborted apply is not restored (the caller asked to stop): its error says where the backup is.
 *
 * @example
 * ```ts
 * const result = await applyWithBackup(unwrap(prepareManifest(policies)), deps, { saveBackup });
 * ```
 */
export async function applyWithBackup(
  manifest: Manifest,
  deps: BackupDeps,
  options: ApplyWithBackupOptions = {},
): Promise<ApplyWithBackupResult> {
  const plan = await planChanges(manifest.resources, deps.listLive);
  const previous: CalicoResource[] = [];
  const absent: ResourceRef[] = [];
  for (const step of plan.steps) {
    if (step.action === 'create') absent.push(step.ref);
    else previous.push(withoutServerMetadata(step.live));
  }
  const backup: Backup = { previous, absent, yaml: previous.length === 0 ? '' : toYaml(previous) };
  const location = options.saveBackup === undefined ? undefined : await options.saveBackup(backup);
  const saved = {
    backup: backup.yaml,
    ...(typeof location === 'string' ? { backupLocation: location } : {}),
  };

  const call: CallOptions = {
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  try {
    const result = await deps.run(applyCommand(manifest.resources, deps.connection), call);
    return { ...result, plan, backup };
  } catch (e) {
    if (!(e instanceof CalicoctlError)) throw e;
    const ran = e.code !== 'INVALID_INPUT' && e.code !== 'BINARY_NOT_FOUND' && e.code !== 'ABORTED';
    if (!ran || options.restoreOnFailure === false) throw e.with(saved);
    // Anything not certainly failed may have changed.
    const touched = [...e.applied, ...e.unknown];
    throw e.with({ ...saved, rollback: await restore(deps, backup, touched, call) });
  }
}

async function restore(
  deps: BackupDeps,
  backup: Backup,
  touched: readonly ResourceRef[],
  call: CallOptions,
): Promise<RollbackReport> {
  const toRestore = backup.previous.filter((r) =>
    touched.some((t) => sameRef(t, { kind: r.kind, name: r.metadata.name, ...ns(r) })),
  );
  const toRemove = backup.absent.filter((a) => touched.some((t) => sameRef(t, a)));
  const restored: ResourceRef[] = [];
  const removed: ResourceRef[] = [];
  try {
    if (toRestore.length > 0) {
      await deps.run(applyCommand(toRestore, deps.connection), call);
      restored.push(...toRestore.map((r) => ({ kind: r.kind, name: r.metadata.name, ...ns(r) })));
    }
    // One delete per kind and namespace, since calicoctl deletes by kind + names.
    const groups = new Map<
      string,
      { kind: CalicoResource['kind']; namespace?: string; refs: ResourceRef[] }
    >();
    for (const ref of toRemove) {
      const key = `${ref.kind}\u0000${ref.namespace ?? ''}`;
      const kind = ref.kind as CalicoResource['kind'];
      const group = groups.get(key) ?? {
        kind,
        ...(CALICO_KINDS[kind].namespaced ? { namespace: ref.namespace ?? 'default' } : {}),
        refs: [],
      };
      group.refs.push(ref);
      groups.set(key, group);
    }
    for (const { kind, namespace, refs } of groups.values()) {
      const names = refs.map((r) => r.name);
      const flags = {
        ...deps.connection,
        skipNotExists: true,
        ...(namespace === undefined ? {} : { namespace }),
      };
      await deps.run(deleteNamedCommand(kind, names, flags), call);
      removed.push(...refs);
    }
    return { restored, removed };
  } catch (error) {
    if (!(error instanceof CalicoctlError)) throw error;
    return { restored, removed, error };
  }
}

const ns = (r: CalicoResource): { namespace?: string } =>
  r.metadata.namespace === undefined ? {} : { namespace: r.metadata.namespace };
