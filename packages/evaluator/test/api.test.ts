import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { preDnat } from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { combineVerdicts, decidingStep, EvaluatorInputError, World } from '../src/index.js';
import { parseWorld, scenarios } from './helpers/scenarios.js';
import { BASE, gnp, kubeProxy, np, pod, service, sgnp, tier } from './helpers/world-kit.js';

const engines = ['compiled', 'reference'] as const;

const lesson2 = scenarios().find((s) => s.name === '02-lesson-2');
if (!lesson2) throw new Error('fixture 02-lesson-2 missing');

describe('World.from', () => {
  it('rejects unreadable resources with issues naming them', () => {
    let error: unknown;
    try {
      World.from([42, { kind: 'Deployment', metadata: { name: 'x' } }, { kind: 'Pod', metadata: {} }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EvaluatorInputError);
    const issues = (error as EvaluatorInputError).issues;
    expect(issues.map((i) => i.path)).toEqual([[0], [1, 'kind'], [2, 'metadata', 'name']]);
    expect(issues[1]?.message).toContain('Deployment "x"');
  });

  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    ['pods.yaml', 'string "pods.yaml"'],
  ])('refuses %o in place of resources with one issue at the root, not "resource 0"', (input, got) => {
    let error: unknown;
    try {
      World.from(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EvaluatorInputError);
    expect((error as EvaluatorInputError).issues).toEqual([
      {
        code: 'invalid_input',
        path: [],
        message: `World.from takes resources (a list of manifests, a fromYaml result, DSL builders, or one of them); got ${got}.`,
      },
    ]);
  });

  it("reads each kind in its own apiVersion only; Calico's v3 Node is refused, not read without addresses", () => {
    const issuesOf = (resource: Record<string, unknown>) => {
      try {
        World.from([resource]);
        return [];
      } catch (e) {
        return (e as EvaluatorInputError).issues;
      }
    };
    const calicoNode = issuesOf({
      apiVersion: 'projectcalico.org/v3',
      kind: 'Node',
      metadata: { name: 'n1' },
      spec: { bgp: { ipv4Address: '10.0.0.11/24' } },
    });
    expect(calicoNode).toMatchObject([{ code: 'unknown_api_version', path: [0, 'apiVersion'] }]);
    expect(calicoNode[0]?.message).toContain('kubectl get nodes -o yaml');
    expect(issuesOf({ ...gnp('g', { selector: 'all()' }), apiVersion: 'v1' })[0]?.message).toBe(
      'GlobalNetworkPolicy "g": apiVersion "v1" does not go with GlobalNetworkPolicy; use projectcalico.org/v3.',
    );
    // NetworkPolicy is Calico's and Kubernetes'; an absent apiVersion reads as the kind's own.
    const meta = { name: 'n', namespace: 'p' };
    for (const [apiVersion, spec] of [
      ['projectcalico.org/v3', { selector: 'all()' }],
      ['networking.k8s.io/v1', { podSelector: {} }],
      [undefined, { selector: 'all()' }],
    ] as const)
      expect(issuesOf({ apiVersion, kind: 'NetworkPolicy', metadata: meta, spec })).toEqual([]);
  });

  it('accepts DSL builders (anything with toResource())', () => {
    const builder = {
      toResource: () => gnp('deny-web', { selector: "app == 'web'", ingress: [{ action: 'Deny' }] }),
    };
    const world = World.from([...BASE, builder]);
    const r = world.evaluate({ protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '10.1.0.10', dstPort: 8080 });
    expect(r.verdict).toBe('Deny');
    expect(r.paths[0]?.decidedBy.policy).toEqual({ kind: 'GlobalNetworkPolicy', name: 'deny-web' });
  });

  it('accepts the core DSL builders directly (tutorial lesson 2 in code)', () => {
    const lesson1 = scenarios().find((sc) => sc.name === '01-lesson-1');
    const denyNodePorts = preDnat('deny-nodeports')
      .selector("ibm.role=='worker_public'")
      .order(1100)
      .deny()
      .tcp()
      .ports('30000:32767')
      .deny()
      .udp()
      .ports('30000:32767');
    const world = World.from([...parseWorld(lesson1?.worldText ?? ''), denyNodePorts]);
    const nodePort = world.evaluate({
      protocol: 'TCP',
      srcIp: '198.51.100.7',
      dstIp: '203.0.113.11',
      dstPort: 31024,
    });
    expect(nodePort.verdict).toBe('Deny');
    expect(nodePort.explain()).toContain('deny-nodeports');
    expect(
      world.evaluate({ protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '169.46.10.20', dstPort: 80 }).verdict,
    ).toBe('Allow');
  });

  it('records unparsable selectors as world issues and never matches them', () => {
    const world = World.from([...BASE, gnp('bad', { selector: 'app ==', ingress: [{ action: 'Deny' }] })]);
    expect(world.issues.map((i) => i.code)).toContain('invalid_selector');
    expect(
      world.evaluate({ protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '10.1.0.10', dstPort: 8080 }).verdict,
    ).toBe('Allow');
  });

  it('selects the engine', () => {
    expect(World.from(BASE).engine).toBe('compiled');
    expect(World.from(BASE, { engine: 'reference' }).engine).toBe('reference');
  });
});

describe('evaluate', () => {
  const world = World.from(parseWorld(lesson2.worldText));

  it('a path no policy polices is decided by the default that allowed it, a step of its trace', () => {
    const nodes = ['10.0.0.11', '10.0.0.12'].map((ip, i) => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: `node-${i + 1}` },
      status: { addresses: [{ type: 'InternalIP', address: ip }] },
    }));
    const r = World.from(nodes).evaluate({
      protocol: 'TCP',
      srcIp: '10.0.0.11',
      dstIp: '10.0.0.12',
      dstPort: 80,
    });
    expect(r.verdict).toBe('Allow');
    expect(r.decidedBy?.stage).toBe('hostEgress');
    const path = r.paths[0];
    if (path === undefined) throw new Error('no path');
    expect(path.steps[decidingStep(path)]?.action).toBe('default-allow');
  });

  it('an IPv6 address with a zone is refused, as parseFlow (and Go) refuse it, with the fix', () => {
    const r = world.evaluate({ protocol: 'TCP', srcIp: 'fe80::1%eth0', dstIp: 'fe80::2', dstPort: 80 });
    expect(r.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['srcIp', expect.stringContaining('write it without its zone: fe80::1')],
    ]);
  });

  it('an ICMP type on a flow of another protocol is an issue, as parseFlow and matrix say', () => {
    const r = world.evaluate({
      protocol: 'TCP',
      srcIp: '10.0.0.1',
      dstIp: '10.0.0.2',
      dstPort: 80,
      icmp: { type: 8 },
    });
    expect([r.verdict, r.issues.map((i) => i.path[0])]).toEqual(['Deny', ['icmp']]);
  });

  it('explain() writes the flow that was evaluated, even if the caller changes its object afterwards', () => {
    for (const engine of ['compiled', 'reference'] as const) {
      const w = World.from(parseWorld(lesson2.worldText), { engine });
      const flow = {
        protocol: 'TCP',
        srcIp: '198.51.100.7',
        srcPort: 40000,
        dstIp: '169.46.7.10',
        dstPort: 31024,
      };
      const r = w.evaluate(flow);
      flow.dstPort = 22;
      expect(r.explain().split('\n')[0]).toBe('Flow TCP 198.51.100.7:40000 → 169.46.7.10:31024');
    }
  });

  it('never throws on a malformed flow: Deny, no paths, issues', () => {
    const r = world.evaluate({ protocol: 'tcpx', srcIp: 'nope', dstIp: '10.0.0.1' } as never);
    expect(r.verdict).toBe('Deny');
    expect(r.paths).toEqual([]);
    expect(r.issues.map((i) => i.path[0])).toEqual(['protocol', 'srcIp']);
    expect(r.explain()).toContain('Issue: srcIp');
  });

  it('a pre-DNAT drop happens before kube-proxy picks a backend: one path, named steps', () => {
    const r = world.evaluate({
      protocol: 'TCP',
      srcIp: '198.51.100.7',
      srcPort: 51001,
      dstIp: '203.0.113.11',
      dstPort: 31024,
    });
    expect(r.paths).toHaveLength(1);
    expect(r.paths[0]?.backend).toBeUndefined();
    expect(r.trace).toHaveLength(1);
    expect(r.trace[0]).toEqual({
      path: 0,
      stage: 'preDnat',
      endpoint: {
        kind: 'HostEndpoint',
        name: 'kube-wrk1-worker-public',
        node: '10.176.48.78',
        interface: 'eth1',
      },
      direction: 'ingress',
      tier: 'default',
      policy: { kind: 'GlobalNetworkPolicy', name: 'deny-nodeports' },
      ruleIndex: 0,
      action: 'deny',
    });
  });

  it('decidedBy summarises paths decided the same way', () => {
    const r = world.evaluate({
      protocol: 'TCP',
      srcIp: '198.51.100.7',
      dstIp: '203.0.113.11',
      dstPort: 31024,
    });
    expect(r.decidedBy?.policy?.name).toBe('deny-nodeports');
    expect(JSON.parse(JSON.stringify(r)).decidedBy.policy.name).toBe('deny-nodeports');
  });

  it('keeps one path per backend once DNAT happened', () => {
    const r = world.evaluate({ protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '169.46.10.20', dstPort: 80 });
    expect(r.paths.map((p) => p.backend?.ip)).toEqual(['172.30.152.10', '172.30.152.11', '172.30.152.12']);
    expect(new Set(r.trace.map((s) => s.path))).toEqual(new Set([0, 1, 2]));
  });

  it('explain() text (lesson 2, nodePort denied by pre-DNAT policy)', () => {
    const r = world.evaluate({
      protocol: 'TCP',
      srcIp: '198.51.100.7',
      srcPort: 51001,
      dstIp: '203.0.113.11',
      dstPort: 31024,
    });
    // Dropped by pre-DNAT before kube-proxy picks a backend: one path, no backend (§4.4, §5).
    const hep = 'HostEndpoint kube-wrk1-worker-public (10.176.48.78, eth1)';
    expect(r.explain()).toBe(
      [
        'Flow TCP 198.51.100.7:51001 → 203.0.113.11:31024',
        'Verdict: Deny',
        `Path 1: entry ${hep} — Deny`,
        '  decided by GlobalNetworkPolicy deny-nodeports (tier default), ingress rule 0: Deny',
        `  preDnat         [${hep}] tier default GlobalNetworkPolicy deny-nodeports ingress rule 0 → deny`,
      ].join('\n'),
    );
  });

  it('explain() text (LB:80 allowed: pre-DNAT no match, forward default, kns profile)', () => {
    const r = world.evaluate({
      protocol: 'TCP',
      srcIp: '198.51.100.7',
      srcPort: 51000,
      dstIp: '169.46.10.20',
      dstPort: 80,
    });
    // Per backend: pre-DNAT sees the LB IP (no match, no end-of-tier drop), DNAT, the entry HEP's
    // forward chain (no AoF policy: allowed), then the backend's kns profile (§4.4, §4.5, §5).
    const hep = 'HostEndpoint kube-wrk1-worker-public (10.176.48.78, eth1)';
    const path = (n: number, pod: string, ip: string) => [
      `Path ${n}: entry ${hep} → backend WorkloadEndpoint default/${pod} (10.176.48.78) ${ip}:8080 — Allow`,
      '  decided by Profile kns.default, ingress rule 0: Allow',
      `  preDnat         [${hep}] tier default GlobalNetworkPolicy deny-nodeports → no-match (no rule matched)`,
      `  preDnat         [${hep}] tier default → end-of-tier-pass (no pre-DNAT end-of-tier drop)`,
      `  dnat            → nat (kube-proxy DNAT: 169.46.10.20:80 (loadBalancer of service default/webserver-lb) → ${ip}:8080)`,
      `  forward         [${hep}] → default-allow (no applyOnForward policy applies to this host endpoint: forwarded traffic allowed (§4.5))`,
      `  workloadIngress [WorkloadEndpoint default/${pod} (10.176.48.78)] Profile kns.default ingress rule 0 → allow`,
    ];
    expect(r.explain()).toBe(
      [
        'Flow TCP 198.51.100.7:51000 → 169.46.10.20:80',
        'Verdict: Allow (3 paths)',
        ...path(1, 'webserver-855556f688-6dbsn', '172.30.152.10'),
        ...path(2, 'webserver-855556f688-76rkp', '172.30.152.11'),
        ...path(3, 'webserver-855556f688-xd849', '172.30.152.12'),
      ].join('\n'),
    );
  });

  it('evaluateMany keeps order', () => {
    const flows = lesson2.flows.map((c) => c.flow);
    expect(world.evaluateMany(flows).map((r) => r.verdict)).toEqual(lesson2.flows.map((c) => c.verdict));
  });

  it('matrix of pings of one ICMP type: a rule on that type decides, and the matrix says which type', () => {
    const world = World.from([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } },
      ...['web', 'cli'].map((app, i) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: app, namespace: 'prod', labels: { app } },
        spec: { nodeName: 'n1' },
        status: { podIP: `10.1.0.${i + 5}` },
      })),
      gnp('ping-only', {
        selector: "app == 'web'",
        types: ['Ingress'],
        ingress: [{ action: 'Allow', protocol: 'ICMP', icmp: { type: 8 } }],
      }),
    ]);
    expect(world.matrix({ protocol: 'ICMP' }).cells).toEqual([
      ['Allow', 'Allow'],
      ['Deny', 'Allow'],
    ]);
    const ping = world.matrix({ protocol: 'ICMP', icmp: { type: 8 } });
    expect([ping.icmp, ping.cells]).toEqual([
      { type: 8 },
      [
        ['Allow', 'Allow'],
        ['Allow', 'Allow'],
      ],
    ]);
    expect(() => world.matrix({ protocol: 'TCP', port: 80, icmp: { type: 8 } })).toThrow(
      'icmp: icmp only applies to ICMP and ICMPv6.',
    );
  });

  it('matrix of ICMPv6 (ICMP) between dual-stack pods uses their IPv6 (IPv4) addresses, where the packet exists', () => {
    // ICMPv6 is IPv6's ICMP and ICMP IPv4's: Felix renders `protocol: ICMPv6` rules only for
    // IPv6 (`rule_convert.go` ipVersionToProtoIPVersion), so a cell between the pods' first
    // (IPv4) addresses missed the Deny below that the real ICMPv6 flow meets.
    const dualStack = (name: string, ips: string[]) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'prod', labels: { app: name } },
      spec: { nodeName: 'n1' },
      status: { podIP: ips[0], podIPs: ips.map((ip) => ({ ip })) },
    });
    const world = World.from([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } },
      dualStack('web', ['10.1.0.5', 'fd00:1::5']),
      dualStack('cli', ['10.1.0.6', 'fd00:1::6']),
      dualStack('cli6', ['fd00:1::7', '10.1.0.7']),
      gnp('no-icmp-to-web', {
        selector: "app == 'web'",
        types: ['Ingress'],
        ingress: [
          { action: 'Deny', protocol: 'ICMPv6' },
          { action: 'Deny', protocol: 'ICMP' },
          { action: 'Allow' },
        ],
      }),
    ]);
    const ping6 = { protocol: 'ICMPv6', srcIp: 'fd00:1::6', dstIp: 'fd00:1::5', icmp: { type: 128 } };
    expect(world.evaluate(ping6).verdict).toBe('Deny');
    const toWebDenied = [
      ['Allow', 'Allow', 'Allow'],
      ['Deny', 'Allow', 'Allow'],
      ['Deny', 'Allow', 'Allow'],
    ];
    expect(world.matrix({ protocol: 'ICMPv6', icmp: { type: 128 } }).cells).toEqual(toWebDenied);
    expect(world.matrix({ protocol: 58 }).cells).toEqual(toWebDenied);
    expect(world.matrix({ protocol: 'ICMP', icmp: { type: 8 } }).cells).toEqual(toWebDenied);
    // Other protocols keep each endpoint's first address: cli6 (IPv6 first) shares no first
    // family with the others.
    expect(world.matrix({ protocol: 'TCP', port: 80 }).cells).toEqual([
      ['Allow', 'Allow', 'Deny'],
      ['Allow', 'Allow', 'Deny'],
      ['Deny', 'Deny', 'Allow'],
    ]);
  });

  it('a query given what it does not take says the query failed, not the world', () => {
    const world = World.from([]);
    expect(() => world.evaluateMany(null as never)).toThrow(
      'Cannot run this query:\n(root): evaluateMany takes a list of flows, not null.',
    );
    expect(() => world.matrix({ protocol: 'TCP' })).toThrow(
      'Cannot run this query:\nport: port is required for TCP, UDP and SCTP.',
    );
  });

  it('a verdict-only result traces its own flow whenever it is read (after other flows, with via)', () => {
    // The compiled engine keeps a result's packet and traces on first read (issue #12); the
    // reference engine traces while evaluating: the same text, whatever was evaluated since.
    const resources = [
      ...BASE,
      gnp('web-to-db-deny', {
        selector: "app == 'db'",
        ingress: [{ action: 'Deny', protocol: 'TCP', source: { selector: "app == 'web'" } }],
      }),
    ];
    const flows = [
      { protocol: 'TCP', srcIp: '10.1.1.10', dstIp: '10.1.0.10', dstPort: 8080 },
      { protocol: 'TCP', srcIp: '10.1.0.10', dstIp: '10.1.0.20', dstPort: 5432 },
      { protocol: 'TCP', srcIp: '10.1.1.10', dstIp: '10.1.0.20', dstPort: 5432 },
      {
        protocol: 'TCP',
        srcIp: '198.51.100.7',
        dstIp: '10.1.0.20',
        dstPort: 5432,
        via: { node: 'node-2', interface: 'eth1' },
      },
    ] as const;
    const compiled = World.from(resources);
    const results = flows.map((f) => compiled.evaluate(f));
    const reference = World.from(resources, { engine: 'reference' });
    const expected = flows.map((f) => reference.evaluate(f));
    // client → web allowed (profiles); web → db denied; client → db dropped at the tier's end (§3.1).
    expect(results.map((r) => r.verdict).slice(0, 3)).toEqual(['Allow', 'Deny', 'Deny']);
    expect(results.map((r) => r.verdict)).toEqual(expected.map((r) => r.verdict));
    // Read last first, each after every other flow was evaluated.
    for (let i = flows.length - 1; i >= 0; i--) {
      expect(results[i]?.explain()).toBe(expected[i]?.explain());
      expect(results[i]?.trace).toEqual(expected[i]?.trace);
    }
  });

  it('combines path verdicts (contract: all Allow / all Deny / Mixed)', () => {
    expect(combineVerdicts(['Allow', 'Allow'])).toBe('Allow');
    expect(combineVerdicts(['Deny'])).toBe('Deny');
    expect(combineVerdicts(['Allow', 'Deny'])).toBe('Mixed');
  });
});

