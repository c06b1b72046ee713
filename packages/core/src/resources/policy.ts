import type { CalicoApiVersion, ObjectMeta } from './metadata.js';
import type { Rule } from './rule.js';

/**
 * A policy direction.
 *
 * @example
 * ```ts
 * const types: readonly PolicyType[] = globalNetworkPolicy('default-deny').ingress().egress().toResource().spec.types ?? [];
 * // ['Ingress', 'Egress'] (a default-deny policy for both directions)
 * ```
 */
export type PolicyType = 'Ingress' | 'Egress';

/**
 * Performance hints a policy may carry.
 *
 * @example
 * ```ts
 * const hints: PolicyPerformanceHint[] = ['AssumeNeededOnEveryNode'];
 * networkPolicy('web', 'prod').performanceHints(...hints).toResource().spec.performanceHints;
 * // ['AssumeNeededOnEveryNode']
 * ```
 */
export type PolicyPerformanceHint = 'AssumeNeededOnEveryNode';

/**
 * What a staged policy previews.
 *
 * @example
 * ```ts
 * const preview: StagedAction = 'Delete'; // show what removing the policy would change
 * ```
 */
export type StagedAction = 'Set' | 'Delete' | 'Learn' | 'Ignore';

/**
 * Fields shared by every Calico policy spec, in upstream order.
 *
 * @example
 * ```ts
 * const base: PolicySpecBase = { tier: 'security', order: 100, selector: "app == 'web'", types: ['Ingress'] };
 * ```
 */
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

/**
 * `NetworkPolicy.spec`: a namespaced policy; it only ever selects workloads of its namespace.
 *
 * @example
 * ```ts
 * const spec: NetworkPolicySpec = {
 *   selector: "app == 'api'", types: ['Ingress'],
 *   ingress: [
 *     { action: 'Allow', protocol: 'TCP', source: { selector: "app == 'web'" }, destination: { ports: [8080] } },
 *   ],
 * };
 * ```
 */
export interface NetworkPolicySpec extends PolicySpecBase {
  readonly serviceAccountSelector?: string;
  readonly performanceHints?: readonly PolicyPerformanceHint[];
}

/**
 * `StagedGlobalNetworkPolicy.spec`.
 *
 * @example
 * ```ts
 * const spec: StagedGlobalNetworkPolicySpec = {
 *   stagedAction: 'Set', selector: 'all()', types: ['Egress'],
 *   egress: [{ action: 'Deny', destination: { nets: ['203.0.113.0/24'] } }],
 * };
 * ```
 */
export interface StagedGlobalNetworkPolicySpec extends GlobalNetworkPolicySpec {
  readonly stagedAction?: StagedAction;
}

/**
 * `StagedNetworkPolicy.spec`.
 *
 * @example
 * ```ts
 * const spec: StagedNetworkPolicySpec = {
 *   stagedAction: 'Set', selector: "app == 'api'", ingress: [{ action: 'Deny' }],
 * };
 * ```
 */
export interface StagedNetworkPolicySpec extends NetworkPolicySpec {
  readonly stagedAction?: StagedAction;
}

/**
 * A Kubernetes label selector (`matchLabels` + `matchExpressions`).
 *
 * @example
 * ```ts
 * const frontends: LabelSelector = {
 *   matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend'] }],
 * };
 * ```
 */
export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/**
 * One `matchExpressions` entry.
 *
 * @example
 * ```ts
 * const notDev: LabelSelectorRequirement = { key: 'env', operator: 'NotIn', values: ['dev'] };
 * ```
 */
export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values?: readonly string[];
}

/**
 * A port of a Kubernetes NetworkPolicy rule.
 *
 * @example
 * ```ts
 * const nodePorts: K8sNetworkPolicyPort = { protocol: 'TCP', port: 30000, endPort: 32767 };
 * ```
 */
export interface K8sNetworkPolicyPort {
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
  readonly port?: number | string;
  readonly endPort?: number;
}

/**
 * A peer of a Kubernetes NetworkPolicy rule.
 *
 * @example
 * ```ts
 * const monitoring: K8sNetworkPolicyPeer = {
 *   namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
 * };
 * ```
 */
export interface K8sNetworkPolicyPeer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: { readonly cidr: string; readonly except?: readonly string[] };
}

/**
 * An ingress rule of a Kubernetes NetworkPolicy.
 *
 * @example
 * ```ts
 * const fromWeb: K8sNetworkPolicyIngressRule = {
 *   from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 8080 }],
 * };
 * ```
 */
