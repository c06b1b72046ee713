import type { CalicoResource, CalicoResourceOf } from '../resources/kinds.js';
import type { PolicyPerformanceHint, PolicyType, StagedAction } from '../resources/policy.js';
import type { Result } from '../result.js';
import type { SelectorInput } from '../selector/builder.js';
import type { StringMap } from './inputs.js';
import type { DslError, NameRequired, StagedDeleteHasNoSpec } from './messages.js';
import type { ResourceSource } from './resource-source.js';
import type { PolicyRuleEnd, RuleChain, RuleInput } from './rule-types.js';
import type {
  DoNotTrackThis,
  EgressThis,
  NamedThis,
  PolicyMode,
  PreDnatThis,
  ResourceOnce,
  StagedThis,
} from './type-state.js';

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
 * The cluster-wide policy kinds the {@link GlobalNetworkPolicyBuilder} makes.
 *
 * @example
 * ```ts
 * stagedGlobalNetworkPolicy('try-deny').deny().toResource().kind; // 'StagedGlobalNetworkPolicy'
 * ```
 */
export type GlobalPolicyKind = 'GlobalNetworkPolicy' | 'StagedGlobalNetworkPolicy';

/**
 * The namespaced policy kinds the {@link NetworkPolicyBuilder} makes.
 *
 * @example
 * ```ts
 * stagedNetworkPolicy('try-deny', 'prod').deny().toResource().kind; // 'StagedNetworkPolicy'
 * ```
 */
export type NamespacedPolicyKind = 'NetworkPolicy' | 'StagedNetworkPolicy';

/**
 * An immutable GlobalNetworkPolicy (or StagedGlobalNetworkPolicy) builder. Type-state: `M` is the
 * {@link PolicyMode}, `E` whether egress was used (which rules out pre-DNAT), `K` the kind, `N`
 * whether it has a name (`toResource()` needs one). `.allow() .deny() .pass() .log()` start a
 * rule in the current direction (ingress unless `.egress()` was called); the rule chain offers
 * rule steps, the next rule, `toResource()`, and `.end()` back to the policy.
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
export interface GlobalNetworkPolicyBuilder<
  M extends PolicyMode = 'normal',
  E extends boolean = false,
  K extends GlobalPolicyKind = 'GlobalNetworkPolicy',
  N extends boolean = true,
> {
  /** Sets `metadata.name`. */
  name(name: string): GlobalNetworkPolicyBuilder<M, E, K, true>;
  /** Merges `metadata.labels`. */
  labels(labels: StringMap): GlobalNetworkPolicyBuilder<M, E, K, N>;
  /** Merges `metadata.annotations`. */
  annotations(annotations: StringMap): GlobalNetworkPolicyBuilder<M, E, K, N>;
  /** Sets `spec.tier` (the tier must exist in the cluster). */
  tier(tier: string): GlobalNetworkPolicyBuilder<M, E, K, N>;
  /** Sets `spec.order`: lower orders are evaluated first within the tier. */
  order(order: number): GlobalNetworkPolicyBuilder<M, E, K, N>;
  /** Sets `spec.selector`: the endpoints the policy applies to. */
  selector(selector: SelectorInput): GlobalNetworkPolicyBuilder<M, E, K, N>;
  /** Sets `spec.namespaceSelector` (namespace labels of the workloads the policy applies to). */
  namespaceSelector(selector: SelectorInput): GlobalNetworkPolicyBuilder<M, E, K, N>;
  /** Sets `spec.serviceAccountSelector`. */
  serviceAccountSelector(selector: SelectorInput): GlobalNetworkPolicyBuilder<M, E, K, N>;
  /** Sets `spec.types` explicitly (otherwise derived from the directions used, as Calico defaults them). */
  types(
    ...types: M extends 'preDnat' ? [type: 'Ingress'] : [type: PolicyType, ...more: PolicyType[]]
  ): GlobalNetworkPolicyBuilder<M, E, K, N>;
  /** Sets `spec.applyOnForward`; implied (`true`) for pre-DNAT and doNotTrack policies. */
  applyOnForward(
    ...value: M extends 'normal' ? [value?: boolean] : [value?: true]
  ): GlobalNetworkPolicyBuilder<M, E, K, N>;
  /** Sets `spec.performanceHints`. */
  performanceHints(...hints: PolicyPerformanceHint[]): GlobalNetworkPolicyBuilder<M, E, K, N>;
  /** Makes the policy pre-DNAT (`preDNAT: true`, `applyOnForward: true`, `types: [Ingress]`). */
  preDnat(this: PreDnatThis<M, E>): GlobalNetworkPolicyBuilder<'preDnat', E, K, N>;
  /** Makes the policy untracked (`doNotTrack: true`, `applyOnForward: true`). */
  doNotTrack(this: DoNotTrackThis<M>): GlobalNetworkPolicyBuilder<'doNotTrack', E, K, N>;
  /**
   * Sets `spec.stagedAction` (staged policies only). `'Delete'` stages removing the enforced
   * policy of the same name: the builder then takes only metadata and `tier`.
   */
  stagedAction(this: StagedThis<K>, action: 'Delete'): GlobalStagedDeleteBuilder<K, N>;
  /** Sets `spec.stagedAction` (staged policies only). */
  stagedAction(this: StagedThis<K>, action: StagedAction): GlobalNetworkPolicyBuilder<M, E, K, N>;
  /** Appends ingress rules; with no arguments, makes ingress the direction of the next `.allow()` etc. */
  ingress(...rules: RuleInput[]): GlobalNetworkPolicyBuilder<M, E, K, N>;
  /** Appends egress rules; with no arguments, makes egress the direction of the next `.allow()` etc. */
  egress(this: EgressThis<M>, ...rules: RuleInput[]): GlobalNetworkPolicyBuilder<M, true, K, N>;
  /** Starts an `Allow` rule in the current direction. */
  allow(): GlobalPolicyRule<M, E, K, N>;
  /** Starts a `Deny` rule in the current direction. */
  deny(): GlobalPolicyRule<M, E, K, N>;
  /** Starts a `Pass` rule (skip to the next tier) in the current direction. */
  pass(): GlobalPolicyRule<M, E, K, N>;
  /** Starts a `Log` rule (log and continue) in the current direction. */
  log(): GlobalPolicyRule<M, E, K, N>;
  /** The resource; throws `CalicoValidationError` (with every issue) if `validate` rejects it. */
  toResource(this: NamedThis<N>): ResourceOnce<N, CalicoResourceOf<K>, NameRequired>;
  /** The resource as a `Result`: `{ ok: true, value }` or `{ ok: false, issues }`; never throws. */
  build(): Result<CalicoResourceOf<K>>;
}

