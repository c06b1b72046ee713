/**
 * The ClusterNetworkPolicy DSL as a sequence of states, each its own interface, so that an editor
 * offers only what the CRD allows next: the tier and priority (`admin(p)` / `baseline(p)`), then
 * exactly one subject (`namespaces()` or `pods()`), then rules. Every ingress or egress rule
 * starts with its action, needs at least one peer, and takes ports only through a protocol.
 */
import type {
  ClusterNetworkPolicy,
  ClusterNetworkPolicyEgressPeer,
  ClusterNetworkPolicyIngressPeer,
  ClusterNetworkPolicyTier,
} from '../resources/cluster-network-policy.js';
import type { LabelSelector } from '../resources/policy.js';
import type { Result } from '../result.js';
import type { StringMap } from './inputs.js';
import type { ResourceSource } from './resource-source.js';

/**
 * A destination port of a ClusterNetworkPolicy rule: one number or an inclusive range (start < end).
 *
 * @example
 * ```ts
 * // A port number or an inclusive { start, end } range, given to .tcp() / .udp() / .sctp():
 * clusterNetworkPolicy('node-ports').admin(1).namespaces().ingress((r) => r.deny().fromNamespaces().udp({ start: 30000, end: 32767 })).toResource().spec.ingress?.[0]?.protocols; // [{ udp: { destinationPort: { range: { start: 30000, end: 32767 } } } }]
 * ```
 */
export type CnpPortInput = number | { readonly start: number; readonly end: number };

/**
 * Ports of a rule (after at least one peer). No protocol call = all traffic.
 *
 * @example
 * ```ts
 * clusterNetworkPolicy('dns').admin(5).namespaces()
 *   .egress((r) => r.accept().toNamespaces({ matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }).udp(53).tcp(53));
 * ```
 */
export interface CnpRulePorts<Self> {
  /** TCP to these ports (none = every TCP port, written as the range 1-65535). */
  tcp(...ports: CnpPortInput[]): Self;
  /** UDP to these ports (none = every UDP port). */
  udp(...ports: CnpPortInput[]): Self;
  /** SCTP to these ports (none = every SCTP port). */
  sctp(...ports: CnpPortInput[]): Self;
  /** Named container ports (any protocol), e.g. `'metrics'`. */
  namedPort(...names: string[]): Self;
}

/**
 * An ingress rule that has its action and at least one peer.
 *
 * @example
 * ```ts
 * clusterNetworkPolicy('web').admin(1).namespaces()
 *   .ingress((r): CnpIngressRule => r.accept().fromNamespaces().tcp(8080));
 * ```
 */
export interface CnpIngressRule extends CnpRulePorts<CnpIngressRule>, CnpIngressPeers {}

/**
 * Peer methods of an ingress rule (namespaces or pods).
 *
 * @example
 * ```ts
 * clusterNetworkPolicy('no-scanner').admin(1).namespaces()
 *   .ingress((r) => r.deny().fromPods({}, { matchLabels: { app: 'scanner' } }));
 * ```
 */
export interface CnpIngressPeers {
  /** Pods in namespaces matching `selector` (default: every namespace). */
  fromNamespaces(selector?: LabelSelector): CnpIngressRule;
  /** Pods matching `podSelector` in namespaces matching `namespaceSelector`. */
  fromPods(namespaceSelector: LabelSelector, podSelector: LabelSelector): CnpIngressRule;
  /** Peers as the API writes them. */
  from(...peers: ClusterNetworkPolicyIngressPeer[]): CnpIngressRule;
}

/**
 * An ingress rule with its action, waiting for a peer.
 *
 * @example
 * ```ts
 * clusterNetworkPolicy('x').admin(1).namespaces().ingress((r) => {
 *   const pending: CnpIngressAction = r.deny();
 *   return pending.fromNamespaces();
 * });
 * ```
 */
export type CnpIngressAction = CnpIngressPeers;

/**
 * The start of an ingress rule: an optional name, then the action.
 *
 * @example
 * ```ts
 * clusterNetworkPolicy('x').admin(1).namespaces().ingress((r) => r.named('deny-all').deny().fromNamespaces());
 * ```
 */
export interface CnpIngressStart {
  /** The rule's `name` (≤ 100 characters; Calico keeps it as a rule annotation). */
  named(name: string): CnpIngressStart;
  accept(): CnpIngressAction;
  deny(): CnpIngressAction;
  /** Skip the rest of this tier (Admin: go on to Calico's tiers; Baseline: to the profiles). */
  pass(): CnpIngressAction;
}

/**
 * An egress rule that has its action and at least one peer.
 *
 * @example
 * ```ts
 * clusterNetworkPolicy('no-imds').admin(1).namespaces()
 *   .egress((r): CnpEgressRule => r.deny().toNetworks('169.254.169.254/32'));
 * ```
 */
