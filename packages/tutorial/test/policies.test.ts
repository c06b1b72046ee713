// The tutorial's policies, one describe per lesson module (src/policies/lesson-N.ts).
import { describe, expect, it } from 'vitest';
import { blacklist, denyLbPort80, denyNodeports, whitelist } from '../src/index.js';

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