/**
 * A rule of a {@link GlobalNetworkPolicyBuilder} in progress, with no protocol yet.
 *
 * @example
 * ```ts
 * const r: GlobalPolicyRule<'preDnat'> = preDnat('deny-nodeports').deny();
 * ```
 */
export type GlobalPolicyRule<
  M extends PolicyMode = 'normal',
  E extends boolean = false,
  K extends GlobalPolicyKind = 'GlobalNetworkPolicy',
  N extends boolean = true,
> = RuleChain<PolicyRuleEnd<GlobalNetworkPolicyBuilder<M, E, K, N>, CalicoResourceOf<K>, N>>;

/**
 * An immutable NetworkPolicy (or StagedNetworkPolicy) builder: like the global one without the
 * host-endpoint modes (a namespaced policy only ever selects workloads of its namespace).
 *
 * @example
 * ```ts
 * networkPolicy('allow-web', 'prod').selector("app == 'web'").allow().tcp().ports(8080).toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: NetworkPolicy
 * // metadata:
 * //   name: allow-web
 * //   namespace: prod
 * // spec:
 * //   ingress:
 * //   - action: Allow
 * //     protocol: TCP
 * //     destination:
 * //       ports:
 * //       - 8080
 * //   selector: app == 'web'
 * //   types:
 * //   - Ingress
 * ```
 */
export interface NetworkPolicyBuilder<
  K extends NamespacedPolicyKind = 'NetworkPolicy',
  N extends boolean = true,
