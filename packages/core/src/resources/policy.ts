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
 * // .stagedAction() sets it on the staged kinds ('Set' previews the policy as written):
 * stagedGlobalNetworkPolicy('deny-partners').stagedAction('Set').toResource().spec.stagedAction; // 'Set'
 * ```
 */
export type StagedAction = 'Set' | 'Delete' | 'Learn' | 'Ignore';

/**
 * Fields shared by every Calico policy spec, in upstream order.
 *
 * @example
 * ```ts
 * // The builder methods fill it; toYaml prints the fields in this order, whatever the call order:
 * const base: PolicySpecBase = networkPolicy('web', 'prod').selector("app == 'web'").order(100).tier('security').allow().toResource().spec; // { tier: 'security', order: 100, ingress: [{ action: 'Allow' }], selector: "app == 'web'", types: ['Ingress'] }
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
 * preDnat('deny-nodeports').order(1100).selector("ibm.role == 'worker_public'").deny().tcp().ports('30000:32767').toResource();
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
 * //   selector: ibm.role == 'worker_public'
 * //   types:
 * //   - Ingress
 * //   preDNAT: true
 * //   applyOnForward: true
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
 * // A rule's .from() fills its source; .ports() its destination:
 * const spec: NetworkPolicySpec = networkPolicy('allow-web', 'prod').selector("app == 'api'").allow().tcp().from({ selector: "app == 'web'" }).ports(8080).toResource().spec; // { ingress: [{ action: 'Allow', protocol: 'TCP', source: { selector: "app == 'web'" }, destination: { ports: [8080] } }], selector: "app == 'api'", types: ['Ingress'] }
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
 * const spec: StagedGlobalNetworkPolicySpec = stagedGlobalNetworkPolicy('deny-partners').stagedAction('Set').selector('all()').egress().deny().toNets('203.0.113.0/24').toResource().spec; // { stagedAction: 'Set', egress: [{ action: 'Deny', destination: { nets: ['203.0.113.0/24'] } }], selector: 'all()', types: ['Egress'] }
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
 * const spec: StagedNetworkPolicySpec = stagedNetworkPolicy('lockdown', 'prod').stagedAction('Set').selector("app == 'api'").deny().toResource().spec; // { stagedAction: 'Set', ingress: [{ action: 'Deny' }], selector: "app == 'api'", types: ['Ingress'] }
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
 * // Given to stagedKubernetesNetworkPolicy().podSelector() (and to the ClusterNetworkPolicy builder):
 * stagedKubernetesNetworkPolicy('frontends', 'prod').podSelector({
 *   matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend'] }], matchLabels: { app: 'web' },
 * }).policyTypes('Ingress').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedKubernetesNetworkPolicy
 * // metadata:
 * //   name: frontends
 * //   namespace: prod
 * // spec:
 * //   podSelector:
 * //     matchLabels:
 * //       app: web
 * //     matchExpressions:
 * //     - key: tier
 * //       operator: In
 * //       values:
 * //       - frontend
 * //   policyTypes:
 * //   - Ingress
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
 * stagedKubernetesNetworkPolicy('not-dev', 'prod')
 *   .podSelector({ matchExpressions: [{ values: ['dev'], operator: 'NotIn', key: 'env' }] }).policyTypes('Ingress').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedKubernetesNetworkPolicy
 * // metadata:
 * //   name: not-dev
 * //   namespace: prod
 * // spec:
 * //   podSelector:
 * //     matchExpressions:
 * //     - key: env
 * //       operator: NotIn
 * //       values:
 * //       - dev
 * //   policyTypes:
 * //   - Ingress
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
 * stagedKubernetesNetworkPolicy('node-ports', 'prod').ingress({ ports: [{ endPort: 32767, port: 30000, protocol: 'TCP' }] }).toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedKubernetesNetworkPolicy
 * // metadata:
 * //   name: node-ports
 * //   namespace: prod
 * // spec:
 * //   podSelector: {}
 * //   ingress:
 * //   - ports:
 * //     - protocol: TCP
 * //       port: 30000
 * //       endPort: 32767
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
 * stagedKubernetesNetworkPolicy('from-monitoring', 'prod')
 *   .ingress({ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }] })
 *   .toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedKubernetesNetworkPolicy
 * // metadata:
 * //   name: from-monitoring
 * //   namespace: prod
 * // spec:
 * //   podSelector: {}
 * //   ingress:
 * //   - from:
 * //     - namespaceSelector:
 * //         matchLabels:
 * //           kubernetes.io/metadata.name: monitoring
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
 * stagedKubernetesNetworkPolicy('from-web', 'prod')
 *   .ingress({ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 8080 }] })
 *   .toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedKubernetesNetworkPolicy
 * // metadata:
 * //   name: from-web
 * //   namespace: prod
 * // spec:
 * //   podSelector: {}
 * //   ingress:
 * //   - ports:
 * //     - protocol: TCP
 * //       port: 8080
 * //     from:
 * //     - podSelector:
 * //         matchLabels:
 * //           app: web
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
 * stagedKubernetesNetworkPolicy('dns', 'prod')
 *   .egress({ to: [{ ipBlock: { cidr: '10.96.0.0/12', except: ['10.96.0.1/32'] } }], ports: [{ protocol: 'UDP', port: 53 }] })
 *   .policyTypes('Egress').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedKubernetesNetworkPolicy
 * // metadata:
 * //   name: dns
 * //   namespace: prod
 * // spec:
 * //   podSelector: {}
 * //   egress:
 * //   - ports:
 * //     - protocol: UDP
 * //       port: 53
 * //     to:
 * //     - ipBlock:
 * //         cidr: 10.96.0.0/12
 * //         except:
 * //         - 10.96.0.1/32
 * //   policyTypes:
 * //   - Egress
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
 * // A default-deny for both directions: every pod, no rules:
 * const spec: K8sNetworkPolicySpec = stagedKubernetesNetworkPolicy('default-deny', 'prod').policyTypes('Ingress', 'Egress').toResource().spec; // { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }
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
 * const spec: StagedKubernetesNetworkPolicySpec = stagedKubernetesNetworkPolicy('default-deny', 'prod').stagedAction('Set').policyTypes('Ingress').toResource().spec; // { stagedAction: 'Set', podSelector: {}, policyTypes: ['Ingress'] }
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
 * networkPolicy('allow-web', 'prod').selector("app == 'api'").allow().from({ selector: "app == 'web'" }).toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: NetworkPolicy
 * // metadata:
 * //   name: allow-web
 * //   namespace: prod
 * // spec:
 * //   ingress:
 * //   - action: Allow
 * //     source:
 * //       selector: app == 'web'
 * //   selector: app == 'api'
 * //   types:
 * //   - Ingress
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
 * stagedGlobalNetworkPolicy('deny-partners').stagedAction('Set').selector('all()').egress().deny().toNets('198.51.100.0/24').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedGlobalNetworkPolicy
 * // metadata:
 * //   name: deny-partners
 * // spec:
 * //   stagedAction: Set
 * //   egress:
 * //   - action: Deny
 * //     destination:
 * //       nets:
 * //       - 198.51.100.0/24
 * //   selector: all()
 * //   types:
 * //   - Egress
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
 * stagedNetworkPolicy('lockdown', 'prod').stagedAction('Set').selector('all()').deny().toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedNetworkPolicy
 * // metadata:
 * //   name: lockdown
 * //   namespace: prod
 * // spec:
 * //   stagedAction: Set
 * //   ingress:
 * //   - action: Deny
 * //   selector: all()
 * //   types:
 * //   - Ingress
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
 * stagedKubernetesNetworkPolicy('default-deny', 'prod').stagedAction('Set').policyTypes('Ingress').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedKubernetesNetworkPolicy
 * // metadata:
 * //   name: default-deny
 * //   namespace: prod
 * // spec:
 * //   stagedAction: Set
 * //   podSelector: {}
 * //   policyTypes:
 * //   - Ingress
 * ```
 */
export interface StagedKubernetesNetworkPolicy {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'StagedKubernetesNetworkPolicy';
  readonly metadata: ObjectMeta;
  readonly spec: StagedKubernetesNetworkPolicySpec;
}
