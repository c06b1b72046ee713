/**
 * The older `policy.networking.k8s.io/v1alpha1` `AdminNetworkPolicy` and
 * `BaselineAdminNetworkPolicy` (sigs.k8s.io/network-policy-api), enforced by Calico 3.29–3.31 in
 * the `adminnetworkpolicy` / `baselineadminnetworkpolicy` tiers. Go struct field order.
 */
import type { ClusterNetworkPolicySubject, NamespacedPod } from './cluster-network-policy.js';
import type { ObjectMeta } from './metadata.js';
import type { LabelSelector } from './policy.js';

/**
 * The apiVersion of {@link AdminNetworkPolicy} and {@link BaselineAdminNetworkPolicy}.
 *
 * @example
 * ```ts
 * NETWORK_POLICY_API_V1ALPHA1; // 'policy.networking.k8s.io/v1alpha1'
 * ```
 */
export const NETWORK_POLICY_API_V1ALPHA1 = 'policy.networking.k8s.io/v1alpha1';

/**
 * A v1alpha1 port: exactly one of `portNumber`, `namedPort`, `portRange` (protocol default TCP).
 *
 * @example
 * ```ts
 * // Read (and checked) by validate or fromYaml; calico-dsl has no builder for the v1alpha1 kinds:
 * unwrap(validate({
 *   apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name: 'dns' },
 *   spec: { priority: 10, subject: { namespaces: {} }, egress: [{ action: 'Allow', to: [{ namespaces: {} }], ports: [{ portNumber: { protocol: 'UDP', port: 53 } }, { portRange: { start: 30000, end: 32767 } }] }] },
 * }));
 * // apiVersion: policy.networking.k8s.io/v1alpha1
 * // kind: AdminNetworkPolicy
 * // metadata:
 * //   name: dns
 * // spec:
 * //   priority: 10
 * //   subject:
 * //     namespaces: {}
 * //   egress:
 * //   - action: Allow
 * //     to:
 * //     - namespaces: {}
 * //     ports:
 * //     - portNumber:
 * //         protocol: UDP
 * //         port: 53
 * //     - portRange:
 * //         start: 30000
 * //         end: 32767
 * ```
 */
export interface AdminNetworkPolicyPort {
  readonly portNumber?: { readonly protocol?: 'TCP' | 'UDP' | 'SCTP'; readonly port: number };
  readonly namedPort?: string;
  readonly portRange?: {
    readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
    readonly start: number;
    readonly end: number;
  };
}

/**
 * A v1alpha1 ingress peer: exactly one of `namespaces` or `pods`.
 *
 * @example
 * ```ts
 * unwrap(validate({
 *   apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name: 'monitoring' },
 *   spec: { priority: 5, subject: { namespaces: {} }, ingress: [{ action: 'Allow', from: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'prometheus' } } } }] }] },
 * }));
 * // apiVersion: policy.networking.k8s.io/v1alpha1
 * // kind: AdminNetworkPolicy
 * // metadata:
 * //   name: monitoring
 * // spec:
 * //   priority: 5
 * //   subject:
 * //     namespaces: {}
 * //   ingress:
 * //   - action: Allow
 * //     from:
 * //     - pods:
 * //         namespaceSelector: {}
 * //         podSelector:
 * //           matchLabels:
 * //             app: prometheus
 * ```
 */
export interface AdminNetworkPolicyIngressPeer {
  readonly namespaces?: LabelSelector;
  readonly pods?: NamespacedPod;
}

/**
 * A v1alpha1 egress peer: exactly one of `namespaces`, `pods`, `nodes`, `networks`
 * (`domainNames` on AdminNetworkPolicy only).
 *
 * @example
 * ```ts
 * unwrap(validate({
 *   apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name: 'no-imds' },
 *   spec: { priority: 1, subject: { namespaces: {} }, egress: [{ action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }] },
 * }));
 * // apiVersion: policy.networking.k8s.io/v1alpha1
 * // kind: AdminNetworkPolicy
 * // metadata:
 * //   name: no-imds
 * // spec:
 * //   priority: 1
 * //   subject:
 * //     namespaces: {}
 * //   egress:
 * //   - action: Deny
 * //     to:
 * //     - networks:
 * //       - 169.254.169.254/32
 * ```
 */
export interface AdminNetworkPolicyEgressPeer {
  readonly namespaces?: LabelSelector;
  readonly pods?: NamespacedPod;
  readonly nodes?: LabelSelector;
  readonly networks?: readonly string[];
  readonly domainNames?: readonly string[];
}