> {
  /** Sets `metadata.name`. */
  name(name: string): NetworkPolicyBuilder<K, true>;
  /** Sets `metadata.namespace`. */
  namespace(namespace: string): NetworkPolicyBuilder<K, N>;
  /** Merges `metadata.labels`. */
  labels(labels: StringMap): NetworkPolicyBuilder<K, N>;
  /** Merges `metadata.annotations`. */
  annotations(annotations: StringMap): NetworkPolicyBuilder<K, N>;
  /** Sets `spec.tier`. */
  tier(tier: string): NetworkPolicyBuilder<K, N>;
  /** Sets `spec.order`. */
  order(order: number): NetworkPolicyBuilder<K, N>;
  /** Sets `spec.selector` (within the policy's namespace). */
  selector(selector: SelectorInput): NetworkPolicyBuilder<K, N>;
  /** Sets `spec.serviceAccountSelector`. */
  serviceAccountSelector(selector: SelectorInput): NetworkPolicyBuilder<K, N>;
  /** Sets `spec.types` explicitly. */
  types(type: PolicyType, ...more: PolicyType[]): NetworkPolicyBuilder<K, N>;
  /** Sets `spec.performanceHints`. */
  performanceHints(...hints: PolicyPerformanceHint[]): NetworkPolicyBuilder<K, N>;
  /**
   * Sets `spec.stagedAction` (staged policies only). `'Delete'` stages removing the enforced
   * policy of the same name: the builder then takes only metadata and `tier`.
   */
  stagedAction(this: StagedThis<K>, action: 'Delete'): NamespacedStagedDeleteBuilder<K, N>;
  /** Sets `spec.stagedAction` (staged policies only). */
  stagedAction(this: StagedThis<K>, action: StagedAction): NetworkPolicyBuilder<K, N>;
  /** Appends ingress rules; with no arguments, makes ingress the current direction. */
  ingress(...rules: RuleInput[]): NetworkPolicyBuilder<K, N>;
  /** Appends egress rules; with no arguments, makes egress the current direction. */
  egress(...rules: RuleInput[]): NetworkPolicyBuilder<K, N>;
  /** Starts an `Allow` rule in the current direction. */
  allow(): NamespacedPolicyRule<K, N>;
  /** Starts a `Deny` rule in the current direction. */
  deny(): NamespacedPolicyRule<K, N>;
  /** Starts a `Pass` rule in the current direction. */
  pass(): NamespacedPolicyRule<K, N>;
  /** Starts a `Log` rule in the current direction. */
  log(): NamespacedPolicyRule<K, N>;
  /** The resource; throws `CalicoValidationError` (with every issue) if `validate` rejects it. */
  toResource(this: NamedThis<N>): ResourceOnce<N, CalicoResourceOf<K>, NameRequired>;
  /** The resource as a `Result`; never throws. */
  build(): Result<CalicoResourceOf<K>>;
}

/**
 * A rule of a {@link NetworkPolicyBuilder} in progress, with no protocol yet.
 *
 * @example
 * ```ts
 * const r: NamespacedPolicyRule = networkPolicy('allow-web', 'prod').allow();
 * ```
 */
export type NamespacedPolicyRule<
  K extends NamespacedPolicyKind = 'NetworkPolicy',
  N extends boolean = true,
> = RuleChain<PolicyRuleEnd<NetworkPolicyBuilder<K, N>, CalicoResourceOf<K>, N>>;

/**
 * The steps a staged policy loses once it is a staged Delete: Calico's validator
 * (`validateStaged(Global)NetworkPolicy`) wants every spec field but `tier` at its zero value, so
 * each of them needs a `this` no builder is and fails to compile with {@link StagedDeleteHasNoSpec}.
 *
 * @example
 * ```ts
 * // @ts-expect-error a staged Delete has no rules
 * stagedNetworkPolicy('web', 'prod').stagedAction('Delete').allow();
 * ```
 */
export interface StagedDeleteRejects {
  order(this: DslError<StagedDeleteHasNoSpec>, order: number): unknown;
  selector(this: DslError<StagedDeleteHasNoSpec>, selector: SelectorInput): unknown;
  serviceAccountSelector(this: DslError<StagedDeleteHasNoSpec>, selector: SelectorInput): unknown;
  types(this: DslError<StagedDeleteHasNoSpec>, ...types: PolicyType[]): unknown;
  performanceHints(this: DslError<StagedDeleteHasNoSpec>, ...hints: PolicyPerformanceHint[]): unknown;
  ingress(this: DslError<StagedDeleteHasNoSpec>, ...rules: RuleInput[]): unknown;
  egress(this: DslError<StagedDeleteHasNoSpec>, ...rules: RuleInput[]): unknown;
  allow(this: DslError<StagedDeleteHasNoSpec>): unknown;
  deny(this: DslError<StagedDeleteHasNoSpec>): unknown;
  pass(this: DslError<StagedDeleteHasNoSpec>): unknown;
  log(this: DslError<StagedDeleteHasNoSpec>): unknown;
}

/**
 * A StagedGlobalNetworkPolicy after `.stagedAction('Delete')`: it previews removing the enforced
 * GlobalNetworkPolicy of the same name, so it carries metadata and `tier` only (no `types`
 * either: Calico's client clears them on a staged Delete).
 *
 * @example
 * ```ts
 * stagedGlobalNetworkPolicy('security.allow-dns').stagedAction('Delete').tier('security').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedGlobalNetworkPolicy
 * // metadata:
 * //   name: security.allow-dns
 * // spec:
 * //   stagedAction: Delete
 * //   tier: security
 * ```
 */
