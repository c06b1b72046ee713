/**
 * The network-policy-api kinds in a world: checked as the API server would (core's `validate`:
 * an object the CRD rejects never reaches Calico, so the evaluator refuses it rather than guess),
 * then converted as the Calico release that enforces them does.
 */

import {
  type AdminNetworkPolicy,
  type BaselineAdminNetworkPolicy,
  type ClusterNetworkPolicy,
  type Issue,
  isNetworkPolicyApiKind,
  validate,
} from '@calico-dsl/core';
import { rawAdminNetworkPolicy } from './admin-network-policy.js';
import { rawClusterNetworkPolicy } from './cluster-network-policy.js';
import type { RawPolicy } from './policies.js';

/**
 * The kinds this file reads.
 *
 * @example
 * ```ts
 * NETWORK_POLICY_API_WORLD_KINDS.includes('ClusterNetworkPolicy'); // true
 * ```
 */
export const NETWORK_POLICY_API_WORLD_KINDS = [
  'ClusterNetworkPolicy',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
] as const;

/**
 * Issues (paths from the input list) for a network-policy-api object the CRD would reject.
 *
 * @example
 * ```ts
 * networkPolicyApiIssues(cnpWithPriority2000, 4)[0]?.path; // [4, 'spec', 'priority']
 * ```
 */
export function networkPolicyApiIssues(resource: unknown, index: number): Issue[] {
  const r = validate(resource);
  if (r.ok) return [];
  return r.issues.map((i) => ({
    ...i,
    path: [index, ...i.path],
    message: `${describe(resource)}: ${i.message} (the API server rejects this object, so Calico never sees it)`,
  }));
}

function describe(resource: unknown): string {
  const r = resource as { kind?: unknown; metadata?: { name?: unknown } };
  return `${String(r.kind)} "${String(r.metadata?.name)}"`;
}

/**
 * The Calico policy one (already validated) network-policy-api resource becomes, as the
 * release that enforces its kind converts it (`notInRelease` leaves out the kinds a
 * `calicoVersion` does not enforce).
 *
 * @example
 * ```ts
 * rawNetworkPolicyApiPolicy(cnp, 3, issues)?.tier; // 'kube-admin' for an Admin-tier ClusterNetworkPolicy
 * ```
 */
export function rawNetworkPolicyApiPolicy(
  resource: ClusterNetworkPolicy | AdminNetworkPolicy | BaselineAdminNetworkPolicy,
  index: number,
  issues: Issue[],
): RawPolicy | undefined {
  if (!isNetworkPolicyApiKind(resource.kind)) return undefined;
  if (resource.kind === 'ClusterNetworkPolicy')
    return rawClusterNetworkPolicy(resource.metadata.name, resource.spec, [index], issues);
  return rawAdminNetworkPolicy(resource, [index], issues);
}
