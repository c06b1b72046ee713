/** When two resources are the same one: the rule `synth` and every manifest reader share. */

/**
 * What names a resource: `apiVersion`, `kind`, `metadata.namespace` and `metadata.name`.
 *
 * @example
 * ```ts
 * const id: ResourceIdentity = { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'security' } };
 * ```
 */
export interface ResourceIdentity {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string | undefined };
}

/**
 * The key two resources share when they are the same resource. apiVersion is part of it:
 * Kubernetes' NetworkPolicy and Calico's are two objects of one kind name.
 *
 * @example
 * ```ts
 * resourceKey({ apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'shop' } });
 * // 'projectcalico.org/v3/NetworkPolicy/shop/deny'
 * ```
 */
export function resourceKey(r: ResourceIdentity): string {
  return `${r.apiVersion}/${r.kind}/${r.metadata.namespace ?? ''}/${r.metadata.name}`;
}

/**
 * How a resource is named in messages: `GlobalNetworkPolicy "deny-nodeports"`, with
 * `namespace/` for namespaced ones.
 *
 * @example
 * ```ts
 * resourceLabel({ apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'shop' } });
 * // 'NetworkPolicy "shop/deny"'
 * ```
 */
export function resourceLabel(r: ResourceIdentity): string {
  const ns = r.metadata.namespace !== undefined ? `${r.metadata.namespace}/` : '';
  return `${r.kind} "${ns}${r.metadata.name}"`;
}

/**
 * Remembers where each resource was first defined: the returned function records `where` for a
 * new resource and returns `undefined`, or returns the earlier `where` of the same resource.
 *
 * @example
 * ```ts
 * const earlier = firstDefinitions<string>();
 * earlier(gnp, 'a.yaml:1'); // undefined
 * earlier(gnp, 'b.yaml:4'); // 'a.yaml:1'
 * ```
 */
export function firstDefinitions<T>(): (r: ResourceIdentity, where: T) => T | undefined {
  const seen = new Map<string, T>();
  return (r, where) => {
    const key = resourceKey(r);
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, where);
    return earlier;
  };
}
