/**
 * Felix's drop of encapsulated packets from workloads (`felix/rules/endpoints.go`
 * `endpointIptablesChain`: UDP to FelixConfiguration `vxlanPort` and IP protocol 4, unless
 * `allowVXLANPacketsFromWorkloads` / `allowIPIPPacketsFromWorkloads`), lifted: the regions split
 * exactly on it and agree with `world.evaluate`, and search, matrix and diff follow it.
 */
import { World } from '@calico-dsl/evaluator';
import { parseIp } from '@calico-dsl/evaluator/model';
import { describe, expect, it } from 'vitest';
import { felix, gnp, node, ns, pod } from '../../evaluator/test/helpers/world-kit.js';
import { analyze, changeText, diff } from '../src/index.js';
import { universe } from '../src/lifted/boxes.js';
import { type LiftedRegion, liftContext, liftPair } from '../src/lifted/pair.js';
import { globalRelevance } from '../src/relevance.js';
import { concreteDecisions, encapPointsOf, pointsOf } from './helpers/lifted.js';

type Obj = Record<string, unknown>;

const W0 = '10.65.0.2';
const W1 = '10.65.1.2';
const F0 = '172.17.0.3';
const F1 = '172.17.0.4';
const OUTSIDE = '198.51.100.7';
const TO_VXLAN = '10.96.0.10'; // UDP 53 → backend 4789
const FROM_VXLAN = '10.96.0.11'; // UDP 4789 → backend 53

const udpService = (name: string, clusterIP: string, port: number, targetPort: number): Obj => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec: { selector: { name: 'w1' }, clusterIP, ports: [{ protocol: 'UDP', port, targetPort }] },
});

/** Two felixes with a pod each, everything allowed by policy, two UDP services around port 4789. */
const worldWith = (spec: Obj = {}): World =>
  World.from([
    ns('default'),
    node('felix-0', F0),
    node('felix-1', F1),
    pod('default', 'w0', W0, { name: 'w0' }, { node: 'felix-0' }),
    pod('default', 'w1', W1, { name: 'w1' }, { node: 'felix-1' }),
    gnp('allow-all', {
      selector: 'all()',
      types: ['Ingress', 'Egress'],
      ingress: [{ action: 'Allow' }],
      egress: [{ action: 'Allow' }],
    }),
    udpService('to-vxlan', TO_VXLAN, 53, 4789),
    udpService('from-vxlan', FROM_VXLAN, 4789, 53),
    ...(Object.keys(spec).length > 0 ? [felix(spec)] : []),
  ]);

const ip = (text: string) => {
  const v = parseIp(text);
  if (!v) throw new Error(text);
  return v;
};
const ADDRESSES = [W0, W1, F0, F1, OUTSIDE, TO_VXLAN, FROM_VXLAN];

function lift(world: World, s: string, d: string): LiftedRegion[] {
  return liftPair(liftContext(world.model), ip(s), ip(d), universe(undefined, undefined, undefined));
}

/** Every region's points, the drop's edges included, get the region's verdict and decisions. */
function expectAgreement(world: World, s: string, d: string): LiftedRegion[] {
  const regions = lift(world, s, d);
  for (const r of regions)
    for (const f of [...pointsOf(r.box, s, d, 12), ...encapPointsOf(r.box, s, d)]) {
      const c = world.evaluate(f);
      expect(c.verdict, `${JSON.stringify(f)}: lifted ${r.verdict}`).toBe(r.verdict);
      expect(concreteDecisions(c), `decisions of ${JSON.stringify(f)}`).toEqual(r.decisions);
    }
  return regions;
}

const DROP = 'workloadEgress||||';

