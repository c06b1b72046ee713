import { isResourceSource, type Resource, toResources } from '@calico-dsl/core';
import { World } from '@calico-dsl/evaluator';
import { describe, expect, it } from 'vitest';
import { type IbmCloudResource, ibmCloudCluster } from '../src/index.js';

const resolve = (items: readonly IbmCloudResource[]): Resource[] =>
  items.map((item) => (isResourceSource(item) ? item.toResource() : item));

describe('ibmCloudCluster', () => {
  const resources = resolve(ibmCloudCluster({ workers: 3 }));

  it('lists the namespace, a node and two host endpoints per worker, and the seven defaults', () => {
    const count = (kind: string) => resources.filter((r) => r.kind === kind).length;
    expect([count('Namespace'), count('Node'), count('HostEndpoint'), count('GlobalNetworkPolicy')]).toEqual([
      1, 3, 6, 7,
    ]);
  });

  it('can leave out the default policies and name other namespaces', () => {
    const bare = resolve(
      ibmCloudCluster({ workers: 1, defaultPolicies: false, namespaces: ['default', 'shop'] }),
    );
    expect(bare.map((r) => `${r.kind}/${r.metadata.name}`)).toEqual([
      'Namespace/default',
      'Namespace/shop',
      'Node/10.176.48.78',
      'HostEndpoint/kube-wrk1-worker-public',
      'HostEndpoint/kube-wrk1-worker-private',
    ]);
  });

  it('accepts its builders where toResources does', () => {
    const calico = ibmCloudCluster({ workers: 1 }).flatMap((r) => (isResourceSource(r) ? [r] : []));
    expect(toResources(calico).map((r) => r.kind)).toContain('HostEndpoint');
  });

  describe('on the evaluator (§10.2 evaluation notes)', () => {
    const world = World.from(resources);
    const toWorker = (protocol: 'TCP' | 'UDP' | 'ICMP' | number, dstPort?: number, srcIp = '198.51.100.7') =>
      world.evaluate({
        protocol,
        srcIp,
        dstIp: '203.0.113.12',
        ...(dstPort === undefined ? {} : { dstPort }),
      });

    it('drops other public traffic to a worker itself at the end of the default tier', () => {
      const result = toWorker('TCP', 8080);
      expect(result.verdict).toBe('Deny');
      expect(result.paths[0]?.entry?.name).toBe('kube-wrk2-worker-public');
    });

    it.each([
      ['ICMP', undefined, 'allow-icmp'],
      [112, undefined, 'allow-vrrp'],
      ['TCP', 52311, 'allow-bigfix-port'],
      ['UDP', 52311, 'allow-bigfix-port'],
    ] as const)('allows %s %s to a worker through %s', (protocol, port, policy) => {
      const result = toWorker(protocol, port);
      expect(result.verdict).toBe('Allow');
      expect(result.explain()).toContain(policy);
    });

    it('allows anything from IBM infrastructure networks (allow-sys-mgmt)', () => {
      const result = toWorker('TCP', 8080, '169.45.118.9');
      expect(result.verdict).toBe('Allow');
      expect(result.explain()).toContain('allow-sys-mgmt');
    });

    it('lets failsafe ports through whatever the policies say (§4.6)', () => {
      expect(toWorker('TCP', 22).verdict).toBe('Allow');
    });

    it('allows everything on the private network (allow-all-private-default)', () => {
      const result = world.evaluate({
        protocol: 'TCP',
        srcIp: '10.176.48.99',
        dstIp: '10.176.48.79',
        dstPort: 8080,
      });
      expect(result.verdict).toBe('Allow');
      expect(result.explain()).toContain('allow-all-private-default');
    });
  });
});

describe('ibmCloudCluster as input', () => {
  it('goes to World.from and toYaml as it is (builders included)', async () => {
    const { toYaml } = await import('@calico-dsl/yaml');
    const cluster = ibmCloudCluster({ workers: 3 });
    expect(
      World.from(cluster).evaluate({ protocol: 'ICMP', srcIp: '198.51.100.7', dstIp: '203.0.113.11' })
        .verdict,
    ).toBe('Allow');
    expect(toYaml(cluster).split('\n---\n')).toHaveLength(17);
  });
});
