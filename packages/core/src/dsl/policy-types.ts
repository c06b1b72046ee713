import type { CalicoResource, CalicoResourceOf } from '../resources/kinds.js';
import type { PolicyPerformanceHint, PolicyType, StagedAction } from '../resources/policy.js';
import type { Result } from '../result.js';
import type { SelectorInput } from '../selector/builder.js';
import type { StringMap } from './inputs.js';
import type {
  DslError,
  OnlyStagedPolicies,
  PreDnatExcludesDoNotTrack,
  PreDnatHasNoEgress,
} from './messages.js';
import type { ResourceSource } from './resource-source.js';
import type { RuleChain, RuleInput } from './rule-builder.js';

/**
 * A builder's way out: `toResource()` returns the deep-frozen IR and throws
 * `CalicoValidationError` when Calico would reject it; `build()` returns the same as a `Result`.
 *
 * @example
 * ```ts
 * const r = tier('security').order(100).build();
 * if (r.ok) r.value.spec.order; // 100
 * ```
 */
export interface ResourceBuilder<R extends CalicoResource> extends ResourceSource<R> {
  /** The resource; throws `CalicoValidationError` (with every issue) if `validate` rejects it. */
  toResource(): R;
  /** The resource as a `Result`: `{ ok: true, value }` or `{ ok: false, issues }`; never throws. */
  build(): Result<R>;
}

/**
 * What kind of GlobalNetworkPolicy a builder makes: a `normal` one, `preDnat` (host endpoint
 * ingress before DNAT; ingress only) or `doNotTrack` (untracked, raw table).
 *
 * @example
 * ```ts
 * const b: GlobalNetworkPolicyBuilder<'preDnat'> = preDnat('deny-nodeports');
 * ```
 */
export type PolicyMode = 'normal' | 'preDnat' | 'doNotTrack';

/**
 * The cluster-wide policy kinds the {@link GlobalNetworkPolicyBuilder} makes.
 *
 * @example
 * ```ts
 * const k: GlobalPolicyKind = 'StagedGlobalNetworkPolicy';
 * ```
 */
export type GlobalPolicyKind = 'GlobalNetworkPolicy' | 'StagedGlobalNetworkPolicy';

/**
 * The namespaced policy kinds the {@link NetworkPolicyBuilder} makes.
 *
 * @example
 * ```ts
 * const k: NamespacedPolicyKind = 'NetworkPolicy';
 * ```
 */
export type NamespacedPolicyKind = 'NetworkPolicy' | 'StagedNetworkPolicy';

/**
 * The type of `.stagedAction()`: callable on staged kinds, else a {@link DslError}.
 *
 * @example
 * ```ts
 * type OnEnforced = StagedActionStep<'GlobalNetworkPolicy', unknown>; // DslError<OnlyStagedPolicies>
 * ```
 */
export type StagedActionStep<K, B> = K extends `Staged${string}`
  ? (action: StagedAction) => B
  : DslError<OnlyStagedPolicies>;

/**
 * An immutable GlobalNetworkPolicy (or StagedGlobalNetworkPolicy) builder. Type-state: `M` is the
 * {@link PolicyMode}, `E` whether egress was used (which rules out pre-DNAT), `K` the kind.
 * `.allow() .deny() .pass() .log()` start a rule in the current direction (ingress unless
 * `.egress()` was called) and return a {@link RuleChain} on which both rule and policy methods work.
 *
 * @example
 * ```ts
 * const p = globalNetworkPolicy('allow-ping').selector('all()').allow().icmp(8).toResource();
 * // spec: { ingress: [{ action: 'Allow', protocol: 'ICMP', icmp: { type: 8 } }], selector: 'all()', types: ['Ingress'] }
 * ```
 */
export interface GlobalNetworkPolicyBuilder<
  M extends PolicyMode = 'normal',
  E extends boolean = false,
  K extends GlobalPolicyKind = 'GlobalNetworkPolicy',