export interface K8sNetworkPolicyIngressRule {
  readonly ports?: readonly K8sNetworkPolicyPort[];
  readonly from?: readonly K8sNetworkPolicyPeer[];
}

/**
 * An egress rule of a Kubernetes NetworkPolicy.
 *
 * @example
 * ```ts
 * const dns: K8sNetworkPolicyEgressRule = {
 *   to: [{ ipBlock: { cidr: '10.96.0.0/12', except: ['10.96.0.1/32'] } }], ports: [{ protocol: 'UDP', port: 53 }],
 * };
 * ```
 */
export interface K8sNetworkPolicyEgressRule {
  readonly ports?: readonly K8sNetworkPolicyPort[];
  readonly to?: readonly K8sNetworkPolicyPeer[];
}

/**
 * `networking.k8s.io/v1 NetworkPolicy.spec` (also the body of StagedKubernetesNetworkPolicy).
 *
 * @example
 * ```ts
 * const defaultDeny: K8sNetworkPolicySpec = { podSelector: {}, policyTypes: ['Ingress', 'Egress'] };
 * ```
 */
export interface K8sNetworkPolicySpec {
  readonly podSelector: LabelSelector;
  readonly ingress?: readonly K8sNetworkPolicyIngressRule[];
  readonly egress?: readonly K8sNetworkPolicyEgressRule[];
  readonly policyTypes?: readonly PolicyType[];
}

/**
 * `StagedKubernetesNetworkPolicy.spec`.
 *
 * @example
 * ```ts
 * const spec: StagedKubernetesNetworkPolicySpec = {
 *   stagedAction: 'Set', podSelector: {}, policyTypes: ['Ingress'],
 * };
 * ```
 */
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

/**
 * A namespaced Calico policy.
 *
 * @example
 * ```ts
 * const np: NetworkPolicy = {
 *   apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'allow-web', namespace: 'prod' },
 *   spec: { selector: "app == 'api'", ingress: [{ action: 'Allow', source: { selector: "app == 'web'" } }] },
 * };
 * ```
 */
export interface NetworkPolicy {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'NetworkPolicy';
  readonly metadata: ObjectMeta;
  readonly spec: NetworkPolicySpec;
}

/**
 * A GlobalNetworkPolicy that is previewed, never enforced.
 *
 * @example
 * ```ts
 * const sgnp: StagedGlobalNetworkPolicy = {
 *   apiVersion: 'projectcalico.org/v3', kind: 'StagedGlobalNetworkPolicy', metadata: { name: 'deny-partners' },
 *   spec: {
 *     stagedAction: 'Set', selector: 'all()',
 *     egress: [{ action: 'Deny', destination: { nets: ['198.51.100.0/24'] } }],
 *   },
 * };
 * ```
 */
export interface StagedGlobalNetworkPolicy {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'StagedGlobalNetworkPolicy';
  readonly metadata: ObjectMeta;
  readonly spec: StagedGlobalNetworkPolicySpec;
}

/**
 * A NetworkPolicy that is previewed, never enforced.
 *
 * @example
 * ```ts
 * const snp: StagedNetworkPolicy = {
 *   apiVersion: 'projectcalico.org/v3', kind: 'StagedNetworkPolicy',
 *   metadata: { name: 'lockdown', namespace: 'prod' },
 *   spec: { stagedAction: 'Set', selector: 'all()', types: ['Ingress'] },
 * };
 * ```
 */
export interface StagedNetworkPolicy {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'StagedNetworkPolicy';
  readonly metadata: ObjectMeta;
  readonly spec: StagedNetworkPolicySpec;
}

/**
 * A Kubernetes NetworkPolicy staged through Calico, never enforced.
 *
 * @example
 * ```ts
 * const sknp: StagedKubernetesNetworkPolicy = {
 *   apiVersion: 'projectcalico.org/v3', kind: 'StagedKubernetesNetworkPolicy',
 *   metadata: { name: 'default-deny', namespace: 'prod' },
 *   spec: { stagedAction: 'Set', podSelector: {}, policyTypes: ['Ingress'] },
 * };
 * ```
 */
export interface StagedKubernetesNetworkPolicy {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'StagedKubernetesNetworkPolicy';
  readonly metadata: ObjectMeta;
  readonly spec: StagedKubernetesNetworkPolicySpec;
}
