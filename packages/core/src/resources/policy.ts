import type { CalicoApiVersion, ObjectMeta } from './metadata.js';
import type { Rule } from './rule.js';

/** A policy direction. */
export type PolicyType = 'Ingress' | 'Egress';

/** Performance hints a policy may carry. */
export type PolicyPerformanceHint = 'AssumeNeededOnEveryNode';

/** What a staged policy previews. */
export type StagedAction = 'Set' | 'Delete' | 'Learn' | 'Ignore';

/** Fields shared by every Calico policy spec, in upstream order. */
export interface PolicySpecBase {
  readonly tier?: string;
  readonly order?: number;
  readonly ingress?: readonly Rule[];
  readonly egress?: readonly Rule[];
  readonly selector?: string;
  readonly types?: readonly PolicyType[];
}

/**
 * `GlobalNetworkPolicy.spec` (and `StagedGlobalNetworkPolicy.spec` without `stagedAction`).
 *
 * @example
 * ```ts
 * const spec: GlobalNetworkPolicySpec = {
 *   order: 1100, preDNAT: true, applyOnForward: true, selector: "ibm.role == 'worker_public'",
 *   ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } }], types: ['Ingress'],
 * };
 * ```
 */
export interface GlobalNetworkPolicySpec extends PolicySpecBase {
  readonly doNotTrack?: boolean;
  readonly preDNAT?: boolean;
  readonly applyOnForward?: boolean;
  readonly serviceAccountSelector?: string;
  readonly namespaceSelector?: string;
  readonly performanceHints?: readonly PolicyPerformanceHint[];
}

/** `NetworkPolicy.spec`: a namespaced policy; it only ever selects workloads of its namespace. */
export interface NetworkPolicySpec extends PolicySpecBase {
  readonly serviceAccountSelector?: string;
  readonly performanceHints?: readonly PolicyPerformanceHint[];
}

/** `StagedGlobalNetworkPolicy.spec`. */
export interface StagedGlobalNetworkPolicySpec extends GlobalNetworkPolicySpec {
  readonly stagedAction?: StagedAction;
}

/** `StagedNetworkPolicy.spec`. */
export interface StagedNetworkPolicySpec extends NetworkPolicySpec {
  readonly stagedAction?: StagedAction;
}

/** A Kubernetes label selector (`matchLabels` + `matchExpressions`). */
export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/** One `matchExpressions` entry. */
export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values?: readonly string[];
}

/** A port of a Kubernetes NetworkPolicy rule. */
export interface K8sNetworkPolicyPort {
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
  readonly port?: number | string;
  readonly endPort?: number;
}

/** A peer of a Kubernetes NetworkPolicy rule. */
export interface K8sNetworkPolicyPeer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: { readonly cidr: string; readonly except?: readonly string[] };
}

/** An ingress rule of a Kubernetes NetworkPolicy. */
export interface K8sNetworkPolicyIngressRule {
  readonly ports?: readonly K8sNetworkPolicyPort[];
  readonly from?: readonly K8sNetworkPolicyPeer[];
}

/** An egress rule of a Kubernetes NetworkPolicy. */
export interface K8sNetworkPolicyEgressRule {
  readonly ports?: readonly K8sNetworkPolicyPort[];
  readonly to?: readonly K8sNetworkPolicyPeer[];
}

/** `networking.k8s.io/v1 NetworkPolicy.spec` (also the body of StagedKubernetesNetworkPolicy). */
export interface K8sNetworkPolicySpec {
  readonly podSelector: LabelSelector;
  readonly ingress?: readonly K8sNetworkPolicyIngressRule[];
  readonly egress?: readonly K8sNetworkPolicyEgressRule[];
  readonly policyTypes?: readonly PolicyType[];
}

/** `StagedKubernetesNetworkPolicy.spec`. */
export interface StagedKubernetesNetworkPolicySpec extends K8sNetworkPolicySpec {
  readonly stagedAction?: StagedAction;
}

/**
 * A cluster-wide policy: selects workloads and host endpoints in every namespace.
 *
 * @example
 * ```ts
 * const gnp: GlobalNetworkPolicy = {
 *   apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy',
 *   metadata: { name: 'allow-ping' },
 *   spec: { selector: 'all()', ingress: [{ action: 'Allow', protocol: 'ICMP', icmp: { type: 8 } }] },
 * };
 * ```
 */
export interface GlobalNetworkPolicy {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'GlobalNetworkPolicy';
  readonly metadata: ObjectMeta;
  readonly spec: GlobalNetworkPolicySpec;
}

/** A namespaced Calico policy. */
export interface NetworkPolicy {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'NetworkPolicy';
  readonly metadata: ObjectMeta;
  readonly spec: NetworkPolicySpec;
}

/** A GlobalNetworkPolicy that is previewed, never enforced. */
export interface StagedGlobalNetworkPolicy {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'StagedGlobalNetworkPolicy';
  readonly metadata: ObjectMeta;
  readonly spec: StagedGlobalNetworkPolicySpec;
}

/** A NetworkPolicy that is previewed, never enforced. */
export interface StagedNetworkPolicy {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'StagedNetworkPolicy';
  readonly metadata: ObjectMeta;
  readonly spec: StagedNetworkPolicySpec;
}

/** A Kubernetes NetworkPolicy staged through Calico, never enforced. */
export interface StagedKubernetesNetworkPolicy {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'StagedKubernetesNetworkPolicy';
  readonly metadata: ObjectMeta;
  readonly spec: StagedKubernetesNetworkPolicySpec;
}