> extends ResourceBuilder<CalicoResourceOf<K>> {
  /** Sets `metadata.name`. */
  name(name: string): GlobalNetworkPolicyBuilder<M, E, K>;
  /** Merges `metadata.labels`. */
  labels(labels: StringMap): GlobalNetworkPolicyBuilder<M, E, K>;
  /** Merges `metadata.annotations`. */
  annotations(annotations: StringMap): GlobalNetworkPolicyBuilder<M, E, K>;
  /** Sets `spec.tier` (the tier must exist in the cluster). */
  tier(tier: string): GlobalNetworkPolicyBuilder<M, E, K>;
  /** Sets `spec.order`: lower orders are evaluated first within the tier. */
  order(order: number): GlobalNetworkPolicyBuilder<M, E, K>;
  /** Sets `spec.selector`: the endpoints the policy applies to. */
  selector(selector: SelectorInput): GlobalNetworkPolicyBuilder<M, E, K>;
  /** Sets `spec.namespaceSelector` (namespace labels of the workloads the policy applies to). */
  namespaceSelector(selector: SelectorInput): GlobalNetworkPolicyBuilder<M, E, K>;
  /** Sets `spec.serviceAccountSelector`. */
  serviceAccountSelector(selector: SelectorInput): GlobalNetworkPolicyBuilder<M, E, K>;
  /** Sets `spec.types` explicitly (otherwise derived from the directions used, as Calico defaults them). */
  types(
    ...types: M extends 'preDnat' ? [type: 'Ingress'] : [type: PolicyType, ...more: PolicyType[]]
  ): GlobalNetworkPolicyBuilder<M, E, K>;
  /** Sets `spec.applyOnForward`; implied (`true`) for pre-DNAT and doNotTrack policies. */
  applyOnForward(
    ...value: M extends 'normal' ? [value?: boolean] : [value?: true]
  ): GlobalNetworkPolicyBuilder<M, E, K>;
  /** Sets `spec.performanceHints`. */
  performanceHints(...hints: PolicyPerformanceHint[]): GlobalNetworkPolicyBuilder<M, E, K>;
  /** Makes the policy pre-DNAT (`preDNAT: true`, `applyOnForward: true`, `types: [Ingress]`). */
  readonly preDnat: M extends 'doNotTrack'
    ? DslError<PreDnatExcludesDoNotTrack>
    : E extends true
      ? DslError<PreDnatHasNoEgress>
      : () => GlobalNetworkPolicyBuilder<'preDnat', E, K>;
  /** Makes the policy untracked (`doNotTrack: true`, `applyOnForward: true`). */
  readonly doNotTrack: M extends 'preDnat'
    ? DslError<PreDnatExcludesDoNotTrack>
    : () => GlobalNetworkPolicyBuilder<'doNotTrack', E, K>;
  /** Sets `spec.stagedAction` (staged policies only). */
  readonly stagedAction: StagedActionStep<K, GlobalNetworkPolicyBuilder<M, E, K>>;
  /** Appends ingress rules; with no arguments, makes ingress the direction of the next `.allow()` etc. */
  ingress(...rules: RuleInput[]): GlobalNetworkPolicyBuilder<M, E, K>;
  /** Appends egress rules; with no arguments, makes egress the direction of the next `.allow()` etc. */
  readonly egress: M extends 'preDnat'
    ? DslError<PreDnatHasNoEgress>
    : (...rules: RuleInput[]) => GlobalNetworkPolicyBuilder<M, true, K>;
  /** Starts an `Allow` rule in the current direction. */
  allow(): RuleChain<GlobalNetworkPolicyBuilder<M, E, K>>;
  /** Starts a `Deny` rule in the current direction. */
  deny(): RuleChain<GlobalNetworkPolicyBuilder<M, E, K>>;
  /** Starts a `Pass` rule (skip to the next tier) in the current direction. */
  pass(): RuleChain<GlobalNetworkPolicyBuilder<M, E, K>>;
  /** Starts a `Log` rule (log and continue) in the current direction. */
  log(): RuleChain<GlobalNetworkPolicyBuilder<M, E, K>>;
}

/**
 * An immutable NetworkPolicy (or StagedNetworkPolicy) builder: like the global one without the
 * host-endpoint modes (a namespaced policy only ever selects workloads of its namespace).
 *
 * @example
 * ```ts
 * networkPolicy('allow-web', 'prod').selector("app == 'web'").allow().tcp().ports(8080).toResource();
 * ```
 */