describe("a flow to a node port on 127.0.0.1 (kube-proxy's localhost node ports)", () => {
  // kube-proxy's KUBE-NODEPORTS jump is behind `--dst-type LOCAL` without excluding 127.0.0.0/8
  // (iptables.localhostNodePorts, default true, proxier.go): a host's packet to 127.0.0.1 on a
  // node port is DNAT'd to a backend on the node that sends it, which a flow does not name.
  const webNp = service('prod', 'web-np', {
    type: 'NodePort',
    selector: { app: 'web' },
    clusterIP: '10.96.0.10',
    port: 80,
    targetPort: 8080,
    nodePort: 30080,
  });
  const world = World.from([...BASE, webNp]);
  const flowTo = (dstIp: string, dstPort: number, srcIp = '127.0.0.1') =>
    ({ protocol: 'TCP', srcIp, srcPort: 40000, dstIp, dstPort }) as const;
  const to = (dstIp: string, dstPort: number, srcIp?: string) =>
    world.evaluate(flowTo(dstIp, dstPort, srcIp));

  it('is reported: the model cannot say which node DNATs it', () => {
    for (const dst of ['127.0.0.1', '127.1.2.3']) {
      const r = to(dst, 30080);
      expect(r.issues.map((i) => i.code)).toEqual(['loopback_node_port']);
      expect(r.issues[0]?.path).toEqual(['dstIp']);
      expect(r.issues[0]?.message).toContain(`${dst}:30080 is node port 30080 of Service prod/web-np`);
    }
  });

  it('is not reported for another port, nor for IPv6 loopback (no localhost node ports there)', () => {
    expect(to('127.0.0.1', 30081).issues).toEqual([]);
    expect(to('::1', 30080, '::1').issues).toEqual([]);
  });

  it('nor when nodePortAddresses leaves loopback out (kube-proxy -d <ip> rules)', () => {
    const config = (list: string) =>
      World.from([...BASE, webNp, kubeProxy(`nodePortAddresses:\n${list}`)]).evaluate(
        flowTo('127.0.0.1', 30080),
      );
    expect(config('- 10.0.0.0/8\n').issues).toEqual([]);
    expect(config('- primary\n').issues).toEqual([]);
    expect(config('- 10.0.0.0/8\n- 127.0.0.0/8\n').issues.map((i) => i.code)).toEqual(['loopback_node_port']);
  });
});

