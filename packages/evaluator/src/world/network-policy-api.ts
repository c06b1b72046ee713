/**
 * The network-policy-api kinds in a world: checked as the API server would (core's `validate`:
 * an object the CRD rejects never reaches Calico, so the evaluator refuses it rather than guess),
 * then converted as the chosen Calico release does, or reported as not enforced by it.
 */

import {
  type AdminNetworkPolicy,
  type BaselineAdminNetworkPolicy,
  type ClusterNetworkPolicy,
  type Issue,
  isNetworkPolicyApiKind,
  validate,
} from '@calico-dsl/core';
import type { EvaluatorIssueCode } from '../issue-codes.js';
import { rawAdminNetworkPolicy } from './admin-network-policy.js';
import { rawClusterNetworkPolicy } from './cluster-network-policy.js';
import type { CalicoVersion, RawPolicy } from './policies.js';

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

const ENFORCED_BY: Readonly<
  Record<(typeof NETWORK_POLICY_API_WORLD_KINDS)[number], readonly CalicoVersion[]>
> = {
  ClusterNetworkPolicy: ['v3.32'],
  AdminNetworkPolicy: ['v3.31'],
  BaselineAdminNetworkPolicy: ['v3.31'],
};

/**
 * The Calico policy one (already validated) network-policy-api resource becomes under `version`,
 * or `undefined` with an issue when that release does not enforce the kind.
 *
 * @example
 * ```ts
 * rawNetworkPolicyApiPolicy(cnp, 3, 'v3.31', issues); // undefined; issues: "not enforced before Calico 3.32"
 * ```
 */
export function rawNetworkPolicyApiPolicy(
  resource: ClusterNetworkPolicy | AdminNetworkPolicy | BaselineAdminNetworkPolicy,
  index: number,
  version: CalicoVersion,
  issues: Issue[],
): RawPolicy | undefined {
  if (!isNetworkPolicyApiKind(resource.kind)) return undefined;
  if (!ENFORCED_BY[resource.kind].includes(version)) {
    const when =
      resource.kind === 'ClusterNetworkPolicy'
        ? 'Calico enforces ClusterNetworkPolicy from 3.32 on'
        : `Calico enforced ${resource.kind} (v1alpha1) only in 3.29–3.31; 3.32 replaced it with ClusterNetworkPolicy`;
    issues.push({
      code: 'not_enforced' satisfies EvaluatorIssueCode,
      path: [index],
      message: `${resource.kind} "${resource.metadata.name}" is not enforced with calicoVersion ${version}: ${when}. It is left out of the evaluation.`,
    });
    return undefined;
  }
  if (resource.kind === 'ClusterNetworkPolicy')
    return rawClusterNetworkPolicy(resource.metadata.name, resource.spec, [index], issues);
  return rawAdminNetworkPolicy(resource, [index], issues);
}