export interface NetworkPolicyBuilder<K extends NamespacedPolicyKind = 'NetworkPolicy'>
  extends ResourceBuilder<CalicoResourceOf<K>> {
  /** Sets `metadata.name`. */
  name(name: string): NetworkPolicyBuilder<K>;
  /** Sets `metadata.namespace`. */
  namespace(namespace: string): NetworkPolicyBuilder<K>;
  /** Merges `metadata.labels`. */
  labels(labels: StringMap): NetworkPolicyBuilder<K>;
  /** Merges `metadata.annotations`. */
  annotations(annotations: StringMap): NetworkPolicyBuilder<K>;
  /** Sets `spec.tier`. */
  tier(tier: string): NetworkPolicyBuilder<K>;
  /** Sets `spec.order`. */
  order(order: number): NetworkPolicyBuilder<K>;
  /** Sets `spec.selector` (within the policy's namespace). */
  selector(selector: SelectorInput): NetworkPolicyBuilder<K>;
  /** Sets `spec.serviceAccountSelector`. */
  serviceAccountSelector(selector: SelectorInput): NetworkPolicyBuilder<K>;
  /** Sets `spec.types` explicitly. */
  types(type: PolicyType, ...more: PolicyType[]): NetworkPolicyBuilder<K>;
  /** Sets `spec.performanceHints`. */
  performanceHints(...hints: PolicyPerformanceHint[]): NetworkPolicyBuilder<K>;
  /** Sets `spec.stagedAction` (staged policies only). */
  readonly stagedAction: StagedActionStep<K, NetworkPolicyBuilder<K>>;
  /** Appends ingress rules; with no arguments, makes ingress the current direction. */
  ingress(...rules: RuleInput[]): NetworkPolicyBuilder<K>;
  /** Appends egress rules; with no arguments, makes egress the current direction. */
  egress(...rules: RuleInput[]): NetworkPolicyBuilder<K>;
  /** Starts an `Allow` rule in the current direction. */
  allow(): RuleChain<NetworkPolicyBuilder<K>>;
  /** Starts a `Deny` rule in the current direction. */
  deny(): RuleChain<NetworkPolicyBuilder<K>>;
  /** Starts a `Pass` rule in the current direction. */
  pass(): RuleChain<NetworkPolicyBuilder<K>>;
  /** Starts a `Log` rule in the current direction. */
  log(): RuleChain<NetworkPolicyBuilder<K>>;
}

/**
 * An immutable Profile builder: rules evaluated after all tiers, and labels for member endpoints.
 *
 * @example
 * ```ts
 * profile('allow-all').allow().egress().allow().toResource();
 * // spec: { ingress: [{ action: 'Allow' }], egress: [{ action: 'Allow' }] }
 * ```
 */
export interface ProfileBuilder extends ResourceBuilder<CalicoResourceOf<'Profile'>> {
  /** Sets `metadata.name`. */
  name(name: string): ProfileBuilder;
  /** Merges `metadata.labels`. */
  labels(labels: StringMap): ProfileBuilder;
  /** Merges `metadata.annotations`. */
  annotations(annotations: StringMap): ProfileBuilder;
  /** Merges `spec.labelsToApply`. */
  labelsToApply(labels: StringMap): ProfileBuilder;
  /** Appends ingress rules; with no arguments, makes ingress the current direction. */
  ingress(...rules: RuleInput[]): ProfileBuilder;
  /** Appends egress rules; with no arguments, makes egress the current direction. */
  egress(...rules: RuleInput[]): ProfileBuilder;
  /** Starts an `Allow` rule in the current direction. */
  allow(): RuleChain<ProfileBuilder>;
  /** Starts a `Deny` rule in the current direction. */
  deny(): RuleChain<ProfileBuilder>;
  /** Starts a `Pass` rule in the current direction. */
  pass(): RuleChain<ProfileBuilder>;
  /** Starts a `Log` rule in the current direction. */
  log(): RuleChain<ProfileBuilder>;
}
