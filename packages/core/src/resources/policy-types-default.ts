import type { PolicyType } from './policy.js';

/**
 * Calico's defaulting of an empty policy `types` (calico-semantics §3.2, upstream
 * `api/pkg/defaults/networkpolicy.go` `defaultPolicyTypesField`): no egress rules → `[Ingress]`
 * (even with no ingress rules either); egress rules but no ingress rules → `[Egress]`; both →
 * `[Ingress, Egress]`. The one place this rule is written: the DSL, the evaluator and the
 * comparable form all use it.
 *
 * @example
 * ```ts
 * defaultPolicyTypes({ ingress: false, egress: true }); // ['Egress']
 * defaultPolicyTypes({ ingress: false, egress: false }); // ['Ingress']
 * ```
 */
export function defaultPolicyTypes(has: {
  readonly ingress: boolean;
  readonly egress: boolean;
}): readonly PolicyType[] {
  if (!has.egress) return ['Ingress'];
  return has.ingress ? ['Ingress', 'Egress'] : ['Egress'];
}

/**
 * The `types` a policy spec has once Calico has stored it: its own when set and non-empty, else
 * {@link defaultPolicyTypes} of its rule lists.
 *
 * @example
 * ```ts
 * policyTypesOf({ egress: [{ action: 'Allow' }] }); // ['Egress']
 * policyTypesOf({ types: ['Ingress', 'Egress'] }); // ['Ingress', 'Egress'] (a default-deny policy)
 * ```
 */
export function policyTypesOf(spec: {
  readonly types?: readonly PolicyType[] | undefined;
  readonly ingress?: readonly unknown[] | undefined;
  readonly egress?: readonly unknown[] | undefined;
}): readonly PolicyType[] {
  if (spec.types !== undefined && spec.types.length > 0) return spec.types;
  return defaultPolicyTypes({
    ingress: (spec.ingress?.length ?? 0) > 0,
    egress: (spec.egress?.length ?? 0) > 0,
  });
}