describe('the lifted engine splits on the workload encapsulation drop', () => {
  it.each([
    ['defaults', {}],
    ['vxlanPort 8472', { vxlanPort: 8472 }],
    ['VXLAN allowed', { allowVXLANPacketsFromWorkloads: true }],
    ['IPIP allowed', { allowIPIPPacketsFromWorkloads: true }],
    ['both allowed', { allowVXLANPacketsFromWorkloads: true, allowIPIPPacketsFromWorkloads: true }],
  ] as const)('%s: every address pair agrees with world.evaluate', (_, spec) => {
    const world = worldWith(spec);
    for (const s of ADDRESSES) for (const d of ADDRESSES) expectAgreement(world, s, d);
  });

  it('pod → pod: exactly IP protocol 4 and UDP to port 4789 are dropped, at the source, before policy', () => {
    const dropped = expectAgreement(worldWith(), W0, W1).filter((r) => r.decisions.includes(DROP));
    expect(dropped.map((r) => [r.verdict, r.box.p, r.box.d])).toEqual(
      expect.arrayContaining([
        ['Deny', [[4, 4]], [[0, 65535]]],
        ['Deny', [[17, 17]], [[4789, 4789]]],
      ]),
    );
    expect(dropped).toHaveLength(2);
  });

  it('the drop sees the post-DNAT packet: UDP 53 to a backend on 4789 is dropped, UDP 4789 to a backend on 53 is not', () => {
    const world = worldWith();
    const toVxlan = expectAgreement(world, W0, TO_VXLAN).filter((r) => r.decisions.includes(DROP));
    expect(
      toVxlan.some((r) => r.box.p.length === 1 && r.box.p[0]?.[0] === 17 && r.box.d[0]?.[0] === 53),
    ).toBe(true);
    const fromVxlan = expectAgreement(world, W0, FROM_VXLAN).filter((r) => r.decisions.includes(DROP));
    expect(fromVxlan.every((r) => r.box.p.length === 1 && r.box.p[0]?.[0] === 4)).toBe(true);
  });

  it('traffic to a pod and host traffic never meet the drop', () => {
    const world = worldWith();
    for (const [s, d] of [
      [F0, W0],
      [F1, W0],
      [OUTSIDE, W0],
      [F0, F1],
      [F0, OUTSIDE],
    ] as const)
      expect(
        expectAgreement(world, s, d).some((r) => r.decisions.includes(DROP)),
        `${s} → ${d}`,
      ).toBe(false);
  });
});

