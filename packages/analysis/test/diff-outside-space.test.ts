/**
 * `diff` over what the lifted space leaves out: ICMP types and codes the rules name (typed pings)
 * and flows that name where they enter (`via`).
 */
import { World } from '@calico-dsl/evaluator';
import { fromYaml } from '@calico-dsl/yaml';
import { describe, expect, it } from 'vitest';
import { analyze, changeText, diff } from '../src/index.js';
import { ONE_INTERFACE_NODE, TWO_INTERFACE_NODE } from './helpers/worlds.js';

const world = (text: string) => {
  const parsed = fromYaml(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return World.from(parsed.value);
};

const BASE = `apiVersion: v1
kind: Namespace
metadata: {name: prod}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: prod, labels: {app: web}}
spec: {nodeName: n1}
status: {podIP: 10.1.0.5}
`;
const NO_PING = `${BASE}---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: no-ping}
spec:
  selector: app == 'web'
  types: [Ingress]
  ingress:
  - {action: Deny, protocol: ICMP, icmp: {type: 8}}
  - {action: Deny, protocol: ICMP, icmp: {type: 3, code: 4}}
  - {action: Allow}
`;

/** Lets web take pings (ICMP type 8) and nothing else. */
const PING_ONLY = `---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: ping-only}
spec:
  selector: app == 'web'
  types: [Ingress]
  ingress: [{action: Allow, protocol: ICMP, icmp: {type: 8}}]
`;

describe('diff and ICMP types', () => {
  it('a rule on an ICMP type changes typed pings only: icmpChanges says so, changes stays empty', () => {
    const d = diff(world(BASE), world(NO_PING));
    expect(d.changes).toEqual([]);
    // Type 3 code 4 does not change: as a flow's first packet, an error with no connection to report
    // on is conntrack INVALID (Linux nf_conntrack_proto_icmp.c: nf_conntrack_icmpv4_error finds no
    // connection, nf_conntrack_icmp_packet's valid_new opens none), which web's to-workload chain
    // drops before its policy (felix/rules/endpoints.go appendConntrackRules), in both worlds.
    expect(d.icmpChanges.map(changeText)).toEqual([
      'ICMP any IPv4 except 10.1.0.5 → 10.1.0.5 type 8: Allow → Deny',
    ]);
    for (const c of d.icmpChanges) {
      expect(world(NO_PING).evaluate(c.witness).verdict).toBe('Deny');
      expect(world(BASE).evaluate(c.witness).verdict).toBe('Allow');
    }
    // Type 3 (any code) and an echo reply (type 0) are INVALID first packets in both worlds.
    const other = { protocol: 'ICMP', srcIp: '198.51.100.7', dstIp: '10.1.0.5' } as const;
    for (const icmp of [{ type: 3, code: 4 }, { type: 3, code: 1 }, { type: 0 }]) {
      expect(world(BASE).evaluate({ ...other, icmp }).verdict).toBe('Deny');
      expect(world(NO_PING).evaluate({ ...other, icmp }).verdict).toBe('Deny');
    }
  });

  it('the INVALID drop turned off: every type conntrack cannot open a connection with changes, shown by one stand-in', () => {
    const off = `${BASE}---
apiVersion: projectcalico.org/v3
kind: FelixConfiguration
metadata: {name: default}
spec: {disableConntrackInvalidCheck: true}
`;
    const d = diff(world(BASE), world(off));
    expect(d.changes).toEqual([]);
    // Into and out of web: both its workload chains start with the conntrack rules.
    expect(d.icmpChanges.map(changeText)).toEqual([
      'ICMP any IPv4 except 10.1.0.5 → 10.1.0.5 type 0: Deny → Allow',
      'ICMP 10.1.0.5 → any IPv4 except 10.1.0.5 type 0: Deny → Allow',
    ]);
    expect(d.unsupported).toContain(
      'the ICMP type 0 changes in icmpChanges hold for every ICMP type no rule names that conntrack cannot open a connection with (an echo reply, an error): its first packet is INVALID alike',
    );
    const error = { protocol: 'ICMP', srcIp: '198.51.100.7', dstIp: '10.1.0.5', icmp: { type: 11 } } as const;
    expect([world(BASE).evaluate(error).verdict, world(off).evaluate(error).verdict]).toEqual([
      'Deny',
      'Allow',
    ]);
  });

  it('search with icmpTypes finds the INVALID echo reply a policy seems to allow', () => {
    const allowAll = world(BASE);
    const space = { protocol: ['ICMP'], srcIp: ['198.51.100.7'], dstIp: ['10.1.0.5'] };
    expect(analyze(allowAll).search(space, 'Deny').found).toBe(false);
    const r = analyze(allowAll).search(space, 'Deny', { icmpTypes: true });
    expect(r.found && r.witness.icmp).toEqual({ type: 0 });
  });

  it('a class with itself: pings between two of its pods change, each pod to itself (loopback) does not', () => {
    const twin = `---
apiVersion: v1
kind: Pod
metadata: {name: web-2, namespace: prod, labels: {app: web}}
spec: {nodeName: n1}
status: {podIP: 10.1.0.6}
`;
    const before = world(`${BASE}${twin}`);
    const after = world(`${NO_PING}${twin}`);
    const { icmpChanges } = diff(before, after);
    const pings = icmpChanges.filter((c) => c.icmp.type === 8);
    for (const c of pings) {
      // No region holds a pod's ping to itself: those stay Allow.
      for (const ip of ['10.1.0.5', '10.1.0.6'])
        expect(c.region.srcIp.includes(`${ip}/32`) && c.region.dstIp.includes(`${ip}/32`)).toBe(false);
    }
    const self = { protocol: 'ICMP', srcIp: '10.1.0.5', dstIp: '10.1.0.5', icmp: { type: 8 } } as const;
    expect(after.evaluate(self).verdict).toBe('Allow');
    const between = { ...self, dstIp: '10.1.0.6' };
    expect(after.evaluate(between).verdict).toBe('Deny');
    expect(
      pings.some((c) => c.region.srcIp.includes('10.1.0.5/32') && c.region.dstIp.includes('10.1.0.6/32')),
    ).toBe(true);
  });

  it('says what it leaves out: via and HTTP matches, not ICMP types', () => {
    expect(diff(world(BASE), world(NO_PING)).unsupported).toEqual([
      'HTTP matches are outside the compared flows; ICMP types and codes that rules name are compared in icmpChanges, and flows that name where they enter (via) in viaChanges when a world has host endpoints',
    ]);
  });

  it('worlds whose rules name no ICMP type have no icmpChanges', () => {
    expect(
      diff(
        world(BASE),
        world(`${BASE}---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: no-icmp}
spec: {selector: app == 'web', types: [Ingress], ingress: [{action: Deny, protocol: ICMP}]}
`),
      ).icmpChanges,
    ).toEqual([]);
  });
});

const privateIn = (rules: string) => `${TWO_INTERFACE_NODE}---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: private-in}
spec: {selector: role == 'private', types: [Ingress], ingress: [${rules}]}
`;

describe('diff and flows that name where they enter (via)', () => {
  it('a change only a packet arriving on another interface meets is a viaChange; changes stays empty', () => {
    const before = world(privateIn('{action: Allow}'));
    const after = world(
      privateIn('{action: Deny, protocol: TCP, destination: {nets: [203.0.113.11/32]}}, {action: Allow}'),
    );
    const d = diff(before, after);
    expect(d.changes).toEqual([]);
    expect(d.viaChanges.map((c) => [c.via, c.before, c.after])).toEqual([
      [{ node: 'node-1', interface: 'eth0' }, 'Allow', 'Deny'],
    ]);
    const [c] = d.viaChanges;
    expect(c?.region.dstIp).toEqual(['203.0.113.11/32']);
    // The witness enters where the change is: both worlds confirm it.
    expect(c && [before.evaluate(c.witness).verdict, after.evaluate(c.witness).verdict]).toEqual([
      'Allow',
      'Deny',
    ]);
    expect(c && changeText(c)).toMatch(/→ 203\.0\.113\.11 port .* via node-1\/eth0: Allow → Deny$/);
  });

  it('a change routed flows show too is not repeated per via', () => {
    const d = diff(
      world(privateIn('{action: Allow}')),
      world(privateIn('{action: Deny, protocol: UDP}, {action: Allow}')),
    );
    expect(d.changes.length).toBeGreaterThan(0);
    expect(d.viaChanges.filter((c) => c.via.interface === undefined)).toEqual([]);
  });

  it("a node's only host endpoint: a change is listed for its interface, not again for the node alone", () => {
    const closed = `${ONE_INTERFACE_NODE}---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: deny-high}
spec:
  selector: role == 'public'
  preDNAT: true
  applyOnForward: true
  types: [Ingress]
  ingress: [{action: Deny, protocol: TCP, destination: {ports: ['30000:32767']}}]
`;
    const d = diff(world(ONE_INTERFACE_NODE), world(closed));
    expect(d.viaChanges.length).toBeGreaterThan(0);
    expect(new Set(d.viaChanges.map((c) => JSON.stringify(c.via)))).toEqual(
      new Set([JSON.stringify({ node: 'node-1', interface: 'eth1' })]),
    );
    // Witnesses read as the routed ones do: an ephemeral source port, a documentation address.
    for (const c of d.viaChanges) {
      expect(c.witness.srcPort).toBe(40000);
      expect(['198.51.100.7', '2001:db8::7']).toContain(c.witness.srcIp);
    }
  });

  it('worlds without host endpoints have no viaChanges', () => {
    expect(diff(world(BASE), world(NO_PING)).viaChanges).toEqual([]);
  });
});

describe('search beyond the routed space: typed pings and flows that name where they enter', () => {
  it('finds a ping only a rule on its type allows, which the space as routed never sees', () => {
    const pingOnly = world(`${BASE}${PING_ONLY}`);
    const space = { protocol: ['ICMP'], dstIp: ['10.1.0.5/32'], srcIp: ['198.51.100.0/24'] };
    expect(analyze(pingOnly).search(space, 'Allow')).toEqual({ found: false });
    const r = analyze(pingOnly).search(space, 'Allow', { icmpTypes: true });
    expect(r).toEqual({
      found: true,
      witness: { protocol: 'ICMP', srcIp: '198.51.100.7', dstIp: '10.1.0.5', icmp: { type: 8 } },
    });
    if (r.found) expect(pingOnly.evaluate(r.witness).verdict).toBe('Allow');
  });

  it('finds a flow that enters by another interface when only that one allows it', () => {
    const w = world(`${TWO_INTERFACE_NODE}---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: private-ssh}
spec: {selector: role == 'private', types: [Ingress], ingress: [{action: Allow, protocol: TCP, destination: {ports: [2222]}}]}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: public-closed}
spec: {selector: role == 'public', types: [Ingress], ingress: [{action: Deny}]}
`);
    const space = {
      protocol: ['TCP'],
      srcIp: ['198.51.100.0/24'],
      dstIp: ['203.0.113.11/32'],
      dstPort: [2222],
    };
    expect(analyze(w).search(space, 'Allow')).toEqual({ found: false });
    const r = analyze(w).search(space, 'Allow', { via: true });
    expect(r.found && r.witness.via).toEqual({ node: 'node-1', interface: 'eth0' });
    // The witness reads as routed ones do: an ephemeral source port, not the first port of a region.
    expect(r.found && r.witness.srcPort).toBe(40000);
    if (r.found) expect(w.evaluate(r.witness).verdict).toBe('Allow');
  });
});

describe('class matrix of pings of one ICMP type', () => {
  it('answers as world.matrix does, with the type: a rule on type 8 lets cli ping web', () => {
    const w = world(`${BASE}---
apiVersion: v1
kind: Pod
metadata: {name: cli, namespace: prod, labels: {app: cli}}
spec: {nodeName: n1}
status: {podIP: 10.1.0.9}
${PING_ONLY}`);
    const grid = (m: ReturnType<ReturnType<typeof analyze>['matrix']>) =>
      m.endpoints.map((_, i) => m.endpoints.map((__, j) => m.verdict(i, j)));
    const ping = analyze(w).matrix({ protocol: 'ICMP', icmp: { type: 8 } });
    expect(grid(ping)).toEqual(w.matrix({ protocol: 'ICMP', icmp: { type: 8 } }).cells);
    expect(grid(ping)).toEqual([
      ['Allow', 'Allow'],
      ['Allow', 'Allow'],
    ]);
    expect(grid(analyze(w).matrix({ protocol: 'ICMP' }))).toEqual([
      ['Allow', 'Allow'],
      ['Deny', 'Allow'],
    ]);
  });
});
