/**
 * Comparing live and desired resources. The comparable form itself (server-set metadata,
 * API-server defaults, §3.2 `types`) is core's `comparableForm`, the one definition every package
 * uses; this module adds what only the wrapper needs: restoring a backup and listing differences.
 */
import { type CalicoResource, type ComparableValue, SERVER_SET_METADATA } from '@calico-dsl/core';

export { comparableForm, SERVER_SET_METADATA } from '@calico-dsl/core';

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

type Json = ComparableValue;

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
