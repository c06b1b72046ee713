import { describeLessonApp } from '@calico-dsl/lesson-kit/testing';
import { describe, expect, it } from 'vitest';
import { denyNodeports, lesson2 } from '../src/lesson.js';

describeLessonApp({
  define: lesson2,
  appUrl: new URL('..', import.meta.url),
  tutorialFiles: ['deny-nodeports'],
  outcomes: [
    ['3', 'timed out', 'deny-nodeports'],
    ['4', 'reached', undefined],
  ],
  otherParams: { nodePort: 32767 }, // the top of the node port range
});

describe('deny-nodeports', () => {
  it('is a pre-DNAT policy on the public interfaces, denying TCP and UDP to the node port range', () => {
    expect(denyNodeports().toResource().spec).toEqual({
      order: 1100,
      ingress: [
        { action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } },
        { action: 'Deny', protocol: 'UDP', destination: { ports: ['30000:32767'] } },
      ],
      selector: "ibm.role == 'worker_public'",
      types: ['Ingress'],
      preDNAT: true,
      applyOnForward: true,
    });
  });
});
