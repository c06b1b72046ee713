/**
 * Felix's service loop prevention (`felix/dataplane/linux/service_loop_mgr.go`,
 * `felix/rules/static.go` `StaticFilterForwardChains` → `cali-cidr-block`): a forwarded packet to
 * a service CIDR BGPConfiguration `default` advertises that kube-proxy did not DNAT is dropped at
 * the end of filter FORWARD, whatever policy allowed. Checked on both engines.
 */
import { describe, expect, it } from 'vitest';
import { World } from '../src/index.js';
import { bgpConfiguration, felix, node, ns, pod, service } from './helpers/world-kit.js';

type Obj = Record<string, unknown>;

const bgp = bgpConfiguration;
const ADVERTISED = bgp('default', {
  serviceClusterIPs: [{ cidr: '10.96.0.0/12' }],
  serviceExternalIPs: [{ cidr: '192.0.2.0/24' }],
});
/** web calls api through ClusterIP 10.96.0.10:80. */
const CLUSTER: Obj[] = [
  ns('prod'),
  node('node-1', '10.0.0.11'),
  pod('prod', 'web', '10.1.0.10', { app: 'web' }, { node: 'node-1' }),
  pod('prod', 'api', '10.1.0.20', { app: 'api' }, { node: 'node-1', ports: [{ containerPort: 8080 }] }),
  service('prod', 'api', { selector: { app: 'api' }, clusterIP: '10.96.0.10', port: 80, targetPort: 8080 }),
];
const fromWeb = (dstIp: string, dstPort = 80) =>
  ({ protocol: 'TCP', srcIp: '10.1.0.10', srcPort: 40000, dstIp, dstPort }) as const;

function verdicts(resources: Obj[], flow: Parameters<World['evaluate']>[0]): string[] {
  return (['compiled', 'reference'] as const).map(
    (engine) => World.from(resources, { engine }).evaluate(flow).verdict,
  );
}

describe('service loop prevention', () => {
  it('drops a forwarded packet to an advertised service CIDR that no service took', () => {
    expect(verdicts(CLUSTER, fromWeb('10.96.0.99'))).toEqual(['Allow', 'Allow']);
    expect(verdicts([...CLUSTER, ADVERTISED], fromWeb('10.96.0.99'))).toEqual(['Deny', 'Deny']);
    // A cluster IP on a port no service has is not DNAT'd either.
    expect(verdicts([...CLUSTER, ADVERTISED], fromWeb('10.96.0.10', 81))).toEqual(['Deny', 'Deny']);
    const r = World.from([...CLUSTER, ADVERTISED]).evaluate(fromWeb('10.96.0.99'));
    expect(r.decidedBy).toMatchObject({ stage: 'forward' });
    expect(r.decidedBy?.reason).toBe(
      "the destination is in a service CIDR BGPConfiguration default advertises (10.96.0.0/12, 192.0.2.0/24) and kube-proxy took no service for it: Felix's service loop prevention dropped it at the end of filter FORWARD (FelixConfiguration serviceLoopPrevention Drop)",
    );
  });

  it("a live service is DNAT'd before FORWARD, and the host's own packets are not forwarded", () => {
    expect(verdicts([...CLUSTER, ADVERTISED], fromWeb('10.96.0.10'))).toEqual(['Allow', 'Allow']);
    const fromHost = { ...fromWeb('10.96.0.99'), srcIp: '10.0.0.11' };
    expect(verdicts([...CLUSTER, ADVERTISED], fromHost)).toEqual(['Allow', 'Allow']);
  });

  it('external IPs entering a node are forwarded and dropped too', () => {
    const viaNode = {
      protocol: 'TCP',
      srcIp: '198.51.100.7',
      srcPort: 40000,
      dstIp: '192.0.2.9',
      dstPort: 443,
      via: { node: 'node-1' },
    } as const;
    expect(verdicts([...CLUSTER, ADVERTISED], viaNode)).toEqual(['Deny', 'Deny']);
  });

  it('serviceLoopPrevention Reject still denies; Disabled, or a BGPConfiguration other than default, does not', () => {
    const reject = World.from([...CLUSTER, ADVERTISED, felix({ serviceLoopPrevention: 'Reject' })]);
    expect(reject.evaluate(fromWeb('10.96.0.99')).decidedBy?.reason).toContain('rejected it');
    expect(
      verdicts([...CLUSTER, ADVERTISED, felix({ serviceLoopPrevention: 'Disabled' })], fromWeb('10.96.0.99')),
    ).toEqual(['Allow', 'Allow']);
    const perNode = bgp('node.node-1', { serviceClusterIPs: [{ cidr: '10.96.0.0/12' }] });
    expect(verdicts([...CLUSTER, perNode], fromWeb('10.96.0.99'))).toEqual(['Allow', 'Allow']);
  });
});
