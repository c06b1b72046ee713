// BGPConfiguration in yaml: the builder printed in BGPConfigurationSpec order (bgpconfig.go), a
// configuration exported from a cluster read and printed back unchanged, BGPConfigurationList,
// and line/column issues.
import { bgpConfiguration } from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { fromYaml, toYaml } from '../src/index.js';
import { reverseKeys } from './helpers.js';

const DEFAULT = bgpConfiguration('default')
  .serviceClusterIPs('10.96.0.0/12', 'fd00:96::/108')
  .serviceExternalIPs('203.0.113.0/24')
  .asNumber(64513)
  .nodeToNodeMeshEnabled(false)
  .community('peers', '65001:100')
  .prefixAdvertisement('203.0.113.0/24', 'peers');

const DEFAULT_YAML = `apiVersion: projectcalico.org/v3
kind: BGPConfiguration
metadata:
  name: default
spec:
  nodeToNodeMeshEnabled: false
  asNumber: 64513
  serviceExternalIPs:
  - cidr: 203.0.113.0/24
  serviceClusterIPs:
  - cidr: 10.96.0.0/12
  - cidr: fd00:96::/108
  communities:
  - name: peers
    value: 65001:100
  prefixAdvertisements:
  - cidr: 203.0.113.0/24
    communities:
    - peers
`;

// What \`calicoctl get bgpconfig default -o yaml\` gives once the cluster has defaulted it: server
// metadata and the CRD defaults (logSeverityScreen, serviceLoadBalancerAggregation).
const EXPORTED = `apiVersion: projectcalico.org/v3
kind: BGPConfiguration
metadata:
  name: default
  uid: 6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c
  resourceVersion: "2051"
  creationTimestamp: "2026-01-05T10:00:00Z"
spec:
  logSeverityScreen: Info
  nodeToNodeMeshEnabled: true
  asNumber: 64512
  serviceLoadBalancerIPs:
  - cidr: 198.51.100.0/24
  serviceClusterIPs:
  - cidr: 10.96.0.0/12
  serviceLoadBalancerAggregation: Enabled
`;

describe('BGPConfiguration YAML', () => {
  it('prints the builder in BGPConfigurationSpec order (golden)', () => {
    expect(toYaml(DEFAULT)).toBe(DEFAULT_YAML);
    expect(toYaml(reverseKeys(DEFAULT.toResource()))).toBe(DEFAULT_YAML);
  });

  it('reads it back to the same resource', () => {
    expect(fromYaml(DEFAULT_YAML)).toEqual({ ok: true, value: [DEFAULT.toResource()] });
  });

  it('reads a configuration exported from a cluster and prints it back unchanged', () => {
    const r = fromYaml(EXPORTED);
    expect(r.ok, r.ok ? '' : JSON.stringify(r.issues)).toBe(true);
    if (!r.ok) return;
    expect(r.value[0]).toMatchObject({
      kind: 'BGPConfiguration',
      spec: {
        serviceClusterIPs: [{ cidr: '10.96.0.0/12' }],
        serviceLoadBalancerIPs: [{ cidr: '198.51.100.0/24' }],
      },
    });
    expect(toYaml(r.value)).toBe(EXPORTED);
  });

  it('prints an AS number written as text as the number Calico stores', () => {
    const r = fromYaml(
      'apiVersion: projectcalico.org/v3\nkind: BGPConfiguration\nmetadata: {name: default}\nspec:\n  asNumber: "1.10"\n',
    );
    expect(r.ok && toYaml(r.value)).toBe(
      'apiVersion: projectcalico.org/v3\nkind: BGPConfiguration\nmetadata:\n  name: default\nspec:\n  asNumber: 65546\n',
    );
  });

  it('reads a BGPConfigurationList and prints configurations as one', () => {
    const node = bgpConfiguration('node.worker-1').listenPort(1179).bindMode('NodeIP').toResource();
    const listed = toYaml([DEFAULT.toResource(), node], { list: true });
    expect(listed.split('\n').slice(0, 3)).toEqual([
      'apiVersion: projectcalico.org/v3',
      'kind: BGPConfigurationList',
      'items:',
    ]);
    expect(fromYaml(listed)).toEqual({ ok: true, value: [DEFAULT.toResource(), node] });
  });

  it('gives line and column for what Calico rejects', () => {
    const text = `apiVersion: projectcalico.org/v3
kind: BGPConfiguration
metadata:
  name: node.worker-1
spec:
  logSeverityScreen: Critical
  serviceClusterIPs:
  - cidr: 10.96.0.1/12
  bindMode: nodeIP
  communities:
  - name: peers
    value: "65536:1"
  ignoredInterfaces: ["*"]
  serviceIPs: []
`;
    const r = fromYaml(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = (code: string) => r.issues.filter((i) => i.code === code);
    expect(at('unknown_field')).toMatchObject([{ path: ['spec', 'serviceIPs'], line: 14 }]);
    expect(at('cidr_not_masked')).toMatchObject([
      {
        path: ['spec', 'serviceClusterIPs', 0, 'cidr'],
        line: 8,
        column: 11,
        message:
          'spec.serviceClusterIPs[0].cidr "10.96.0.1/12" has host bits set: write the network, "10.96.0.0/12"',
      },
    ]);
    expect(at('invalid_value').map((i) => [i.path.join('.'), i.line])).toEqual([
      ['spec.logSeverityScreen', 6],
      ['spec.bindMode', 9],
    ]);
    expect(at('invalid_community')).toMatchObject([{ path: ['spec', 'communities', 0, 'value'], line: 12 }]);
    expect(at('invalid_interface_name')).toMatchObject([
      { path: ['spec', 'ignoredInterfaces', 0], line: 13 },
    ]);
    // A per-node configuration takes no Service IPs; the communities need an advertisement.
    expect(at('forbidden_field')).toMatchObject([{ path: ['spec', 'serviceClusterIPs'], line: 7 }]);
    expect(at('required')).toMatchObject([{ path: ['spec', 'prefixAdvertisements'] }]);
    for (const i of r.issues) expect(typeof i.column).toBe('number');
  });
});
