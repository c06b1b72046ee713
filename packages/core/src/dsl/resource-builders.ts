import { METADATA_KEYS, RESOURCE_KEYS, SPEC_KEYS } from '../resources/field-order.js';
import type { EndpointPort, HostEndpointSpec } from '../resources/host-endpoint.js';
import type { CalicoResourceOf } from '../resources/kinds.js';
import { CALICO_API_VERSION, type ObjectMeta } from '../resources/metadata.js';
import type { NetworkSetSpec } from '../resources/network-set.js';
import type {
  K8sNetworkPolicyEgressRule,
  K8sNetworkPolicyIngressRule,
  LabelSelector,
  PolicyType,
  StagedAction,
  StagedKubernetesNetworkPolicySpec,
} from '../resources/policy.js';
import type { TierSpec } from '../resources/tier.js';
import { fail, type Issue, type Result, unwrap } from '../result.js';
import { missingName, validated } from './build-checks.js';
import { mergeStringMap, type StringMap } from './inputs.js';
import { frozenCopy, inOrder, ordered } from './ir.js';
import type { MetaState } from './policy-impl.js';
import type {
  HostEndpointBuilder,
  NetworkSetBuilder,
  StagedKubernetesNetworkPolicyBuilder,
  TierBuilder,
} from './resource-factories.js';

/** Kinds whose spec is a flat set of fields (no rule chains). */
export type SpecBuilderKind =
  | 'Tier'
  | 'GlobalNetworkSet'
  | 'NetworkSet'
  | 'HostEndpoint'
  | 'StagedKubernetesNetworkPolicy'
  | 'IPPool'
  | 'BGPConfiguration';

/** Everything a spec builder holds (`Spec` is the kind's spec type). */
export interface SpecState<K extends SpecBuilderKind, Spec> {
  readonly kind: K;
  /** The factory's name, for messages. */
  readonly factory: string;
  readonly meta: MetaState;
  readonly spec: Readonly<Partial<Spec>>;
}

/**
 * What the Tier, network set, HostEndpoint, staged Kubernetes policy, IPPool and BGPConfiguration
 * builders share: metadata and the way out. Each method returns a new frozen instance; `Self` is
 * the concrete builder, `Out` what its `toResource()` says it returns (the IP pool's depends on
 * its CIDR type-state).
 */
export abstract class SpecResourceImpl<
  Self,
  K extends SpecBuilderKind,
  Spec extends object,
  Out = CalicoResourceOf<K>,
