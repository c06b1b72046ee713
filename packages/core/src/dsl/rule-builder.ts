import type { Action, IcmpFields, Protocol, Rule, RuleMetadata } from '../resources/rule.js';
import { CalicoValidationError, type Issue } from '../result.js';
import type { SelectorInput } from '../selector/builder.js';
import type { PortInput } from './inputs.js';
import { frozenCopy } from './ir.js';
import type {
  DslError,
  IcmpCodeNeedsType,
  IcmpNeedsProtocol,
  OneProtocolPerRule,
  PortsNeedPortProtocol,
  PortsNeedProtocol,
} from './messages.js';
import {
  addNets,
  addPorts,
  copyHttp,
  copyRuleMetadata,
  type EntityFields,
  type EntityPortFields,
  type HttpInput,
  mergeEntity,
  newRule,
  patchRule,
  type RuleDraft,
  ruleToIR,
  withProtocol,
} from './rule-draft.js';

/**
 * What the type-state knows about a rule's protocol: `none` yet, one with `ports` (TCP, UDP,
 * SCTP), `icmp` (ICMP, ICMPv6), some `other` protocol, or `any` when the protocol is only known as
 * a wide `Protocol` (then both ports and ICMP fields are allowed and `validate` decides).
 *
 * @example
 * ```ts
 * type AfterTcp = RuleBuilder<'ports'>;
 * ```
 */
export type ProtocolState = 'none' | 'ports' | 'icmp' | 'other' | 'any';

/**
 * The protocols whose packets have ports (Calico's `SupportsPorts`), by name and number.
 *
 * @example
 * ```ts
 * const p: PortProtocol = 'SCTP';
 * ```
 */
export type PortProtocol = 'TCP' | 'UDP' | 'SCTP' | 6 | 17 | 132;

/**
 * The protocols that ICMP type/code fields apply to, by name and number.
 *
 * @example
 * ```ts
 * const p: IcmpProtocol = 'ICMPv6';
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
 * The type of `.ports()`/`.notPorts()`/`.fromPorts()` in protocol state `S`: callable once the
 * rule has a port protocol, otherwise a {@link DslError} saying what is missing.
 *
 * @example
 * ```ts
 * type Before = PortsStep<RuleEnd, 'none', false>; // DslError<PortsNeedProtocol>
 * ```
 */
export type PortsStep<H, S extends ProtocolState, T extends boolean> = S extends 'ports' | 'any'
  ? (port: PortInput, ...more: PortInput[]) => RuleChain<H, S, T>
  : S extends 'none'
    ? DslError<PortsNeedProtocol>
    : DslError<PortsNeedPortProtocol>;

/**
 * The type of a protocol-choosing step: `F` while the rule has no protocol, else a {@link DslError}.
 *
 * @example
 * ```ts
 * type Again = ProtocolStep<'ports', () => void>; // DslError<OneProtocolPerRule>
 * ```
 */
export type ProtocolStep<S extends ProtocolState, F> = S extends 'none' ? F : DslError<OneProtocolPerRule>;

/**
 * `.icmp()` / `.icmpv6()`: no arguments, a type, or a type and a code (never a code alone).
 *
 * @example
 * ```ts
 * const start: IcmpStart<RuleEnd> = rule.allow().icmp;
 * ```
 */
export type IcmpStart<H> = {
  (): RuleChain<H, 'icmp', false>;
  (type: number, code?: number): RuleChain<H, 'icmp', true>;
};

/**
 * The type of an ICMP-field step: `F` on ICMP/ICMPv6 rules, else a {@link DslError}.
 *
 * @example
 * ```ts
 * type OnTcp = IcmpStep<'ports', () => void>; // DslError<IcmpNeedsProtocol>
 * ```
 */
export type IcmpStep<S extends ProtocolState, F> = S extends 'icmp' | 'any' ? F : DslError<IcmpNeedsProtocol>;

/**
 * The entity fields `.from()`/`.to()` accept in protocol state `S`: `ports`/`notPorts` only once
 * the rule has a port protocol.
 *
 * @example
 * ```ts
 * const dst: EntityInput<'ports'> = { nets: ['169.46.10.20/32'], ports: [80] };
 * ```
 */
export type EntityInput<S extends ProtocolState> = EntityFields &
  (S extends 'ports' | 'any'
    ? EntityPortFields
    : { readonly ports?: PortsNeedProtocol; readonly notPorts?: PortsNeedProtocol });

/**
 * The steps of building one rule. `H` is what the rule belongs to (a policy builder, whose methods
 * stay reachable, or {@link RuleEnd} for a standalone rule); `S` and `T` are the type-state
 * (protocol class, and whether an ICMP type is set).
 *
 * @example
 * ```ts
 * const r = rule.deny().tcp().ports('30000:32767'); // RuleSteps<RuleEnd, 'ports', false> & RuleEnd
 * ```
 */
