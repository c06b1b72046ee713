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
