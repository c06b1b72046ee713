import type { CalicoApiVersion, ObjectMeta } from './metadata.js';

/**
 * `Tier.spec`: tiers are evaluated in ascending `order`; `defaultAction` applies at end of tier.
 *
 * @example
 * ```ts
 * // tier().order() and .defaultAction() fill the spec:
 * const spec: TierSpec = tier('security').order(100).defaultAction('Pass').toResource().spec; // { order: 100, defaultAction: 'Pass' }
 * ```
 */
export interface TierSpec {
  readonly order?: number;
  readonly defaultAction?: 'Deny' | 'Pass';
}

/**
 * A policy tier.
 *
 * @example
 * ```ts
 * tier('security').order(100).defaultAction('Pass').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: Tier
 * // metadata:
 * //   name: security
 * // spec:
 * //   order: 100
 * //   defaultAction: Pass
 * ```
 */
export interface Tier {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'Tier';
  readonly metadata: ObjectMeta;
  readonly spec: TierSpec;
}

/**
 * The built-in tiers and their fixed orders and default actions (calico-semantics.md §2.1).
 *
 * @example
 * ```ts
 * BUILTIN_TIERS.default.order; // 1000000
 * BUILTIN_TIERS['kube-admin'].defaultAction; // 'Pass'
 * ```
 */
export const BUILTIN_TIERS = {
  'kube-admin': { order: 1000, defaultAction: 'Pass' },
  default: { order: 1_000_000, defaultAction: 'Deny' },
  'kube-baseline': { order: 10_000_000, defaultAction: 'Pass' },
} as const satisfies Record<string, Required<TierSpec>>;
