import type { PolicyModel } from '../world/model.js';
import type { PolicyRef } from './types.js';

// Policy refs are immutable and shared by every step and decision that names the policy (both
// engines), so each is built once per policy.
const REFS = new WeakMap<PolicyModel, PolicyRef>();

/**
 * The `{ kind, namespace?, name }` reference a trace step or decision uses for a policy.
 *
 * @example
 * ```ts
 * policyRef(model.policies[0]); // { kind: 'GlobalNetworkPolicy', name: 'deny-nodeports' }
 * ```
 */
export function policyRef(p: PolicyModel): PolicyRef {
  let r = REFS.get(p);
  if (!r) {
    r =
      p.namespace === undefined
        ? { kind: p.kind, name: p.name }
        : { kind: p.kind, namespace: p.namespace, name: p.name };
    REFS.set(p, r);
  }
  return r;
}
