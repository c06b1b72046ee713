import { preDnat } from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import {
  type CurlResult,
  lessonEndState,
  renderLesson,
  resolveResources,
  simulateLesson,
  TUTORIAL_DEFAULTS,
  tutorialCluster,
} from '../src/index.js';
import { blockClientLesson, wrongLesson } from './fixture-lesson.js';

const curls = (steps: readonly { kind: string }[]) => steps.filter((s): s is CurlResult => s.kind === 'curl');

describe('simulateLesson', () => {
  const lesson = blockClientLesson(TUTORIAL_DEFAULTS);
  const run = simulateLesson(lesson, TUTORIAL_DEFAULTS);

  it('evaluates each curl against the cluster as it is at that step', () => {
    expect(curls(run.steps).map((c) => [c.step, c.result.outcome, c.result.decidedBy?.policy])).toEqual([
      ['1', 'reached', 'kns.default'],
      ['3', 'timed out', 'block-client'],
      ['4', 'reached', 'kns.default'],
    ]);
    expect(run.ok).toBe(true);
  });

  it('names a webserver pod for every connection that gets through, the same on every run', () => {
    const pods = curls(run.steps).map((c) => c.result.pod);
    expect(pods[0]).toMatch(/^webserver-855556f688-/);
    expect(curls(simulateLesson(lesson, TUTORIAL_DEFAULTS).steps).map((c) => c.result.pod)).toEqual(pods);
  });

  it('follows every entry worker and backend pod (3 × 3 paths for the load balancer)', () => {
    const first = curls(run.steps)[0]!;
    expect([first.result.paths, first.result.agreeing]).toEqual([9, 9]);
    expect(first.result.hops[0]).toMatch(/^in on kube-wrk\d-worker-public \(eth1\)$/);
    expect(first.result.hops.some((h) => h.startsWith('DNAT: 169.46.10.20:80'))).toBe(true);
  });

  it('says at which host endpoint and direction each forward default applied (a path meets several)', () => {
    const defaults = curls(run.steps)
      .flatMap((c) => c.result.hops)
      .filter((h) => h.startsWith('forward policy'));
    expect(defaults.length).toBeGreaterThan(0);
    for (const h of defaults)
      expect(h).toMatch(
        /^forward policy at kube-wrk\d-worker-(public \(eth1\)|private \(eth0\)), (ingress|egress): /,
      );
  });

  it('prints the calicoctl commands and their output for apply and delete steps', () => {
    expect(
      run.steps.filter((s) => s.kind !== 'curl').map((s) => [s.kind, 'command' in s && s.command]),
    ).toEqual([
      ['apply', 'calicoctl apply -f out/block-client.yaml'],
      ['delete', 'calicoctl delete GlobalNetworkPolicy block-client'],
    ]);
  });

  it('reports an outcome that differs from the expected one, and fails the run', () => {
    const wrong = simulateLesson(wrongLesson(TUTORIAL_DEFAULTS), TUTORIAL_DEFAULTS);
    expect(wrong.ok).toBe(false);
    expect(curls(wrong.steps).find((c) => !c.asInTutorial)?.mismatch).toBe(
      'the tutorial says "timed out", the simulated cluster gives "reached"',
    );
    expect(renderLesson(wrongLesson(TUTORIAL_DEFAULTS), wrong)).toContain('DIFFERS');
  });

  it('reports a deciding policy the trace does not name', () => {
    const misattributed = simulateLesson(
      {
        ...lesson,
        steps: lesson.steps.map((s) =>
          s.kind === 'curl' && s.step === '3' ? { ...s, decidedBy: 'another' } : s,
        ),
      },
      TUTORIAL_DEFAULTS,
    );
    expect(curls(misattributed.steps).find((c) => !c.asInTutorial)?.mismatch).toContain('decided by another');
  });

  it('keeps the cluster as the lesson leaves it, before clean-up, for lessonEndState', () => {
    const names = lessonEndState(lesson, TUTORIAL_DEFAULTS).map((r) => r.metadata.name);
    expect(names).toContain('block-client');
    expect(names).toContain('webserver-lb');
  });
});

describe('renderLesson', () => {
  const lesson = blockClientLesson(TUTORIAL_DEFAULTS);
  const text = renderLesson(lesson, simulateLesson(lesson, TUTORIAL_DEFAULTS));

  it("starts with a heading the tutorial runner's readers (and the acceptance grep) recognise", () => {
    expect(text.split('\n')[0]).toBe('== Lesson 9: Block one client ==');
    expect(text).toMatch(/^[#= *-]*lesson [1-9]/im);
  });

  it('prints each curl with its outcome and the rule that decided it', () => {
    expect(text).toContain(
      '$ curl --connect-timeout 10 169.46.10.20:80    # from your computer, 198.51.100.7',
    );
    expect(text).toMatch(/-> reached pod webserver-855556f688-\w+ {2}\[as in the tutorial\]/);
    expect(text).toContain('-> timed out  [as in the tutorial]');
    expect(text).toMatch(
      /decided by: pre-DNAT policy block-client, ingress rule 0 \(Deny\) on host endpoint kube-wrk\d-worker-public/,
    );
    expect(text).toContain('Lesson 9: 3 of 3 curl outcomes as in the tutorial.');
  });
});

describe('tutorialCluster', () => {
  it('is the IBM cluster of three workers plus the webserver pods and webserver-lb', () => {
    const resources = resolveResources(tutorialCluster(TUTORIAL_DEFAULTS));
    const kinds = resources.map((r) => r.kind);
    expect(kinds.filter((k) => k === 'Node')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'Pod')).toHaveLength(3);
    const service = resources.find((r) => r.kind === 'Service');
    expect(service).toMatchObject({
      metadata: { name: 'webserver-lb', namespace: 'default' },
      spec: {
        type: 'LoadBalancer',
        selector: { run: 'webserver' },
        ports: [{ port: 80, targetPort: 8080, nodePort: 31024 }],
      },
      status: { loadBalancer: { ingress: [{ ip: '169.46.10.20' }] } },
    });
    const pod = resources.find((r) => r.kind === 'Pod');
    expect(pod).toMatchObject({
      metadata: { labels: { run: 'webserver' } },
      spec: { containers: [{ image: 'k8s.gcr.io/echoserver:1.10', ports: [{ containerPort: 8080 }] }] },
    });
  });
});

describe('paths that disagree', () => {
  it('report "partly reached" (verdict Mixed), which never matches the tutorial', () => {
    // A pre-DNAT deny on one worker only: the load balancer IP enters through all three.
    const oneWorker: typeof blockClientLesson = (params) => ({
      ...blockClientLesson(params),
      steps: [
        {
          kind: 'apply',
          step: '1',
          text: 'Block the load balancer on kube-wrk1 only.',
          policy: preDnat('block-on-wrk1')
            .selector("ibm.role == 'worker_public' && kubernetes.io/hostname == '10.176.48.78'")
            .deny()
            .tcp()
            .toNets(`${params.loadBalancerIp}/32`)
            .ports(80),
        },
        { kind: 'curl', step: '2', text: 'Try it.', from: 'you', target: 'load balancer', expect: 'reached' },
      ],
    });
    const run = simulateLesson(oneWorker(TUTORIAL_DEFAULTS), TUTORIAL_DEFAULTS);
    const [curl] = curls(run.steps);
    expect(curl?.result).toMatchObject({
      verdict: 'Mixed',
      outcome: 'partly reached',
      paths: 7,
      agreeing: 6,
    });
    expect(curl?.mismatch).toBe('the tutorial says "reached", the simulated cluster gives "partly reached"');
    expect(run.ok).toBe(false);
  });
});
