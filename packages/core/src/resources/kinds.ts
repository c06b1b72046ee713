import type { BGPConfiguration } from './bgp-configuration.js';
import type { FelixConfiguration } from './felix-configuration.js';
import type { HostEndpoint } from './host-endpoint.js';
import type { IPPool } from './ip-pool.js';
import type { K8sNetworkPolicy, KubernetesResource } from './kubernetes.js';
import { CALICO_API_VERSION } from './metadata.js';
import type { NetworkPolicyApiResource } from './network-policy-api.js';
import type { GlobalNetworkSet, NetworkSet } from './network-set.js';
import type {
  GlobalNetworkPolicy,
  NetworkPolicy,
  StagedGlobalNetworkPolicy,
  StagedKubernetesNetworkPolicy,
  StagedNetworkPolicy,
} from './policy.js';
import type { Profile } from './profile.js';
import type { Tier } from './tier.js';

/**
 * Every `projectcalico.org/v3` resource the SDK models: the IR that builders produce, `validate`
 * returns, `toYaml` prints and the evaluator consumes.
 *
 * @example
 * ```ts
 * declare const resources: CalicoResource[]; // e.g. from fromYaml(text)
 * const tiers = resources.filter((r) => r.kind === 'Tier').map((r) => r.metadata.name);
 * ```
 */
export type CalicoResource =
  | GlobalNetworkPolicy
  | NetworkPolicy
  | StagedGlobalNetworkPolicy
  | StagedNetworkPolicy
  | StagedKubernetesNetworkPolicy
  | Tier
  | GlobalNetworkSet
  | NetworkSet
  | HostEndpoint
  | Profile
  | FelixConfiguration
  | IPPool
  | BGPConfiguration;

/**
 * The kind names of {@link CalicoResource}.
 *
 * @example
 * ```ts
 * const kind: CalicoKind = globalNetworkSet('partners').nets('198.51.100.0/24').toResource().kind;
 * // 'GlobalNetworkSet'
 * ```
 */
export type CalicoKind = CalicoResource['kind'];

/**
 * A resource of one Calico kind.
 *
 * @example
 * ```ts
 * // What the builder of that kind produces (tier() gives a CalicoResourceOf<'Tier'>):
 * const security: CalicoResourceOf<'Tier'> = tier('security').order(100).toResource(); // { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'security' }, spec: { order: 100 } }
 * ```
 */
export type CalicoResourceOf<K extends CalicoKind> = Extract<CalicoResource, { kind: K }>;

/**
 * Every kind of {@link CalicoResource}, with whether it is namespaced.
 *
 * @example
 * ```ts
 * CALICO_KINDS.NetworkPolicy.namespaced; // true
 * CALICO_KINDS.GlobalNetworkPolicy.namespaced; // false
 * ```
 */
export const CALICO_KINDS = {
  GlobalNetworkPolicy: { namespaced: false },
  NetworkPolicy: { namespaced: true },
  StagedGlobalNetworkPolicy: { namespaced: false },
  StagedNetworkPolicy: { namespaced: true },
  StagedKubernetesNetworkPolicy: { namespaced: true },
  Tier: { namespaced: false },
  GlobalNetworkSet: { namespaced: false },
  NetworkSet: { namespaced: true },
  HostEndpoint: { namespaced: false },
  Profile: { namespaced: false },
  FelixConfiguration: { namespaced: false },
  IPPool: { namespaced: false },
  BGPConfiguration: { namespaced: false },
} as const satisfies Record<CalicoKind, { namespaced: boolean }>;

/**
 * Whether `kind` names a Calico v3 kind this SDK models.
 *
 * @example
 * ```ts
 * isCalicoKind('GlobalNetworkPolicy'); // true
 * isCalicoKind('Pod'); // false
 * ```
 */
export function isCalicoKind(kind: unknown): kind is CalicoKind {
  return typeof kind === 'string' && Object.hasOwn(CALICO_KINDS, kind);
}

/**
 * Whether a resource is a Calico v3 one: a Calico kind with Calico's apiVersion (Kubernetes'
 * `networking.k8s.io/v1` NetworkPolicy shares its kind name with Calico's NetworkPolicy).
 *
 * @example
 * ```ts
 * isCalicoResource(networkPolicy('web', 'shop').deny().toResource()); // true
 * isCalicoResource(kubernetesNetworkPolicy('web', 'shop').toResource()); // false
 * ```
 */
export function isCalicoResource<R extends { readonly apiVersion: string; readonly kind: string }>(
  resource: R,
): resource is Extract<R, CalicoResource> {
  return resource.apiVersion === CALICO_API_VERSION && isCalicoKind(resource.kind);
}

/**
 * Anything `fromYaml` can return: Calico v3 resources and the Kubernetes kinds the evaluator reads.
 *
 * @example
 * ```ts
 * declare const docs: Resource[]; // e.g. from fromYaml(manifests)
 * const pods = docs.filter((r): r is Pod => r.kind === 'Pod');
 * ```
 */
export type Resource = CalicoResource | KubernetesResource | NetworkPolicyApiResource;

/**
 * What `validate` checks and returns: Calico v3 resources, the network-policy-api kinds
 * (ClusterNetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy) and Kubernetes' own
 * NetworkPolicy (`networking.k8s.io/v1`, checked as the kube-apiserver does).
 *
 * @example
 * ```ts
 * declare const r: ValidResource;
 * const isCnp = r.kind === 'ClusterNetworkPolicy';
 * ```
 */
export type ValidResource = CalicoResource | NetworkPolicyApiResource | K8sNetworkPolicy;

/**
 * The kind names of {@link ValidResource}.
 *
 * @example
 * ```ts
 * // The kind of whatever validate accepted:
 * unwrap(validate({ apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: 'all' }, spec: { tier: 'Admin', priority: 1, subject: { namespaces: {} } } })).kind; // 'ClusterNetworkPolicy'
 * ```
 */
export type ValidKind = ValidResource['kind'];

/**
 * A resource of one kind `validate` checks (a Calico v3 kind or a network-policy-api kind;
 * `'NetworkPolicy'` is Calico's, Kubernetes' own is {@link K8sNetworkPolicy}).
 *
 * @example
 * ```ts
 * declare const r: ValidResourceOf<'ClusterNetworkPolicy'>;
 * r.spec.tier; // 'Admin' | 'Baseline'
 * ```
 */
export type ValidResourceOf<K extends ValidKind> = Exclude<
  Extract<ValidResource, { kind: K }>,
  K8sNetworkPolicy
>;

/**
 * Policy kinds (resources with ordered rules evaluated in tiers).
 *
 * @example
 * ```ts
 * declare const resources: CalicoResource[];
 * const policies = resources.filter((r): r is PolicyResource => r.kind.endsWith('Policy'));
 * ```
 */
export type PolicyResource = Extract<
  CalicoResource,
  {
    kind:
      | 'GlobalNetworkPolicy'
      | 'NetworkPolicy'
      | 'StagedGlobalNetworkPolicy'
      | 'StagedNetworkPolicy'
      | 'StagedKubernetesNetworkPolicy';
  }
>;
