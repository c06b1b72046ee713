/**
 * The evaluator behaviours of late (FelixConfiguration interfaceExclude and failsafe entries Felix
 * cannot parse, a host endpoint's missing profile, `services` without a namespace, rule sides
 * Calico refuses, IPv4-mapped nets, IPv4-only host endpoints on dual-stack nodes, calico-node's
 * address annotations, kube-proxy's nodePortAddresses and cluster CIDR, the EndpointSlices
 * kube-proxy reads, Endpoints mirroring, host-originated service traffic, loopback node ports):
 * search, diff, matrix and lint give what `World.evaluate` gives, flow by flow.
 */
import { type Flow, World } from '@calico-dsl/evaluator';
import { viaChoices } from '@calico-dsl/evaluator/model';
import { describe, expect, it } from 'vitest';
import {
  felix,
  gnp,
  hep,
  kubeProxy,
  node,
  ns,
  pod,
  service,
} from '../../evaluator/test/helpers/world-kit.js';
import { analyze, diff } from '../src/index.js';
import { inSpace } from './helpers/flows.js';

type Obj = Record<string, unknown>;

const V4 = ['10.1.0.1', '10.1.0.3', '10.0.0.11', '10.0.0.12', '10.0.1.12', '203.0.113.11', '198.51.100.7'];
const V4_DST = [...V4, '10.96.0.10', '127.0.0.1'];
const V6 = ['2001:db8::7', 'fd00::11', 'fd00::12'];
const PORTS = [22, 80, 5432, 8080, 30432];

function sample(srcs: readonly string[], dsts: readonly string[]): Flow[] {
  const out: Flow[] = [];
  for (const s of srcs)
    for (const d of dsts) {
      out.push({ protocol: s.includes(':') ? 'ICMPv6' : 'ICMP', srcIp: s, dstIp: d });
      for (const protocol of ['TCP', 'UDP'])
        for (const p of PORTS) out.push({ protocol, srcIp: s, srcPort: 40000, dstIp: d, dstPort: p });
    }
  return out;
}
const FLOWS = [...sample(V4, V4_DST), ...sample(V6, V6)];

/** node-1 (10.0.0.11, 203.0.113.11, fd00::11) with web; node-2 (10.0.0.12, fd00::12) with db. */
const dualNode = (name: string, v4: string, v6: string, external?: string): Obj => ({
  ...node(name, v4, external),
  status: {
    addresses: [
      { type: 'InternalIP', address: v4 },
      { type: 'InternalIP', address: v6 },
      ...(external ? [{ type: 'ExternalIP', address: external }] : []),
    ],
  },
});
const WEB = pod(
  'prod',
  'web',
  '10.1.0.1',
  { app: 'web' },
  { node: 'node-1', ports: [{ name: 'http', containerPort: 8080 }] },
);
const DB = pod('prod', 'db', '10.1.0.3', { app: 'db' }, { node: 'node-2', ports: [{ containerPort: 5432 }] });
const DB_SVC = service('prod', 'db', {
  type: 'NodePort',
  selector: { app: 'db' },
  clusterIP: '10.96.0.10',
  port: 5432,
  targetPort: 5432,
  nodePort: 30432,
});
const BASE: Obj[] = [
  ns('prod', { env: 'prod' }),
  dualNode('node-1', '10.0.0.11', 'fd00::11', '203.0.113.11'),
  dualNode('node-2', '10.0.0.12', 'fd00::12'),
  WEB,
  DB,
  DB_SVC,
];
const PUBLIC_HEP = hep('n1-eth1', 'node-1', 'eth1', ['203.0.113.11'], { role: 'public' });
const DENY_PUBLIC = gnp('deny-public', {
  order: 10,
  selector: "role == 'public'",
  types: ['Ingress'],
  ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [80] } }, { action: 'Deny' }],
});
const dbIngress = (rules: Obj[]) =>
  gnp('db-in', { order: 20, selector: "app == 'db'", types: ['Ingress'], ingress: rules });
const withLabels = (o: Obj, labels: Record<string, string>): Obj => ({
  ...o,
  metadata: { ...(o.metadata as Obj), labels: { ...((o.metadata as Obj).labels as Obj), ...labels } },
});
const selectorless = (o: Obj): Obj => ({ ...o, spec: { ...(o.spec as Obj), selector: undefined } });
const dbSlice: Obj = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'db-1', namespace: 'prod', labels: { 'kubernetes.io/service-name': 'db' } },
  addressType: 'IPv4',
  endpoints: [{ addresses: ['10.1.0.3'], conditions: { ready: true }, nodeName: 'node-2' }],
  ports: [{ port: 5432, protocol: 'TCP' }],
};
const dbEndpoints: Obj = {
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'db', namespace: 'prod' },
  subsets: [
    { addresses: [{ ip: '10.1.0.3', nodeName: 'node-2' }], ports: [{ port: 5432, protocol: 'TCP' }] },
  ],
};

