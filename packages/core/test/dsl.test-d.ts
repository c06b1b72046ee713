import { describe, expectTypeOf, it } from 'vitest';
import {
  type DslError,
  doNotTrack,
  type GlobalNetworkPolicy,
  type GlobalNetworkPolicyBuilder,
  type GlobalStagedDeleteBuilder,
  globalNetworkPolicy,
  type IcmpCodeNeedsType,
  type IcmpNeedsProtocol,
  type NameRequired,
  type NamespacedStagedDeleteBuilder,
  type NetworkPolicy,
  networkPolicy,
  type OneProtocolPerRule,
  type OnlyStagedPolicies,
  type PolicyMode,
  type PolicyRuleEnd,
  type PortsNeedPortProtocol,
  type PortsNeedProtocol,
  type PreDnatExcludesDoNotTrack,
  type PreDnatHasNoEgress,
  preDnat,
  profile,
  type ResourceSource,
  type Result,
  type Rule,
  type RuleBuilder,
  type RuleChain,
  rule,
  type StagedDeleteHasNoSpec,
  type StagedGlobalNetworkPolicy,
  type StagedKubernetesDeleteBuilder,
  type StagedKubernetesNetworkPolicy,
  type StagedNetworkPolicy,
  stagedGlobalNetworkPolicy,
  stagedKubernetesNetworkPolicy,
  stagedNetworkPolicy,
  type Tier,
  tier,
} from '../src/index.js';