export interface CnpEgressRule extends CnpRulePorts<CnpEgressRule>, CnpEgressPeers {}

/**
 * Peer methods of an egress rule (namespaces, pods or networks).
 *
 * @example
 * ```ts
 * clusterNetworkPolicy('corp').baseline(1).namespaces().egress((r) => r.accept().toNetworks('10.0.0.0/8'));
 * ```
 */
export interface CnpEgressPeers {
  toNamespaces(selector?: LabelSelector): CnpEgressRule;
  toPods(namespaceSelector: LabelSelector, podSelector: LabelSelector): CnpEgressRule;
  /** CIDRs (≤ 25 per peer); host bits are allowed, Calico masks them. */
  toNetworks(...cidrs: string[]): CnpEgressRule;
  to(...peers: ClusterNetworkPolicyEgressPeer[]): CnpEgressRule;
}

/**
 * An egress rule with its action, waiting for a peer.
 *
 * @example
 * ```ts
 * clusterNetworkPolicy('x').admin(1).namespaces().egress((r) => {
 *   const pending: CnpEgressAction = r.pass();
 *   return pending.toNamespaces();
 * });
 * ```
 */
export type CnpEgressAction = CnpEgressPeers;

/**
 * The start of an egress rule: an optional name, then the action.
 *
 * @example
 * ```ts
 * clusterNetworkPolicy('x').admin(1).namespaces().egress((r) => r.named('no-imds').deny().toNetworks('169.254.169.254/32'));
 * ```
 */
export interface CnpEgressStart {
  named(name: string): CnpEgressStart;
  accept(): CnpEgressAction;
  deny(): CnpEgressAction;
  pass(): CnpEgressAction;
}

/**
 * A ClusterNetworkPolicy with tier, priority and subject: add rules, labels, then take the resource.
 *
 * @example
 * ```ts
 * const guard: ClusterNetworkPolicyBuilder<'Admin'> = clusterNetworkPolicy('no-imds').admin(10).namespaces()
 *   .egress((r) => r.deny().toNetworks('169.254.169.254/32'));
 * guard.toResource().spec.tier; // 'Admin'
 * ```
 */
export interface ClusterNetworkPolicyBuilder<T extends ClusterNetworkPolicyTier = ClusterNetworkPolicyTier>
  extends ResourceSource<ClusterNetworkPolicy> {
  /** Appends an ingress rule (≤ 25 per policy). */
  ingress(rule: (start: CnpIngressStart) => CnpIngressRule): ClusterNetworkPolicyBuilder<T>;
  /** Appends an egress rule (≤ 25 per policy). */
  egress(rule: (start: CnpEgressStart) => CnpEgressRule): ClusterNetworkPolicyBuilder<T>;
  labels(labels: StringMap): ClusterNetworkPolicyBuilder<T>;
  annotations(annotations: StringMap): ClusterNetworkPolicyBuilder<T>;
  /** The resource; throws `CalicoValidationError` (with every issue) if `validate` rejects it. */
  toResource(): ClusterNetworkPolicy & { readonly spec: { readonly tier: T } };
  /** The resource as a `Result`; never throws. */
  build(): Result<ClusterNetworkPolicy & { readonly spec: { readonly tier: T } }>;
}

/**
 * A ClusterNetworkPolicy with its tier and priority, waiting for its subject (exactly one).
 *
 * @example
 * ```ts
 * const step: ClusterNetworkPolicySubjectStep<'Baseline'> = clusterNetworkPolicy('x').baseline(50);
 * step.pods({ matchLabels: { team: 'a' } }, {});
 * ```
 */
export interface ClusterNetworkPolicySubjectStep<T extends ClusterNetworkPolicyTier> {
  /** Every pod in the namespaces matching `selector` (default: every namespace). */
  namespaces(selector?: LabelSelector): ClusterNetworkPolicyBuilder<T>;
  /** Pods matching `podSelector` in namespaces matching `namespaceSelector`. */
  pods(namespaceSelector: LabelSelector, podSelector: LabelSelector): ClusterNetworkPolicyBuilder<T>;
}

/**
 * A new ClusterNetworkPolicy: choose its tier with its priority (0–1000, lower first).
 *
 * @example
 * ```ts
 * const start: ClusterNetworkPolicyStart = clusterNetworkPolicy('guard');
 * start.admin(10); // runs before every Calico policy
 * ```
 */
export interface ClusterNetworkPolicyStart {
  /** Tier Admin (Calico tier `kube-admin`, before the `default` tier), at `priority`. */
  admin(priority: number): ClusterNetworkPolicySubjectStep<'Admin'>;
  /** Tier Baseline (Calico tier `kube-baseline`, after the `default` tier), at `priority`. */
  baseline(priority: number): ClusterNetworkPolicySubjectStep<'Baseline'>;
}