/** Each sampled flow's verdict lies in the regions of `diff`, and only the changed ones. */
function expectDiffAgrees(before: World, after: World): number {
  const { changes, viaChanges } = diff(before, after);
  let changed = 0;
  for (const f of FLOWS) {
    const b = before.evaluate(f).verdict;
    const a = after.evaluate(f).verdict;
    const hits = changes.filter((c) => inSpace(f, c.region));
    if (b !== a) {
      changed++;
      expect(
        hits.some((h) => h.before === b && h.after === a),
        `${JSON.stringify(f)} ${b} → ${a}`,
      ).toBe(true);
    }
    for (const h of hits) expect([h.before, h.after], JSON.stringify(f)).toEqual([b, a]);
  }
  // A flow entering somewhere changes as the same flow routed by address, or is a viaChange.
  const key = (v: { node: string; interface?: string }) => `${v.node}/${v.interface ?? ''}`;
  // Vias both worlds accept (another is `unknown_via`), in worlds with host endpoints (without
  // any, the entry differs only by the path, and the change shows as routed flows to the node).
  const accepted = new Set(viaChoices(after.model).map(key));
  const withHeps = before.model.hostEndpoints.length > 0 || after.model.hostEndpoints.length > 0;
  for (const f of withHeps ? entering(before) : []) {
    const { via, ...routed } = f;
    if (!via || !accepted.has(key(via))) continue;
    const b = before.evaluate(f).verdict;
    const a = after.evaluate(f).verdict;
    const hits = viaChanges.filter((c) => key(c.via) === key(via) && inSpace(f, c.region));
    for (const h of hits) expect([h.before, h.after], JSON.stringify(f)).toEqual([b, a]);
    if (b === a) continue;
    if (before.evaluate(routed).verdict === b && after.evaluate(routed).verdict === a) continue;
    const asInterface = viaChanges.some(
      (c) =>
        via.interface === undefined &&
        c.via.node === via.node &&
        inSpace(f, c.region) &&
        c.before === b &&
        c.after === a,
    );
    expect(hits.length > 0 || asInterface, `${JSON.stringify(f)} ${b} → ${a}`).toBe(true);
  }
  for (const c of changes) {
    expect(before.evaluate(c.witness).verdict).toBe(c.before);
    expect(after.evaluate(c.witness).verdict).toBe(c.after);
  }
  return changed;
}

/** Per address pair: every sampled verdict is found, and each witness has its verdict. */
function expectSearchAgrees(world: World): void {
  const a = analyze(world);
  const pairs = new Map<string, Flow[]>();
  for (const f of FLOWS) {
    const k = `${f.srcIp}>${f.dstIp}`;
    pairs.set(k, [...(pairs.get(k) ?? []), f]);
  }
  for (const flows of pairs.values()) {
    const [first] = flows;
    if (!first) continue;
    const seen = new Set(flows.map((f) => world.evaluate(f).verdict));
    for (const v of ['Allow', 'Deny'] as const) {
      const r = a.search({ srcIp: [first.srcIp], dstIp: [first.dstIp] }, v);
      if (seen.has(v)) expect(r.found, `${first.srcIp} → ${first.dstIp} ${v}`).toBe(true);
      if (r.found) expect(world.evaluate(r.witness).verdict, JSON.stringify(r.witness)).toBe(v);
    }
  }
}

/** Flows from outside that name where they enter: every choice the world accepts. */
const entering = (world: World): Flow[] =>
  viaChoices(world.model).flatMap((via) =>
    ['198.51.100.7', '2001:db8::7'].flatMap((s) =>
      [...V4_DST, ...V6]
        .filter((d) => d.includes(':') === s.includes(':'))
        .flatMap((d) =>
          PORTS.map((p) => ({ protocol: 'TCP', srcIp: s, srcPort: 40000, dstIp: d, dstPort: p, via })),
        ),
    ),
  );

/** With `via`: every verdict a flow entering somewhere gets is found, and each witness has its verdict. */
function expectViaSearchAgrees(world: World): void {
  if (world.model.hostEndpoints.length === 0) return;
  const a = analyze(world);
  const pairs = new Map<string, Set<string>>();
  for (const f of entering(world)) {
    const k = `${f.srcIp}>${f.dstIp}`;
    pairs.set(k, (pairs.get(k) ?? new Set()).add(world.evaluate(f).verdict));
  }
  for (const [k, seen] of pairs) {
    const [srcIp, dstIp] = k.split('>') as [string, string];
    for (const v of ['Allow', 'Deny'] as const) {
      const r = a.search({ srcIp: [srcIp], dstIp: [dstIp] }, v, { via: true });
      if (seen.has(v)) expect(r.found, `${k} ${v} (via)`).toBe(true);
      if (r.found) expect(world.evaluate(r.witness).verdict, JSON.stringify(r.witness)).toBe(v);
    }
  }
}

