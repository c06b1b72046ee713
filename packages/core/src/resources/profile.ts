import type { CalicoApiVersion, ObjectMeta } from './metadata.js';
import type { Rule } from './rule.js';

/**
 * `Profile.spec`: rules evaluated after all tiers, and labels applied to member endpoints.
 *
 * @example
 * ```ts
 * // A profile's rules come from the same rule steps as a policy's; .labelsToApply() sets the labels:
 * const spec: ProfileSpec = profile('web').labelsToApply({ team: 'web' }).allow().toResource().spec; // { ingress: [{ action: 'Allow' }], labelsToApply: { team: 'web' } }
 * ```
 */
export interface ProfileSpec {
  readonly ingress?: readonly Rule[];
  readonly egress?: readonly Rule[];
  readonly labelsToApply?: Readonly<Record<string, string>>;
}

/**
 * A security profile (e.g. `projectcalico-default-allow`, or the implicit `kns.<ns>` profiles).
 *
 * @example
 * ```ts
 * profile('projectcalico-default-allow').allow().end().egress().allow().toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: Profile
 * // metadata:
 * //   name: projectcalico-default-allow
 * // spec:
 * //   ingress:
 * //   - action: Allow
 * //   egress:
 * //   - action: Allow
 * ```
 */
export interface Profile {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'Profile';
  readonly metadata: ObjectMeta;
  readonly spec: ProfileSpec;
}
