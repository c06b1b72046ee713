import { describe, expect, it } from 'vitest';
import { globalNetworkPolicy, preDnat, rule, tier } from '../src/index.js';

describe('immutability', () => {
  it('every method returns a new frozen instance', () => {
    const a = globalNetworkPolicy('a');
    const b = a.order(10);
    expect(b).not.toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(b)).toBe(true);
    expect(Object.isFrozen(b.allow())).toBe(true);
    expect(Object.isFrozen(rule.allow().tcp())).toBe(true);
    expect(Object.isFrozen(tier('t').order(1))).toBe(true);
  });

  it('branching a shared base never leaks between branches', () => {
    const base = preDnat('base').selector("ibm.role == 'worker_public'").deny().tcp();
    const web = base.ports(80).end().name('web');
    const ssh = base.ports(22).end().name('ssh');
    expect(web.toResource().spec.ingress).toEqual([
      { action: 'Deny', protocol: 'TCP', destination: { ports: [80] } },
    ]);
    expect(ssh.toResource().spec.ingress).toEqual([
      { action: 'Deny', protocol: 'TCP', destination: { ports: [22] } },
    ]);
    expect(base.toResource().spec.ingress).toEqual([{ action: 'Deny', protocol: 'TCP' }]);
    expect(base.toResource().metadata.name).toBe('base');
  });

  it('branching a standalone rule is safe', () => {
    const tcp = rule.allow().tcp();
    const a = tcp.ports(80);
    const b = tcp.ports(443);
    expect(a.toRule().destination?.ports).toEqual([80]);
    expect(b.toRule().destination?.ports).toEqual([443]);
    expect(tcp.toRule().destination).toBeUndefined();
  });

  it('toResource returns a deep-frozen object and a fresh one each time', () => {
    const b = preDnat('p').labels({ team: 'net' }).deny().tcp().ports(80).fromNets('10.0.0.0/8');
    const r = b.toResource();
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.metadata)).toBe(true);
    expect(Object.isFrozen(r.metadata.labels)).toBe(true);
    expect(Object.isFrozen(r.spec)).toBe(true);
    expect(Object.isFrozen(r.spec.ingress)).toBe(true);
    expect(Object.isFrozen(r.spec.ingress?.[0]?.destination?.ports)).toBe(true);
    expect(Object.isFrozen(r.spec.ingress?.[0]?.source?.nets)).toBe(true);
    expect(b.toResource()).not.toBe(r);
    expect(b.toResource()).toEqual(r);
  });

  it('never freezes or keeps caller objects', () => {
    const labels = { team: 'net' };
    const nets = ['10.0.0.0/8'];
    const entity = { nets, ports: [80] };
    const b = globalNetworkPolicy('p').labels(labels).allow().tcp().to(entity);
    b.toResource();
    expect(Object.isFrozen(labels)).toBe(false);
    expect(Object.isFrozen(nets)).toBe(false);
    labels.team = 'other';
    nets.push('192.168.0.0/16');
    const r = b.toResource();
    expect(r.metadata.labels).toEqual({ team: 'net' });
    expect(r.spec.ingress?.[0]?.destination?.nets).toEqual(['10.0.0.0/8']);
  });

  it('an IR rule passed to .ingress() is copied when it is passed, and not frozen', () => {
    const raw: { action: 'Allow' | 'Deny'; destination: { ports: number[] }; protocol: 'TCP' } = {
      action: 'Allow',
      destination: { ports: [80] },
      protocol: 'TCP',
    };
    const b = globalNetworkPolicy('p').ingress(raw);
    raw.action = 'Deny';
    raw.destination.ports.push(22);
    const r = b.toResource();
    expect(r.spec.ingress).toEqual([{ action: 'Allow', protocol: 'TCP', destination: { ports: [80] } }]);
    expect(Object.isFrozen(raw)).toBe(false);
    expect(Object.isFrozen(raw.destination)).toBe(false);
    // and put in upstream key order
    expect(Object.keys(r.spec.ingress?.[0] ?? {})).toEqual(['action', 'protocol', 'destination']);
  });

  it('a SelectorNode or entity passed to a builder is copied when it is passed', () => {
    const node: { kind: 'has'; label: string } = { kind: 'has', label: 'app' };
    const entity = { selector: node, nets: ['10.0.0.0/8'] };
    const b = globalNetworkPolicy('p').selector(node).allow().from(entity);
    node.label = 'other';
    entity.nets.push('192.168.0.0/16');
    const r = b.toResource();
    expect(r.spec.selector).toBe('has(app)');
    expect(r.spec.ingress?.[0]?.source).toEqual({ selector: 'has(app)', nets: ['10.0.0.0/8'] });
    expect(Object.isFrozen(node)).toBe(false);
  });
});
