/**
 * Topology-aware routing is refused loudly (issue #12: "unsupported features fail loudly"):
 * kube-proxy narrows a Service's backends to the client node's zone when the Service sets
 * `trafficDistribution` or the `service.kubernetes.io/topology-mode` annotation and its
 * EndpointSlices carry `hints` (kubernetes `pkg/proxy/topology.go` `CategorizeEndpoints`,
 * `canUseTopology`). The evaluator takes every ready backend, so it says so in `world.issues`.
 */
import { describe, expect, it } from 'vitest';
import { World } from '../src/index.js';
import { ns, pod, service } from './helpers/world-kit.js';

type Obj = Record<string, unknown>;

const base = (svc: Obj): Obj[] => [
  ns('prod'),
  pod('prod', 'web', '10.1.0.10', { app: 'web' }, { ports: [{ name: 'http', containerPort: 8080 }] }),
  svc,
];
const web = service('prod', 'web', {
  selector: { app: 'web' },
  clusterIP: '10.96.0.10',
  port: 80,
  targetPort: 8080,
});
const withSpec = (extra: Obj): Obj => ({ ...web, spec: { ...(web.spec as Obj), ...extra } });
const withAnnotations = (annotations: Record<string, string>): Obj => ({
  ...web,
  metadata: { ...(web.metadata as Obj), annotations },
});
const codes = (resources: Obj[]) =>
  World.from(resources)
    .issues.filter((i) => i.code === 'unsupported_topology_routing')
    .map((i) => i.path);

describe('topology-aware routing is refused loudly', () => {
  it('a Service with trafficDistribution', () => {
    expect(codes(base(withSpec({ trafficDistribution: 'PreferClose' })))).toEqual([
      [2, 'spec', 'trafficDistribution'],
    ]);
  });

  it('a Service with topology-mode Auto, but not with topology-mode Disabled', () => {
    expect(codes(base(withAnnotations({ 'service.kubernetes.io/topology-mode': 'Auto' })))).toEqual([
      [2, 'metadata', 'annotations', 'service.kubernetes.io/topology-mode'],
    ]);
    expect(codes(base(withAnnotations({ 'service.kubernetes.io/topology-mode': 'Disabled' })))).toEqual([]);
  });

  it('an EndpointSlice whose endpoints carry zone hints', () => {
    const slice: Obj = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-abc', namespace: 'prod', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      endpoints: [
        { addresses: ['10.1.0.10'], conditions: { ready: true }, hints: { forZones: [{ name: 'zone-a' }] } },
      ],
      ports: [{ name: '', protocol: 'TCP', port: 8080 }],
    };
    expect(codes([...base(web), slice])).toEqual([[3, 'endpoints', 0, 'hints']]);
  });

  it('a plain Service raises nothing, and the verdict still comes from every ready backend', () => {
    const w = World.from(base(web));
    expect(w.issues.filter((i) => i.code === 'unsupported_topology_routing')).toEqual([]);
    expect(
      w.evaluate({ protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '10.96.0.10', dstPort: 80 }).verdict,
    ).toBe('Allow');
  });
});
