// bgpConfiguration(): every BGPConfigurationSpec field in upstream order, immutability, and
// validate's rules reached through build() and toResource().
import { describe, expect, it } from 'vitest';
import { bgpConfiguration, CalicoValidationError } from '../src/index.js';

describe('bgpConfiguration', () => {
  it('sets every field, printed in BGPConfigurationSpec order whatever the call order', () => {
    const r = bgpConfiguration('default')
      .ipv6NormalRoutePriority(1024)
      .ipv4NormalRoutePriority(1024)
      .programClusterRoutes('EnabledNoEncapOnly')
      .localWorkloadPeeringIPV6('fe80::179')
      .localWorkloadPeeringIPV4('169.254.0.179')
      .ignoredInterfaces('docker0', 'veth*')
      .bindMode('NodeIP')
      .nodeMeshMaxRestartTime('2m0s')
      .nodeMeshPassword({ name: 'bgp-secrets', key: 'mesh-password', optional: false })
      .listenPort(1179)
      .prefixAdvertisement('198.51.100.0/24', 'peers', '65001:200:3')
      .community('peers', '65001:100')
      .serviceLoadBalancerAggregation('Disabled')
      .serviceClusterIPs('10.96.0.0/12')
      .serviceExternalIPs('203.0.113.0/24', '2001:db8:ee::/64')
      .serviceLoadBalancerIPs('198.51.100.0/24')
      .asNumber(64512)
      .nodeToNodeMeshEnabled(true)
      .logSeverityScreen('Warning')
      .labels({ team: 'net' })
      .toResource();
    expect(JSON.stringify(r)).toBe(
      JSON.stringify({
        apiVersion: 'projectcalico.org/v3',
        kind: 'BGPConfiguration',
        metadata: { name: 'default', labels: { team: 'net' } },
        spec: {
          logSeverityScreen: 'Warning',
          nodeToNodeMeshEnabled: true,
          asNumber: 64512,
          serviceLoadBalancerIPs: [{ cidr: '198.51.100.0/24' }],
          serviceExternalIPs: [{ cidr: '203.0.113.0/24' }, { cidr: '2001:db8:ee::/64' }],
          serviceClusterIPs: [{ cidr: '10.96.0.0/12' }],
          serviceLoadBalancerAggregation: 'Disabled',
          communities: [{ name: 'peers', value: '65001:100' }],
          prefixAdvertisements: [{ cidr: '198.51.100.0/24', communities: ['peers', '65001:200:3'] }],
          listenPort: 1179,
          nodeMeshPassword: { secretKeyRef: { name: 'bgp-secrets', key: 'mesh-password', optional: false } },
          nodeMeshMaxRestartTime: '2m0s',
          bindMode: 'NodeIP',
          ignoredInterfaces: ['docker0', 'veth*'],
          localWorkloadPeeringIPV4: '169.254.0.179',
          localWorkloadPeeringIPV6: 'fe80::179',
          programClusterRoutes: 'EnabledNoEncapOnly',
          ipv4NormalRoutePriority: 1024,
          ipv6NormalRoutePriority: 1024,
        },
      }),
    );
  });

  it('an empty spec; lists of blocks replace, communities and advertisements add up', () => {
    expect(bgpConfiguration('default').toResource().spec).toEqual({});
    const c = bgpConfiguration('default')
      .serviceClusterIPs('10.0.0.0/16')
      .serviceClusterIPs('10.96.0.0/12')
      .community('a', '1:1')
      .community('b', '1:2')
      .prefixAdvertisement('10.1.0.0/16', 'a')
      .prefixAdvertisement('10.2.0.0/16', 'b');
    const spec = c.toResource().spec;
    expect(spec.serviceClusterIPs).toEqual([{ cidr: '10.96.0.0/12' }]);
    expect(spec.communities?.map((x) => x.name)).toEqual(['a', 'b']);
    expect(spec.prefixAdvertisements?.map((x) => x.cidr)).toEqual(['10.1.0.0/16', '10.2.0.0/16']);
  });

  it('a dotted AS number becomes the number Calico stores', () => {
    expect(bgpConfiguration('default').asNumber('1.10').toResource().spec.asNumber).toBe(65546);
  });

  it('each method returns a new frozen builder; branches do not leak', () => {
    const base = bgpConfiguration('default').listenPort(179);
    const meshless = base.nodeToNodeMeshEnabled(false);
    expect(Object.isFrozen(base)).toBe(true);
    expect(base.toResource().spec).toEqual({ listenPort: 179 });
    expect(meshless.toResource().spec).toEqual({ listenPort: 179, nodeToNodeMeshEnabled: false });
    expect(Object.isFrozen(meshless.toResource().spec)).toBe(true);
  });

  it("Calico's rules come from validate: build() returns them, toResource() throws", () => {
    const node = bgpConfiguration('node.worker-1').serviceClusterIPs('10.96.0.0/12');
    expect(node.build()).toMatchObject({
      ok: false,
      issues: [{ code: 'forbidden_field', path: ['spec', 'serviceClusterIPs'] }],
    });
    expect(() => node.toResource()).toThrow(CalicoValidationError);
    const meshless = bgpConfiguration('default').nodeToNodeMeshEnabled(false).nodeMeshMaxRestartTime('120s');
    expect(meshless.build()).toMatchObject({
      ok: false,
      issues: [{ code: 'forbidden_field', path: ['spec', 'nodeMeshMaxRestartTime'] }],
    });
    expect(bgpConfiguration('default').community('peers', '65001:100').build()).toMatchObject({
      ok: false,
      issues: [{ code: 'required', path: ['spec', 'prefixAdvertisements'] }],
    });
    expect(bgpConfiguration('default').serviceExternalIPs('203.0.113.7/24').build()).toMatchObject({
      ok: false,
      issues: [{ code: 'cidr_not_masked', path: ['spec', 'serviceExternalIPs', 0, 'cidr'] }],
    });
  });
});