export interface RuleSteps<H, S extends ProtocolState, T extends boolean> {
  /** Matches TCP (protocol `TCP`); enables `.ports()`. */
  readonly tcp: ProtocolStep<S, () => RuleChain<H, 'ports', false>>;
  /** Matches UDP; enables `.ports()`. */
  readonly udp: ProtocolStep<S, () => RuleChain<H, 'ports', false>>;
  /** Matches SCTP; enables `.ports()`. */
  readonly sctp: ProtocolStep<S, () => RuleChain<H, 'ports', false>>;
  /** Matches ICMP (IPv4), optionally one ICMP type and code (a code needs a type). */
  readonly icmp: ProtocolStep<S, IcmpStart<H>>;
  /** Matches ICMPv6, optionally one ICMPv6 type and code. */
  readonly icmpv6: ProtocolStep<S, IcmpStart<H>>;
  /** Matches a protocol by Calico name (`'TCP'`, `'UDPLite'`, …) or number 1–255. */
  readonly protocol: ProtocolStep<
    S,
    <P extends Protocol>(protocol: P) => RuleChain<H, ProtocolStateOf<P>, false>
  >;
  /** Matches packets whose protocol is not `protocol`. */
  notProtocol(protocol: Protocol): RuleChain<H, S, T>;
  /** Restricts the rule to IPv4 or IPv6 packets. */
  ipVersion(version: 4 | 6): RuleChain<H, S, T>;
  /** Matches destination ports (numbers, `"min:max"` ranges, named ports); appends. */
  readonly ports: PortsStep<H, S, T>;
  /** Excludes destination ports; appends. */
  readonly notPorts: PortsStep<H, S, T>;
  /** Matches source ports; appends. */
  readonly fromPorts: PortsStep<H, S, T>;
  /** Sets the ICMP type to match. */
  readonly icmpType: IcmpStep<S, (type: number) => RuleChain<H, S, true>>;
  /** Sets the ICMP code to match (after a type). */
  readonly icmpCode: T extends true ? (code: number) => RuleChain<H, S, T> : DslError<IcmpCodeNeedsType>;
  /** Excludes an ICMP type (and code). */
  readonly notIcmp: IcmpStep<S, (type: number, code?: number) => RuleChain<H, S, T>>;
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
  /** Returns to what the rule belongs to (the rule stays added). */
  end(): H;
}

/**
 * A rule in progress attached to `H`: the rule steps plus every method of `H`, so that the next
 * `.deny()` starts another rule and `.order()`, `.selector()`, `.toResource()` act on the policy.
 *
 * @example
 * ```ts
 * const chain = preDnat('deny-nodeports').deny().tcp().ports('30000:32767').order(1100);
 * ```
 */
export type RuleChain<H, S extends ProtocolState = 'none', T extends boolean = false> = RuleSteps<H, S, T> &
  H;

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

/**
 * Turns a {@link RuleInput} into a draft: a standalone builder's own draft (so nothing is printed
 * yet), or a deep-frozen copy of an IR rule taken now, so the caller may go on changing theirs.
 */
export function ruleInputToDraft(input: RuleInput): RuleDraft {
  if (input instanceof RuleImpl) return input.draft;
  return frozenCopy('toRule' in input ? input.toRule() : input);
}

/**
 * The shared implementation of every rule step: subclasses say where the rule being built lives
 * (a standalone draft, or the current rule of a policy).
 */
export abstract class RuleStepsImpl {
  /** Returns a new builder whose current rule is `edit(current rule)`. */
  protected abstract editRule(edit: (draft: RuleDraft) => RuleDraft): RuleStepsImpl;