export interface GlobalStagedDeleteBuilder<
  K extends GlobalPolicyKind = 'StagedGlobalNetworkPolicy',
  N extends boolean = true,
> extends StagedDeleteRejects {
  /** Sets `metadata.name`: the policy whose removal is previewed. */
  name(name: string): GlobalStagedDeleteBuilder<K, true>;
  /** Merges `metadata.labels`. */
  labels(labels: StringMap): GlobalStagedDeleteBuilder<K, N>;
  /** Merges `metadata.annotations`. */
  annotations(annotations: StringMap): GlobalStagedDeleteBuilder<K, N>;
  /** Sets `spec.tier`: the tier of the policy to remove (the one spec field a Delete keeps). */
  tier(tier: string): GlobalStagedDeleteBuilder<K, N>;
  namespaceSelector(this: DslError<StagedDeleteHasNoSpec>, selector: SelectorInput): unknown;
  applyOnForward(this: DslError<StagedDeleteHasNoSpec>, value?: boolean): unknown;
  preDnat(this: DslError<StagedDeleteHasNoSpec>): unknown;
  doNotTrack(this: DslError<StagedDeleteHasNoSpec>): unknown;
  /** The resource; throws `CalicoValidationError` (with every issue) if `validate` rejects it. */
  toResource(this: NamedThis<N>): ResourceOnce<N, CalicoResourceOf<K>, NameRequired>;
  /** The resource as a `Result`; never throws. */
  build(): Result<CalicoResourceOf<K>>;
}

/**
 * A StagedNetworkPolicy after `.stagedAction('Delete')`: it previews removing the enforced
 * NetworkPolicy of the same name and namespace, so it carries metadata and `tier` only.
 *
 * @example
 * ```ts
 * stagedNetworkPolicy('allow-web', 'prod').stagedAction('Delete').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: StagedNetworkPolicy
 * // metadata:
 * //   name: allow-web
 * //   namespace: prod
 * // spec:
 * //   stagedAction: Delete
 * ```
 */
export interface NamespacedStagedDeleteBuilder<
  K extends NamespacedPolicyKind = 'StagedNetworkPolicy',
  N extends boolean = true,
> extends StagedDeleteRejects {
  /** Sets `metadata.name`: the policy whose removal is previewed. */
  name(name: string): NamespacedStagedDeleteBuilder<K, true>;
  /** Sets `metadata.namespace`. */
  namespace(namespace: string): NamespacedStagedDeleteBuilder<K, N>;
  /** Merges `metadata.labels`. */
  labels(labels: StringMap): NamespacedStagedDeleteBuilder<K, N>;
  /** Merges `metadata.annotations`. */
  annotations(annotations: StringMap): NamespacedStagedDeleteBuilder<K, N>;
  /** Sets `spec.tier`: the tier of the policy to remove (the one spec field a Delete keeps). */
  tier(tier: string): NamespacedStagedDeleteBuilder<K, N>;
  /** The resource; throws `CalicoValidationError` (with every issue) if `validate` rejects it. */
  toResource(this: NamedThis<N>): ResourceOnce<N, CalicoResourceOf<K>, NameRequired>;
  /** The resource as a `Result`; never throws. */
  build(): Result<CalicoResourceOf<K>>;
}

/**
 * An immutable Profile builder: rules evaluated after all tiers, and labels for member endpoints.
 *
 * @example
 * ```ts
 * profile('allow-all').allow().end().egress().allow().toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: Profile
 * // metadata:
 * //   name: allow-all
 * // spec:
 * //   ingress:
 * //   - action: Allow
 * //   egress:
 * //   - action: Allow
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
  allow(): ProfileRule;
  /** Starts a `Deny` rule in the current direction. */
  deny(): ProfileRule;
  /** Starts a `Pass` rule in the current direction. */
  pass(): ProfileRule;
  /** Starts a `Log` rule in the current direction. */
  log(): ProfileRule;
}

/**
 * A rule of a {@link ProfileBuilder} in progress, with no protocol yet.
 *
 * @example
 * ```ts
 * const r: ProfileRule = profile('allow-all').allow();
 * ```
 */
export type ProfileRule = RuleChain<PolicyRuleEnd<ProfileBuilder, CalicoResourceOf<'Profile'>, true>>;
