import type { CalicoResource } from '@calico-dsl/core';

/**
 * Metadata the API server sets; never part of what a user declares.
 *
 * @example
 * ```ts
 * SERVER_SET_METADATA.includes('resourceVersion'); // true
 * ```
 */
export const SERVER_SET_METADATA = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'managedFields',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
] as const;

const POLICY_KINDS = new Set([
  'GlobalNetworkPolicy',
  'NetworkPolicy',
  'StagedGlobalNetworkPolicy',
  'StagedNetworkPolicy',
]);
const NAMESPACED = new Set([
  'NetworkPolicy',
  'StagedNetworkPolicy',
  'StagedKubernetesNetworkPolicy',
  'NetworkSet',
]);

/**
 * A resource without server-set metadata, ready to apply again (used to restore a backup).
 *
 * @example
 * ```ts
 * const ctl = createCalicoctl({ bin: 'calicoctl' });
 * const [live] = await ctl.get('GlobalNetworkPolicy', 'allow-ping');
 * if (live) withoutServerMetadata(live).metadata; // { name: 'allow-ping' } (no uid, resourceVersion, creationTimestamp)
 * ```
 */
export function withoutServerMetadata<R extends CalicoResource>(resource: R): R {
  const metadata: Record<string, unknown> = { ...resource.metadata };
  for (const key of SERVER_SET_METADATA) delete metadata[key];
  return { ...resource, metadata } as R;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The form two resources are compared in: server-set metadata removed, the defaults the API
 * server fills in made explicit (`tier: default`, `types` per calico-semantics.md §3.2, namespace
 * `default`, Tier `defaultAction: Deny`), numeric port strings as numbers, and empty strings,
 * lists and maps dropped (Go's `omitempty` prints them as absent).
 *
 * @example
 * ```ts
 * comparableForm(globalNetworkPolicy('allow-all').selector('all()').allow().toResource());
 * // { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'allow-all' },
 * //   spec: { ingress: [{ action: 'Allow' }], selector: 'all()', tier: 'default', types: ['Ingress'] } }
 * ```
 */
export function comparableForm(resource: CalicoResource): Json {
  const r = withoutServerMetadata(resource) as unknown as Record<string, unknown>;
  const metadata = { ...(r.metadata as Record<string, unknown>) };
  if (NAMESPACED.has(resource.kind) && metadata.namespace === undefined) metadata.namespace = 'default';
  const spec: Record<string, unknown> = { ...((r.spec as Record<string, unknown> | undefined) ?? {}) };
  if (POLICY_KINDS.has(resource.kind)) {
    if (spec.tier === undefined || spec.tier === '') spec.tier = 'default';
    const types = spec.types as readonly string[] | undefined;
    if (types === undefined || types.length === 0) spec.types = defaultTypes(spec);
  }
  if (resource.kind === 'Tier' && spec.defaultAction === undefined) spec.defaultAction = 'Deny';
  return clean({ ...r, metadata, spec }, []) ?? null;
}

/** `defaultPolicyTypesField`: egress rules only → Egress; both → Ingress, Egress; else Ingress. */
function defaultTypes(spec: Record<string, unknown>): string[] {
  const has = (k: string) => Array.isArray(spec[k]) && (spec[k] as unknown[]).length > 0;
  if (has('egress') && has('ingress')) return ['Ingress', 'Egress'];
  if (has('egress')) return ['Egress'];
  return ['Ingress'];
}

function clean(value: unknown, path: readonly string[]): Json | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    const inPorts = path.at(-1) === 'ports' || path.at(-1) === 'notPorts';
    return inPorts && /^\d+$/.test(value) ? Number(value) : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const items = value.map((v) => clean(v, path)).filter((v): v is Json => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = Object.create(null);
    for (const key of Object.keys(value).sort()) {
      const v = clean((value as Record<string, unknown>)[key], [...path, key]);
      if (v !== undefined) out[key] = v;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return undefined;
}

/**
 * The paths (`spec.ingress[0].action`) where two comparable forms differ; empty when equal.
 *
 * @example
 * ```ts
 * const live = tier('security').order(100).toResource();
 * const desired = tier('security').order(200).toResource();
 * differences(comparableForm(live), comparableForm(desired)); // ['spec.order']
 * ```
 */
export function differences(a: Json, b: Json, path = ''): string[] {
  if (a === b) return [];
  const isObj = (v: Json): v is { [key: string]: Json } =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [path || '(root)'];
    return a.flatMap((v, i) => differences(v, b[i] as Json, `${path}[${i}]`));
  }
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => {
      const sub = path === '' ? k : `${path}.${k}`;
      if (!(k in a) || !(k in b)) return [sub];
      return differences(a[k] as Json, b[k] as Json, sub);
    });
  }
  return [path || '(root)'];
}