  tcp(): RuleStepsImpl {
    return this.editRule((d) => withProtocol(d, 'TCP'));
  }
  udp(): RuleStepsImpl {
    return this.editRule((d) => withProtocol(d, 'UDP'));
  }
  sctp(): RuleStepsImpl {
    return this.editRule((d) => withProtocol(d, 'SCTP'));
  }
  icmp(type?: number, code?: number): RuleStepsImpl {
    return this.editRule((d) => withProtocol(d, 'ICMP', icmpFields(type, code)));
  }
  icmpv6(type?: number, code?: number): RuleStepsImpl {
    return this.editRule((d) => withProtocol(d, 'ICMPv6', icmpFields(type, code)));
  }
  protocol(protocol: Protocol): RuleStepsImpl {
    return this.editRule((d) => withProtocol(d, protocol));
  }
  notProtocol(protocol: Protocol): RuleStepsImpl {
    return this.editRule((d) => patchRule(d, { notProtocol: protocol }));
  }
  ipVersion(version: 4 | 6): RuleStepsImpl {
    return this.editRule((d) => patchRule(d, { ipVersion: version }));
  }
  ports(...ports: PortInput[]): RuleStepsImpl {
    return this.editRule((d) => addPorts(d, 'destination', 'ports', ports));
  }
  notPorts(...ports: PortInput[]): RuleStepsImpl {
    return this.editRule((d) => addPorts(d, 'destination', 'notPorts', ports));
  }
  fromPorts(...ports: PortInput[]): RuleStepsImpl {
    return this.editRule((d) => addPorts(d, 'source', 'ports', ports));
  }
  icmpType(type: number): RuleStepsImpl {
    return this.editRule((d) => patchRule(d, { icmp: Object.freeze({ ...d.icmp, type }) }));
  }
  icmpCode(code: number): RuleStepsImpl {
    return this.editRule((d) => patchRule(d, { icmp: Object.freeze({ ...d.icmp, code }) }));
  }
  notIcmp(type: number, code?: number): RuleStepsImpl {
    return this.editRule((d) => patchRule(d, { notICMP: icmpFields(type, code) ?? {} }));
  }
  from(source: EntityFields & EntityPortFields): RuleStepsImpl {
    return this.editRule((d) => mergeEntity(d, 'source', source));
  }
  to(destination: EntityFields & EntityPortFields): RuleStepsImpl {
    return this.editRule((d) => mergeEntity(d, 'destination', destination));
  }
  fromNets(...nets: string[]): RuleStepsImpl {
    return this.editRule((d) => addNets(d, 'source', 'nets', nets));
  }
  toNets(...nets: string[]): RuleStepsImpl {
    return this.editRule((d) => addNets(d, 'destination', 'nets', nets));
  }
  fromSelector(selector: SelectorInput): RuleStepsImpl {
    return this.editRule((d) => mergeEntity(d, 'source', { selector }));
  }
  toSelector(selector: SelectorInput): RuleStepsImpl {
    return this.editRule((d) => mergeEntity(d, 'destination', { selector }));
  }
  http(match: HttpInput): RuleStepsImpl {
    return this.editRule((d) => patchRule(d, { http: Object.freeze(copyHttp(match)) }));
  }
  metadata(metadata: RuleMetadata): RuleStepsImpl {
    return this.editRule((d) => patchRule(d, { metadata: Object.freeze(copyRuleMetadata(metadata)) }));
  }
  abstract end(): unknown;
}

function icmpFields(type: number | undefined, code: number | undefined): IcmpFields | undefined {
  if (type === undefined) return code === undefined ? undefined : { code };
  return code === undefined ? { type } : { type, code };
}

/** A standalone rule: the draft is the whole state. */
class RuleImpl extends RuleStepsImpl implements RuleEnd {
  readonly #draft: RuleDraft;
  constructor(draft: RuleDraft) {
    super();
    this.#draft = draft;
    Object.freeze(this);
  }
  /** The draft, for policies that take this rule (selectors still unprinted). */
  get draft(): RuleDraft {
    return this.#draft;
  }
  protected editRule(edit: (draft: RuleDraft) => RuleDraft): RuleImpl {
    return new RuleImpl(edit(this.#draft));
  }
  end(): RuleImpl {
    return this;
  }
  toRule(): Rule {
    const issues: Issue[] = [];
    const out = ruleToIR(this.#draft, [], issues);
    if (issues.length > 0) throw new CalicoValidationError(issues);
    return out;
  }
}

function start(action: Action): RuleBuilder {
  return new RuleImpl(newRule(action)) as unknown as RuleBuilder;
}

/**
 * Starts standalone rules, for policies built with `.ingress(...rules)` / `.egress(...rules)` and
 * for rules shared between policies.
 *
 * @example
 * ```ts
 * const denyNodePorts = rule.deny().tcp().ports('30000:32767');
 * globalNetworkPolicy('a').ingress(denyNodePorts).toResource().spec.ingress;
 * // [{ action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } }]
 * ```
 */
export const rule: {
  /** A rule with action `Allow`. */
  readonly allow: () => RuleBuilder;
  /** A rule with action `Deny`. */
  readonly deny: () => RuleBuilder;
  /** A rule with action `Pass` (skip to the next tier). */
  readonly pass: () => RuleBuilder;
  /** A rule with action `Log` (log and continue). */
  readonly log: () => RuleBuilder;
} = Object.freeze({
  allow: () => start('Allow'),
  deny: () => start('Deny'),
  pass: () => start('Pass'),
  log: () => start('Log'),
});
