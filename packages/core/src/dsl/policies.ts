import type { MetaState } from './policy-impl.js';
import { RuleHostImpl } from './policy-impl.js';
import type { GlobalNetworkPolicyBuilder, NetworkPolicyBuilder, ProfileBuilder } from './policy-types.js';

function meta(name: string | undefined, namespace?: string): MetaState {
  const out: { name?: string; namespace?: string } = {};
  if (name !== undefined) out.name = name;
  if (namespace !== undefined) out.namespace = namespace;
  return out;
}

/**
 * Starts a GlobalNetworkPolicy: a cluster-wide policy over workloads and host endpoints.
 *
 * @example
 * ```ts
 * globalNetworkPolicy('allow-ping').selector('all()').allow().icmp(8).toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: GlobalNetworkPolicy
 * // metadata: { name: allow-ping }
 * // spec: { ingress: [{ action: Allow, protocol: ICMP, icmp: { type: 8 } }], selector: all(), types: [Ingress] }
 * ```
 */
export function globalNetworkPolicy(name?: string): GlobalNetworkPolicyBuilder {
  return RuleHostImpl.start(
    'GlobalNetworkPolicy',
    'globalNetworkPolicy',
    meta(name),
  ) as unknown as GlobalNetworkPolicyBuilder;
}

/**
 * Starts a pre-DNAT GlobalNetworkPolicy: host endpoint ingress policy applied before kube-proxy's
 * DNAT, so it sees the original destination (node port, load balancer IP). It has
 * `preDNAT: true`, `applyOnForward: true` and `types: [Ingress]`, and only ingress rules.
 *
 * @example
 * ```ts
 * preDnat('deny-nodeports').selector("ibm.role=='worker_public'").order(1100)
 *   .deny().tcp().ports('30000:32767')
 *   .deny().udp().ports('30000:32767')
 *   .toResource();
 * // spec:
 * //   order: 1100
 * //   ingress:
 * //   - { action: Deny, protocol: TCP, destination: { ports: ['30000:32767'] } }
 * //   - { action: Deny, protocol: UDP, destination: { ports: ['30000:32767'] } }
 * //   selector: ibm.role=='worker_public'
 * //   types: [Ingress]
 * //   preDNAT: true
 * //   applyOnForward: true
 * ```
 */
export function preDnat(name?: string): GlobalNetworkPolicyBuilder<'preDnat'> {
  return globalNetworkPolicy(name).preDnat();
}

/**
 * Starts an untracked GlobalNetworkPolicy (`doNotTrack: true`, `applyOnForward: true`): host
 * endpoint policy in the raw table, before connection tracking; replies need their own rules.
 *
 * @example
 * ```ts
 * doNotTrack('allow-memcached').selector("role == 'cache'").allow().tcp().ports(11211).toResource();
 * // spec: { ingress: [...], selector: role == 'cache', types: [Ingress], doNotTrack: true, applyOnForward: true }
 * ```
 */
export function doNotTrack(name?: string): GlobalNetworkPolicyBuilder<'doNotTrack'> {
  return globalNetworkPolicy(name).doNotTrack();
}

/**
 * Starts a NetworkPolicy: a namespaced policy over the workloads of its namespace.
 *
 * @example
 * ```ts
 * networkPolicy('allow-web', 'prod').selector("app == 'web'").allow().tcp().ports(8080).toResource();
 * // metadata: { name: allow-web, namespace: prod }
 * // spec: { ingress: [{ action: Allow, protocol: TCP, destination: { ports: [8080] } }], selector: app == 'web', types: [Ingress] }
 * ```
 */
export function networkPolicy(name?: string, namespace?: string): NetworkPolicyBuilder {
  return RuleHostImpl.start(
    'NetworkPolicy',
    'networkPolicy',
    meta(name, namespace),
  ) as unknown as NetworkPolicyBuilder;
}

/**
 * Starts a StagedGlobalNetworkPolicy: a global policy that is previewed, never enforced.
 *
 * @example
 * ```ts
 * stagedGlobalNetworkPolicy('try-deny').stagedAction('Set').deny().toResource().kind; // 'StagedGlobalNetworkPolicy'
 * ```
 */
export function stagedGlobalNetworkPolicy(
  name?: string,
): GlobalNetworkPolicyBuilder<'normal', false, 'StagedGlobalNetworkPolicy'> {
  return RuleHostImpl.start(
    'StagedGlobalNetworkPolicy',
    'stagedGlobalNetworkPolicy',
    meta(name),
  ) as unknown as GlobalNetworkPolicyBuilder<'normal', false, 'StagedGlobalNetworkPolicy'>;
}

/**
 * Starts a StagedNetworkPolicy: a namespaced policy that is previewed, never enforced.
 *
 * @example
 * ```ts
 * stagedNetworkPolicy('try-deny', 'prod').deny().toResource().kind; // 'StagedNetworkPolicy'
 * ```
 */
export function stagedNetworkPolicy(
  name?: string,
  namespace?: string,
): NetworkPolicyBuilder<'StagedNetworkPolicy'> {
  return RuleHostImpl.start(
    'StagedNetworkPolicy',
    'stagedNetworkPolicy',
    meta(name, namespace),
  ) as unknown as NetworkPolicyBuilder<'StagedNetworkPolicy'>;
}

/**
 * Starts a Profile: rules evaluated after every tier, and labels applied to member endpoints.
 *
 * @example
 * ```ts
 * profile('allow-all').allow().egress().allow().toResource();
 * // spec: { ingress: [{ action: Allow }], egress: [{ action: Allow }] }
 * ```
 */
export function profile(name: string): ProfileBuilder {
  return RuleHostImpl.start('Profile', 'profile', meta(name)) as unknown as ProfileBuilder;
}
