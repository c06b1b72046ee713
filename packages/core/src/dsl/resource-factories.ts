import type { EndpointPort, HostEndpoint } from '../resources/host-endpoint.js';
import type { CalicoResourceOf } from '../resources/kinds.js';
import type {
  K8sNetworkPolicyEgressRule,
  K8sNetworkPolicyIngressRule,
  LabelSelector,
  PolicyType,
  StagedAction,
  StagedKubernetesNetworkPolicy,
} from '../resources/policy.js';
import type { Tier } from '../resources/tier.js';
import type { StringMap } from './inputs.js';
import type { DslError, StagedDeleteHasNoSpec } from './messages.js';
import type { ResourceBuilder } from './policy-types.js';
import {
  HostEndpointImpl,
  NetworkSetImpl,
  StagedKubernetesNetworkPolicyImpl,
  TierImpl,
} from './resource-builders.js';

/**
 * An immutable Tier builder.
 *
 * @example
 * ```ts
 * tier('security').order(100).defaultAction('Pass').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: Tier
 * // metadata:
 * //   name: security
 * // spec:
 * //   order: 100
 * //   defaultAction: Pass
 * ```
 */
export interface TierBuilder extends ResourceBuilder<Tier> {
  /** Sets `metadata.name` (a DNS-1123 label: no dots). */
  name(name: string): TierBuilder;
  /** Merges `metadata.labels`. */
  labels(labels: StringMap): TierBuilder;
  /** Merges `metadata.annotations`. */
  annotations(annotations: StringMap): TierBuilder;
  /** Sets `spec.order`: tiers are evaluated in ascending order. */
  order(order: number): TierBuilder;
  /** Sets `spec.defaultAction` at the end of the tier (`Deny`, the default, or `Pass`). */
  defaultAction(action: 'Deny' | 'Pass'): TierBuilder;
}

/**
 * An immutable GlobalNetworkSet or NetworkSet builder.
 *
 * @example
 * ```ts
 * globalNetworkSet('partners').labels({ role: 'partner' }).nets('198.51.100.0/24').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: GlobalNetworkSet
 * // metadata:
 * //   name: partners
 * //   labels:
 * //     role: partner
 * // spec:
 * //   nets:
 * //   - 198.51.100.0/24
 * ```
 */
export interface NetworkSetBuilder<K extends 'GlobalNetworkSet' | 'NetworkSet' = 'GlobalNetworkSet'>
  extends ResourceBuilder<CalicoResourceOf<K>> {
  /** Sets `metadata.name`. */
  name(name: string): NetworkSetBuilder<K>;
  /** Merges `metadata.labels` (what rule selectors match). */
  labels(labels: StringMap): NetworkSetBuilder<K>;
  /** Merges `metadata.annotations`. */
  annotations(annotations: StringMap): NetworkSetBuilder<K>;
  /** Appends IPs or CIDRs to `spec.nets`. */
  nets(...nets: string[]): NetworkSetBuilder<K>;
}

/**
 * An immutable HostEndpoint builder.
 *
 * @example
 * ```ts
 * hostEndpoint('worker-1-public').node('worker-1').interfaceName('eth1').expectedIPs('169.46.7.10')
 *   .labels({ 'ibm.role': 'worker_public' }).toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: HostEndpoint
 * // metadata:
 * //   name: worker-1-public
 * //   labels:
 * //     ibm.role: worker_public
 * // spec:
 * //   node: worker-1
 * //   interfaceName: eth1
 * //   expectedIPs:
 * //   - 169.46.7.10
 * ```
 */
export interface HostEndpointBuilder extends ResourceBuilder<HostEndpoint> {
  /** Sets `metadata.name`. */
  name(name: string): HostEndpointBuilder;
  /** Merges `metadata.labels` (what policy selectors match). */
  labels(labels: StringMap): HostEndpointBuilder;
  /** Merges `metadata.annotations`. */
  annotations(annotations: StringMap): HostEndpointBuilder;
  /** Sets `spec.node`. */
  node(node: string): HostEndpointBuilder;
  /** Sets `spec.interfaceName` (`'*'` for all interfaces of the node). */
  interfaceName(name: string): HostEndpointBuilder;
  /** Appends to `spec.expectedIPs`. */
  expectedIPs(...ips: string[]): HostEndpointBuilder;
  /** Appends to `spec.profiles`. */
  profiles(...profiles: string[]): HostEndpointBuilder;
  /** Appends a named port to `spec.ports`. */
  port(name: string, protocol: EndpointPort['protocol'], port: number): HostEndpointBuilder;
}

