/**
 * Which decision a path's verdict is attributed to, and which endpoint a plan role names. Written
 * once for the concrete interpreter and the analysis package's lifted one (`./model`).
 */
import type { BackendModel, EndpointModel } from '../world/model.js';
import type { EndpointRole, RoleBinding } from './hooks.js';

/** What {@link pickDecision} reads of a decision: whether a policy (and which kind) made it. */
export interface DecisionLike {
  readonly policy?: { readonly kind: string } | undefined;
}

/**
 * The decision an allowed path is attributed to: the last one a policy made (a profile's Allow
 * only counts when no policy decided), else `none`.
 *
 * @example
 * ```ts
 * pickDecision([{ stage: 'workload', policy: { kind: 'GlobalNetworkPolicy' } }, undefined], { stage: 'exit' }).stage;
 * // 'workload'
 * ```
 */
export function pickDecision<D extends DecisionLike>(decisions: readonly (D | undefined)[], none: D): D {
  let last: D | undefined;
  for (let i = decisions.length - 1; i >= 0; i--) {
    const d = decisions[i];
    if (d === undefined) continue;
    if (d.policy && d.policy.kind !== 'Profile') return d;
    last ??= d;
  }
  return last ?? none;
}

/**
 * The decision a path ends on: a dropped path's last decision (the drop), an allowed path's
 * {@link pickDecision}.
 *
 * @example
 * ```ts
 * decisionOfPath(false, [{ stage: 'workload' }, { stage: 'hostEndpoint' }], { stage: 'exit' }).stage;
 * // 'hostEndpoint'
 * ```
 */
export function decisionOfPath<D extends DecisionLike>(
  allowed: boolean,
  decisions: readonly (D | undefined)[],
  none: D,
): D {
  return allowed
    ? pickDecision(decisions, none)
    : (decisions[decisions.length - 1] ?? pickDecision(decisions, none));
}

/**
 * The endpoint a hook names, its role bound for this run (`'backend'`: the path's backend;
 * `'source'` / `'destination'`: the flow's pods).
 *
 * @example
 * ```ts
 * boundEndpoint('source', undefined, { source: pod, destination: undefined }) === pod; // true
 * ```
 */
export function boundEndpoint(
  e: EndpointModel | EndpointRole,
  backend: BackendModel | undefined,
  bind: RoleBinding,
): EndpointModel {
  if (typeof e !== 'string') return e;
  const m = e === 'backend' ? backend?.endpoint : e === 'source' ? bind.source : bind.destination;
  if (m === undefined) throw new Error(`evaluator: plan role ${e} is not bound`);
  return m;
}
