/**
 * The type-state of the DSL as `this` types: a step Calico would reject in the current state
 * requires `this` to be a {@link DslError}, which no builder is, so the call does not compile and
 * the error shows the message ("The 'this' context of type … is not assignable to method's 'this'
 * of type 'DslError<"ports() needs .tcp(), .udp() or .sctp() first">'"). Allowed steps take any
 * `this` (`unknown`). One implementation class per builder interface then implements every
 * state without casts.
 */
import type {
  CidrRequired,
  DslError,
  IcmpCodeNeedsType,
  IcmpNeedsProtocol,
  NameRequired,
  OneProtocolPerRule,
  OnlyStagedPolicies,
  PortsNeedPortProtocol,
  PortsNeedProtocol,
  PreDnatExcludesDoNotTrack,
  PreDnatHasNoEgress,
} from './messages.js';

/**
 * What the type-state knows about a rule's protocol: `none` yet, one with `ports` (TCP, UDP,
 * SCTP), `icmp` (ICMP, ICMPv6), some `other` protocol, or `any` when the protocol is only known as
 * a wide `Protocol` (then both ports and ICMP fields are allowed and `validate` decides).
 *
 * @example
 * ```ts
 * const afterTcp: RuleBuilder<'ports'> = rule.allow().tcp();
 * ```
 */
export type ProtocolState = 'none' | 'ports' | 'icmp' | 'other' | 'any';

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
 * The `this` of a protocol-choosing step (`.tcp()`, `.icmp()`, `.protocol()`…): any while the rule
 * has no protocol, else a {@link DslError}.
 *
 * @example
 * ```ts
 * type Again = ProtocolThis<'ports'>; // DslError<'a rule matches one protocol: …'>
 * ```
 */
export type ProtocolThis<S extends ProtocolState> = S extends 'none' ? unknown : DslError<OneProtocolPerRule>;

/**
 * The `this` of `.ports()`/`.notPorts()`/`.fromPorts()`: any once the rule has a port protocol,
 * else a {@link DslError} saying what is missing.
 *
 * @example
 * ```ts
 * type Before = PortsThis<'none'>; // DslError<'ports() needs .tcp(), .udp() or .sctp() first'>
 * ```
 */
export type PortsThis<S extends ProtocolState> = S extends 'ports' | 'any'
  ? unknown
  : S extends 'none'
    ? DslError<PortsNeedProtocol>
    : DslError<PortsNeedPortProtocol>;

/**
 * The `this` of an ICMP-field step: any on ICMP/ICMPv6 rules, else a {@link DslError}.
 *
 * @example
 * ```ts
 * type OnTcp = IcmpThis<'ports'>; // DslError<'ICMP fields need .icmp() or .icmpv6() first'>
 * ```
 */
export type IcmpThis<S extends ProtocolState> = S extends 'icmp' | 'any'
  ? unknown
  : DslError<IcmpNeedsProtocol>;

/**
 * The `this` of `.icmpCode()`: any once an ICMP type is set (`T`), else a {@link DslError}.
 *
 * @example
 * ```ts
 * type NoType = IcmpCodeThis<false>; // DslError<'icmpCode() needs an ICMP type first: …'>
 * ```
 */
export type IcmpCodeThis<T extends boolean> = T extends true ? unknown : DslError<IcmpCodeNeedsType>;

/**
 * The `this` of `.preDnat()`: not on a doNotTrack policy, nor on one that has egress (`E`).
 *
 * @example
 * ```ts
 * type AfterEgress = PreDnatThis<'normal', true>; // DslError<'a pre-DNAT policy has only ingress rules: …'>
 * ```
 */
export type PreDnatThis<M extends PolicyMode, E extends boolean> = M extends 'doNotTrack'
  ? DslError<PreDnatExcludesDoNotTrack>
  : E extends true
    ? DslError<PreDnatHasNoEgress>
    : unknown;

/**
 * The `this` of `.doNotTrack()`: not on a pre-DNAT policy.
 *
 * @example
 * ```ts
 * type OnPreDnat = DoNotTrackThis<'preDnat'>; // DslError<'preDNAT and doNotTrack cannot both be true on one policy'>
 * ```
 */
export type DoNotTrackThis<M extends PolicyMode> = M extends 'preDnat'
  ? DslError<PreDnatExcludesDoNotTrack>
  : unknown;

/**
 * The `this` of `.egress()`: not on a pre-DNAT policy.
 *
 * @example
 * ```ts
 * type OnPreDnat = EgressThis<'preDnat'>; // DslError<'a pre-DNAT policy has only ingress rules: …'>
 * ```
 */
export type EgressThis<M extends PolicyMode> = M extends 'preDnat' ? DslError<PreDnatHasNoEgress> : unknown;

/**
 * The `this` of `.stagedAction()`: only on the staged kinds.
 *
 * @example
 * ```ts
 * type OnEnforced = StagedThis<'GlobalNetworkPolicy'>; // DslError<'stagedAction() only applies to staged policies'>
 * ```
 */
export type StagedThis<K extends string> = K extends `Staged${string}`
  ? unknown
  : DslError<OnlyStagedPolicies>;

/**
 * The `this` of `toResource()` on a policy: only once it has a name (`N`).
 *
 * @example
 * ```ts
 * type Unnamed = NamedThis<false>; // DslError<"this policy has no name yet: …">
 * ```
 */
export type NamedThis<N extends boolean> = N extends true ? unknown : DslError<NameRequired>;

/**
 * What a builder's `toResource()` returns: `R` once it is `Ready` (a policy has its name, an IP
 * pool its CIDR), else the message of what is missing. Before that the call does not compile
 * ({@link NamedThis}, {@link CidrThis}), and the builder is no `ResourceSource`, so
 * `toYaml(preDnat().deny())` does not compile either.
 *
 * @example
 * ```ts
 * type Later = ResourceOnce<false, GlobalNetworkPolicy, NameRequired>; // DslError<"this policy has no name yet: …">
 * type Now = ResourceOnce<true, GlobalNetworkPolicy, NameRequired>; // GlobalNetworkPolicy
 * ```
 */
export type ResourceOnce<Ready extends boolean, R, Missing extends string> = Ready extends true
  ? R
  : DslError<Missing>;

/**
 * The `this` of `toResource()` on an IP pool: only once it has a CIDR (`C`).
 *
 * @example
 * ```ts
 * type NoCidr = CidrThis<false>; // DslError<"this IP pool has no CIDR yet: …">
 * ```
 */
export type CidrThis<C extends boolean> = C extends true ? unknown : DslError<CidrRequired>;
