import { describeLessonApp } from '@calico-dsl/lesson-kit/testing';
import { describe, expect, it } from 'vitest';
import { denyLbPort80, lesson3, whitelist } from '../src/lesson.js';

describeLessonApp({
  define: lesson3,
  appUrl: new URL('..', import.meta.url),
  tutorialFiles: ['deny-lb-port-80', 'whitelist'],
  outcomes: [
    ['3', 'timed out', 'deny-lb-port-80'],
    ['6', 'reached', 'whitelist'],
    ['7', 'timed out', 'deny-lb-port-80'],
  ],
});

describe('lesson 3 policies', () => {
  it('take the client and load balancer IPs as /32 nets', () => {
    const params = { clientIp: '192.0.2.44', loadBalancerIp: '169.46.10.99' };
    expect(
      denyLbPort80(params)
        .toResource()
        .spec.ingress?.map((r) => r.destination),
    ).toEqual([
      { nets: ['169.46.10.99/32'], ports: [80] },
      { nets: ['169.46.10.99/32'], ports: [80] },
    ]);
    expect(whitelist(params).toResource().spec.ingress).toEqual([
      {
        action: 'Allow',
        protocol: 'TCP',
        source: { nets: ['192.0.2.44/32'] },
        destination: { nets: ['169.46.10.99/32'], ports: [80] },
      },
    ]);
  });

  it('order whitelist (500) before deny-lb-port-80 (800) before deny-nodeports (1100)', () => {
    const params = { clientIp: '192.0.2.44', loadBalancerIp: '169.46.10.99' };
    expect([whitelist(params), denyLbPort80(params)].map((p) => p.toResource().spec.order)).toEqual([
      500, 800,
    ]);
  });
});