/**
 * An immutable StagedKubernetesNetworkPolicy builder (Kubernetes NetworkPolicy rules, previewed).
 *
 * @example
 * ```ts
 * stagedKubernetesNetworkPolicy('web', 'prod').podSelector({ matchLabels: { app: 'web' } })
 *   .ingress({ ports: [{ protocol: 'TCP', port: 8080 }] }).policyTypes('Ingress').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedKubernetesNetworkPolicy
 * // metadata:
 * //   name: web
 * //   namespace: prod
 * // spec:
 * //   podSelector:
 * //     matchLabels:
 * //       app: web
 * //   ingress:
 * //   - ports:
 * //     - protocol: TCP
 * //       port: 8080
 * //   policyTypes:
 * //   - Ingress
 * ```
 */
export interface StagedKubernetesNetworkPolicyBuilder extends ResourceBuilder<StagedKubernetesNetworkPolicy> {
  /** Sets `metadata.name`. */
  name(name: string): StagedKubernetesNetworkPolicyBuilder;
  /** Sets `metadata.namespace`. */
  namespace(namespace: string): StagedKubernetesNetworkPolicyBuilder;
  /** Merges `metadata.labels`. */
  labels(labels: StringMap): StagedKubernetesNetworkPolicyBuilder;
  /** Merges `metadata.annotations`. */
  annotations(annotations: StringMap): StagedKubernetesNetworkPolicyBuilder;
  /** Sets `spec.podSelector` (defaults to `{}`, every pod of the namespace). */
  podSelector(selector: LabelSelector): StagedKubernetesNetworkPolicyBuilder;
  /** Appends Kubernetes ingress rules. */
  ingress(...rules: K8sNetworkPolicyIngressRule[]): StagedKubernetesNetworkPolicyBuilder;
  /** Appends Kubernetes egress rules. */
  egress(...rules: K8sNetworkPolicyEgressRule[]): StagedKubernetesNetworkPolicyBuilder;
  /** Sets `spec.policyTypes`. */
  policyTypes(type: PolicyType, ...more: PolicyType[]): StagedKubernetesNetworkPolicyBuilder;
  /**
   * Sets `spec.stagedAction`. `'Delete'` stages removing the Kubernetes NetworkPolicy of the same
   * name and namespace: the builder then takes only metadata.
   */
  stagedAction(action: 'Delete'): StagedKubernetesDeleteBuilder;
  /** Sets `spec.stagedAction`. */
  stagedAction(action: StagedAction): StagedKubernetesNetworkPolicyBuilder;
}

/**
 * A StagedKubernetesNetworkPolicy after `.stagedAction('Delete')`. Calico's validator wants its
 * spec at the zero value but for `stagedAction` (`validateStagedKubernetesNetworkPolicy`), so it
 * carries metadata only; `podSelector: {}` is the zero value Go prints for the required field.
 *
 * @example
 * ```ts
 * stagedKubernetesNetworkPolicy('web', 'prod').stagedAction('Delete').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedKubernetesNetworkPolicy
 * // metadata:
 * //   name: web
 * //   namespace: prod
 * // spec:
 * //   stagedAction: Delete
 * //   podSelector: {}
 * ```
 */
