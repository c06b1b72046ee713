/**
 * Kinds and fields only some Calico releases have (calico-semantics.md §0): under a
 * `calicoVersion` without them, a resource using them never reaches Felix (the API has no such
 * kind, or calicoctl's strict decoder refuses the field), so it is reported `not_enforced` and
 * left out rather than evaluated as the newest release would.
 */
import type { Issue } from '@calico-dsl/core';
import type { EvaluatorIssueCode } from '../issue-codes.js';
import type { CalicoVersion } from './policies.js';

// The `v3.31` setting stands for 3.29–3.31: Tier arrived in 3.29, staged policies in 3.30.
const SINCE_V3_31_SETTING = ['v3.31', 'v3.32'] as const;
const STAGED = 'Calico open source has staged policies from 3.30 on (felixsyncer lists them from then)';

/** The releases that enforce each kind some releases lack, and why the others do not. */
const RELEASES: Readonly<
  Record<string, { readonly versions: readonly CalicoVersion[]; readonly why: string }>
> = {
  ClusterNetworkPolicy: { versions: ['v3.32'], why: 'Calico enforces ClusterNetworkPolicy from 3.32 on' },
  AdminNetworkPolicy: {
    versions: ['v3.31'],
    why: 'Calico enforced AdminNetworkPolicy (v1alpha1) only in 3.29–3.31; 3.32 replaced it with ClusterNetworkPolicy',
  },
  BaselineAdminNetworkPolicy: {
    versions: ['v3.31'],
    why: 'Calico enforced BaselineAdminNetworkPolicy (v1alpha1) only in 3.29–3.31; 3.32 replaced it with ClusterNetworkPolicy',
  },
  // v3.28's api/pkg/apis/projectcalico/v3 has no tier.go and no staged*policy.go.
  Tier: {
    versions: SINCE_V3_31_SETTING,
    why: 'Calico open source has Tier resources from 3.29 on (3.28 has one implicit tier)',
  },
  StagedGlobalNetworkPolicy: { versions: SINCE_V3_31_SETTING, why: STAGED },
  StagedNetworkPolicy: { versions: SINCE_V3_31_SETTING, why: STAGED },
  StagedKubernetesNetworkPolicy: { versions: SINCE_V3_31_SETTING, why: STAGED },
};

/** The Calico policy kinds whose `spec.tier` field only releases with tiers have. */
const TIERED_KINDS: ReadonlySet<string> = new Set(['GlobalNetworkPolicy', 'NetworkPolicy']);

/**
 * The `not_enforced` issue for resource `index` when `version` lacks its kind (or, for a Calico
 * policy, its `spec.tier`), else `undefined`.
 *
 * @example
 * ```ts
 * notInRelease({ kind: 'Tier', metadata: { name: 'security' } }, 4, 'v3.28')?.message;
 * // 'Tier "security" is not enforced with calicoVersion v3.28: Calico open source has Tier resources from 3.29 on …'
 * notInRelease({ kind: 'Tier', metadata: { name: 'security' } }, 4, 'v3.32'); // undefined
 * ```
 */
export function notInRelease(
  resource: {
    readonly kind: string;
    readonly apiVersion?: unknown;
    readonly metadata: { readonly name?: unknown };
    readonly spec?: { readonly tier?: unknown } | null;
  },
  index: number,
  version: CalicoVersion,
): Issue | undefined {
  const release = Object.hasOwn(RELEASES, resource.kind) ? RELEASES[resource.kind] : undefined;
  const tiered =
    TIERED_KINDS.has(resource.kind) &&
    resource.apiVersion === 'projectcalico.org/v3' &&
    typeof resource.spec?.tier === 'string' &&
    resource.spec.tier !== '';
  const why =
    release !== undefined && !release.versions.includes(version)
      ? release.why
      : tiered && !RELEASES.Tier?.versions.includes(version)
        ? `Calico ≤ 3.28 has no spec.tier (calicoctl's strict decoder refuses the field; ${RELEASES.Tier?.why})`
        : undefined;
  if (why === undefined) return undefined;
  return {
    code: 'not_enforced' satisfies EvaluatorIssueCode,
    path: [index],
    message: `${resource.kind} "${String(resource.metadata.name)}" is not enforced with calicoVersion ${version}: ${why}. It is left out of the evaluation.`,
  };
}
