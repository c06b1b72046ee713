/**
 * The four policies of the pre-DNAT tutorial (shared/seed/calico-predNAT-tutorial.md), built with
 * the DSL, must equal the tutorial's YAML exactly — values and, via JSON text, upstream key order.
 * `<loadbalancer_IP>` and `<client_address>` are the tutorial's example values 169.1.1.1 / 1.1.1.1.
 */
import { describe, expect, it } from 'vitest';
import { preDnat } from '../src/index.js';

const LB = '169.1.1.1/32';
const CLIENT = '1.1.1.1/32';
const WORKER_PUBLIC = "ibm.role=='worker_public'";

const gnp = (name: string, spec: object) => ({
  apiVersion: 'projectcalico.org/v3',
  kind: 'GlobalNetworkPolicy',
  metadata: { name },
  spec,
});

describe('tutorial policies', () => {
  it('lesson 2: deny-nodeports', () => {
    const policy = preDnat('deny-nodeports')
      .order(1100)
      .selector(WORKER_PUBLIC)
      .deny()
      .tcp()
      .ports('30000:32767')
      .deny()
      .udp()
      .ports('30000:32767')
      .toResource();
    const expected = gnp('deny-nodeports', {
      order: 1100,
      ingress: [
        { action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } },
        { action: 'Deny', protocol: 'UDP', destination: { ports: ['30000:32767'] } },
      ],
      selector: WORKER_PUBLIC,
      types: ['Ingress'],
      preDNAT: true,
      applyOnForward: true,
    });
    expect(policy).toEqual(expected);
    expect(JSON.stringify(policy)).toBe(JSON.stringify(expected));
  });

  it('lesson 3: deny-lb-port-80', () => {
    // The policy's fields first, then its rules: the selector is the policy's, not the rule's.
    const policy = preDnat('deny-lb-port-80')
      .order(800)
      .selector(WORKER_PUBLIC)
      .deny()
      .tcp()
      .toNets(LB)
      .ports(80)
      .deny()
      .udp()
      .toNets(LB)
      .ports(80)
      .toResource();
    const expected = gnp('deny-lb-port-80', {
      order: 800,
      ingress: ['TCP', 'UDP'].map((protocol) => ({
        action: 'Deny',
        protocol,
        destination: { nets: [LB], ports: [80] },
      })),
      selector: WORKER_PUBLIC,
      types: ['Ingress'],
      preDNAT: true,
      applyOnForward: true,
    });
    expect(JSON.stringify(policy)).toBe(JSON.stringify(expected));
  });

  it('lesson 3: whitelist', () => {
    const policy = preDnat('whitelist')
      .order(500)
      .selector(WORKER_PUBLIC)
      .allow()
      .tcp()
      .from({ nets: [CLIENT] })
      .to({ nets: [LB], ports: [80] })
      .toResource();
    const expected = gnp('whitelist', {
      order: 500,
      ingress: [
        {
          action: 'Allow',
          protocol: 'TCP',
          source: { nets: [CLIENT] },
          destination: { nets: [LB], ports: [80] },
        },
      ],
      selector: WORKER_PUBLIC,
      types: ['Ingress'],
      preDNAT: true,
      applyOnForward: true,
    });
    expect(JSON.stringify(policy)).toBe(JSON.stringify(expected));
  });

  it('lesson 4: blacklist, built by branching one rule shape per protocol', () => {
    const base = preDnat('blacklist').order(500).selector(WORKER_PUBLIC);
    const policy = base
      .deny()
      .tcp()
      .fromNets(CLIENT)
      .toNets(LB)
      .ports('80')
      .deny()
      .udp()
      .fromNets(CLIENT)
      .toNets(LB)
      .ports('80')
      .toResource();
    const expected = gnp('blacklist', {
      order: 500,
      ingress: ['TCP', 'UDP'].map((protocol) => ({
        action: 'Deny',
        protocol,
        source: { nets: [CLIENT] },
        destination: { nets: [LB], ports: [80] },
      })),
      selector: WORKER_PUBLIC,
      types: ['Ingress'],
      preDNAT: true,
      applyOnForward: true,
    });
    expect(JSON.stringify(policy)).toBe(JSON.stringify(expected));
    // the base is untouched by the branch
    expect(base.build()).toMatchObject({ ok: true, value: { spec: { order: 500 } } });
    expect(base.toResource().spec.ingress).toBeUndefined();
  });
});
