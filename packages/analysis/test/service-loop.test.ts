/**
 * Felix's service loop prevention (the evaluator's `serviceLoop` hook): diff over every flow finds
 * what advertising a service CIDR closes, and the evaluator agrees on each witness.
 */
import { World } from '@calico-dsl/evaluator';
import { describe, expect, it } from 'vitest';
import { bgpConfiguration, node, ns, pod, service } from '../../evaluator/test/helpers/world-kit.js';
import { changeText, diff } from '../src/index.js';

const CLUSTER = [
  ns('prod'),
  node('node-1', '10.0.0.11'),
  pod('prod', 'web', '10.1.0.10', { app: 'web' }, { node: 'node-1' }),
  pod('prod', 'api', '10.1.0.20', { app: 'api' }, { node: 'node-1', ports: [{ containerPort: 8080 }] }),
  service('prod', 'api', { selector: { app: 'api' }, clusterIP: '10.96.0.10', port: 80, targetPort: 8080 }),
];
const ADVERTISED = bgpConfiguration('default', { serviceClusterIPs: [{ cidr: '10.96.0.0/12' }] });

describe('service loop prevention in the analysis', () => {
  it("diff: advertising the service CIDR closes the pods' packets to it that no service takes, and only those", () => {
    const after = World.from([...CLUSTER, ADVERTISED]);
    const changes = diff(World.from(CLUSTER), after).changes;
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) {
      expect([c.before, c.after]).toEqual(['Allow', 'Deny']);
      expect(after.evaluate(c.witness).verdict).toBe('Deny');
      expect(World.from(CLUSTER).evaluate(c.witness).verdict).toBe('Allow');
    }
    // The live service's port is DNAT'd before FORWARD: only its other ports close.
    expect(changes.map(changeText)).toContain(
      'TCP 10.1.0.10, 10.1.0.20 → 10.96.0.10 port 0–79, 81–65535: Allow → Deny',
    );
  });
});
