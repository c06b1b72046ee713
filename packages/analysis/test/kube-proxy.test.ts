/**
 * kube-proxy settings the analysis must see as the evaluator does: the cluster CIDR of its
 * local-traffic detector (which pods' packets to a ClusterIP it masquerades) and
 * `nodePortAddresses` (which node addresses are node port frontends).
 */
import { World } from '@calico-dsl/evaluator';
import { describe, expect, it } from 'vitest';
import { gnp, kubeProxy, node, ns, pod, service } from '../../evaluator/test/helpers/world-kit.js';
import { analyze, diff } from '../src/index.js';
import { inSpace } from './helpers/flows.js';

type Obj = Record<string, unknown>;

// Two web pods on node-1 that no policy tells apart; db on node-2 behind ClusterIP 10.96.0.10.
// Only web (10.1.0.1) is in kube-proxy's cluster CIDR: web-stray's packets to the ClusterIP are
// masqueraded to node-1's address, which db's policy does not allow.
const base = (): Obj[] => [
  ns('prod', { env: 'prod' }),
  node('node-1', '10.0.0.11'),
  node('node-2', '10.0.0.12'),
  pod('prod', 'web', '10.1.0.1', { app: 'web' }, { node: 'node-1' }),
  pod('prod', 'web-stray', '10.1.0.5', { app: 'web' }, { node: 'node-1' }),
  pod('prod', 'db', '10.1.0.3', { app: 'db' }, { node: 'node-2', ports: [{ containerPort: 5432 }] }),
  service('prod', 'db', { selector: { app: 'db' }, clusterIP: '10.96.0.10', port: 5432, targetPort: 5432 }),
  gnp('db-from-web', {
    selector: "app == 'db'",
    types: ['Ingress'],
    ingress: [{ action: 'Allow', source: { selector: "app == 'web'" } }],
  }),
];
const TO_DB = { protocol: 'TCP', srcPort: 40000, dstIp: '10.96.0.10', dstPort: 5432 } as const;

describe("kube-proxy's cluster CIDR", () => {
  const world = World.from([...base(), kubeProxy('clusterCIDR: 10.1.0.0/30\n')]);

  it('the evaluator masquerades only the pod outside it', () => {
    expect(world.evaluate({ ...TO_DB, srcIp: '10.1.0.1' }).verdict).toBe('Allow');
    expect(world.evaluate({ ...TO_DB, srcIp: '10.1.0.5' }).verdict).toBe('Deny');
  });

  it('search finds the Deny from the pod outside it, and the Allow from the one inside', () => {
    const a = analyze(World.from([...base(), kubeProxy('clusterCIDR: 10.1.0.0/30\n')]));
    const space = {
      protocol: ['TCP'],
      srcIp: ['10.1.0.1/32', '10.1.0.5/32'],
      dstIp: ['10.96.0.10'],
      dstPort: [5432],
    };
    const deny = a.search(space, 'Deny');
    const allow = a.search(space, 'Allow');
    expect([deny.found && deny.witness.srcIp, allow.found && allow.witness.srcIp]).toEqual([
      '10.1.0.5',
      '10.1.0.1',
    ]);
  });

  it('diff of declaring it names the pod outside it, not the one inside', () => {
    const before = World.from(base());
    const d = diff(before, world);
    for (const src of ['10.1.0.1', '10.1.0.5']) {
      const f = { ...TO_DB, srcIp: src };
      const hits = d.changes.filter((c) => inSpace(f, c.region));
      expect(
        hits.map((h) => [h.before, h.after]),
        src,
      ).toEqual(src === '10.1.0.5' ? [['Allow', 'Deny']] : []);
    }
  });
});

describe('two Services claiming one load balancer IP (proxier.go: KUBE-SERVICES in Go map order)', () => {
  // db and cache both say 203.0.113.9:5432; db admits web, cache nothing. kube-proxy may send a
  // packet to either, so the analysis must find no Allow, only Mixed flows, as the evaluator does.
  const world = World.from([
    ...base(),
    pod('prod', 'cache', '10.1.0.4', { app: 'cache' }, { node: 'node-2', ports: [{ containerPort: 5432 }] }),
    gnp('cache-closed', { selector: "app == 'cache'", types: ['Ingress'], ingress: [] }),
    // Masqueraded to node-1's address (eTP Cluster): db admits it.
    gnp('db-open', { selector: "app == 'db'", types: ['Ingress'], ingress: [{ action: 'Allow' }] }),
    service('prod', 'db-lb', {
      type: 'LoadBalancer',
      selector: { app: 'db' },
      clusterIP: '10.96.0.11',
      port: 5432,
      targetPort: 5432,
      lb: '203.0.113.9',
    }),
    service('prod', 'cache-lb', {
      type: 'LoadBalancer',
      selector: { app: 'cache' },
      clusterIP: '10.96.0.12',
      port: 5432,
      targetPort: 5432,
      lb: '203.0.113.9',
    }),
  ]);
  const space = { protocol: ['TCP'], srcIp: ['10.1.0.1/32'], dstIp: ['203.0.113.9'], dstPort: [5432] };

  it('search finds Mixed flows and no Allow, and evaluate agrees on the witness', () => {
    const a = analyze(world);
    const mixed = a.search(space, 'Mixed');
    const allow = a.search(space, 'Allow');
    // Every packet may meet either rule first: none is a plain Allow.
    expect([mixed.found, allow.found]).toEqual([true, false]);
    if (mixed.found) expect(world.evaluate(mixed.witness).verdict).toBe('Mixed');
    expect(world.issues.map((i) => i.code)).toContain('service_frontend_conflict');
  });
});

describe('one endpoint in two EndpointSlices with different conditions (endpointslicecache.go addEndpoints)', () => {
  // db at 10.1.0.3:5432 is ready in dbx-a and neither ready nor serving in dbx-b: kube-proxy keeps
  // one copy in Go map order, so a packet to dbx reaches db or is rejected.
  const slice = (name: string, conditions: Obj): Obj => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, namespace: 'prod', labels: { 'kubernetes.io/service-name': 'dbx' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.1.0.3'], conditions, nodeName: 'node-2' }],
    ports: [{ name: '', protocol: 'TCP', port: 5432 }],
  });
  const world = World.from([
    ...base(),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'dbx', namespace: 'prod' },
      spec: { clusterIP: '10.96.0.20', ports: [{ protocol: 'TCP', port: 5432 }] },
    },
    slice('dbx-a', {}),
    slice('dbx-b', { ready: false, serving: false }),
  ]);
  const space = { protocol: ['TCP'], srcIp: ['10.1.0.1/32'], dstIp: ['10.96.0.20'], dstPort: [5432] };

  it('search finds Mixed flows and no Allow, and evaluate agrees on the witness', () => {
    const a = analyze(world);
    const mixed = a.search(space, 'Mixed');
    expect([mixed.found, a.search(space, 'Allow').found]).toEqual([true, false]);
    if (mixed.found) expect(world.evaluate(mixed.witness).verdict).toBe('Mixed');
    expect(world.issues.map((i) => i.code)).toContain('duplicate_endpoint');
  });
});
