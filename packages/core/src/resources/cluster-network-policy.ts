/**
 * Kubernetes `ClusterNetworkPolicy` (`policy.networking.k8s.io/v1alpha2`, sigs.k8s.io/network-policy-api
 * v0.2.0, the standard-channel CRD Calico ≥ 3.32 installs). Field names and order follow the Go
 * structs; Calico enforces it in the `kube-admin` / `kube-baseline` tiers.
 */
import type { ObjectMeta } from './metadata.js';
import type { LabelSelector } from './policy.js';

/**
 * The apiVersion of {@link ClusterNetworkPolicy}.
 *
 * @example
 * ```ts
 * NETWORK_POLICY_API_V1ALPHA2; // 'policy.networking.k8s.io/v1alpha2'
 * ```
 */
export const NETWORK_POLICY_API_V1ALPHA2 = 'policy.networking.k8s.io/v1alpha2';

/**
 * The tier of a ClusterNetworkPolicy: `Admin` runs before every Calico `default`-tier policy,
 * `Baseline` after.
 *
 * @example
 * ```ts
 * // .admin(priority) or .baseline(priority) picks it:
 * clusterNetworkPolicy('default-deny').baseline(100).namespaces().ingress((r) => r.deny().fromNamespaces()).toResource().spec.tier; // 'Baseline'
 * ```
 */
export type ClusterNetworkPolicyTier = 'Admin' | 'Baseline';

/**
 * A rule action. `Pass` skips the rest of the tier (Admin: on to the Calico tiers).
 *
 * @example
 * ```ts
 * // Each rule starts with its action, .accept(), .deny() or .pass():
 * clusterNetworkPolicy('web').admin(1).namespaces().ingress((r) => r.accept().fromNamespaces()).toResource().spec.ingress?.[0]?.action; // 'Accept'
 * ```
 */
export type ClusterNetworkPolicyAction = 'Accept' | 'Deny' | 'Pass';

/**
 * Pods selected by labels inside namespaces selected by labels.
 *
 * @example
 * ```ts
 * // .pods(namespaceSelector, podSelector) writes one:
 * clusterNetworkPolicy('web').admin(1).pods({ matchLabels: { team: 'web' } }, {}).ingress((r) => r.deny().fromNamespaces()).toResource().spec.subject; // { pods: { namespaceSelector: { matchLabels: { team: 'web' } }, podSelector: {} } }
 * ```
 */
export interface NamespacedPod {
  /** Optional in v1alpha2 (absent = every namespace); required in v1alpha1. */
  readonly namespaceSelector?: LabelSelector;
  readonly podSelector: LabelSelector;
}

/**
 * Which pods a policy applies to: exactly one of `namespaces` or `pods`.
 *
 * @example
 * ```ts
 * // .namespaces(selector?) or .pods(namespaceSelector, podSelector), right after the tier:
 * clusterNetworkPolicy('all').admin(1).namespaces().ingress((r) => r.deny().fromNamespaces()).toResource().spec.subject; // { namespaces: {} }
 * ```
 */
export interface ClusterNetworkPolicySubject {
  readonly namespaces?: LabelSelector;
  readonly pods?: NamespacedPod;
}

/**
 * Where ingress traffic comes from: exactly one of `namespaces` or `pods`.
 *
 * @example
 * ```ts
 * // .fromNamespaces(selector?) and .fromPods(namespaceSelector, podSelector) write them:
 * clusterNetworkPolicy('monitoring').admin(1).namespaces().ingress((r) => r.accept().fromNamespaces({ matchLabels: { role: 'monitoring' } })).toResource().spec.ingress?.[0]?.from; // [{ namespaces: { matchLabels: { role: 'monitoring' } } }]
 * ```
 */
export interface ClusterNetworkPolicyIngressPeer {
  readonly namespaces?: LabelSelector;
  readonly pods?: NamespacedPod;
}

/**
 * Where egress traffic goes: exactly one of `namespaces`, `pods` or `networks` (`nodes` and
 * `domainNames` are experimental-channel fields Calico's CRD does not carry; `validate` rejects them).
 *
 * @example
 * ```ts
 * // .toNamespaces(), .toPods() and .toNetworks(...cidrs) write them:
 * clusterNetworkPolicy('no-imds').admin(1).namespaces().egress((r) => r.deny().toNetworks('169.254.169.254/32')).toResource().spec.egress?.[0]?.to; // [{ networks: ['169.254.169.254/32'] }]
 * ```
 */
export interface ClusterNetworkPolicyEgressPeer {
  readonly namespaces?: LabelSelector;
  readonly pods?: NamespacedPod;
  readonly nodes?: LabelSelector;
  readonly networks?: readonly string[];
  readonly domainNames?: readonly string[];
}

/**
 * A destination port: one `number` or a `range` (start < end).
 *
 * @example
 * ```ts
 * // A number or { start, end } given to .tcp() / .udp() / .sctp():
 * clusterNetworkPolicy('web').admin(1).namespaces().ingress((r) => r.accept().fromNamespaces().tcp(443, { start: 30000, end: 32767 })).toResource().spec.ingress?.[0]?.protocols; // [{ tcp: { destinationPort: { number: 443 } } }, { tcp: { destinationPort: { range: { start: 30000, end: 32767 } } } }]
 * ```
 */