describe('a flow to a Service address on a port it does not serve', () => {
  const world = World.from([
    ...BASE,
    service('prod', 'web-lb', {
      type: 'LoadBalancer',
      selector: { app: 'web' },
      clusterIP: '10.96.0.10',
      port: 80,
      targetPort: 8080,
      nodePort: 30080,
      lb: '169.46.10.20',
    }),
  ]);
  const to = (protocol: 'TCP' | 'UDP', dstIp: string, dstPort: number) =>
    world.evaluate({ protocol, srcIp: '198.51.100.7', srcPort: 40000, dstIp, dstPort });

  it('leaves the model unpoliced and says so (kube-proxy has no rule for it)', () => {
    for (const [protocol, ip, port] of [
      ['UDP', '169.46.10.20', 80],
      ['TCP', '169.46.10.20', 443],
      ['TCP', '10.96.0.10', 22],
    ] as const) {
      const r = to(protocol, ip, port);
      expect(r.issues.map((i) => i.code)).toEqual(['unserved_service_port']);
      expect(r.issues[0]?.message).toContain(
        `${ip} is a Service address serving Service prod/web-lb TCP 80, not ${protocol} ${port}`,
      );
    }
  });

  it('is not reported for the port it serves, nor with via', () => {
    expect(to('TCP', '169.46.10.20', 80).issues).toEqual([]);
    const via = world.evaluate({
      protocol: 'UDP',
      srcIp: '198.51.100.7',
      srcPort: 40000,
      dstIp: '169.46.10.20',
      dstPort: 80,
      via: { node: 'node-1', interface: 'eth1' },
    });
    expect(via.issues).toEqual([]);
  });
});