/** Every cell of the class matrix is `World.matrix`'s. */
function expectMatrixAgrees(world: World): void {
  for (const q of [{ protocol: 'TCP', port: 5432 }, { protocol: 'TCP', port: 22 }, { protocol: 'ICMP' }]) {
    const ref = world.matrix(q);
    const m = analyze(world).matrix(q);
    for (const [i, row] of ref.cells.entries())
      for (const [j, v] of row.entries()) expect(m.verdict(i, j), `${JSON.stringify(q)} ${i} → ${j}`).toBe(v);
  }
}

/** No sampled flow reaches a rule lint says is shadowed or matches nothing. */
function expectLintHolds(world: World): void {
  const claims = analyze(world)
    .lint()
    .filter((f) => f.code === 'shadowed-rule' || f.code === 'selector-matches-nothing');
  for (const f of FLOWS) {
    const r = world.evaluate(f);
    for (const c of claims) {
      const hit = r.trace.find(
        (s) =>
          s.policy?.name === c.resource.name &&
          s.policy.kind === c.resource.kind &&
          (!c.rule ||
            (s.direction === c.rule.direction && s.ruleIndex === c.rule.index && s.action !== 'no-match')),
      );
      expect(
        hit,
        `${c.code} ${c.resource.name} ${JSON.stringify(c.rule)} reached by ${JSON.stringify(f)}`,
      ).toBeUndefined();
    }
  }
}

function expectAgrees(before: Obj[], after: Obj[]): number {
  const [b, a] = [World.from(before), World.from(after)];
  for (const w of [b, a]) {
    expectSearchAgrees(w);
    expectViaSearchAgrees(w);
    expectMatrixAgrees(w);
    expectLintHolds(w);
  }
  return expectDiffAgrees(b, a);
}

