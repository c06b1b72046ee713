/**
 * The v1alpha1 admin policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy) as plain objects,
 * for worlds evaluated with `calicoVersion: 'v3.31'`. (ClusterNetworkPolicy has a DSL builder in
 * core: `clusterNetworkPolicy(name)`.)
 */
import type { AdminNetworkPolicy, BaselineAdminNetworkPolicy } from '@calico-dsl/core';

/**
 * An AdminNetworkPolicy (`policy.networking.k8s.io/v1alpha1`).
 *
 * @example
 * ```ts
 * const guard = adminNetworkPolicy('guard', {
 *   priority: 10, subject: { namespaces: {} },
 *   egress: [{ action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }],
 * });
 * worldWith({ calicoVersion: 'v3.31' }, guard);
 * ```
 */
export function adminNetworkPolicy(name: string, spec: AdminNetworkPolicy['spec']): AdminNetworkPolicy {
  return {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'AdminNetworkPolicy',
    metadata: { name },
    spec,
  };
}

/**
 * The BaselineAdminNetworkPolicy (a singleton: always named `default`).
 *
 * @example
 * ```ts
 * baselineAdminNetworkPolicy({ subject: { namespaces: {} }, ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] });
 * ```
 */
export function baselineAdminNetworkPolicy(
  spec: BaselineAdminNetworkPolicy['spec'],
): BaselineAdminNetworkPolicy {
  return {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'BaselineAdminNetworkPolicy',
    metadata: { name: 'default' },
    spec,
  };
}
