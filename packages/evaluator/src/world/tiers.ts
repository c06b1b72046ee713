/** Tier ordering (calico-semantics.md §2.1) and policy ordering within a tier (§2.2). */
import type { PolicyModel, TierModel } from './model.js';
import type { CalicoVersion } from './policies.js';

/**
 * The default tier's order (`DefaultTierOrder`), which is also the order of every Tier written
 * without one (§2.1).
 *
 * @example
 * ```ts
 * DEFAULT_TIER_ORDER; // 1000000
 * ```
 */
export const DEFAULT_TIER_ORDER = 1_000_000;

const DEFAULT_TIER: TierModel = {
  name: 'default',
  order: DEFAULT_TIER_ORDER,
  defaultAction: 'Deny',
  hasResource: true,
};

/** Built-in tiers of Calico ≥ 3.32 (§2.1, §12.23). */
export const BUILTIN_TIER_MODELS: readonly TierModel[] = [
  { name: 'kube-admin', order: 1000, defaultAction: 'Pass', hasResource: true },
  DEFAULT_TIER,
  { name: 'kube-baseline', order: 10_000_000, defaultAction: 'Pass', hasResource: true },
];

/** Built-in tiers of Calico 3.29–3.31: `default` between the AdminNetworkPolicy / BaselineAdminNetworkPolicy tiers (§0). */
const BUILTIN_TIERS_3_29_TO_3_31: readonly TierModel[] = [
  { name: 'adminnetworkpolicy', order: 1000, defaultAction: 'Pass', hasResource: true },
  DEFAULT_TIER,
  { name: 'baselineadminnetworkpolicy', order: 10_000_000, defaultAction: 'Pass', hasResource: true },
];

/**
 * The built-in tiers of a Calico release (§0): {@link BUILTIN_TIER_MODELS} from 3.32 on, the
 * v1alpha1 admin policy tiers around `default` in 3.29–3.31 (`v3.31`: its `tier.go` has no
 * kube-admin / kube-baseline), and the one implicit `default` tier in 3.28.
 *
 * @example
 * ```ts
 * builtinTiers('v3.31').map((t) => t.name); // ['adminnetworkpolicy', 'default', 'baselineadminnetworkpolicy']
 * builtinTiers('v3.28').map((t) => t.name); // ['default']
 * ```
 */
export function builtinTiers(version: CalicoVersion): readonly TierModel[] {
  switch (version) {
    case 'v3.28':
      return [DEFAULT_TIER];
    case 'v3.31':
      return BUILTIN_TIERS_3_29_TO_3_31;
    case 'v3.32':
      return BUILTIN_TIER_MODELS;
  }
}

// Go byte-wise string compare; JS `<` compares UTF-16 units, equal for the ASCII names Calico allows.
function byteLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `TierLess` (§2.1): resource-backed first, then numeric order, then name. (A tier without a
 * resource has no order and sorts last; one with a resource always has an order, see
 * {@link DEFAULT_TIER_ORDER}.)
 *
 * @example
 * ```ts
 * [...tiers].sort(compareTiers);
 * ```
 */
export function compareTiers(a: TierModel, b: TierModel): number {
  if (a.hasResource !== b.hasResource) return a.hasResource ? -1 : 1;
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return byteLess(a.name, b.name);
}

/**
 * Sorts policies in place as Felix's `PolKVLess` does (§2.2, HEAD): order ascending (none = +∞),
 * ties by `name/namespace/kind` (`sortKey`), reading each tie-break key once (the model rebuilds
 * `sortKey` on every read rather than keeping a string per policy).
 *
 * @example
 * ```ts
 * sortPolicies(list); // list is now in §2.2 order
 * ```
 */
export function sortPolicies(list: PolicyModel[]): void {
  const keyed = list.map((policy) => ({ policy, key: policy.sortKey }));
  // Array#sort is stable: equal keys keep their input order.
  keyed.sort((a, b) =>
    a.policy.order !== b.policy.order ? (a.policy.order < b.policy.order ? -1 : 1) : byteLess(a.key, b.key),
  );
  for (let i = 0; i < keyed.length; i++) list[i] = (keyed[i] as (typeof keyed)[number]).policy;
}
