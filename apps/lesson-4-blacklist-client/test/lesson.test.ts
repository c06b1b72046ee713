import { describeLessonApp } from '@calico-dsl/lesson-kit/testing';
import { describe, expect, it } from 'vitest';
import { blacklist, lesson4 } from '../src/lesson.js';

describeLessonApp({
  define: lesson4,
  appUrl: new URL('..', import.meta.url),
  tutorialFiles: ['blacklist'],
  outcomes: [
    ['4', 'timed out', 'blacklist'],
    ['4', 'reached', undefined],
  ],
});

describe('blacklist', () => {
  it('denies TCP and UDP from the client to the load balancer port 80 only', () => {
    const rules = blacklist({ clientIp: '192.0.2.44', loadBalancerIp: '169.46.10.99' }).toResource().spec
      .ingress;
    expect(
      rules?.map((r) => [r.action, r.protocol, r.source?.nets, r.destination?.nets, r.destination?.ports]),
    ).toEqual([
      ['Deny', 'TCP', ['192.0.2.44/32'], ['169.46.10.99/32'], [80]],
      ['Deny', 'UDP', ['192.0.2.44/32'], ['169.46.10.99/32'], [80]],
    ]);
  });
});