describe('a flow without srcPort in a world that reads source ports', () => {
  const world = World.from([
    ...BASE,
    gnp('high-ports', {
      selector: "app == 'web'",
      ingress: [{ action: 'Deny', protocol: 'TCP', source: { ports: ['1024:65535'] } }, { action: 'Allow' }],
    }),
  ]);
  const flow = { protocol: 'TCP', srcIp: '10.1.1.10', dstIp: '10.1.0.10', dstPort: 80 } as const;

  it('is Mixed, with a path per verdict and an issue naming the source ports of each', () => {
    const r = world.evaluate(flow);
    expect(r.verdict).toBe('Mixed');
    expect(r.decidedBy).toBeUndefined();
    expect(r.paths.map((p) => [p.verdict, p.decidedBy.ruleIndex])).toEqual([
      ['Allow', 1],
      ['Deny', 0],
    ]);
    expect(r.issues).toEqual([
      {
        code: 'unspecified_field',
        path: ['srcPort'],
        message:
          'The verdict depends on srcPort, which the flow leaves out: Allow for 0-1023; Deny for 1024-65535. Give srcPort: every packet has one.',
      },
    ]);
    expect(r.explain()).toMatch(/^Flow TCP 10\.1\.1\.10 → 10\.1\.0\.10:80\nVerdict: Mixed \(2 paths\)/);
    expect(JSON.parse(JSON.stringify(r)).verdict).toBe('Mixed');
    expect(r.trace.length).toBe(r.paths.flatMap((p) => p.steps).length);
  });

  it('with srcPort, or in a world that never reads it, is evaluated as it is', () => {
    expect(world.evaluate({ ...flow, srcPort: 80 }).verdict).toBe('Allow');
    expect(world.evaluate({ ...flow, srcPort: 40000 }).verdict).toBe('Deny');
    const plain = World.from([
      ...BASE,
      gnp('all', { selector: "app == 'web'", ingress: [{ action: 'Allow' }] }),
    ]);
    expect([plain.evaluate(flow).verdict, plain.evaluate(flow).issues]).toEqual(['Allow', []]);
  });

  it('a matrix cell is the same verdict', () => {
    const m = world.matrix({ protocol: 'TCP', port: 80 });
    const from = m.endpoints.findIndex((e) => e.name === 'client');
    const to = m.endpoints.findIndex((e) => e.name === 'web');
    expect(m.cells[from]?.[to]).toBe('Mixed');
  });
});

