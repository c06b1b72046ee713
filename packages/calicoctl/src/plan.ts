import { CALICO_KINDS, type CalicoKind, type CalicoResource } from '@calico-dsl/core';
import { comparableForm, differences } from './compare.js';
import type { ResourceRef } from './errors.js';
import { refOf } from './input.js';

/**
 * What applying one resource would do. `update` lists the changed field paths.
 *
 * @example
 * ```ts
 * const desired = tier('security').order(200).toResource();
 * const live = tier('security').order(100).toResource();
 * const step: PlanStep = { action: 'update', ref: { kind: 'Tier', name: 'security' }, desired, live, changes: ['spec.order'] };
 * ```
 */
export type PlanStep =
  | { readonly action: 'create'; readonly ref: ResourceRef; readonly desired: CalicoResource }
  | {
      readonly action: 'update' | 'unchanged';
      readonly ref: ResourceRef;
      readonly desired: CalicoResource;
      readonly live: CalicoResource;
      readonly changes: readonly string[];
    };

/**
 * The result of `plan`: one step per resource, in input order, and counts.
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * const policies = [preDnat('deny-nodeports').deny().tcp().ports('30000:32767')];
 * const plan = await ctl.plan(policies);
 * if (plan.hasChanges) console.log(formatPlan(plan));
 * ```
 */
export interface Plan {
  readonly steps: readonly PlanStep[];
  readonly create: number;
  readonly update: number;
  readonly unchanged: number;
  readonly hasChanges: boolean;
}

/**
 * Reads the live resources of one kind (in one namespace for namespaced kinds).
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * const listLive: ListLive = (kind, namespace) => ctl.get(kind, undefined, namespace === undefined ? {} : { namespace });
 * ```
 */
export type ListLive = (kind: CalicoKind, namespace: string | undefined) => Promise<CalicoResource[]>;

const namespaceOf = (r: CalicoResource): string | undefined =>
  CALICO_KINDS[r.kind].namespaced ? (r.metadata.namespace ?? 'default') : undefined;

/**
 * Compares each desired resource with its live version: one `get` per kind and namespace, then
 * a semantic comparison that ignores server-set metadata and server defaults (see `comparableForm`).
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * const resources = toResources([preDnat('deny-nodeports').deny().tcp().ports('30000:32767')]);
 * const plan = await planChanges(resources, (kind, ns) => ctl.get(kind, undefined, ns ? { namespace: ns } : {}));
 * ```
 */
export async function planChanges(desired: readonly CalicoResource[], listLive: ListLive): Promise<Plan> {
  const groups = new Map<string, { kind: CalicoKind; namespace: string | undefined }>();
  for (const r of desired) {
    const namespace = namespaceOf(r);
    groups.set(`${r.kind}\u0000${namespace ?? ''}`, { kind: r.kind, namespace });
  }
  const live = new Map<string, CalicoResource>();
  for (const [, { kind, namespace }] of groups) {
    for (const r of await listLive(kind, namespace)) live.set(keyOf(r), r);
  }
  const steps = desired.map((r): PlanStep => {
    const ref = refOf(r);
    const current = live.get(keyOf(r));
    if (current === undefined) return { action: 'create', ref, desired: r };
    const changes = differences(comparableForm(current), comparableForm(r));
    return { action: changes.length === 0 ? 'unchanged' : 'update', ref, desired: r, live: current, changes };
  });
  const count = (a: PlanStep['action']) => steps.filter((s) => s.action === a).length;
  const create = count('create');
  const update = count('update');
  return { steps, create, update, unchanged: count('unchanged'), hasChanges: create + update > 0 };
}

function keyOf(r: CalicoResource): string {
  return `${r.kind}\u0000${namespaceOf(r) ?? ''}\u0000${r.metadata.name}`;
}

/**
 * Renders a plan one line per resource, like `+ GlobalNetworkPolicy deny-nodeports`.
 *
 * @example
 * ```ts
 * const live = [tier('security').order(100).toResource()];
 * const desired = [tier('security').order(200).toResource(), preDnat('deny-nodeports').deny().toResource()];
 * const plan = await planChanges(desired, async (kind) => live.filter((r) => r.kind === kind));
 * formatPlan(plan);
 * // '~ Tier security (update: spec.order)\n+ GlobalNetworkPolicy deny-nodeports (create)'
 * ```
 */
export function formatPlan(plan: Plan): string {
  return plan.steps
    .map((s) => {
      const id = `${s.ref.kind} ${s.ref.namespace === undefined ? '' : `${s.ref.namespace}/`}${s.ref.name}`;
      switch (s.action) {
        case 'create':
          return `+ ${id} (create)`;
        case 'update':
          return `~ ${id} (update: ${s.changes.join(', ')})`;
        case 'unchanged':
          return `= ${id} (unchanged)`;
        default:
          return assertNever(s);
      }
    })
    .join('\n');
}

function assertNever(value: never): never {
  throw new Error(`Unhandled plan step: ${JSON.stringify(value)}`);
}
