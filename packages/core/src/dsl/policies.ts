import { GlobalNetworkPolicyImpl, NetworkPolicyImpl, ProfileImpl } from './policy-builders.js';
import { type MetaState, startState } from './policy-impl.js';
import type { GlobalNetworkPolicyBuilder, NetworkPolicyBuilder, ProfileBuilder } from './policy-types.js';

function meta(name: string | undefined, namespace?: string): MetaState {
  const out: { name?: string; namespace?: string } = {};
  if (name !== undefined) out.name = name;
  if (namespace !== undefined) out.namespace = namespace;
  return out;
}

/**
 * Starts a GlobalNetworkPolicy: a cluster-wide policy over workloads and host endpoints.
 * Without a name, `toResource()` does not compile until `.name('…')` is called.
 *
 * @example
 * ```ts
 * globalNetworkPolicy('allow-ping').selector('all()').allow().icmp(8).toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: GlobalNetworkPolicy
 * // metadata:
 * //   name: allow-ping
 * // spec:
 * //   ingress:
 * //   - action: Allow
 * //     protocol: ICMP
 * //     icmp:
 * //       type: 8
 * //   selector: all()
 * //   types:
 * //   - Ingress
 * ```
 */
export function globalNetworkPolicy(name: string): GlobalNetworkPolicyBuilder;
/**
 * The same, without a name yet: the types ask for `.name('…')` before `toResource()`.
 *
 * @example
 * ```ts
 * globalNetworkPolicy().name('allow-ping').allow().icmp(8).toResource().metadata; // { name: 'allow-ping' }
 * ```
 */
export function globalNetworkPolicy(): GlobalNetworkPolicyBuilder<
  'normal',
  false,
  'GlobalNetworkPolicy',
  false
>;
export function globalNetworkPolicy(
  name?: string,
): GlobalNetworkPolicyBuilder<'normal', false, 'GlobalNetworkPolicy', boolean> {
  return new GlobalNetworkPolicyImpl<'normal', false, 'GlobalNetworkPolicy', boolean>(
    startState('GlobalNetworkPolicy', 'globalNetworkPolicy', meta(name)),
  );
}

/**
 * Starts a pre-DNAT GlobalNetworkPolicy: host endpoint ingress policy applied before kube-proxy's
 * DNAT, so it sees the original destination (node port, load balancer IP). It has
 * `preDNAT: true`, `applyOnForward: true` and `types: [Ingress]`, and only ingress rules.
 *
 * @example
 * ```ts
 * preDnat('deny-nodeports').order(1100).selector("ibm.role=='worker_public'")
 *   .deny().tcp().ports('30000:32767')
 *   .deny().udp().ports('30000:32767')
 *   .toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: GlobalNetworkPolicy
 * // metadata:
 * //   name: deny-nodeports
 * // spec:
 * //   order: 1100
 * //   ingress:
 * //   - action: Deny
 * //     protocol: TCP
 * //     destination:
 * //       ports:
 * //       - 30000:32767
 * //   - action: Deny
 * //     protocol: UDP
 * //     destination:
 * //       ports:
 * //       - 30000:32767
 * //   selector: ibm.role=='worker_public'
 * //   types:
 * //   - Ingress
 * //   preDNAT: true
 * //   applyOnForward: true
 * ```
 */
export function preDnat(name: string): GlobalNetworkPolicyBuilder<'preDnat'>;
/**
 * The same, without a name yet: the types ask for `.name('…')` before `toResource()`.
 *
 * @example
 * ```ts
 * preDnat().deny().tcp().ports('30000:32767').end().name('deny-nodeports').toResource().metadata; // { name: 'deny-nodeports' }
 * ```
 */
export function preDnat(): GlobalNetworkPolicyBuilder<'preDnat', false, 'GlobalNetworkPolicy', false>;
export function preDnat(
  name?: string,
): GlobalNetworkPolicyBuilder<'preDnat', false, 'GlobalNetworkPolicy', boolean> {
  return new GlobalNetworkPolicyImpl<'normal', false, 'GlobalNetworkPolicy', boolean>(
    startState('GlobalNetworkPolicy', 'preDnat', meta(name)),
  ).preDnat();
}

/**
 * Starts an untracked GlobalNetworkPolicy (`doNotTrack: true`, `applyOnForward: true`): host
 * endpoint policy in the raw table, before connection tracking; replies need their own rules.
 *
 * @example
 * ```ts
 * doNotTrack('allow-memcached').selector("role == 'cache'").allow().tcp().ports(11211).toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: GlobalNetworkPolicy
 * // metadata:
 * //   name: allow-memcached
 * // spec:
 * //   ingress:
 * //   - action: Allow
 * //     protocol: TCP
 * //     destination:
 * //       ports:
 * //       - 11211
 * //   selector: role == 'cache'
 * //   types:
 * //   - Ingress
 * //   doNotTrack: true
 * //   applyOnForward: true
 * ```
 */