describe('an ICMP flow without a type in a world whose rules name types', () => {
  const noPing = gnp('no-ping', {
    selector: "app == 'web'",
    ingress: [
      { action: 'Deny', protocol: 'ICMP', icmp: { type: 8 } },
      { action: 'Deny', protocol: 'ICMP', icmp: { type: 13, code: 1 } },
      { action: 'Allow' },
    ],
  });
  const icmp = { protocol: 'ICMP', srcIp: '10.1.1.10', dstIp: '10.1.0.10' } as const;

  it.each(engines)(
    'keeps the verdict of a packet of no type and names the types decided otherwise (%s)',
    (engine) => {
      const r = World.from([...BASE, noPing], { engine }).evaluate(icmp);
      expect(r.verdict).toBe('Allow');
      expect(r.issues).toEqual([
        {
          code: 'unspecified_field',
          path: ['icmp'],
          message:
            'The flow gives no ICMP type: Allow is the verdict of a packet whose type no rule names; types the rules name get another: Deny for type 8, type 13 code 1. Give icmp to ask about one type (a ping is type 8).',
        },
      ]);
      expect(r.explain()).toContain('Issue: icmp: The flow gives no ICMP type');
    },
  );

  it('says nothing when the flow gives a type, when every named type gets the same verdict, or when no rule names one', () => {
    const world = World.from([...BASE, noPing]);
    expect(world.evaluate({ ...icmp, icmp: { type: 8 } })).toMatchObject({ verdict: 'Deny', issues: [] });
    expect(world.evaluate({ ...icmp, icmp: { type: 13, code: 1 } }).explain()).toMatch(
      /^Flow ICMP 10\.1\.1\.10 → 10\.1\.0\.10 type 13 code 1\nVerdict: Deny/,
    );
    // A type without a code is code 0, which no rule names: Allow, as the typeless flow.
    expect(world.evaluate({ ...icmp, icmp: { type: 13 } })).toMatchObject({ verdict: 'Allow', issues: [] });
    const agreeing = World.from([
      ...BASE,
      gnp('ping-ok', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', protocol: 'ICMP', icmp: { type: 8 } }, { action: 'Allow' }],
      }),
    ]);
    expect(agreeing.evaluate(icmp)).toMatchObject({ verdict: 'Allow', issues: [] });
    const typeless = World.from([
      ...BASE,
      gnp('all', { selector: "app == 'web'", ingress: [{ action: 'Allow' }] }),
    ]);
    expect(typeless.evaluate(icmp)).toMatchObject({ verdict: 'Allow', issues: [] });
    expect([world.icmpTypesNamed('ICMP'), world.icmpTypesNamed('ICMPv6')]).toEqual([
      [{ type: 8 }, { type: 13 }, { type: 13, code: 1 }],
      [],
    ]);
    // Rules on ICMP types say nothing of ICMPv6 flows.
    expect(
      world.evaluate({ protocol: 'ICMPv6', srcIp: '2001:db8::10', dstIp: '2001:db8::10' }).issues,
    ).toEqual([]);
  });

  it("names the ICMPv6 ping and a notICMP rule's type", () => {
    const world = World.from([
      ...BASE,
      pod('prod', 'peer6', '2001:db8::20', { app: 'peer6' }, { node: 'node-2' }),
      gnp('only-ping6', {
        selector: "app == 'web6'",
        ingress: [{ action: 'Deny', protocol: 'ICMPv6', notICMP: { type: 128 } }, { action: 'Allow' }],
      }),
    ]);
    const r = world.evaluate({ protocol: 'ICMPv6', srcIp: '2001:db8::20', dstIp: '2001:db8::10' });
    expect(r.verdict).toBe('Deny');
    expect(r.issues.map((i) => i.message)).toEqual([
      'The flow gives no ICMP type: Deny is the verdict of a packet whose type no rule names; types the rules name get another: Allow for type 128. Give icmp to ask about one type (a ping is type 128).',
    ]);
  });
});

