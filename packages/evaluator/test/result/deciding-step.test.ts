import { describe, expect, it } from 'vitest';
import { decidingStep, type Flow, type PathResult, World } from '../../src/index.js';
import { gnp, hep, node, ns, pod } from '../helpers/world-kit.js';

// A node whose `*` host endpoint has an ingress policy denying TCP 22 from outside, and one pod.
const world = World.from([
  node('node-1', '10.0.0.11', '203.0.113.11'),
  hep('node-1-auto', 'node-1', '*', ['10.0.0.11', '203.0.113.11'], { hep: 'auto' }),
  ns('prod'),
  pod('prod', 'web', '10.1.0.5', { app: 'web' }),
  gnp('host-in', {
    selector: "hep == 'auto'",
    types: ['Ingress'],
    ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [2222] } }, { action: 'Allow' }],
  }),
]);
const tcp = (dstIp: string, dstPort: number): Flow => ({
  protocol: 'TCP',
  srcIp: '198.51.100.7',
  dstIp,
  dstPort,
});
const first = (flow: Flow): PathResult => {
  const path = world.evaluate(flow).paths[0];
  if (path === undefined) throw new Error('no path');
  return path;
};

describe('decidingStep', () => {
  it("marks the failsafe accept, not the same stage's pre-DNAT bypass before it", () => {
    const path = first(tcp('203.0.113.11', 22));
    const steps = path.steps.map((s) => [s.stage, s.action]);
    expect(steps.slice(0, 2)).toEqual([
      ['failsafe', 'continue'],
      ['failsafe', 'allow'],
    ]);
    expect(decidingStep(path)).toBe(1);
  });

  it('marks the deciding policy rule, whatever steps of its stage come first', () => {
    const path = first(tcp('203.0.113.11', 2222));
    const step = path.steps[decidingStep(path)];
    expect([step?.policy?.name, step?.ruleIndex, step?.action]).toEqual(['host-in', 0, 'deny']);
    const allowed = first(tcp('203.0.113.11', 8080));
    expect(allowed.steps[decidingStep(allowed)]).toMatchObject({ policy: { name: 'host-in' }, ruleIndex: 1 });
  });

  it('marks the end of tier that dropped a packet no rule matched', () => {
    const pods = World.from([
      ns('prod'),
      pod('prod', 'web', '10.1.0.5', { app: 'web' }),
      pod('prod', 'db', '10.1.0.7', { app: 'db' }),
      gnp('db-in', {
        selector: "app == 'db'",
        types: ['Ingress'],
        ingress: [{ action: 'Allow', protocol: 'UDP' }],
      }),
    ]);
    const [path] = pods.evaluate({
      protocol: 'TCP',
      srcIp: '10.1.0.5',
      dstIp: '10.1.0.7',
      dstPort: 5432,
    }).paths;
    if (path === undefined) throw new Error('no path');
    expect(path.steps[decidingStep(path)]?.action).toBe('end-of-tier-drop');
  });
});
