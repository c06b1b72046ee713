import { World } from '@calico-dsl/evaluator';
import { describe, expect, it } from 'vitest';
import {
  clusterAfterLesson,
  policiesAfterLesson,
  policyName,
  resolveResources,
  TUTORIAL_DEFAULTS,
  TUTORIAL_LESSONS,
  tutorialCluster,
  tutorialLesson,
} from '../src/index.js';

const you = TUTORIAL_DEFAULTS.clientIp;
const other = TUTORIAL_DEFAULTS.otherClientIp;
const toLoadBalancer = (srcIp: string) =>
  ({ protocol: 'TCP', srcIp, srcPort: 51000, dstIp: TUTORIAL_DEFAULTS.loadBalancerIp, dstPort: 80 }) as const;
const toNodePort = {
  protocol: 'TCP',
  srcIp: you,
  srcPort: 51000,
  dstIp: TUTORIAL_DEFAULTS.workerPublicIp,
  dstPort: TUTORIAL_DEFAULTS.nodePort,
} as const;

describe('the tutorial outline', () => {
  it('lists lessons 1 to 4 with their titles', () => {
    expect(TUTORIAL_LESSONS.map((l) => l.number)).toEqual([1, 2, 3, 4]);
    expect(tutorialLesson(3)).toEqual({
      number: 3,
      title: 'Allow incoming traffic from a whitelisted IP to the load balancer',
    });
  });

  it('names the policies each lesson leaves in place', () => {
    const names = ([0, 1, 2, 3, 4] as const).map((n) =>
      policiesAfterLesson(n, TUTORIAL_DEFAULTS).map(policyName),
    );
    expect(names).toEqual([
      [],
      [],
      ['deny-nodeports'],
      ['deny-nodeports', 'deny-lb-port-80', 'whitelist'],
      ['deny-nodeports', 'blacklist'],
    ]);
  });

  it('lesson 1 leaves the tutorial cluster with the webserver app and no policy of its own', () => {
    expect(clusterAfterLesson(1, TUTORIAL_DEFAULTS)).toEqual(
      resolveResources(tutorialCluster(TUTORIAL_DEFAULTS)),
    );
  });

  it("each cluster gives the tutorial's curl outcomes", () => {
    const verdicts = ([1, 2, 3, 4] as const).map((n) => {
      const world = World.from(clusterAfterLesson(n, TUTORIAL_DEFAULTS));
      return [toLoadBalancer(you), toLoadBalancer(other), toNodePort].map((f) => world.evaluate(f).verdict);
    });
    expect(verdicts).toEqual([
      ['Allow', 'Allow', 'Allow'],
      ['Allow', 'Allow', 'Deny'],
      ['Allow', 'Deny', 'Deny'],
      ['Deny', 'Allow', 'Deny'],
    ]);
  });
});
