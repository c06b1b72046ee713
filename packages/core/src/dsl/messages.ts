/**
 * Compile-time error messages of the DSL's type-state. A method that Calico would reject in the
 * current state has the type `DslError<message>` instead of a call signature, so misuse reads as
 * "This expression is not callable. Type 'DslError<"ports() needs .tcp(), .udp() or .sctp()
 * first">' has no call signatures" instead of an opaque `never`.
 */

/**
 * The type a builder method has when Calico would reject calling it in the current state; the
 * message says why and what to do instead.
 *
 * @example
 * ```ts
 * // error: Type 'DslError<"a pre-DNAT policy has only ingress rules: …">' has no call signatures.
 * // @ts-expect-error
 * preDnat().egress();
 * ```
 */
export interface DslError<Message extends string> {
  readonly dslError: Message;
}

/**
 * Shown when `.ports()`/`.notPorts()` is called before the rule has a port protocol.
 *
 * @example
 * ```ts
 * // @ts-expect-error ports need TCP, UDP or SCTP first
 * preDnat().deny().ports('80');
 * ```
 */
export type PortsNeedProtocol = 'ports() needs .tcp(), .udp() or .sctp() first';

/**
 * Shown when `.ports()` is called on an ICMP/ICMPv6 (or other portless protocol) rule.
 *
 * @example
 * ```ts
 * // @ts-expect-error ICMP has no ports
 * preDnat().deny().icmp().ports('80');
 * ```
 */
export type PortsNeedPortProtocol =
  'ports() only applies to TCP, UDP or SCTP rules: this rule matches a protocol without ports';

/**
 * Shown when ICMP type/code methods are called on a rule that is not ICMP or ICMPv6.
 *
 * @example
 * ```ts
 * // @ts-expect-error
 * rule.allow().tcp().icmpType(8);
 * ```
 */
export type IcmpNeedsProtocol = 'ICMP fields need .icmp() or .icmpv6() first';

/**
 * Shown when `.icmpCode()` is called before an ICMP type was set.
 *
 * @example
 * ```ts
 * // @ts-expect-error
 * rule.allow().icmp().icmpCode(0);
 * ```
 */
export type IcmpCodeNeedsType =
  'icmpCode() needs an ICMP type first: use .icmp(type, code) or .icmpType(type)';

/**
 * Shown when a second protocol is chosen for one rule.
 *
 * @example
 * ```ts
 * // @ts-expect-error
 * rule.allow().tcp().udp();
 * ```
 */
export type OneProtocolPerRule =
  'a rule matches one protocol: start another rule (.allow(), .deny(), .pass(), .log()) for the next protocol';

/**
 * Shown when egress rules are added to a pre-DNAT policy.
 *
 * @example
 * ```ts
 * // @ts-expect-error pre-DNAT policy has no egress
 * preDnat().egress();
 * ```
 */
export type PreDnatHasNoEgress = 'a pre-DNAT policy has only ingress rules: Calico rejects egress on preDNAT';

/**
 * Shown when pre-DNAT and doNotTrack are combined on one policy.
 *
 * @example
 * ```ts
 * // @ts-expect-error
 * preDnat().doNotTrack();
 * ```
 */
export type PreDnatExcludesDoNotTrack = 'preDNAT and doNotTrack cannot both be true on one policy';

/**
 * Shown when `stagedAction()` is called on a policy that is not staged.
 *
 * @example
 * ```ts
 * // @ts-expect-error
 * globalNetworkPolicy('a').stagedAction('Set');
 * ```
 */
export type OnlyStagedPolicies = 'stagedAction() only applies to staged policies';

/**
 * Shown when a rule or spec field is added to a staged policy after `.stagedAction('Delete')`:
 * Calico's validator wants a staged Delete's spec empty but for `tier`.
 *
 * @example
 * ```ts
 * // @ts-expect-error
 * stagedGlobalNetworkPolicy('a').stagedAction('Delete').deny();
 * stagedGlobalNetworkPolicy('a').stagedAction('Delete').tier('security').toResource(); // ok
 * ```
 */
export type StagedDeleteHasNoSpec =
  "stagedAction('Delete') only names the policy to remove: Calico rejects rules and spec fields on it (tier aside)";

/**
 * Shown when `toResource()` is called on a policy that has no name yet.
 *
 * @example
 * ```ts
 * // @ts-expect-error
 * preDnat().deny().tcp().ports('30000:32767').toResource();
 * preDnat().name('deny-nodeports').deny().tcp().ports('30000:32767').toResource(); // ok
 * ```
 */
export type NameRequired =
  "this policy has no name yet: pass it to the factory (preDnat('deny-nodeports')) or call .name('…') first";

/**
 * Shown when `toResource()` is called on an IP pool that has no CIDR yet (Calico requires one).
 *
 * @example
 * ```ts
 * // @ts-expect-error
 * ipPool('pods').natOutgoing().toResource();
 * ipPool('pods').cidr('10.244.0.0/16').natOutgoing().toResource(); // ok
 * ```
 */
export type CidrRequired = "this IP pool has no CIDR yet: call .cidr('10.244.0.0/16') first";