export interface StagedKubernetesDeleteBuilder extends ResourceBuilder<StagedKubernetesNetworkPolicy> {
  /** Sets `metadata.name`: the policy whose removal is previewed. */
  name(name: string): StagedKubernetesDeleteBuilder;
  /** Sets `metadata.namespace`. */
  namespace(namespace: string): StagedKubernetesDeleteBuilder;
  /** Merges `metadata.labels`. */
  labels(labels: StringMap): StagedKubernetesDeleteBuilder;
  /** Merges `metadata.annotations`. */
  annotations(annotations: StringMap): StagedKubernetesDeleteBuilder;
  podSelector(this: DslError<StagedDeleteHasNoSpec>, selector: LabelSelector): unknown;
  ingress(this: DslError<StagedDeleteHasNoSpec>, ...rules: K8sNetworkPolicyIngressRule[]): unknown;
  egress(this: DslError<StagedDeleteHasNoSpec>, ...rules: K8sNetworkPolicyEgressRule[]): unknown;
  policyTypes(this: DslError<StagedDeleteHasNoSpec>, ...types: PolicyType[]): unknown;
}

function names(name: string | undefined, namespace?: string): { name?: string; namespace?: string } {
  const out: { name?: string; namespace?: string } = {};
  if (name !== undefined) out.name = name;
  if (namespace !== undefined) out.namespace = namespace;
  return out;
}

/**
 * Starts a Tier.
 *
 * @example
 * ```ts
 * tier('security').order(100).toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: Tier
 * // metadata:
 * //   name: security
 * // spec:
 * //   order: 100
 * ```
 */
export function tier(name: string): TierBuilder {
  return new TierImpl({ kind: 'Tier', factory: 'tier', meta: names(name), spec: {} });
}

/**
 * Starts a GlobalNetworkSet: labelled networks selectable from any policy's rules.
 *
 * @example
 * ```ts
 * globalNetworkSet('blocked').labels({ list: 'blocked' }).nets('203.0.113.0/24').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: GlobalNetworkSet
 * // metadata:
 * //   name: blocked
 * //   labels:
 * //     list: blocked
 * // spec:
 * //   nets:
 * //   - 203.0.113.0/24
 * ```
 */
export function globalNetworkSet(name: string): NetworkSetBuilder<'GlobalNetworkSet'> {
  return new NetworkSetImpl({
    kind: 'GlobalNetworkSet',
    factory: 'globalNetworkSet',
    meta: names(name),
    spec: {},
  });
}

/**
 * Starts a namespaced NetworkSet.
 *
 * @example
 * ```ts
 * networkSet('partners', 'prod').nets('198.51.100.0/24').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: NetworkSet
 * // metadata:
 * //   name: partners
 * //   namespace: prod
 * // spec:
 * //   nets:
 * //   - 198.51.100.0/24
 * ```
 */
export function networkSet(name: string, namespace: string): NetworkSetBuilder<'NetworkSet'> {
  return new NetworkSetImpl({
    kind: 'NetworkSet',
    factory: 'networkSet',
    meta: names(name, namespace),
    spec: {},
  });
}

/**
 * Starts a HostEndpoint: a node interface (or all of them) that Calico polices.
 *
 * @example
 * ```ts
 * hostEndpoint('worker-1-public').node('worker-1').interfaceName('eth1').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: HostEndpoint
 * // metadata:
 * //   name: worker-1-public
 * // spec:
 * //   node: worker-1
 * //   interfaceName: eth1
 * ```
 */
export function hostEndpoint(name: string): HostEndpointBuilder {
  return new HostEndpointImpl({ kind: 'HostEndpoint', factory: 'hostEndpoint', meta: names(name), spec: {} });
}

/**
 * Starts a StagedKubernetesNetworkPolicy.
 *
 * @example
 * ```ts
 * stagedKubernetesNetworkPolicy('deny-all', 'prod').policyTypes('Ingress').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedKubernetesNetworkPolicy
 * // metadata:
 * //   name: deny-all
 * //   namespace: prod
 * // spec:
 * //   podSelector: {}
 * //   policyTypes:
 * //   - Ingress
 * ```
 */
export function stagedKubernetesNetworkPolicy(
  name: string,
  namespace?: string,
): StagedKubernetesNetworkPolicyBuilder {
  return new StagedKubernetesNetworkPolicyImpl({
    kind: 'StagedKubernetesNetworkPolicy',
    factory: 'stagedKubernetesNetworkPolicy',
    meta: names(name, namespace),
    spec: {},
  });
}
