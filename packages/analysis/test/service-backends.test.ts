/**
 * Analysis over worlds whose Service backends are not plain selected pods (issue #12, rest):
 * EndpointSlice endpoints (a pod, an address outside the cluster), a hostNetwork pod (its node's
 * address, policed by host endpoint policy), a not-ready slice endpoint that `services` rules
 * still match (§6.9). Every witness must get the searched verdict from `world.evaluate`.
 */
import { World } from '@calico-dsl/evaluator';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';

const NODE = '172.17.0.4';
const SVC = '10.101.0.30';
const DB = '192.0.2.10';

const world = World.from([
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } },
  {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n1' },
    status: { addresses: [{ type: 'InternalIP', address: NODE }] },
  },
  {
    apiVersion: 'projectcalico.org/v3',
    kind: 'HostEndpoint',
    metadata: { name: 'n1-eth0', labels: { hep: 'yes' } },
    spec: {
      node: 'n1',
      interfaceName: 'eth0',
      expectedIPs: [NODE],
      profiles: ['projectcalico-default-allow'],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
    spec: { nodeName: 'n1' },
    status: { podIP: '10.65.0.2' },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'exporter', namespace: 'prod', labels: { app: 'exporter' } },
    spec: { nodeName: 'n1', hostNetwork: true },
    status: { podIP: NODE },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'metrics', namespace: 'prod' },
    spec: { clusterIP: SVC, selector: { app: 'exporter' }, ports: [{ port: 80, targetPort: 9100 }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'db', namespace: 'prod' },
    spec: { clusterIP: '10.101.0.31', ports: [{ name: 'pg', port: 5432 }] },
  },
  {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'db-1', namespace: 'prod', labels: { 'kubernetes.io/service-name': 'db' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [DB] }, { addresses: ['10.65.0.9'], conditions: { ready: false } }],
    ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
  },
  {
    apiVersion: 'projectcalico.org/v3',
    kind: 'GlobalNetworkPolicy',
    metadata: { name: 'hep-metrics' },
    spec: {
      selector: "hep == 'yes'",
      types: ['Ingress'],
      ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [9100] } }, { action: 'Allow' }],
    },
  },
  {
    apiVersion: 'projectcalico.org/v3',
    kind: 'NetworkPolicy',
    metadata: { name: 'web-egress', namespace: 'prod' },
    spec: {
      selector: "app == 'web'",
      types: ['Egress'],
      egress: [
        { action: 'Allow', protocol: 'TCP', destination: { services: { name: 'db', namespace: 'prod' } } },
      ],
    },
  },
]);

describe('analysis with EndpointSlice, hostNetwork and external backends', () => {
  it('search witnesses get the searched verdict from evaluate', () => {
    const spaces = [
      { dstIp: [SVC] },
      { dstIp: ['10.101.0.31'], protocol: ['TCP' as const] },
      { srcIp: ['10.65.0.2'], dstIp: ['10.65.0.9', DB] },
    ];
    for (const space of spaces)
      for (const verdict of ['Allow', 'Deny'] as const) {
        const r = analyze(world).search(space, verdict);
        if (r.found) expect(world.evaluate(r.witness).verdict).toBe(verdict);
      }
    // From outside, the hostNetwork backend's HEP denies 9100 after DNAT (INPUT): the ClusterIP's
    // port 80 is closed. (Its own host and local pods still reach it: lo, DefaultEndpointToHostAction.)
    const outside = { srcIp: ['198.51.100.0/24'], dstIp: [SVC], protocol: ['TCP' as const], dstPort: [80] };
    expect(analyze(world).search(outside, 'Allow')).toEqual({
      found: false,
    });
    // The not-ready slice address is still a `services` member: web may reach it on 5432.
    const notReady = analyze(world).search({ srcIp: ['10.65.0.2'], dstIp: ['10.65.0.9'] }, 'Allow');
    expect(notReady.found && notReady.witness.dstPort).toBe(5432);
  });

  it('lint runs over the world', () => {
    expect(() => analyze(world).lint()).not.toThrow();
  });
});
