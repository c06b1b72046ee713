/**
 * Conntrack's INVALID state for a flow's first ICMP packet. Linux conntrack opens a connection
 * only with ICMP echo (8), timestamp (13), information (15) and address mask (17) requests
 * (`net/netfilter/nf_conntrack_proto_icmp.c` `nf_conntrack_icmp_packet` `valid_new`) and ICMPv6
 * echo request (128) and node information query (139) (`nf_conntrack_proto_icmpv6.c`
 * `nf_conntrack_icmpv6_packet`); it leaves ICMPv6 130–136 and 143 untracked
 * (`nf_conntrack_icmpv6_error` `noct_valid_new`). Any other type with no connection it belongs to
 * has no entry: ctstate INVALID, which every tracked Felix endpoint chain drops before its policy
 * (`felix/rules/endpoints.go` `endpointIptablesChain` → `appendConntrackRules`, unless
 * FelixConfiguration `disableConntrackInvalidCheck`).
 */
import { describe, expect, it } from 'vitest';
import { type Flow, World } from '../src/index.js';
import { BASE, felix, gnp, hep, node, ns, pod } from './helpers/world-kit.js';

const CLIENT = '10.1.1.10';
const WEB = '10.1.0.10';
const EXT = '198.51.100.7';
const icmp = (srcIp: string, dstIp: string, type?: number, code?: number): Flow => ({
  protocol: 'ICMP',
  srcIp,
  dstIp,
  ...(type === undefined ? {} : { icmp: code === undefined ? { type } : { type, code } }),
});
const ALLOW_ICMP_IN = gnp('allow-icmp-in', {
  selector: "app == 'web'",
  types: ['Ingress'],
  ingress: [{ action: 'Allow', protocol: 'ICMP' }],
});
const V6 = [
  ns('prod'),
  node('node-1', 'fd00::11'),
  node('node-2', 'fd00::12'),
  pod('prod', 'web6', '2001:db8::10', { app: 'web6' }, { node: 'node-1' }),
  pod('prod', 'db6', '2001:db8::20', { app: 'db6' }, { node: 'node-2' }),
  gnp('allow-icmpv6-in', {
    selector: "app == 'db6'",
    types: ['Ingress'],
    ingress: [{ action: 'Allow', protocol: 'ICMPv6' }],
  }),
];
const icmp6 = (type: number): Flow => ({
  protocol: 'ICMPv6',
  srcIp: '2001:db8::10',
  dstIp: '2001:db8::20',
  icmp: { type },
});