/**
 * A v1alpha1 ingress rule; `A` is the action vocabulary of the kind.
 *
 * @example
 * ```ts
 * unwrap(validate({
 *   apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name: 'isolate' },
 *   spec: { priority: 20, subject: { namespaces: { matchLabels: { tenant: 'a' } } }, ingress: [{ name: 'from-anywhere', action: 'Pass', from: [{ namespaces: {} }] }] },
 * }));
 * // apiVersion: policy.networking.k8s.io/v1alpha1
 * // kind: AdminNetworkPolicy
 * // metadata:
 * //   name: isolate
 * // spec:
 * //   priority: 20
 * //   subject:
 * //     namespaces:
 * //       matchLabels:
 * //         tenant: a
 * //   ingress:
 * //   - name: from-anywhere
 * //     action: Pass
 * //     from:
 * //     - namespaces: {}
 * ```
 */
export interface AdminNetworkPolicyIngressRule<A extends string = 'Allow' | 'Deny' | 'Pass'> {
  readonly name?: string;
  readonly action: A;
  readonly from: readonly AdminNetworkPolicyIngressPeer[];
  readonly ports?: readonly AdminNetworkPolicyPort[];
}

/**
 * A v1alpha1 egress rule; `A` is the action vocabulary of the kind.
 *
 * @example
 * ```ts
 * unwrap(validate({
 *   apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name: 'no-private' },
 *   spec: { priority: 30, subject: { namespaces: {} }, egress: [{ name: 'deny-10', action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }] }] },
 * }));
 * // apiVersion: policy.networking.k8s.io/v1alpha1
 * // kind: AdminNetworkPolicy
 * // metadata:
 * //   name: no-private
 * // spec:
 * //   priority: 30
 * //   subject:
 * //     namespaces: {}
 * //   egress:
 * //   - name: deny-10
 * //     action: Deny
 * //     to:
 * //     - networks:
 * //       - 10.0.0.0/8
 * ```
 */
export interface AdminNetworkPolicyEgressRule<A extends string = 'Allow' | 'Deny' | 'Pass'> {
  readonly name?: string;
  readonly action: A;
  readonly to: readonly AdminNetworkPolicyEgressPeer[];
  readonly ports?: readonly AdminNetworkPolicyPort[];
}

/**
 * `policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy` (priority 0–1000, actions Allow/Deny/Pass).
 *
 * @example
 * ```ts
 * unwrap(validate({
 *   apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name: 'guard' },
 *   spec: { egress: [{ to: [{ networks: ['169.254.169.254/32'] }], action: 'Deny' }], subject: { namespaces: {} }, priority: 10 },
 * }));
 * // apiVersion: policy.networking.k8s.io/v1alpha1
 * // kind: AdminNetworkPolicy
 * // metadata:
 * //   name: guard
 * // spec:
 * //   priority: 10
 * //   subject:
 * //     namespaces: {}
 * //   egress:
 * //   - action: Deny
 * //     to:
 * //     - networks:
 * //       - 169.254.169.254/32
 * ```
 */
export interface AdminNetworkPolicy {
  readonly apiVersion: typeof NETWORK_POLICY_API_V1ALPHA1;
  readonly kind: 'AdminNetworkPolicy';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly priority: number;
    readonly subject: ClusterNetworkPolicySubject;
    readonly ingress?: readonly AdminNetworkPolicyIngressRule[];
    readonly egress?: readonly AdminNetworkPolicyEgressRule[];
  };
  readonly status?: Readonly<Record<string, unknown>>;
}

/**
 * `policy.networking.k8s.io/v1alpha1 BaselineAdminNetworkPolicy`: a singleton named `default`,
 * actions Allow/Deny only.
 *
 * @example
 * ```ts
 * unwrap(validate({
 *   apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' },
 *   spec: { subject: { namespaces: {} }, ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] },
 * }));
 * // apiVersion: policy.networking.k8s.io/v1alpha1
 * // kind: BaselineAdminNetworkPolicy
 * // metadata:
 * //   name: default
 * // spec:
 * //   subject:
 * //     namespaces: {}
 * //   ingress:
 * //   - action: Deny
 * //     from:
 * //     - namespaces: {}
 * ```
 */
export interface BaselineAdminNetworkPolicy {
  readonly apiVersion: typeof NETWORK_POLICY_API_V1ALPHA1;
  readonly kind: 'BaselineAdminNetworkPolicy';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly subject: ClusterNetworkPolicySubject;
    readonly ingress?: readonly AdminNetworkPolicyIngressRule<'Allow' | 'Deny'>[];
    readonly egress?: readonly AdminNetworkPolicyEgressRule<'Allow' | 'Deny'>[];
  };
  readonly status?: Readonly<Record<string, unknown>>;
}
