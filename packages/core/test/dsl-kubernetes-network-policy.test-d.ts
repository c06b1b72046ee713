// Types of kubernetesNetworkPolicy(): Kubernetes' own objects as rules, its own resource type out.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type K8sNetworkPolicy,
  type KubernetesNetworkPolicyBuilder,
  kubernetesNetworkPolicy,
  type ResourceSource,
  type Result,
} from '../src/index.js';

describe('kubernetesNetworkPolicy types', () => {
  it('builds a K8sNetworkPolicy, a source toYaml and World.from take', () => {
    const p = kubernetesNetworkPolicy('a', 'shop')
      .podSelector({ matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] })
      .ingress({
        ports: [
          { protocol: 'SCTP', port: 'diameter' },
          { port: 30000, endPort: 30100 },
        ],
      })
      .egress({ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] });
    expectTypeOf(p).toEqualTypeOf<KubernetesNetworkPolicyBuilder>();
    expectTypeOf(p.toResource()).toEqualTypeOf<K8sNetworkPolicy>();
    expectTypeOf(p.build()).toEqualTypeOf<Result<K8sNetworkPolicy>>();
    expectTypeOf(p).toMatchTypeOf<ResourceSource<K8sNetworkPolicy>>();
  });

  it('refuses what Kubernetes has no field or value for', () => {
    // @ts-expect-error NetworkPolicy ports are TCP, UDP or SCTP
    kubernetesNetworkPolicy('a').ingress({ ports: [{ protocol: 'ICMP' }] });
    // @ts-expect-error a peer has no `nets` (that is Calico's rule vocabulary)
    kubernetesNetworkPolicy('a').egress({ to: [{ nets: ['10.0.0.0/8'] }] });
    // @ts-expect-error policy types are Ingress and Egress
    kubernetesNetworkPolicy('a').policyTypes('ingress');
  });
});
