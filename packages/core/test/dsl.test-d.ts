import { describe, expectTypeOf, it } from 'vitest';
import {
  type DslError,
  doNotTrack,
  type GlobalNetworkPolicy,
  type GlobalNetworkPolicyBuilder,
  globalNetworkPolicy,
  type NetworkPolicy,
  networkPolicy,
  type PortsNeedProtocol,
  type PreDnatHasNoEgress,
  preDnat,
  profile,
  type Result,
  type Rule,
  type RuleChain,
  rule,
  stagedGlobalNetworkPolicy,
  stagedNetworkPolicy,
  type Tier,
  tier,
} from '../src/index.js';

describe('must compile', () => {
  it('the design card expression (contract.md)', () => {
    const card = preDnat().deny().tcp().ports('30000:32767');
    expectTypeOf(card).toEqualTypeOf<RuleChain<GlobalNetworkPolicyBuilder<'preDnat'>, 'ports', false>>();
    expectTypeOf(card.toResource()).toEqualTypeOf<GlobalNetworkPolicy>();
    expectTypeOf(
      preDnat().deny().udp().ports('30000:32767').toResource,
    ).returns.toEqualTypeOf<GlobalNetworkPolicy>();
  });

  it('chained rules keep the policy reachable', () => {
    const p = preDnat('deny-nodeports')
      .deny()
      .tcp()
      .ports('30000:32767')
      .deny()
      .udp()
      .ports('30000:32767')
      .order(1100)
      .selector("ibm.role=='worker_public'");
    expectTypeOf(p).toEqualTypeOf<GlobalNetworkPolicyBuilder<'preDnat'>>();
    expectTypeOf(p.build()).toEqualTypeOf<Result<GlobalNetworkPolicy>>();
  });

  it('resource types follow the kind', () => {
    expectTypeOf(networkPolicy('a', 'b').toResource()).toEqualTypeOf<NetworkPolicy>();
    expectTypeOf(tier('t').toResource()).toEqualTypeOf<Tier>();
    expectTypeOf(
      stagedGlobalNetworkPolicy('s').toResource().kind,
    ).toEqualTypeOf<'StagedGlobalNetworkPolicy'>();
    expectTypeOf(rule.allow().toRule()).toEqualTypeOf<Rule>();
  });

  it('ports after TCP/UDP/SCTP or a port-capable protocol', () => {
    rule.allow().tcp().ports(80, '443', '8000:8080', 'http').notPorts(8081).fromPorts('1024:65535');
    rule.allow().sctp().ports(9);
    rule.allow().protocol('UDP').ports(53);
    rule.allow().protocol(17).ports(53);
    rule
      .allow()
      .tcp()
      .to({ ports: [80], nets: ['10.0.0.0/8'] });
    // a protocol only known as a wide type leaves the decision to validate
    const p = 'TCP' as 'TCP' | 'ICMP';
    rule.allow().protocol(p).ports(80);
  });

  it('ICMP fields after ICMP', () => {
    rule.allow().icmp(8);
    rule.allow().icmp(3, 1);
    rule.allow().icmpv6(128).notIcmp(129);
    rule.allow().icmp().icmpType(3).icmpCode(1);
    rule.allow().protocol('ICMP').icmpType(8);
  });

  it('egress on normal, doNotTrack, namespaced policies and profiles', () => {
    globalNetworkPolicy('a').egress().allow();
    doNotTrack('a').egress(rule.allow());
    networkPolicy('a', 'b').egress().deny().tcp().ports(25);
    profile('p').egress().allow();
    stagedNetworkPolicy('a', 'b').stagedAction('Delete');
  });
});

describe('must not compile', () => {
  it('the three acceptance cases (shared/acceptance/lib/dsl-types.sh)', () => {
    // @ts-expect-error pre-DNAT policy has no egress
    preDnat().egress();
    // @ts-expect-error ports need TCP, UDP or SCTP first
    preDnat().deny().ports('80');
    // @ts-expect-error ICMP has no ports
    preDnat().deny().icmp().ports('80');
  });

  it('surfaces readable messages, not never', () => {
    expectTypeOf(preDnat().egress).toEqualTypeOf<DslError<PreDnatHasNoEgress>>();
    expectTypeOf(preDnat().deny().ports).toEqualTypeOf<DslError<PortsNeedProtocol>>();
    expectTypeOf(preDnat().deny().ports).not.toBeNever();
  });

  it('pre-DNAT has no egress in any form', () => {
    // @ts-expect-error
    preDnat().egress(rule.allow());
    // @ts-expect-error
    preDnat().deny().egress();
    // @ts-expect-error only Ingress is a valid type for pre-DNAT
    preDnat().types('Egress');
    // @ts-expect-error a policy that already has egress cannot become pre-DNAT
    globalNetworkPolicy('a').egress().preDnat();
  });

  it('pre-DNAT and doNotTrack are exclusive', () => {
    // @ts-expect-error
    preDnat().doNotTrack();
    // @ts-expect-error
    doNotTrack().preDnat();
    // @ts-expect-error
    globalNetworkPolicy('a').preDnat().doNotTrack();
  });

  it('applyOnForward cannot be turned off for pre-DNAT / doNotTrack', () => {
    preDnat().applyOnForward(true);
    // @ts-expect-error
    preDnat().applyOnForward(false);
    // @ts-expect-error
    doNotTrack().applyOnForward(false);
  });

  it('ports need a port protocol', () => {
    // @ts-expect-error
    rule.allow().ports(80);
    // @ts-expect-error
    rule.allow().notPorts(80);
    // @ts-expect-error
    rule.allow().fromPorts(80);
    // @ts-expect-error
    rule.allow().icmpv6().ports(80);
    // @ts-expect-error UDPLite has no ports in Calico
    rule.allow().protocol('UDPLite').ports(80);
    // @ts-expect-error
    rule.allow().to({ ports: [80] });
    const icmp = rule.allow().icmp();
    // @ts-expect-error
    icmp.from({ notPorts: [80] });
  });

  it('ICMP fields need ICMP, and a code needs a type', () => {
    // @ts-expect-error
    rule.allow().icmpType(8);
    // @ts-expect-error
    rule.allow().tcp().icmpType(8);
    // @ts-expect-error
    rule.allow().udp().notIcmp(8);
    // @ts-expect-error code before type
    rule.allow().icmp().icmpCode(3);
    // @ts-expect-error code without type
    rule.allow().icmp(undefined, 3);
  });

  it('one protocol per rule', () => {
    // @ts-expect-error
    rule.allow().tcp().udp();
    // @ts-expect-error
    rule.allow().icmp().tcp();
    // @ts-expect-error
    rule.allow().tcp().protocol('UDP');
  });

  it('stagedAction only on staged policies; no preDnat on namespaced policies', () => {
    // @ts-expect-error
    globalNetworkPolicy('a').stagedAction('Set');
    // @ts-expect-error
    networkPolicy('a', 'b').stagedAction('Set');
    // @ts-expect-error
    networkPolicy('a', 'b').preDnat();
    // @ts-expect-error
    networkPolicy('a', 'b').namespaceSelector('all()');
  });

  it('policy methods are not rule methods and vice versa', () => {
    // @ts-expect-error a policy has no protocol; start a rule first
    globalNetworkPolicy('a').tcp();
    // @ts-expect-error
    rule.allow().order(1);
  });
});
