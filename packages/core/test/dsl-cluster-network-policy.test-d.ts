// Type-state of clusterNetworkPolicy(): tier+priority first, exactly one subject, rules that start
// with an action and need a peer, ingress peers without networks, ports only through a protocol.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ClusterNetworkPolicy,
  type ClusterNetworkPolicyBuilder,
  type ClusterNetworkPolicyStart,
  type ClusterNetworkPolicySubjectStep,
  clusterNetworkPolicy,
  type ResourceSource,
  type Result,
} from '../src/index.js';

describe('must compile', () => {
  it('a guardrail, step by step', () => {
    const start = clusterNetworkPolicy('guard');
    expectTypeOf(start).toEqualTypeOf<ClusterNetworkPolicyStart>();
    const tiered = start.admin(10);
    expectTypeOf(tiered).toEqualTypeOf<ClusterNetworkPolicySubjectStep<'Admin'>>();
    const policy = tiered
      .namespaces()
      .egress((r) => r.deny().toNetworks('169.254.169.254/32'))
      .ingress((r) =>
        r
          .named('from-monitoring')
          .accept()
          .fromNamespaces({ matchLabels: { role: 'mon' } })
          .tcp(9100),
      );
    expectTypeOf(policy).toEqualTypeOf<ClusterNetworkPolicyBuilder<'Admin'>>();
    expectTypeOf(policy.toResource().spec.tier).toEqualTypeOf<'Admin'>();
    expectTypeOf(policy.build()).toEqualTypeOf<
      Result<ClusterNetworkPolicy & { readonly spec: { readonly tier: 'Admin' } }>
    >();
    expectTypeOf(policy).toExtend<ResourceSource<ClusterNetworkPolicy>>();
  });

  it('Baseline takes all three actions in v1alpha2 (Pass included)', () => {
    const b = clusterNetworkPolicy('b')
      .baseline(0)
      .pods({}, { matchLabels: { app: 'web' } })
      .ingress((r) => r.pass().fromPods({}, {}))
      .egress((r) =>
        r.accept().toPods({}, {}).udp(53).tcp(53, { start: 8000, end: 8080 }).namedPort('metrics'),
      );
    expectTypeOf(b.toResource().spec.tier).toEqualTypeOf<'Baseline'>();
  });
});

describe('must not compile', () => {
  it('rules before the subject, a second subject, a second tier', () => {
    // @ts-expect-error no rules before tier, priority and subject
    clusterNetworkPolicy('x').ingress;
    // @ts-expect-error no rules before the subject
    clusterNetworkPolicy('x').admin(1).egress;
    // @ts-expect-error the subject is exactly one of namespaces / pods
    clusterNetworkPolicy('x').admin(1).namespaces().pods;
    // @ts-expect-error the tier is chosen once
    clusterNetworkPolicy('x').admin(1).baseline;
    // @ts-expect-error no resource before the subject
    clusterNetworkPolicy('x').admin(1).toResource;
  });

  it('rules without an action or a peer, networks on ingress, Allow', () => {
    const p = clusterNetworkPolicy('x').admin(1).namespaces();
    // @ts-expect-error a rule needs a peer
    p.ingress((r) => r.deny());
    // @ts-expect-error a rule needs an action first
    p.ingress((r) => r.fromNamespaces());
    // @ts-expect-error ingress peers are namespaces or pods, never networks
    p.ingress((r) => r.deny().toNetworks('10.0.0.0/8'));
    // @ts-expect-error v1alpha2 says Accept, not Allow
    p.ingress((r) => r.allow().fromNamespaces());
    // @ts-expect-error ports only through tcp/udp/sctp
    p.egress((r) => r.deny().toNamespaces().ports(80));
    // @ts-expect-error ports before a peer
    p.egress((r) => r.deny().tcp(80));
  });
});
