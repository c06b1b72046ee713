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
 * const tier: ClusterNetworkPolicyTier = 'Baseline';
 * ```
 */
export type ClusterNetworkPolicyTier = 'Admin' | 'Baseline';

/**
 * A rule action. `Pass` skips the rest of the tier (Admin: on to the Calico tiers).
 *
 * @example
 * ```ts
 * const action: ClusterNetworkPolicyAction = 'Accept';
 * ```
 */
export type ClusterNetworkPolicyAction = 'Accept' | 'Deny' | 'Pass';

/**
 * Pods selected by labels inside namespaces selected by labels.
 *
 * @example
 * ```ts
 * const web: NamespacedPod = { namespaceSelector: { matchLabels: { team: 'web' } }, podSelector: {} };
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
 * const everyPod: ClusterNetworkPolicySubject = { namespaces: {} };
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
 * const monitoring: ClusterNetworkPolicyIngressPeer = { namespaces: { matchLabels: { role: 'monitoring' } } };
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
 * const metadataService: ClusterNetworkPolicyEgressPeer = { networks: ['169.254.169.254/32'] };
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
 * const https: ClusterNetworkPolicyPort = { number: 443 };
 * const high: ClusterNetworkPolicyPort = { range: { start: 30000, end: 32767 } };
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
 * const dns: ClusterNetworkPolicyProtocolPorts = { destinationPort: { number: 53 } };
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
 * const web: ClusterNetworkPolicyProtocol = { tcp: { destinationPort: { number: 8080 } } };
 * const metrics: ClusterNetworkPolicyProtocol = { destinationNamedPort: 'metrics' };
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
 * const r: ClusterNetworkPolicyIngressRule = { name: 'deny-all', action: 'Deny', from: [{ namespaces: {} }] };
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
 * const r: ClusterNetworkPolicyEgressRule = {
 *   name: 'no-metadata', action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }],
 * };
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
 * const spec: ClusterNetworkPolicySpec = { tier: 'Admin', priority: 10, subject: { namespaces: {} } };
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
 * const guardrail: ClusterNetworkPolicy = {
 *   apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy',
 *   metadata: { name: 'no-metadata-service' },
 *   spec: {
 *     tier: 'Admin', priority: 10, subject: { namespaces: {} },
 *     egress: [{ action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }],
 *   },
 * };
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