describe('staged policies (§2.5)', () => {
  it('are reported with what they would do, never enforced', () => {
    const w = World.from([
      ...BASE,
      sgnp('preview', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', protocol: 'UDP' }, { action: 'Deny' }],
      }),
    ]);
    const r = w.evaluate({ protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '10.1.0.10', dstPort: 8080 });
    expect(r.verdict).toBe('Allow');
    expect(r.trace.find((s) => s.action === 'staged')).toMatchObject({
      ruleIndex: 1,
      reason: 'staged policy, not enforced: would Deny',
    });
  });

  // flow_logs_goldmane_staged_test.go: a staged tier that no staged rule matches is logged among
  // the pending policies with the tier's default action at index -1 (`deny|-1`, `pass|-1`).
  it.each([
    ['Deny', 'only staged policies: tier behaves as Pass (enforced, the tier would end in a drop)'],
    ['Pass', 'only staged policies: tier behaves as Pass (enforced, the tier would end in Pass)'],
  ] as const)('a tier of staged policies with defaultAction %s says how it would end', (action, reason) => {
    const staged = (rules: readonly Record<string, unknown>[]) =>
      World.from([
        ...BASE,
        tier('preview', 10, action),
        sgnp('preview.web', { tier: 'preview', selector: "app == 'web'", ingress: rules }),
      ]).evaluate({ protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '10.1.0.10', dstPort: 8080 });
    const quiet = staged([{ action: 'Allow', protocol: 'UDP' }]);
    expect(quiet.verdict).toBe('Allow');
    expect(quiet.trace.find((s) => s.action === 'end-of-tier-pass')?.reason).toBe(reason);
    // A staged rule that would act ends the staged evaluation before the end of the tier.
    const acting = staged([{ action: 'Deny' }]);
    expect(acting.trace.find((s) => s.action === 'end-of-tier-pass')?.reason).toBe(
      'only staged policies: tier behaves as Pass',
    );
  });
});

