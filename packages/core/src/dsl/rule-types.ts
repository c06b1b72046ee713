import type { CalicoResource } from '../resources/kinds.js';
import type { Protocol, Rule, RuleMetadata } from '../resources/rule.js';
import type { Result } from '../result.js';
import type { SelectorInput } from '../selector/builder.js';
import type { PortInput } from './inputs.js';
import type { NameRequired, PortsNeedProtocol } from './messages.js';
import type { EntityFields, HttpInput } from './rule-draft.js';
import type {
  IcmpCodeThis,
  IcmpThis,
  NamedThis,
  PortsThis,
  ProtocolState,
  ProtocolThis,
  ResourceOnce,
} from './type-state.js';

/**
 * The protocols whose packets have ports (Calico's `SupportsPorts`), by name and number.
 *
 * @example
 * ```ts
 * rule.allow().protocol('SCTP').ports(9).toRule();
 * // { action: 'Allow', protocol: 'SCTP', destination: { ports: [9] } } (a PortProtocol enables .ports())
 * ```
 */
export type PortProtocol = 'TCP' | 'UDP' | 'SCTP' | 6 | 17 | 132;

/**
 * The protocols that ICMP type/code fields apply to, by name and number.
 *
 * @example
 * ```ts
 * rule.allow().protocol('ICMPv6').icmpType(128).toRule();
 * // { action: 'Allow', protocol: 'ICMPv6', icmp: { type: 128 } } (an IcmpProtocol enables ICMP fields)
 * ```
 */
export type IcmpProtocol = 'ICMP' | 'ICMPv6' | 1 | 58;

/**
 * The {@link ProtocolState} a protocol value leads to.
 *
 * @example
 * ```ts
 * type T = ProtocolStateOf<'UDP'>; // 'ports'
 * ```
 */
export type ProtocolStateOf<P extends Protocol> = [P] extends [PortProtocol]
  ? 'ports'
  : [P] extends [IcmpProtocol]
    ? 'icmp'
    : number extends P
      ? 'any'
      : string extends P
        ? 'any'
        : [Extract<P, PortProtocol | IcmpProtocol>] extends [never]
          ? 'other'
          : 'any';

/**
 * The entity fields `.from()`/`.to()` accept in protocol state `S`: `ports`/`notPorts` only once
 * the rule has a port protocol.
 *
 * @example
 * ```ts
 * // On a TCP rule, .from() may carry source ports:
 * rule.allow().tcp().from({ nets: ['198.51.100.7/32'], ports: [1024] }).toRule(); // { action: 'Allow', protocol: 'TCP', source: { nets: ['198.51.100.7/32'], ports: [1024] } }
 * ```
 */
export type EntityInput<S extends ProtocolState> = EntityFields & {
  readonly ports?: EntityPorts<S>;
  readonly notPorts?: EntityPorts<S>;
};

/**
 * The type of `ports`/`notPorts` in `.from()`/`.to()` in protocol state `S`: port inputs once the
 * rule has a port protocol, else the message saying what is missing.
 *
 * @example
 * ```ts
 * // Port inputs once the rule has a port protocol (without one, `ports` does not type-check):
 * rule.deny().udp().to({ ports: [53, '30000:32767'] }).toRule(); // { action: 'Deny', protocol: 'UDP', destination: { ports: [53, '30000:32767'] } }
 * ```
 */
export type EntityPorts<S extends ProtocolState> = S extends 'ports' | 'any'
  ? readonly PortInput[]
  : PortsNeedProtocol;

/**
 * The steps of building one rule. `H` is what the rule ends in (a {@link PolicyRuleEnd}, or
 * {@link RuleEnd} for a standalone rule); `S` and `T` are the type-state (protocol class, and
 * whether an ICMP type is set). A step Calico would reject in the current state needs a `this` no
 * builder is (see `type-state.ts`), so it does not compile and the error shows why.
 *
 * @example
 * ```ts
 * const r = rule.deny().tcp().ports('30000:32767'); // RuleSteps<RuleEnd, 'ports', false> & RuleEnd
 * ```
 */
