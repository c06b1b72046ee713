/**
 * The sigs.k8s.io/network-policy-api kinds as one family: their apiVersions, and the Go struct
 * field order the printer follows.
 */
import type { AdminNetworkPolicy, BaselineAdminNetworkPolicy } from './admin-network-policy.js';
import type { ClusterNetworkPolicy } from './cluster-network-policy.js';

/**
 * Every network-policy-api resource the SDK models.
 *
 * @example
 * ```ts
 * declare const r: NetworkPolicyApiResource;
 * if (r.kind === 'ClusterNetworkPolicy') r.spec.tier; // 'Admin' | 'Baseline'
 * ```
 */
export type NetworkPolicyApiResource = ClusterNetworkPolicy | AdminNetworkPolicy | BaselineAdminNetworkPolicy;

/**
 * The kind names of {@link NetworkPolicyApiResource}.
 *
 * @example
 * ```ts
 * // The kinds with their own apiVersion; validate reads them all:
 * Object.keys(NETWORK_POLICY_API_KINDS); // ['ClusterNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']
 * ```
 */
export type NetworkPolicyApiKind = NetworkPolicyApiResource['kind'];

/**
 * The apiVersion each network-policy-api kind needs.
 *
 * @example
 * ```ts
 * NETWORK_POLICY_API_KINDS.ClusterNetworkPolicy; // 'policy.networking.k8s.io/v1alpha2'
 * ```
 */
export const NETWORK_POLICY_API_KINDS = {
  ClusterNetworkPolicy: 'policy.networking.k8s.io/v1alpha2',
  AdminNetworkPolicy: 'policy.networking.k8s.io/v1alpha1',
  BaselineAdminNetworkPolicy: 'policy.networking.k8s.io/v1alpha1',
} as const satisfies Record<NetworkPolicyApiKind, string>;

/**
 * Whether `kind` names a network-policy-api kind.
 *
 * @example
 * ```ts
 * isNetworkPolicyApiKind('ClusterNetworkPolicy'); // true
 * isNetworkPolicyApiKind('NetworkPolicy'); // false
 * ```
 */
export function isNetworkPolicyApiKind(kind: unknown): kind is NetworkPolicyApiKind {
  return typeof kind === 'string' && Object.hasOwn(NETWORK_POLICY_API_KINDS, kind);
}

/**
 * Field order of the network-policy-api objects (Go struct order of
 * sigs.k8s.io/network-policy-api v0.2.0), keyed by object.
 *
 * @example
 * ```ts
 * NETWORK_POLICY_API_KEYS.cnpSpec; // ['tier', 'priority', 'subject', 'ingress', 'egress']
 * ```
 */
export const NETWORK_POLICY_API_KEYS = {
  cnpSpec: ['tier', 'priority', 'subject', 'ingress', 'egress'],
  anpSpec: ['priority', 'subject', 'ingress', 'egress'],
  subject: ['namespaces', 'pods'],
  namespacedPod: ['namespaceSelector', 'podSelector'],
  ingressRule: ['name', 'action', 'from', 'protocols'],
  egressRule: ['name', 'action', 'to', 'protocols'],
  anpIngressRule: ['name', 'action', 'from', 'ports'],
  anpEgressRule: ['name', 'action', 'to', 'ports'],
  ingressPeer: ['namespaces', 'pods'],
  egressPeer: ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'],
  protocol: ['tcp', 'udp', 'sctp', 'destinationNamedPort'],
  protocolPorts: ['destinationPort'],
  port: ['number', 'range'],
  portRange: ['start', 'end'],
  anpPort: ['portNumber', 'namedPort', 'portRange'],
  anpPortNumber: ['protocol', 'port'],
  anpPortRange: ['protocol', 'start', 'end'],
  labelSelector: ['matchLabels', 'matchExpressions'],
  labelSelectorRequirement: ['key', 'operator', 'values'],
} as const;