describe('analysis = evaluate on the evaluator behaviours of late', () => {
  it('FelixConfiguration interfaceExclude: the excluded interface is governed by no named host endpoint', () => {
    const before = [...BASE, PUBLIC_HEP, DENY_PUBLIC];
    expect(expectAgrees(before, [...before, felix({ interfaceExclude: 'eth1' })])).toBeGreaterThan(0);
  });

  it('failsafe entries Felix cannot parse: no failsafe', () => {
    const world = (entries: Obj[]) => [
      ...BASE,
      PUBLIC_HEP,
      DENY_PUBLIC,
      felix({ failsafeInboundHostPorts: entries }),
    ];
    expect(expectAgrees(world([{ protocol: 'TCP', port: 22 }]), world([{ port: 22 }]))).toBeGreaterThan(0);
    expect(
      expectAgrees(
        world([{ protocol: 'TCP', port: 22, net: '198.51.100.0/24' }]),
        world([{ protocol: 'TCP', port: 22, net: 'x' }]),
      ),
    ).toBeGreaterThan(0);
  });

  it('a host endpoint profile that does not exist drops', () => {
    const withProfile = (p: string) => [
      ...BASE,
      hep('n1-eth1', 'node-1', 'eth1', ['203.0.113.11'], { role: 'public' }, [p]),
    ];
    expect(
      expectAgrees(withProfile('projectcalico-default-allow'), withProfile('no-such-profile')),
    ).toBeGreaterThan(0);
  });

  it('a services match without a namespace matches nothing', () => {
    const world = (services: Obj) => [
      ...BASE,
      dbIngress([
        { action: 'Deny', source: { services: { name: 'web', namespace: 'prod' } } },
        { action: 'Allow' },
      ]),
      gnp('web-out', {
        selector: "app == 'web'",
        types: ['Egress'],
        egress: [{ action: 'Allow', destination: { services } }],
      }),
      service('prod', 'web', {
        selector: { app: 'web' },
        clusterIP: '10.96.0.20',
        port: 80,
        targetPort: 8080,
      }),
    ];
    expect(expectAgrees(world({ name: 'db', namespace: 'prod' }), world({ name: 'db' }))).toBeGreaterThan(0);
  });

  it('a rule side Calico refuses (selector, net, port) matches nothing', () => {
    const world = (source: Obj, destination: Obj = {}) => [
      ...BASE,
      dbIngress([{ action: 'Deny', protocol: 'TCP', source, destination }, { action: 'Allow' }]),
    ];
    const before = world({ nets: ['10.0.0.0/8'] });
    for (const after of [
      world({ nets: ['10.0.0.0/8', 'ten'] }),
      world({ nets: ['10.0.0.0/8'], notSelector: 'app ==' }),
      world({ nets: ['10.0.0.0/8'], namespaceSelector: 'env in {' }),
      world({ nets: ['10.0.0.0/8'] }, { ports: [0] }),
      world({ nets: ['10.0.0.0/8'], notNets: ['bad'] }),
    ])
      expect(expectAgrees(before, after)).toBeGreaterThan(0);
  });

  it('an IPv4-mapped IPv6 net is the IPv4 net: no flow changes', () => {
    const world = (nets: string[]) => [
      ...BASE,
      dbIngress([{ action: 'Deny', source: { nets } }, { action: 'Allow' }]),
    ];
    expect(expectAgrees(world(['10.1.0.0/24']), world(['::ffff:10.1.0.0/120']))).toBe(0);
    expect(expectAgrees(world(['10.1.0.0/24']), world(['::ffff:10.1.0.0/88']))).toBeGreaterThan(0);
  });

  it("a named host endpoint listing IPv4 expectedIPs only polices the node's IPv6 addresses", () => {
    const eth0 = hep('n1-eth0', 'node-1', 'eth0', ['10.0.0.11'], { role: 'public' });
    expect(expectAgrees([...BASE, DENY_PUBLIC], [...BASE, DENY_PUBLIC, eth0])).toBeGreaterThan(0);
  });

  it("the Node's projectcalico.org/IPv4Address annotation address is the node's", () => {
    const star = hep('n2-all', 'node-2', '*', [], { role: 'public' });
    const annotated = BASE.map((r) =>
      r.kind === 'Node' && (r.metadata as Obj).name === 'node-2'
        ? {
            ...r,
            metadata: { name: 'node-2', annotations: { 'projectcalico.org/IPv4Address': '10.0.1.12/24' } },
          }
        : r,
    );
    expect(expectAgrees([...BASE, star, DENY_PUBLIC], [...annotated, star, DENY_PUBLIC])).toBeGreaterThan(0);
  });

  it("kube-proxy's nodePortAddresses, cluster CIDR and host-originated service traffic", () => {
    const before = [...BASE, dbIngress([{ action: 'Allow', source: { selector: "app == 'web'" } }])];
    for (const lines of [
      'nodePortAddresses: [10.0.0.0/8]\n',
      'nodePortAddresses: [primary]\n',
      'nodePortAddresses: [127.0.0.0/8]\n',
      'clusterCIDR: 10.1.0.2/31\n',
    ])
      expect(expectAgrees(before, [...before, kubeProxy(lines)]), lines).toBeGreaterThan(0);
    // No detector: a host's packet to the ClusterIP keeps its address, as masqueraded it would.
    expect(expectAgrees(before, [...before, kubeProxy('clusterCIDR: ""\n')])).toBe(0);
  });

  it('the EndpointSlices kube-proxy reads, and Endpoints mirrored for a selectorless Service', () => {
    const sliced = [...BASE.filter((r) => r !== DB_SVC), selectorless(DB_SVC), dbSlice];
    const labelled = [
      ...BASE.filter((r) => r !== DB_SVC),
      selectorless(DB_SVC),
      withLabels(dbSlice, { 'service.kubernetes.io/service-proxy-name': 'other' }),
    ];
    expect(expectAgrees(sliced, labelled)).toBeGreaterThan(0);
    const bare = [...BASE.filter((r) => r !== DB_SVC), selectorless(DB_SVC)];
    expect(expectAgrees(bare, [...bare, dbEndpoints])).toBeGreaterThan(0);
  });

  it('flows to 127.0.0.0/8 on a node port (loopback_node_port): what evaluate flags, unsupported says', () => {
    const to = (dstIp: string): Flow => ({
      protocol: 'TCP',
      srcIp: '10.0.0.11',
      srcPort: 40000,
      dstIp,
      dstPort: 30432,
    });
    const world = World.from(BASE);
    expect(world.evaluate(to('127.0.0.1')).issues.map((i) => i.code)).toEqual(['loopback_node_port']);
    const said = (w: World) =>
      [...analyze(w).unsupported, ...diff(w, w).unsupported].filter((s) => s.includes('loopback_node_port'));
    expect(said(world)).toHaveLength(2);
    expect(said(world)[0]).toContain('TCP 30432 (Service prod/db)');
    // kube-proxy serving node ports on 10.0.0.0/8 only: loopback is no node port address.
    const off = World.from([...BASE, kubeProxy('nodePortAddresses: [10.0.0.0/8]\n')]);
    expect(off.evaluate(to('127.0.0.1')).issues).toEqual([]);
    expect(said(off)).toEqual([]);
  });
});