describe('queries', () => {
  const world = World.from([
    ...BASE,
    tier('security', 10),
    gnp('security.first', { tier: 'security', selector: "app == 'web'", ingress: [{ action: 'Pass' }] }),
    gnp('b', { order: 5, selector: 'has(app)', ingress: [{ action: 'Allow' }] }),
    np('prod', 'a', { order: 5, selector: "app == 'web'", egress: [{ action: 'Allow' }] }),
    gnp('host', {
      selector: "role == 'public'",
      preDNAT: true,
      applyOnForward: true,
      ingress: [{ action: 'Deny' }],
    }),
  ]);

  it('policiesFor lists applicable policies per chain in evaluation order (§2.1, §2.2, §4.2)', () => {
    expect(world.policiesFor({ namespace: 'prod', name: 'web' })).toEqual([
      {
        chain: 'normal',
        direction: 'ingress',
        policies: [
          {
            policy: { kind: 'GlobalNetworkPolicy', name: 'security.first' },
            tier: 'security',
            order: null,
            staged: false,
          },
          { policy: { kind: 'GlobalNetworkPolicy', name: 'b' }, tier: 'default', order: 5, staged: false },
        ],
      },
      {
        chain: 'normal',
        direction: 'egress',
        policies: [
          {
            policy: { kind: 'NetworkPolicy', namespace: 'prod', name: 'a' },
            tier: 'default',
            order: 5,
            staged: false,
          },
        ],
      },
    ]);
    expect(world.policiesFor({ kind: 'HostEndpoint', name: 'node-1-eth1' })?.map((c) => c.chain)).toEqual([
      'preDnat',
    ]);
    expect(world.policiesFor({ name: 'nope' })).toBeUndefined();
  });

  it('matrix evaluates endpoints × (protocol, port)', () => {
    const m = World.from([
      ...BASE,
      gnp('db-only-web', {
        selector: "app == 'db'",
        ingress: [{ action: 'Allow', source: { selector: "app == 'web'" } }],
      }),
    ]).matrix({
      endpoints: [
        { namespace: 'prod', name: 'web' },
        { namespace: 'prod', name: 'db' },
        { namespace: 'dev', name: 'client' },
      ],
      protocol: 'TCP',
      port: 5432,
    });
    expect(m.endpoints.map((e) => e.name)).toEqual(['web', 'db', 'client']);
    // db → db is its own address: loopback, which no policy sees.
    expect(m.cells).toEqual([
      ['Allow', 'Allow', 'Allow'],
      ['Allow', 'Allow', 'Allow'],
      ['Allow', 'Deny', 'Allow'],
    ]);
  });

  it('service with a named targetPort resolves per pod (§5)', () => {
    const w = World.from([
      ...BASE,
      service('prod', 'web', {
        selector: { app: 'web' },
        clusterIP: '10.96.0.10',
        port: 80,
        targetPort: 'http',
      }),
    ]);
    const r = w.evaluate({ protocol: 'TCP', srcIp: '10.1.1.10', dstIp: '10.96.0.10', dstPort: 80 });
    expect(r.paths.map((p) => p.backend?.port)).toEqual([8080]);
  });
});

describe('purity', () => {
  it('src has no node:* imports (browser bundle)', () => {
    const root = join(import.meta.dirname, '..', 'src');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(root);
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toMatch(/from ['"]node:/);
  });
});