for (const engine of ['reference', 'compiled'] as const) {
  describe(`${engine}: conntrack INVALID for a first ICMP packet`, () => {
    const world = World.from([...BASE, ALLOW_ICMP_IN], { engine });

    it('drops an echo reply (type 0) at the first tracked chain, before the policy that allows it', () => {
      const r = world.evaluate(icmp(CLIENT, WEB, 0));
      expect(r.verdict, r.explain()).toBe('Deny');
      // client's from-workload chain is the first tracked chain of the path.
      expect(r.decidedBy?.stage, r.explain()).toBe('workloadEgress');
      expect(r.decidedBy?.policy).toBeUndefined();
      expect(r.decidedBy?.reason).toContain('conntrack INVALID');
      const step = r.paths[0]?.steps.find((s) => s.action === 'deny');
      expect(step?.reason).toContain('ICMP type 0 (echo reply) cannot start a connection');
      expect(step?.endpoint?.name).toBe('client');
    });

    it('drops an error (type 3 code 4) that reports on no connection, from outside too', () => {
      const r = world.evaluate(icmp(EXT, WEB, 3, 4));
      expect(r.verdict, r.explain()).toBe('Deny');
      expect(r.explain()).toContain('ICMP type 3 (destination unreachable) cannot start a connection');
    });

    it('leaves the request types that open a connection, and a typeless packet, to policy', () => {
      for (const f of [icmp(CLIENT, WEB, 8), icmp(CLIENT, WEB, 13), icmp(CLIENT, WEB)]) {
        const r = world.evaluate(f);
        expect(r.verdict, r.explain()).toBe('Allow');
        expect(r.decidedBy?.policy?.name).toBe('allow-icmp-in');
      }
    });

    it('leaves every type to policy under disableConntrackInvalidCheck', () => {
      const off = World.from([...BASE, ALLOW_ICMP_IN, felix({ disableConntrackInvalidCheck: true })], {
        engine,
      });
      const r = off.evaluate(icmp(CLIENT, WEB, 0));
      expect(r.verdict, r.explain()).toBe('Allow');
      expect(r.decidedBy?.policy?.name).toBe('allow-icmp-in');
    });

    it('ICMPv6: an echo reply is INVALID; neighbour discovery is untracked, so policy decides', () => {
      const v6 = World.from(V6, { engine });
      const reply = v6.evaluate(icmp6(129));
      expect(reply.verdict, reply.explain()).toBe('Deny');
      expect(reply.explain()).toContain('ICMPv6 type 129 (echo reply) cannot start a connection');
      for (const type of [128, 135]) {
        const r = v6.evaluate(icmp6(type));
        expect(r.verdict, r.explain()).toBe('Allow');
        expect(r.decidedBy?.policy?.name).toBe('allow-icmpv6-in');
      }
    });

    it('matrix agrees with evaluate', () => {
      const m = world.matrix({ protocol: 'ICMP', icmp: { type: 0 } });
      const at = (name: string) => m.endpoints.findIndex((e) => e.name === name);
      expect(m.cells[at('client')]?.[at('web')]).toBe('Deny');
      // A pod's packet to its own address is loopback: no Felix chain.
      expect(m.cells[at('web')]?.[at('web')]).toBe('Allow');
    });

    it('no Felix chain, no drop: between hosts without host endpoints', () => {
      const bare = World.from([node('node-1', '10.0.0.11'), node('node-2', '10.0.0.12')], { engine });
      const r = bare.evaluate(icmp('10.0.0.11', '10.0.0.12', 0));
      expect(r.verdict, r.explain()).toBe('Allow');
      expect(r.explain()).not.toContain('conntrack INVALID');
    });

    it("drops at a host endpoint's pre-DNAT chain only when it has one (Felix renders it for pre-DNAT policy)", () => {
      // endpoint_mgr.go: mangle PREROUTING dispatches only to host endpoints with pre-DNAT
      // policy; static.go's mangle chain itself has no INVALID rule. Without one, the first tracked
      // chain is the host endpoint's filter INPUT chain.
      const hosts = [
        node('node-1', '10.0.0.11', '203.0.113.11'),
        hep('node-1-eth1', 'node-1', 'eth1', ['203.0.113.11'], { role: 'public' }),
      ];
      const plain = World.from(hosts, { engine }).evaluate(icmp(EXT, '203.0.113.11', 0));
      expect(plain.verdict, plain.explain()).toBe('Deny');
      expect(plain.decidedBy?.stage, plain.explain()).toBe('hostIngress');
      const preDnat = gnp('pre-dnat-ssh', {
        selector: "role == 'public'",
        preDNAT: true,
        applyOnForward: true,
        types: ['Ingress'],
        ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [22] } }],
      });
      const guarded = World.from([...hosts, preDnat], { engine }).evaluate(icmp(EXT, '203.0.113.11', 0));
      expect(guarded.verdict, guarded.explain()).toBe('Deny');
      expect(guarded.decidedBy?.stage, guarded.explain()).toBe('preDnat');
    });

    it('a node whose raw table leaves the packet untracked does not call it INVALID', () => {
      const untracked = gnp('untracked-icmp', {
        selector: "role == 'public'",
        doNotTrack: true,
        applyOnForward: true,
        order: 10,
        types: ['Ingress', 'Egress'],
        ingress: [{ action: 'Allow', protocol: 'ICMP' }],
        egress: [{ action: 'Allow', protocol: 'ICMP' }],
      });
      const hosts = [
        node('node-1', '10.0.0.11', '203.0.113.11'),
        hep('node-1-eth1', 'node-1', 'eth1', ['203.0.113.11'], { role: 'public' }),
      ];
      const tracked = World.from(hosts, { engine }).evaluate(icmp(EXT, '203.0.113.11', 0));
      expect(tracked.verdict, tracked.explain()).toBe('Deny');
      expect(tracked.decidedBy?.reason).toContain('conntrack INVALID');
      const r = World.from([...hosts, untracked], { engine }).evaluate(icmp(EXT, '203.0.113.11', 0));
      expect(r.verdict, r.explain()).toBe('Allow');
      expect(r.explain()).not.toContain('conntrack INVALID');
    });

    describe('the reply leg of an untracked request answers with its reply type', () => {
      const hosts = [
        node('node-1', '10.0.0.11', '203.0.113.11'),
        hep('node-1-eth1', 'node-1', 'eth1', ['203.0.113.11'], { role: 'public' }),
      ];
      const untracked = (egressType: number) =>
        gnp('untracked-timestamp', {
          selector: "role == 'public'",
          doNotTrack: true,
          applyOnForward: true,
          order: 10,
          types: ['Ingress', 'Egress'],
          ingress: [{ action: 'Allow', protocol: 'ICMP', icmp: { type: 13 } }],
          egress: [{ action: 'Allow', protocol: 'ICMP', icmp: { type: egressType } }],
        });

      it('a timestamp request (13) is answered by a timestamp reply (14): untracked egress must allow 14', () => {
        // nf_conntrack_proto_icmp.c invmap: ICMP_TIMESTAMP ↔ ICMP_TIMESTAMPREPLY.
        const flow = icmp(EXT, '203.0.113.11', 13);
        const wrongType = World.from([...hosts, untracked(13)], { engine }).evaluate(flow);
        expect(wrongType.verdict, wrongType.explain()).toBe('Deny');
        expect(wrongType.explain()).toContain('ICMP 203.0.113.11 → 198.51.100.7');
        const replyType = World.from([...hosts, untracked(14)], { engine }).evaluate(flow);
        expect(replyType.verdict, replyType.explain()).toBe('Allow');
      });

      it('an ICMPv6 type conntrack leaves untracked is not INVALID on the reply leg: policy decides', () => {
        const v6hosts = [
          node('node-1', 'fd00::11'),
          hep('node-1-eth0', 'node-1', 'eth0', ['fd00::11'], { role: 'public' }),
          gnp('untracked-nd-in', {
            selector: "role == 'public'",
            doNotTrack: true,
            applyOnForward: true,
            order: 10,
            types: ['Ingress'],
            ingress: [{ action: 'Allow', protocol: 'ICMPv6', icmp: { type: 135 } }],
          }),
          gnp('icmpv6-out', {
            selector: "role == 'public'",
            types: ['Egress'],
            egress: [{ action: 'Allow', protocol: 'ICMPv6' }],
          }),
        ];
        const r = World.from(v6hosts, { engine }).evaluate({
          protocol: 'ICMPv6',
          srcIp: 'fd00::99',
          dstIp: 'fd00::11',
          icmp: { type: 135 },
        });
        expect(r.verdict, r.explain()).toBe('Allow');
        expect(r.explain()).not.toContain('INVALID');
      });
    });
  });
}