describe('must compile', () => {
  it('the design card expression (contract.md)', () => {
    const card = preDnat().deny().tcp().ports('30000:32767');
    expectTypeOf(card).toEqualTypeOf<
      RuleChain<
        PolicyRuleEnd<
          GlobalNetworkPolicyBuilder<'preDnat', false, 'GlobalNetworkPolicy', false>,
          GlobalNetworkPolicy,
          false
        >,
        'ports',
        false
      >
    >();
    expectTypeOf(card.build()).toEqualTypeOf<Result<GlobalNetworkPolicy>>();
    const named = preDnat('deny-nodeports').deny().udp().ports('30000:32767');
    expectTypeOf(named.toResource()).toEqualTypeOf<GlobalNetworkPolicy>();
    expectTypeOf(preDnat().name('deny-nodeports').deny().toResource()).toEqualTypeOf<GlobalNetworkPolicy>();
  });

  it('chained rules start the next rule; .end() goes back to the policy', () => {
    const p = preDnat('deny-nodeports')
      .order(1100)
      .selector("ibm.role=='worker_public'")
      .deny()
      .tcp()
      .ports('30000:32767')
      .deny()
      .udp()
      .ports('30000:32767')
      .end()
      .labels({ team: 'net' });
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

  it('a staged Delete takes metadata and tier, and gives the staged kind', () => {
    const g = stagedGlobalNetworkPolicy('a').stagedAction('Delete');
    expectTypeOf(g).toEqualTypeOf<GlobalStagedDeleteBuilder<'StagedGlobalNetworkPolicy', true>>();
    expectTypeOf(
      g.labels({ a: 'b' }).annotations({ c: 'd' }).tier('t').name('t.b').toResource(),
    ).toEqualTypeOf<StagedGlobalNetworkPolicy>();
    const n = stagedNetworkPolicy('a', 'b').stagedAction('Delete');
    expectTypeOf(n).toEqualTypeOf<NamespacedStagedDeleteBuilder<'StagedNetworkPolicy', true>>();
    expectTypeOf(n.namespace('c').tier('t').build()).toEqualTypeOf<Result<StagedNetworkPolicy>>();
    const k = stagedKubernetesNetworkPolicy('a', 'b').stagedAction('Delete');
    expectTypeOf(k).toEqualTypeOf<StagedKubernetesDeleteBuilder>();
    expectTypeOf(
      k.namespace('c').labels({ a: 'b' }).toResource(),
    ).toEqualTypeOf<StagedKubernetesNetworkPolicy>();
    // Any other action keeps the whole builder.
    stagedGlobalNetworkPolicy('a').stagedAction('Set').deny().tcp().ports(80);
    stagedKubernetesNetworkPolicy('a', 'b').stagedAction('Learn').policyTypes('Ingress');
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

  it('surfaces every DslError message as the `this` a rejected step needs', () => {
    type ThisOf<F> = F extends (this: infer T, ...args: never[]) => unknown ? T : never;
    type Gnp<M extends PolicyMode, E extends boolean = false> = GlobalNetworkPolicyBuilder<M, E>;
    expectTypeOf<ThisOf<Gnp<'preDnat'>['egress']>>().toEqualTypeOf<DslError<PreDnatHasNoEgress>>();
    expectTypeOf<ThisOf<Gnp<'normal', true>['preDnat']>>().toEqualTypeOf<DslError<PreDnatHasNoEgress>>();
    expectTypeOf<ThisOf<Gnp<'preDnat'>['doNotTrack']>>().toEqualTypeOf<DslError<PreDnatExcludesDoNotTrack>>();
    expectTypeOf<ThisOf<Gnp<'doNotTrack'>['preDnat']>>().toEqualTypeOf<DslError<PreDnatExcludesDoNotTrack>>();
    expectTypeOf<ThisOf<Gnp<'normal'>['stagedAction']>>().toEqualTypeOf<DslError<OnlyStagedPolicies>>();
    expectTypeOf<ThisOf<GlobalStagedDeleteBuilder['deny']>>().toEqualTypeOf<
      DslError<StagedDeleteHasNoSpec>
    >();
    expectTypeOf<ThisOf<NamespacedStagedDeleteBuilder['selector']>>().toEqualTypeOf<
      DslError<StagedDeleteHasNoSpec>
    >();
    expectTypeOf<ThisOf<StagedKubernetesDeleteBuilder['ingress']>>().toEqualTypeOf<
      DslError<StagedDeleteHasNoSpec>
    >();
    expectTypeOf<ThisOf<RuleBuilder['ports']>>().toEqualTypeOf<DslError<PortsNeedProtocol>>();
    expectTypeOf<ThisOf<RuleBuilder<'icmp'>['ports']>>().toEqualTypeOf<DslError<PortsNeedPortProtocol>>();
    expectTypeOf<ThisOf<RuleBuilder<'ports'>['tcp']>>().toEqualTypeOf<DslError<OneProtocolPerRule>>();
    expectTypeOf<ThisOf<RuleBuilder<'ports'>['icmpType']>>().toEqualTypeOf<DslError<IcmpNeedsProtocol>>();
    expectTypeOf<ThisOf<RuleBuilder<'icmp', false>['icmpCode']>>().toEqualTypeOf<
      DslError<IcmpCodeNeedsType>
    >();
    type Unnamed = GlobalNetworkPolicyBuilder<'normal', false, 'GlobalNetworkPolicy', false>;
    expectTypeOf<ThisOf<Unnamed['toResource']>>().toEqualTypeOf<DslError<NameRequired>>();
    // and allowed steps take any `this`
    expectTypeOf<ThisOf<RuleBuilder<'ports'>['ports']>>().toEqualTypeOf<unknown>();
    expectTypeOf<ThisOf<Gnp<'normal'>['toResource']>>().toEqualTypeOf<unknown>();
  });

  it('a policy needs a name before toResource()', () => {
    // @ts-expect-error no name yet
    preDnat().deny().tcp().ports('30000:32767').toResource();
    // @ts-expect-error no name yet
    globalNetworkPolicy().toResource();
    // @ts-expect-error no name yet
    networkPolicy().allow().toResource();
    networkPolicy().name('a').namespace('b').allow().toResource();
  });

  it('a policy without a name is no resource source (toYaml, apply and World.from take those)', () => {
    expectTypeOf(preDnat().deny().tcp()).not.toExtend<ResourceSource>();
    expectTypeOf(globalNetworkPolicy()).not.toExtend<ResourceSource>();
    expectTypeOf(networkPolicy().allow().end()).not.toExtend<ResourceSource>();
    expectTypeOf(preDnat('deny-nodeports').deny().tcp()).toExtend<ResourceSource>();
    expectTypeOf(networkPolicy().name('a').namespace('b').allow()).toExtend<ResourceSource>();
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

  it('a staged Delete has no rules and no spec field but tier (validateStaged…Policy)', () => {
    const g = stagedGlobalNetworkPolicy('a').stagedAction('Delete');
    // @ts-expect-error
    g.deny();
    // @ts-expect-error
    g.allow();
    // @ts-expect-error
    g.ingress();
    // @ts-expect-error
    g.egress();
    // @ts-expect-error
    g.selector('all()');
    // @ts-expect-error
    g.types('Ingress');
    // @ts-expect-error
    g.order(1);
    // @ts-expect-error
    g.preDnat();
    // @ts-expect-error
    g.doNotTrack();
    // @ts-expect-error
    g.applyOnForward();
    // @ts-expect-error
    g.namespaceSelector('all()');
    // @ts-expect-error
    g.performanceHints('AssumeNeededOnEveryNode');
    // @ts-expect-error
    stagedNetworkPolicy('a', 'b').stagedAction('Delete').pass();
    // @ts-expect-error
    stagedNetworkPolicy('a', 'b').stagedAction('Delete').serviceAccountSelector('all()');
    // @ts-expect-error
    stagedNetworkPolicy('a', 'b').stagedAction('Delete').log();
    // @ts-expect-error
    stagedKubernetesNetworkPolicy('a', 'b').stagedAction('Delete').podSelector({});
    // @ts-expect-error
    stagedKubernetesNetworkPolicy('a', 'b').stagedAction('Delete').egress({});
    // @ts-expect-error
    stagedKubernetesNetworkPolicy('a', 'b').stagedAction('Delete').policyTypes('Ingress');
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
    // @ts-expect-error a policy's selector is set on the policy, not in a rule chain (.end() first)
    preDnat('a').deny().tcp().toNets('10.0.0.1/32').ports(80).selector('all()');
    // @ts-expect-error
    preDnat('a').deny().order(800);
    preDnat('a').deny().tcp().toNets('10.0.0.1/32').ports(80).end().selector('all()').order(800);
  });
});