export interface RuleSteps<H, S extends ProtocolState, T extends boolean> {
  /** Matches TCP (protocol `TCP`); enables `.ports()`. */
  tcp(this: ProtocolThis<S>): RuleChain<H, 'ports', false>;
  /** Matches UDP; enables `.ports()`. */
  udp(this: ProtocolThis<S>): RuleChain<H, 'ports', false>;
  /** Matches SCTP; enables `.ports()`. */
  sctp(this: ProtocolThis<S>): RuleChain<H, 'ports', false>;
  /** Matches ICMP (IPv4), any type. */
  icmp(this: ProtocolThis<S>): RuleChain<H, 'icmp', false>;
  /** Matches ICMP (IPv4) of one type, and optionally one code. */
  icmp(this: ProtocolThis<S>, type: number, code?: number): RuleChain<H, 'icmp', true>;
  /** Matches ICMPv6, any type. */
  icmpv6(this: ProtocolThis<S>): RuleChain<H, 'icmp', false>;
  /** Matches ICMPv6 of one type, and optionally one code. */
  icmpv6(this: ProtocolThis<S>, type: number, code?: number): RuleChain<H, 'icmp', true>;
  /** Matches a protocol by Calico name (`'TCP'`, `'UDPLite'`, …) or number 1–255. */
  protocol<P extends Protocol>(this: ProtocolThis<S>, protocol: P): RuleChain<H, ProtocolStateOf<P>, false>;
  /** Matches packets whose protocol is not `protocol`. */
  notProtocol(protocol: Protocol): RuleChain<H, S, T>;
  /** Restricts the rule to IPv4 or IPv6 packets. */
  ipVersion(version: 4 | 6): RuleChain<H, S, T>;
  /** Matches destination ports (numbers, `"min:max"` ranges, named ports); appends. */
  ports(this: PortsThis<S>, port: PortInput, ...more: PortInput[]): RuleChain<H, S, T>;
  /** Excludes destination ports; appends. */
  notPorts(this: PortsThis<S>, port: PortInput, ...more: PortInput[]): RuleChain<H, S, T>;
  /** Matches source ports; appends. */
  fromPorts(this: PortsThis<S>, port: PortInput, ...more: PortInput[]): RuleChain<H, S, T>;
  /** Sets the ICMP type to match. */
  icmpType(this: IcmpThis<S>, type: number): RuleChain<H, S, true>;
  /** Sets the ICMP code to match (after a type). */
  icmpCode(this: IcmpCodeThis<T>, code: number): RuleChain<H, S, T>;
  /** Excludes an ICMP type (and code). */
  notIcmp(this: IcmpThis<S>, type: number, code?: number): RuleChain<H, S, T>;
  /** Merges source criteria: list fields append, other fields replace. */
  from(source: EntityInput<S>): RuleChain<H, S, T>;
  /** Merges destination criteria: list fields append, other fields replace. */
  to(destination: EntityInput<S>): RuleChain<H, S, T>;
  /** Appends source CIDRs (`source.nets`). */
  fromNets(...nets: string[]): RuleChain<H, S, T>;
  /** Appends destination CIDRs (`destination.nets`). */
  toNets(...nets: string[]): RuleChain<H, S, T>;
  /** Sets the source selector (`source.selector`). */
  fromSelector(selector: SelectorInput): RuleChain<H, S, T>;
  /** Sets the destination selector (`destination.selector`). */
  toSelector(selector: SelectorInput): RuleChain<H, S, T>;
  /** Sets the HTTP match (application layer policy; Allow ingress rules only). */
  http(match: HttpInput): RuleChain<H, S, T>;
  /** Sets the rule's metadata (annotations). */
  metadata(metadata: RuleMetadata): RuleChain<H, S, T>;
}

/**
 * A rule in progress: the rule steps plus what the rule ends in (`H`).
 *
 * @example
 * ```ts
 * const chain: RuleChain<RuleEnd, 'ports'> = rule.deny().tcp().ports('30000:32767');
 * ```
 */
export type RuleChain<H, S extends ProtocolState = 'none', T extends boolean = false> = RuleSteps<H, S, T> &
  H;

/**
 * What a rule of a policy ends in: the next rule (`.allow()` …), the policy's resource, or
 * `.end()` back to the policy `P`. Policy fields (`.selector()`, `.order()` …) are not rule steps,
 * so they are set on the policy, before the rules or after `.end()`: a selector in a rule chain
 * is always the rule's (`.toSelector()`, `.fromSelector()`).
 *
 * @example
 * ```ts
 * preDnat('deny-lb-80').order(800).selector("ibm.role == 'worker_public'")
 *   .deny().tcp().toNets('169.46.10.20/32').ports(80)
 *   .end().labels({ lesson: '3' })
 *   .toResource();
 * ```
 */
export interface PolicyRuleEnd<P, R extends CalicoResource, N extends boolean> {
  /** Starts an `Allow` rule in the current direction. */
  allow(): RuleChain<PolicyRuleEnd<P, R, N>>;
  /** Starts a `Deny` rule in the current direction. */
  deny(): RuleChain<PolicyRuleEnd<P, R, N>>;
  /** Starts a `Pass` rule (skip to the next tier) in the current direction. */
  pass(): RuleChain<PolicyRuleEnd<P, R, N>>;
  /** Starts a `Log` rule (log and continue) in the current direction. */
  log(): RuleChain<PolicyRuleEnd<P, R, N>>;
  /** Back to the policy (the rule stays added), to set policy fields or switch direction. */
  end(): P;
  /** The policy's resource, this rule included; throws `CalicoValidationError` if Calico would reject it. */
  toResource(this: NamedThis<N>): ResourceOnce<N, R, NameRequired>;
  /** The policy's resource as a `Result`; never throws. */
  build(): Result<R>;
}

/**
 * What a standalone rule ends in: it can be turned into an IR {@link Rule}.
 *
 * @example
 * ```ts
 * rule.allow().tcp().ports(443).toRule(); // { action: 'Allow', protocol: 'TCP', destination: { ports: [443] } }
 * ```
 */
export interface RuleEnd {
  /**
   * The IR rule, deep-frozen, keys in upstream order. Throws `CalicoValidationError` only when a
   * selector builder given to the rule carries issues; everything else is checked by the policy.
   */
  toRule(): Rule;
}

/**
 * A standalone rule builder, for `.ingress(...rules)` / `.egress(...rules)`.
 *
 * @example
 * ```ts
 * const ssh: RuleBuilder<'ports'> = rule.allow().tcp().ports(22);
 * ```
 */
export type RuleBuilder<S extends ProtocolState = 'none', T extends boolean = false> = RuleChain<
  RuleEnd,
  S,
  T
>;

/**
 * Anything `.ingress()`/`.egress()` accept as a rule: a rule builder or an IR rule object.
 *
 * @example
 * ```ts
 * const rules: RuleInput[] = [rule.deny().udp().ports(53), { action: 'Allow' }];
 * ```
 */
export type RuleInput = RuleEnd | Rule;
