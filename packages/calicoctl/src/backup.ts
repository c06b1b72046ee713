import { CALICO_KINDS, type CalicoResource } from '@calico-dsl/core';
import { toYaml } from '@calico-dsl/yaml';
import type { Calicoctl, CallOptions, ChangeResult } from './api.js';
import { withoutServerMetadata } from './compare.js';
import { CalicoctlError, type ResourceRef, type RollbackReport } from './errors.js';
import type { Manifest } from './input.js';
import { type ListLive, type Plan, planChanges } from './plan.js';

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
 * Options of `applyWithBackup`.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { createCalicoctl } from '@calico-dsl/calicoctl';
 * import { preDnat } from '@calico-dsl/core';
 *
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * const policies = [preDnat('deny-nodeports').deny().tcp().ports('30000:32767')];
 * await ctl.applyWithBackup(policies, { saveBackup: (b) => writeFile('backup.yaml', b.yaml) });
 * ```
 */
export interface ApplyWithBackupOptions extends CallOptions {
  /** Called with the backup before anything changes; the apply waits for it (a throw aborts). */
  readonly saveBackup?: (backup: Backup) => void | Promise<void>;
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

const sameRef = (a: ResourceRef, b: ResourceRef) =>
  a.kind === b.kind && a.name === b.name && (a.namespace ?? 'default') === (b.namespace ?? 'default');

/**
 * Plans, saves the previous live state, applies, and when the apply fails after calicoctl ran,
 * puts back what may have changed: resources that existed are re-applied from the backup,
 * resources that were new are deleted (`--skip-not-exists`). The original error is rethrown with
 * `rollback` (what was restored) and `backup` (the saved YAML) attached.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * const listLive: ListLive = (kind, namespace) => ctl.get(kind, undefined, namespace === undefined ? {} : { namespace });
 * const manifest = unwrap(prepareManifest([preDnat('deny-nodeports').deny().tcp().ports('30000:32767')]));
 * try {
 *   await applyWithBackup(ctl, manifest, listLive);
 * } catch (e) {
 *   if (isCalicoctlError(e)) console.log(e.rollback?.restored, e.backup);
 * }
 * ```
 */
export async function applyWithBackup(
  ctl: Calicoctl,
  manifest: Manifest,
  listLive: ListLive,
  options: ApplyWithBackupOptions = {},
): Promise<ApplyWithBackupResult> {
  const plan = await planChanges(manifest.resources, listLive);
  const previous: CalicoResource[] = [];
  const absent: ResourceRef[] = [];
  for (const step of plan.steps) {
    if (step.action === 'create') absent.push(step.ref);
    else previous.push(withoutServerMetadata(step.live));
  }
  const backup: Backup = { previous, absent, yaml: previous.length === 0 ? '' : toYaml(previous) };
  if (options.saveBackup !== undefined) await options.saveBackup(backup);

  const call: CallOptions = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  try {
    const result = await ctl.apply(manifest.resources, call);
    return { ...result, plan, backup };
  } catch (e) {
    if (!(e instanceof CalicoctlError)) throw e;
    const ran = e.code !== 'INVALID_INPUT' && e.code !== 'BINARY_NOT_FOUND';
    if (!ran || options.restoreOnFailure === false) throw e.with({ backup: backup.yaml });
    // Anything not certainly failed may have changed.
    const touched = [...e.applied, ...e.failed.filter((f) => f.outcome === 'unknown')];
    throw e.with({ backup: backup.yaml, rollback: await restore(ctl, backup, touched, call) });
  }
}

async function restore(
  ctl: Calicoctl,
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
      await ctl.apply(toRestore, call);
      restored.push(...toRestore.map((r) => ({ kind: r.kind, name: r.metadata.name, ...ns(r) })));
    }
    // One delete per kind and namespace, since calicoctl deletes by kind + names.
    const groups = new Map<string, ResourceRef[]>();
    for (const ref of toRemove) {
      const key = `${ref.kind}\u0000${ref.namespace ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), ref]);
    }
    for (const refs of groups.values()) {
      const first = refs[0]!;
      const kind = first.kind as CalicoResource['kind'];
      await ctl.delete(
        kind,
        refs.map((r) => r.name),
        {
          skipNotExists: true,
          ...(CALICO_KINDS[kind].namespaced ? { namespace: first.namespace ?? 'default' } : {}),
          ...call,
        },
      );
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