> {
  readonly #state: SpecState<K, Spec>;

  constructor(state: SpecState<K, Spec>) {
    // The factory's names are caller data too: copied now, like every later patch.
    this.#state = Object.freeze({ ...state, meta: frozenCopy(state.meta) });
    Object.freeze(this);
  }

  /** A builder of the same class over `state`. */
  protected abstract make(state: SpecState<K, Spec>): Self;

  protected get spec(): Readonly<Partial<Spec>> {
    return this.#state.spec;
  }
  #meta(patch: MetaState): Self {
    return this.make({ ...this.#state, meta: Object.freeze({ ...this.#state.meta, ...frozenCopy(patch) }) });
  }
  /** The state with `patch` merged into the spec; values are copied and frozen now. */
  protected patched(patch: Partial<Spec>): SpecState<K, Spec> {
    return { ...this.#state, spec: frozenCopy({ ...this.#state.spec, ...patch }) };
  }
  /** A builder with `patch` merged into the spec. */
  protected withSpec(patch: Partial<Spec>): Self {
    return this.make(this.patched(patch));
  }
  /**
   * The spec as printed; a subclass fills in required fields or turns DSL inputs into IR (a
   * selector that does not resolve adds its issues to `issues`).
   */
  protected outputSpec(spec: Readonly<Partial<Spec>>, _issues: Issue[]): Readonly<Record<string, unknown>> {
    return spec;
  }

  name(name: string): Self {
    return this.#meta({ name });
  }
  protected withNamespace(namespace: string): Self {
    return this.#meta({ namespace });
  }
  labels(labels: StringMap): Self {
    return this.#meta({ labels: mergeStringMap(this.#state.meta.labels, labels) });
  }
  annotations(annotations: StringMap): Self {
    return this.#meta({ annotations: mergeStringMap(this.#state.meta.annotations, annotations) });
  }

  build(): Result<CalicoResourceOf<K>> {
    const s = this.#state;
    if (s.meta.name === undefined) return missingName(s.factory);
    const metadata = ordered<ObjectMeta>(
      {
        ...s.meta,
        labels: s.meta.labels && { ...s.meta.labels },
        annotations: s.meta.annotations && { ...s.meta.annotations },
      },
      METADATA_KEYS,
    );
    const body = ordered<Record<string, unknown>>(
      { apiVersion: CALICO_API_VERSION, kind: s.kind, metadata },
      RESOURCE_KEYS,
    );
    const issues: Issue[] = [];
    const spec = inOrder(this.outputSpec(s.spec, issues), SPEC_KEYS[s.kind]);
    if (issues.length > 0) return fail(...issues);
    return validated({ ...body, spec }, s.kind);
  }

  toResource(): Out {
    // `Out` is the resource itself but for a builder whose type-state is not ready, whose public
    // type then refuses the call; `build()` reports what is missing at run time.
    return unwrap(this.build()) as Out;
  }
}

/** The Tier builder. */
export class TierImpl extends SpecResourceImpl<TierImpl, 'Tier', TierSpec> implements TierBuilder {
  protected make(state: SpecState<'Tier', TierSpec>): TierImpl {
    return new TierImpl(state);
  }
  order(order: number): TierImpl {
    return this.withSpec({ order });
  }
  defaultAction(action: 'Deny' | 'Pass'): TierImpl {
    return this.withSpec({ defaultAction: action });
  }
}

/** The GlobalNetworkSet / NetworkSet builder. */
export class NetworkSetImpl<K extends 'GlobalNetworkSet' | 'NetworkSet'>
  extends SpecResourceImpl<NetworkSetImpl<K>, K, NetworkSetSpec>
  implements NetworkSetBuilder<K>
{
  protected make(state: SpecState<K, NetworkSetSpec>): NetworkSetImpl<K> {
    return new NetworkSetImpl<K>(state);
  }
  nets(...nets: string[]): NetworkSetImpl<K> {
    return this.withSpec({ nets: [...(this.spec.nets ?? []), ...nets] });
  }
}

/** The HostEndpoint builder. */
export class HostEndpointImpl
  extends SpecResourceImpl<HostEndpointImpl, 'HostEndpoint', HostEndpointSpec>
  implements HostEndpointBuilder
{
  protected make(state: SpecState<'HostEndpoint', HostEndpointSpec>): HostEndpointImpl {
    return new HostEndpointImpl(state);
  }
  node(node: string): HostEndpointImpl {
    return this.withSpec({ node });
  }
  interfaceName(name: string): HostEndpointImpl {
    return this.withSpec({ interfaceName: name });
  }
  expectedIPs(...ips: string[]): HostEndpointImpl {
    return this.withSpec({ expectedIPs: [...(this.spec.expectedIPs ?? []), ...ips] });
  }
  profiles(...profiles: string[]): HostEndpointImpl {
    return this.withSpec({ profiles: [...(this.spec.profiles ?? []), ...profiles] });
  }
  port(name: string, protocol: EndpointPort['protocol'], port: number): HostEndpointImpl {
    return this.withSpec({ ports: [...(this.spec.ports ?? []), { name, protocol, port }] });
  }
}

/** The StagedKubernetesNetworkPolicy builder. */
export class StagedKubernetesNetworkPolicyImpl
  extends SpecResourceImpl<
    StagedKubernetesNetworkPolicyImpl,
    'StagedKubernetesNetworkPolicy',
    StagedKubernetesNetworkPolicySpec
  >
  implements StagedKubernetesNetworkPolicyBuilder
{
  protected make(
    state: SpecState<'StagedKubernetesNetworkPolicy', StagedKubernetesNetworkPolicySpec>,
  ): StagedKubernetesNetworkPolicyImpl {
    return new StagedKubernetesNetworkPolicyImpl(state);
  }
  // StagedKubernetesNetworkPolicy requires `podSelector`; `{}` selects every pod of the namespace.
  protected override outputSpec(
    spec: Readonly<Partial<StagedKubernetesNetworkPolicySpec>>,
  ): Readonly<Record<string, unknown>> {
    return { ...spec, podSelector: spec.podSelector ?? {} };
  }
  namespace(namespace: string): StagedKubernetesNetworkPolicyImpl {
    return this.withNamespace(namespace);
  }
  podSelector(selector: LabelSelector): StagedKubernetesNetworkPolicyImpl {
    return this.withSpec({ podSelector: selector });
  }
  ingress(...rules: K8sNetworkPolicyIngressRule[]): StagedKubernetesNetworkPolicyImpl {
    return this.withSpec({ ingress: [...(this.spec.ingress ?? []), ...rules] });
  }
  egress(...rules: K8sNetworkPolicyEgressRule[]): StagedKubernetesNetworkPolicyImpl {
    return this.withSpec({ egress: [...(this.spec.egress ?? []), ...rules] });
  }
  policyTypes(...types: PolicyType[]): StagedKubernetesNetworkPolicyImpl {
    return this.withSpec({ policyTypes: types });
  }
  stagedAction(action: StagedAction): StagedKubernetesNetworkPolicyImpl {
    return this.withSpec({ stagedAction: action });
  }
}