export function doNotTrack(name: string): GlobalNetworkPolicyBuilder<'doNotTrack'>;
/**
 * The same, without a name yet: the types ask for `.name('…')` before `toResource()`.
 *
 * @example
 * ```ts
 * doNotTrack().name('allow-memcached').allow().tcp().ports(11211).toResource().spec.doNotTrack; // true
 * ```
 */
export function doNotTrack(): GlobalNetworkPolicyBuilder<'doNotTrack', false, 'GlobalNetworkPolicy', false>;
export function doNotTrack(
  name?: string,
): GlobalNetworkPolicyBuilder<'doNotTrack', false, 'GlobalNetworkPolicy', boolean> {
  return new GlobalNetworkPolicyImpl<'normal', false, 'GlobalNetworkPolicy', boolean>(
    startState('GlobalNetworkPolicy', 'doNotTrack', meta(name)),
  ).doNotTrack();
}

/**
 * Starts a NetworkPolicy: a namespaced policy over the workloads of its namespace.
 *
 * @example
 * ```ts
 * networkPolicy('allow-web', 'prod').selector("app == 'web'").allow().tcp().ports(8080).toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: NetworkPolicy
 * // metadata:
 * //   name: allow-web
 * //   namespace: prod
 * // spec:
 * //   ingress:
 * //   - action: Allow
 * //     protocol: TCP
 * //     destination:
 * //       ports:
 * //       - 8080
 * //   selector: app == 'web'
 * //   types:
 * //   - Ingress
 * ```
 */
export function networkPolicy(name: string, namespace?: string): NetworkPolicyBuilder;
/**
 * The same, without a name yet: the types ask for `.name('…')` before `toResource()`.
 *
 * @example
 * ```ts
 * networkPolicy().name('allow-web').namespace('prod').allow().toResource().metadata; // { name: 'allow-web', namespace: 'prod' }
 * ```
 */
export function networkPolicy(): NetworkPolicyBuilder<'NetworkPolicy', false>;
export function networkPolicy(
  name?: string,
  namespace?: string,
): NetworkPolicyBuilder<'NetworkPolicy', boolean> {
  return new NetworkPolicyImpl<'NetworkPolicy', boolean>(
    startState('NetworkPolicy', 'networkPolicy', meta(name, namespace)),
  );
}

/**
 * Starts a StagedGlobalNetworkPolicy: a global policy that is previewed, never enforced.
 *
 * @example
 * ```ts
 * stagedGlobalNetworkPolicy('try-deny').stagedAction('Set').deny().toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedGlobalNetworkPolicy
 * // metadata:
 * //   name: try-deny
 * // spec:
 * //   stagedAction: Set
 * //   ingress:
 * //   - action: Deny
 * //   types:
 * //   - Ingress
 * ```
 */
export function stagedGlobalNetworkPolicy(
  name: string,
): GlobalNetworkPolicyBuilder<'normal', false, 'StagedGlobalNetworkPolicy'> {
  return new GlobalNetworkPolicyImpl<'normal', false, 'StagedGlobalNetworkPolicy', true>(
    startState('StagedGlobalNetworkPolicy', 'stagedGlobalNetworkPolicy', meta(name)),
  );
}

/**
 * Starts a StagedNetworkPolicy: a namespaced policy that is previewed, never enforced.
 *
 * @example
 * ```ts
 * stagedNetworkPolicy('try-deny', 'prod').deny().toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedNetworkPolicy
 * // metadata:
 * //   name: try-deny
 * //   namespace: prod
 * // spec:
 * //   ingress:
 * //   - action: Deny
 * //   types:
 * //   - Ingress
 * ```
 */
export function stagedNetworkPolicy(
  name: string,
  namespace?: string,
): NetworkPolicyBuilder<'StagedNetworkPolicy'> {
  return new NetworkPolicyImpl<'StagedNetworkPolicy', true>(
    startState('StagedNetworkPolicy', 'stagedNetworkPolicy', meta(name, namespace)),
  );
}

/**
 * Starts a Profile: rules evaluated after every tier, and labels applied to member endpoints.
 *
 * @example
 * ```ts
 * profile('allow-all').allow().end().egress().allow().toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: Profile
 * // metadata:
 * //   name: allow-all
 * // spec:
 * //   ingress:
 * //   - action: Allow
 * //   egress:
 * //   - action: Allow
 * ```
 */
export function profile(name: string): ProfileBuilder {
  return new ProfileImpl(startState('Profile', 'profile', meta(name)));
}
