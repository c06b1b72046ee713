import type { IcmpFields, Protocol, RuleMetadata } from '../resources/rule.js';
import type { SelectorInput } from '../selector/builder.js';
import type { PortInput } from './inputs.js';
import {
  addNets,
  addPorts,
  copyHttp,
  copyRuleMetadata,
  type HttpInput,
  mergeEntity,
  patchRule,
  type RuleDraft,
  withProtocol,
} from './rule-draft.js';
import type { EntityInput, ProtocolStateOf, RuleChain, RuleSteps } from './rule-types.js';
import type { ProtocolState } from './type-state.js';

/**
 * The shared implementation of every rule step: subclasses say where the rule being built lives
 * (a standalone rule, or a rule of a policy) by making the next builder from a draft.
 */
export abstract class RuleStepsImpl<H, S extends ProtocolState, T extends boolean>
  implements RuleSteps<H, S, T>
{
  /** The rule so far (selectors still unprinted). */
  abstract get draft(): RuleDraft;
  /** The next builder, for `draft`, in type-state `S2`/`T2`. */
  protected abstract next<S2 extends ProtocolState, T2 extends boolean>(
    draft: RuleDraft,
  ): RuleChain<H, S2, T2>;

  tcp(): RuleChain<H, 'ports', false> {
    return this.next(withProtocol(this.draft, 'TCP'));
  }
  udp(): RuleChain<H, 'ports', false> {
    return this.next(withProtocol(this.draft, 'UDP'));
  }
  sctp(): RuleChain<H, 'ports', false> {
    return this.next(withProtocol(this.draft, 'SCTP'));
  }
  icmp(): RuleChain<H, 'icmp', false>;
  icmp(type: number, code?: number): RuleChain<H, 'icmp', true>;
  icmp(type?: number, code?: number): RuleChain<H, 'icmp', boolean> {
    return this.next(withProtocol(this.draft, 'ICMP', icmpFields(type, code)));
  }
  icmpv6(): RuleChain<H, 'icmp', false>;
  icmpv6(type: number, code?: number): RuleChain<H, 'icmp', true>;
  icmpv6(type?: number, code?: number): RuleChain<H, 'icmp', boolean> {
    return this.next(withProtocol(this.draft, 'ICMPv6', icmpFields(type, code)));
  }
  protocol<P extends Protocol>(protocol: P): RuleChain<H, ProtocolStateOf<P>, false> {
    return this.next(withProtocol(this.draft, protocol));
  }
  notProtocol(protocol: Protocol): RuleChain<H, S, T> {
    return this.next(patchRule(this.draft, { notProtocol: protocol }));
  }
  ipVersion(version: 4 | 6): RuleChain<H, S, T> {
    return this.next(patchRule(this.draft, { ipVersion: version }));
  }
  ports(...ports: PortInput[]): RuleChain<H, S, T> {
    return this.next(addPorts(this.draft, 'destination', 'ports', ports));
  }
  notPorts(...ports: PortInput[]): RuleChain<H, S, T> {
    return this.next(addPorts(this.draft, 'destination', 'notPorts', ports));
  }
  fromPorts(...ports: PortInput[]): RuleChain<H, S, T> {
    return this.next(addPorts(this.draft, 'source', 'ports', ports));
  }
  icmpType(type: number): RuleChain<H, S, true> {
    return this.next(patchRule(this.draft, { icmp: Object.freeze({ ...this.draft.icmp, type }) }));
  }
  icmpCode(code: number): RuleChain<H, S, T> {
    return this.next(patchRule(this.draft, { icmp: Object.freeze({ ...this.draft.icmp, code }) }));
  }
  notIcmp(type: number, code?: number): RuleChain<H, S, T> {
    return this.next(patchRule(this.draft, { notICMP: icmpFields(type, code) ?? {} }));
  }
  from(source: EntityInput<S>): RuleChain<H, S, T> {
    return this.next(mergeEntity(this.draft, 'source', source));
  }
  to(destination: EntityInput<S>): RuleChain<H, S, T> {
    return this.next(mergeEntity(this.draft, 'destination', destination));
  }
  fromNets(...nets: string[]): RuleChain<H, S, T> {
    return this.next(addNets(this.draft, 'source', 'nets', nets));
  }
  toNets(...nets: string[]): RuleChain<H, S, T> {
    return this.next(addNets(this.draft, 'destination', 'nets', nets));
  }
  fromSelector(selector: SelectorInput): RuleChain<H, S, T> {
    return this.next(mergeEntity(this.draft, 'source', { selector }));
  }
  toSelector(selector: SelectorInput): RuleChain<H, S, T> {
    return this.next(mergeEntity(this.draft, 'destination', { selector }));
  }
  http(match: HttpInput): RuleChain<H, S, T> {
    return this.next(patchRule(this.draft, { http: Object.freeze(copyHttp(match)) }));
  }
  metadata(metadata: RuleMetadata): RuleChain<H, S, T> {
    return this.next(patchRule(this.draft, { metadata: Object.freeze(copyRuleMetadata(metadata)) }));
  }
}

function icmpFields(type: number | undefined, code: number | undefined): IcmpFields | undefined {
  if (type === undefined) return code === undefined ? undefined : { code };
  return code === undefined ? { type } : { type, code };
}

/** A standalone rule: the draft is the whole state. */