export interface ClusterNetworkPolicyPort {
  readonly number?: number;
  readonly range?: { readonly start: number; readonly end: number };
}

/**
 * The ports of one transport protocol (no `destinationPort` = every port).
 *
 * @example
 * ```ts
 * // .udp(53) writes one with a port; .udp() with none matches every UDP port:
 * clusterNetworkPolicy('dns').admin(1).namespaces().egress((r) => r.accept().toNamespaces().udp(53)).toResource().spec.egress?.[0]?.protocols?.[0]?.udp; // { destinationPort: { number: 53 } }
 * ```
 */
export interface ClusterNetworkPolicyProtocolPorts {
  readonly destinationPort?: ClusterNetworkPolicyPort;
}

/**
 * One protocol match: exactly one of `tcp`, `udp`, `sctp` or `destinationNamedPort`.
 *
 * @example
 * ```ts
 * // .tcp(), .udp(), .sctp() and .namedPort() write one per port:
 * clusterNetworkPolicy('metrics').admin(1).namespaces().ingress((r) => r.accept().fromNamespaces().namedPort('metrics')).toResource().spec.ingress?.[0]?.protocols; // [{ destinationNamedPort: 'metrics' }]
 * ```
 */
export interface ClusterNetworkPolicyProtocol {
  readonly tcp?: ClusterNetworkPolicyProtocolPorts;
  readonly udp?: ClusterNetworkPolicyProtocolPorts;
  readonly sctp?: ClusterNetworkPolicyProtocolPorts;
  readonly destinationNamedPort?: string;
}

/**
 * An ingress rule (`from` is required; no `protocols` = all traffic).
 *
 * @example
 * ```ts
 * // .ingress() takes a function that builds one: action, peers, then ports:
 * clusterNetworkPolicy('web').admin(1).namespaces().ingress((r) => r.named('deny-all').deny().fromNamespaces()).toResource().spec.ingress; // [{ name: 'deny-all', action: 'Deny', from: [{ namespaces: {} }] }]
 * ```
 */
export interface ClusterNetworkPolicyIngressRule {
  readonly name?: string;
  readonly action: ClusterNetworkPolicyAction;
  readonly from: readonly ClusterNetworkPolicyIngressPeer[];
  readonly protocols?: readonly ClusterNetworkPolicyProtocol[];
}

/**
 * An egress rule (`to` is required; no `protocols` = all traffic).
 *
 * @example
 * ```ts
 * clusterNetworkPolicy('guardrail').admin(1).namespaces().egress((r) => r.named('no-metadata').deny().toNetworks('169.254.169.254/32')).toResource().spec.egress; // [{ name: 'no-metadata', action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }]
 * ```
 */
export interface ClusterNetworkPolicyEgressRule {
  readonly name?: string;
  readonly action: ClusterNetworkPolicyAction;
  readonly to: readonly ClusterNetworkPolicyEgressPeer[];
  readonly protocols?: readonly ClusterNetworkPolicyProtocol[];
}

/**
 * `spec` of a ClusterNetworkPolicy (Go struct order: tier, priority, subject, ingress, egress).
 *
 * @example
 * ```ts
 * // tier and priority, then the subject, then the rules, as the builder asks for them:
 * clusterNetworkPolicy('all').admin(10).namespaces().ingress((r) => r.deny().fromNamespaces()).toResource().spec; // { tier: 'Admin', priority: 10, subject: { namespaces: {} }, ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] }
 * ```
 */
export interface ClusterNetworkPolicySpec {
  readonly tier: ClusterNetworkPolicyTier;
  /** 0–1000; lower runs first (Calico: the policy's order in its tier). */
  readonly priority: number;
  readonly subject: ClusterNetworkPolicySubject;
  readonly ingress?: readonly ClusterNetworkPolicyIngressRule[];
  readonly egress?: readonly ClusterNetworkPolicyEgressRule[];
}

/**
 * `policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy` (cluster-scoped).
 *
 * @example
 * ```ts
 * clusterNetworkPolicy('dns').baseline(5).namespaces()
 *   .egress((r) => r.accept().toNamespaces({ matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }).udp(53))
 *   .toResource();
 * // apiVersion: policy.networking.k8s.io/v1alpha2
 * // kind: ClusterNetworkPolicy
 * // metadata:
 * //   name: dns
 * // spec:
 * //   tier: Baseline
 * //   priority: 5
 * //   subject:
 * //     namespaces: {}
 * //   egress:
 * //   - action: Accept
 * //     to:
 * //     - namespaces:
 * //         matchLabels:
 * //           kubernetes.io/metadata.name: kube-system
 * //     protocols:
 * //     - udp:
 * //         destinationPort:
 * //           number: 53
 * ```
 */
export interface ClusterNetworkPolicy {
  readonly apiVersion: typeof NETWORK_POLICY_API_V1ALPHA2;
  readonly kind: 'ClusterNetworkPolicy';
  readonly metadata: ObjectMeta;
  readonly spec: ClusterNetworkPolicySpec;
  /** Written by the controller (conditions); kept so that objects read back from a cluster round-trip. */
  readonly status?: Readonly<Record<string, unknown>>;
}
