/**
 * Every policy kind normalised, grouped by tier, tiers and policies in evaluation order
 * (calico-semantics.md §2.1–§2.3).
 */
import { type Issue, isNetworkPolicyApiKind } from '@calico-dsl/core';
import type { PolicyModel, TierModel } from './model.js';
import { rawNetworkPolicyApiPolicy } from './network-policy-api.js';
import {
  type CalicoVersion,
  normalisePolicy,
  type RawPolicy,
  rawCalicoPolicy,
  rawK8sPolicy,
} from './policies.js';
import { POLICY_KINDS, type ResourceIndex } from './read.js';
import { notInRelease } from './release-kinds.js';
import type { SelectorCache } from './selector.js';
import { serviceMatchIssues } from './service-match.js';
import { builtinTiers, compareTiers, DEFAULT_TIER_ORDER, sortPolicies } from './tiers.js';

const STAGED_POLICY_KINDS: ReadonlySet<string> = new Set([
  'StagedGlobalNetworkPolicy',
  'StagedNetworkPolicy',
  'StagedKubernetesNetworkPolicy',
]);

/** The ordered policy set of a world. */
export interface PolicySet {
  readonly policies: readonly PolicyModel[];
  readonly tiers: readonly TierModel[];
  readonly policiesByTier: ReadonlyMap<string, readonly PolicyModel[]>;
}

/**
 * Normalises policies and orders tiers and policies.
 *
 * @example
 * ```ts
 * buildPolicySet(index, selectors, issues).tiers.map((t) => t.name); // ['kube-admin', 'default', 'kube-baseline']
 * ```
 */
export function buildPolicySet(
  index: ResourceIndex,
  sc: SelectorCache,
  issues: Issue[],
  version: CalicoVersion = 'v3.32',
): PolicySet {
  const raws: RawPolicy[] = [];
  for (const [r, i] of index.all) {
    const missing = notInRelease(r, i, version);
    if (missing !== undefined) {
      issues.push(missing);
      continue;
    }
    // §2.5: a staged Delete never reaches Felix (libcalico-go's staged*policyprocessor.go return
    // nil for it), so it is no policy of any tier.
    if (r.spec?.stagedAction === 'Delete' && STAGED_POLICY_KINDS.has(r.kind)) continue;
    const meta = { name: r.metadata.name as string, namespace: r.metadata.namespace as string | undefined };
    const k8s = typeof r.apiVersion === 'string' && r.apiVersion.startsWith('networking.k8s.io');
    if (r.kind === 'NetworkPolicy' && k8s) {
      raws.push(rawK8sPolicy('KubernetesNetworkPolicy', meta, r.spec ?? { podSelector: {} }, [i], issues));
    } else if (r.kind === 'StagedKubernetesNetworkPolicy') {
      raws.push(
        rawK8sPolicy('StagedKubernetesNetworkPolicy', meta, r.spec ?? { podSelector: {} }, [i], issues),
      );
    } else if (isNetworkPolicyApiKind(r.kind)) {
      const raw = rawNetworkPolicyApiPolicy(r, i, issues);
      if (raw) raws.push(raw);
    } else if (POLICY_KINDS.has(r.kind)) {
      raws.push(rawCalicoPolicy(r.kind, meta, r.spec ?? {}, [i]));
    }
  }
  for (const raw of raws) issues.push(...serviceMatchIssues(raw));
  const policies = raws.map((raw) => normalisePolicy(raw, sc, version));

  const tierMap = new Map<string, TierModel>(builtinTiers(version).map((t) => [t.name, t]));
  for (const [r, i] of index.of('Tier')) {
    if (notInRelease(r, i, version) !== undefined) continue; // reported above
    const name: string = r.metadata.name;
    // §2.1: a built-in tier's order and default action are fixed (`validateTier` and the Tier
    // CRD's CEL rules refuse others), so its manifest changes neither.
    if (tierMap.has(name)) continue;
    const action = r.spec?.defaultAction;
    tierMap.set(name, {
      name,
      // §2.1: Calico reads a Tier without an order as 1 000 000, the default tier's
      // (`DefaultTierFields`, on every read from the datastore); ties then go by name.
      order: r.spec?.order ?? DEFAULT_TIER_ORDER,
      defaultAction: action === 'Pass' || action === 'Deny' ? action : 'Deny',
      hasResource: true,
    });
  }
  for (const p of policies) {
    if (tierMap.has(p.tier)) continue;
    issues.push({
      code: 'unknown_tier',
      path: [],
      message: `${p.kind} "${p.name}" is in tier "${p.tier}", which has no Tier resource; Calico refuses such policies. Modelled as a tier sorted last with defaultAction Deny.`,
    });
    // §2.1: tiers without a resource sort after every Tier-backed one.
    tierMap.set(p.tier, {
      name: p.tier,
      order: Number.POSITIVE_INFINITY,
      defaultAction: 'Deny',
      hasResource: false,
    });
  }
  const tiers = [...tierMap.values()].sort(compareTiers);
  const policiesByTier = new Map<string, PolicyModel[]>(tiers.map((t) => [t.name, []]));
  for (const p of policies) policiesByTier.get(p.tier)?.push(p);
  for (const list of policiesByTier.values()) sortPolicies(list);
  return { policies, tiers, policiesByTier };
}