describe('search, matrix and diff follow the drop', () => {
  it('search proves no pod sends VXLAN or IPIP by default, and finds a witness once allowed', () => {
    const a = analyze(worldWith());
    // The other pod, nodes, the internet (10.96.0.11:4789 is a service DNAT'd to port 53:
    // allowed). Not w0's own address: that is loopback, which no Felix chain sees.
    const anywhere = ['10.65.1.0/24', '172.17.0.0/16', '198.51.100.0/24', `${TO_VXLAN}/32`];
    expect(
      a.search({ protocol: ['UDP'], srcIp: [`${W0}/32`], dstIp: anywhere, dstPort: [4789] }, 'Allow'),
    ).toEqual({
      found: false,
    });
    expect(
      a.search({ protocol: ['UDP'], srcIp: [`${W0}/32`], dstIp: [`${W0}/32`], dstPort: [4789] }, 'Allow')
        .found,
    ).toBe(true);
    expect(
      a.search(
        { protocol: ['UDP'], srcIp: [`${W0}/32`], dstIp: [`${FROM_VXLAN}/32`], dstPort: [4789] },
        'Allow',
      ).found,
    ).toBe(true);
    expect(a.search({ protocol: [4], srcIp: [`${W0}/32`], dstIp: anywhere }, 'Allow')).toEqual({
      found: false,
    });
    const near = a.search(
      { protocol: ['UDP'], srcIp: [`${W0}/32`], dstIp: anywhere, dstPort: [[4788, 4790]] },
      'Allow',
    );
    expect(near.found && near.witness.dstPort !== 4789).toBe(true);
    // From a host, nothing is dropped.
    expect(a.search({ protocol: [4], srcIp: [`${F0}/32`], dstIp: [`${W0}/32`] }, 'Allow').found).toBe(true);
    const moved = analyze(worldWith({ vxlanPort: 8472 }));
    expect(
      moved.search({ protocol: ['UDP'], srcIp: [`${W0}/32`], dstIp: [`${W1}/32`], dstPort: [4789] }, 'Allow')
        .found,
    ).toBe(true);
    expect(
      moved.search({ protocol: ['UDP'], srcIp: [`${W0}/32`], dstIp: anywhere, dstPort: [8472] }, 'Allow'),
    ).toEqual({ found: false });
  });

  it('matrix() gives world.matrix()', () => {
    const world = worldWith();
    for (const [protocol, port] of [
      ['UDP', 4789],
      ['UDP', 4790],
      [4, undefined],
    ] as const) {
      const query = { protocol, ...(port !== undefined ? { port } : {}) };
      const m = analyze(world).matrix(query);
      const cells = world.matrix(query).cells;
      const lifted = cells.map((row, i) => row.map((_, j) => m.verdict(i, j)));
      expect(lifted, `${protocol}:${port}`).toEqual(cells);
    }
    // Only the diagonal: each pod's own address is loopback.
    expect(analyze(world).matrix({ protocol: 'UDP', port: 4789 }).count('Allow')).toBe(2);
  });

  it('diff sees a FelixConfiguration change alone (no policy changed): pod-sent UDP to the old and new vxlanPort, after DNAT', () => {
    const before = worldWith();
    const texts = (after: World) => diff(before, after).changes.map(changeText).sort();
    // 10.96.0.10:53 is DNAT'd to a backend on 4789; 10.96.0.11:4789 to one on 53. A pod's
    // packet to its own address never changes (loopback, no Felix chain).
    const opened = [
      'UDP 10.65.0.2 → any IPv4 except 10.65.0.2, 10.96.0.10/31 port 4789: Deny → Allow',
      'UDP 10.65.0.2, 10.65.1.2 → 10.96.0.10 port 53, 4789: Deny → Allow',
      'UDP 10.65.1.2 → any IPv4 except 10.65.1.2, 10.96.0.10/31 port 4789: Deny → Allow',
    ];
    expect(texts(worldWith({ allowVXLANPacketsFromWorkloads: true }))).toEqual(opened);
    expect(texts(worldWith({ vxlanPort: 8472 }))).toEqual(
      [
        ...opened,
        'UDP 10.65.0.2 → any IPv4 except 10.65.0.2 port 8472: Allow → Deny',
        'UDP 10.65.1.2 → any IPv4 except 10.65.1.2 port 8472: Allow → Deny',
      ].sort(),
    );
    expect(texts(worldWith({ allowIPIPPacketsFromWorkloads: true }))).toEqual([
      '4 10.65.0.2 → any IPv4 except 10.65.0.2: Deny → Allow',
      '4 10.65.1.2 → any IPv4 except 10.65.1.2: Deny → Allow',
    ]);
  });

  it('cells (the fallback) cut the port line at the VXLAN port and keep IPIP apart', () => {
    const rel = globalRelevance(worldWith({ vxlanPort: 8472 }).model);
    expect([...(rel.dstBreaks.get(17) ?? [])]).toEqual(expect.arrayContaining([8472, 8473]));
    expect(rel.protocols.has(4)).toBe(true);
    const open = globalRelevance(
      worldWith({ allowVXLANPacketsFromWorkloads: true, allowIPIPPacketsFromWorkloads: true }).model,
    );
    expect(open.protocols.has(4)).toBe(false);
  });
});

describe('lint names the drop as the reason a rule never decides', () => {
  const vxlanOut = gnp('vxlan-out', {
    order: 10,
    selector: "name == 'w0'",
    types: ['Egress'],
    egress: [
      { action: 'Allow', protocol: 'UDP', destination: { ports: [4789] } },
      { action: 'Allow', protocol: 4 },
    ],
  });
  const world = (spec: Obj = {}) =>
    World.from([
      ns('default'),
      node('felix-0', F0),
      pod('default', 'w0', W0, { name: 'w0' }, { node: 'felix-0' }),
      vxlanOut,
      ...(Object.keys(spec).length > 0 ? [felix(spec)] : []),
    ]);
  const shadowed = (w: World) =>
    analyze(w)
      .lint()
      .filter((f) => f.code === 'shadowed-rule' && f.resource.name === 'vxlan-out')
      .map((f) => [f.rule?.index, f.message]);

  it('by default both rules are shadowed by the drop, and the message says so', () => {
    const found = shadowed(world());
    expect(found.map(([i]) => i)).toEqual([0, 1]);
    expect(found[0]?.[1]).toContain(
      'VXLAN packet (UDP to vxlanPort 4789) from a workload is dropped before its egress policy',
    );
    expect(found[1]?.[1]).toContain('IPIP packet (IP protocol 4) from a workload is dropped');
    expect(found.every(([, m]) => !String(m).includes('move it before'))).toBe(true);
  });

  it('once both encapsulations are allowed, neither rule is shadowed', () => {
    expect(
      shadowed(world({ allowVXLANPacketsFromWorkloads: true, allowIPIPPacketsFromWorkloads: true })),
    ).toEqual([]);
  });
});
