import { preDnat } from '@calico-dsl/core';
import { WORKER_PUBLIC_SELECTOR } from '@calico-dsl/ibm-cloud';
import { hostCidr, type LessonDefinition } from '../src/index.js';

/** A small lesson for the kit's own tests: block the client at the load balancer, then clean up. */
export const blockClientLesson: LessonDefinition = (params) => ({
  number: 9,
  title: 'Block one client',
  summary: 'A test lesson.',
  startsWith: { app: true, policies: [] },
  steps: [
    {
      kind: 'curl',
      step: '1',
      text: 'Reach the load balancer.',
      from: 'you',
      target: 'load balancer',
      expect: 'reached',
    },
    {
      kind: 'apply',
      step: '2',
      text: 'Block your computer.',
      policy: preDnat('block-client')
        .order(10)
        .selector(WORKER_PUBLIC_SELECTOR)
        .deny()
        .tcp()
        .fromNets(hostCidr(params.clientIp))
        .toNets(hostCidr(params.loadBalancerIp))
        .ports(80),
    },
    {
      kind: 'curl',
      step: '3',
      text: 'You are blocked.',
      from: 'you',
      target: 'load balancer',
      expect: 'timed out',
      decidedBy: 'block-client',
    },
    {
      kind: 'curl',
      step: '4',
      text: 'Others are not.',
      from: 'another system',
      target: 'load balancer',
      expect: 'reached',
    },
    { kind: 'delete', step: '5', text: 'Clean up.', policy: 'block-client', cleanup: true },
  ],
  conclusion: 'Done.',
});

/** The same lesson with a wrong expectation, to see a mismatch reported. */
export const wrongLesson: LessonDefinition = (params) => {
  const lesson = blockClientLesson(params);
  return {
    ...lesson,
    steps: lesson.steps.map((s) =>
      s.kind === 'curl' && s.step === '4' ? { ...s, expect: 'timed out' as const } : s,
    ),
  };
};
