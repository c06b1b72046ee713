/**
 * The packet path Felix builds (issue #12 "What Felix does that the evaluator does not"), each
 * case citing calico-semantics.md and, where one exists, the Felix FV test that asserts it
 * (projectcalico/calico `felix/fv/*_test.go` at 87c15906). The FV topology: felixes are nodes
 * felix-0/1 (172.17.0.3/.4), workloads are pods, `*` HEPs are the auto host endpoints.
 * Every case runs on both engines.
 */
import { describe, expect, it } from 'vitest';
import { parseFlow } from '../src/flow/parse-flow.js';
import { type Flow, World } from '../src/index.js';
import { parseIp } from '../src/net/ip.js';
import { PlanCache } from '../src/path/paths.js';
import { felix, gnp, hep, knp, lockedHosts, node, ns, pod, service } from './helpers/world-kit.js';

type Obj = Record<string, unknown>;

const F0 = '172.17.0.3';
const F1 = '172.17.0.4';
const W0 = '10.65.0.2';
const W0B = '10.65.0.3';
const W1 = '10.65.1.2';
const CLIENT = '172.17.0.20';

const fvBase = (extra: Obj[] = []): Obj[] => [
  ns('default'),
  node('felix-0', F0),
  node('felix-1', F1),
  pod('default', 'w0', W0, { name: 'w0' }, { node: 'felix-0' }),
  pod('default', 'w0b', W0B, { name: 'w0b' }, { node: 'felix-0' }),
  pod('default', 'w1', W1, { name: 'w1' }, { node: 'felix-1' }),
  felix({ defaultEndpointToHostAction: 'Accept' }),
  ...extra,
];

/** `*` HEPs on both felixes, as kube-controllers' auto host endpoints (default-allow profile). */
const starHeps: Obj[] = [
  hep('felix-0-all', 'felix-0', '*', [F0], { 'host-endpoint': 'true', node: 'felix-0' }, [
    'projectcalico-default-allow',
  ]),
  hep('felix-1-all', 'felix-1', '*', [F1], { 'host-endpoint': 'true', node: 'felix-1' }, [
    'projectcalico-default-allow',
  ]),
];

const tcp = (srcIp: string, dstIp: string, dstPort: number, more: Partial<Flow> = {}): Flow => ({
  protocol: 'TCP',
  srcIp,
  srcPort: 40000,
  dstIp,
  dstPort,
  ...more,
});

const engines = ['compiled', 'reference'] as const;

function both(resources: Obj[], flow: Flow) {
  const [a, b] = engines.map((engine) => World.from(resources, { engine }).evaluate(flow));
  if (!a || !b) throw new Error('unreachable');
  expect(a.verdict).toBe(b.verdict);
  expect(a.paths).toEqual(b.paths);
  return a;
}

const stages = (r: ReturnType<typeof both>, path = 0) =>
  (r.paths[path]?.steps ?? [])
    .filter((s) => s.action !== 'no-match')
    .map((s) => `${s.stage}:${s.endpoint?.name ?? '-'}`);

describe('item 1: `*` host endpoints police pod traffic (§4.8 `*` rows; dispatch.go hostDispatchChains)', () => {
  const aofDenyIngress = gnp('aof-deny-in', {
    order: 10,
    selector: 'has(host-endpoint)',
    applyOnForward: true,
    types: ['Ingress'],
    ingress: [{ action: 'Deny' }],
  });

  it('AoF ingress of the `*` HEP drops pod → remote pod (hostendpoints_test.go "should deny forwarded traffic", all-interfaces)', () => {
    const r = both(fvBase([...starHeps, aofDenyIngress]), tcp(W0, W1, 8055));
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.policy?.name).toBe('aof-deny-in');
    expect(r.decidedBy?.stage).toBe('forward');
    // First hook after pre-DNAT: cali-from-hep-forward of the source node's `*` HEP.
    expect(stages(r)[0]).toBe('forward:felix-0-all');
  });

  it('same node: pod → pod crosses `*` AoF in, workload egress, workload ingress, `*` AoF out (apply_on_forward_test.go)', () => {
    const allowIn = gnp('aof-allow-in', {
      order: 10,
      selector: 'has(host-endpoint)',
      applyOnForward: true,
      types: ['Ingress'],
      ingress: [{ action: 'Allow' }],
    });
    const denyOut = gnp('aof-deny-out', {
      order: 20,
      selector: 'has(host-endpoint)',
      applyOnForward: true,
      types: ['Egress'],
      egress: [{ action: 'Deny', destination: { nets: [`${W0B}/32`] } }, { action: 'Allow' }],
    });
    const r = both(fvBase([...starHeps, allowIn, denyOut]), tcp(W0, W0B, 8055));
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.policy?.name).toBe('aof-deny-out');
    expect(stages(r).map((s) => s.split(':')[0])).toEqual([
      'forward',
      'workloadEgress',
      'workloadIngress',
      'forward',
    ]);
    expect(both(fvBase([...starHeps, allowIn, denyOut]), tcp(W0, W1, 8055)).verdict).toBe('Allow');
  });

  it('pre-DNAT policy of the `*` HEP applies to pod → own host (ep_to_host_action_test.go, wildcard HEP pre-DNAT deny)', () => {
    const preDeny = gnp('prednat-deny', {
      order: 10,
      selector: 'has(host-endpoint)',
      preDNAT: true,
      applyOnForward: true,
      types: ['Ingress'],
      ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: [8055] } }],
    });
    const r = both(fvBase([...starHeps, preDeny]), tcp(W0, F0, 8055));
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy).toMatchObject({ stage: 'preDnat', policy: { name: 'prednat-deny' } });
    // Without the `*` HEP the pod's egress then DefaultEndpointToHostAction decide (§4.7).
    const noHep = both(fvBase([preDeny]), tcp(W0, F0, 8055));
    expect(noHep.verdict).toBe('Allow');
    expect(noHep.decidedBy?.stage).toBe('endpointToHost');
  });

  it('pre-DNAT of the `*` HEP sees a pod → ClusterIP packet before DNAT (pre_dnat_test.go all-interfaces; §5)', () => {
    const svc = service('default', 'w1-svc', {
      selector: { name: 'w1' },
      clusterIP: '10.96.0.10',
      port: 80,
      targetPort: 8055,
    });
    const preDeny = gnp('deny-cluster-ip', {
      order: 10,
      selector: 'has(host-endpoint)',
      preDNAT: true,
      applyOnForward: true,
      types: ['Ingress'],
      ingress: [{ action: 'Deny', protocol: 'TCP', destination: { nets: ['10.96.0.10/32'], ports: [80] } }],
    });
    const r = both(fvBase([...starHeps, svc, preDeny]), tcp(W0, '10.96.0.10', 80));
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.policy?.name).toBe('deny-cluster-ip');
    // One path without a backend: dropped before kube-proxy picks one.
    expect(r.paths).toHaveLength(1);
    expect(r.paths[0]?.backend).toBeUndefined();
    // The pod's own IP to the backend port directly is not the ClusterIP: allowed.
    expect(both(fvBase([...starHeps, svc, preDeny]), tcp(W0, W1, 8055)).verdict).toBe('Allow');
  });
});

describe('item 2: cross-node traffic into a pod passes the receiving node’s AoF ingress (§4.8 "… → pod on a node with a `*` HEP")', () => {
  const denyIntoF1 = gnp('deny-into-felix-1', {
    order: 10,
    selector: "node == 'felix-1'",
    applyOnForward: true,
    types: ['Ingress'],
    ingress: [{ action: 'Deny' }],
  });

  it('host felix-0 → pod on felix-1 is dropped by felix-1’s `*` AoF ingress (hostendpoints_test.go all-interfaces AoF: ExpectNone(Felixes[0], w[1]))', () => {
    const r = both(fvBase([...starHeps, denyIntoF1]), tcp(F0, W1, 8055));
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.policy?.name).toBe('deny-into-felix-1');
    expect(r.paths[0]?.steps.some((s) => s.stage === 'forward' && s.endpoint?.name === 'felix-1-all')).toBe(
      true,
    );
  });

  it('pod → pod across nodes too, while pods on felix-0 still reach each other', () => {
    const world = fvBase([...starHeps, denyIntoF1]);
    expect(both(world, tcp(W0, W1, 8055)).verdict).toBe('Deny');
    expect(both(world, tcp(W0, W0B, 8055)).verdict).toBe('Allow');
  });
});

describe('item 3: SNAT comes after FORWARD (§5 "Two consequences" (1); static.go StaticNATPostroutingChains)', () => {
  const svc = service('default', 'np', {
    type: 'NodePort',
    selector: { name: 'w1' },
    clusterIP: '10.96.0.20',
    port: 80,
    targetPort: 8055,
    nodePort: 30080,
    etp: 'Cluster',
  });
  const entryAllowsClient = gnp('entry-allows-client', {
    order: 10,
    selector: "node == 'felix-0'",
    applyOnForward: true,
    types: ['Ingress'],
    ingress: [{ action: 'Allow', source: { nets: [`${CLIENT}/32`] } }],
  });
  const podAllows = (name: string, net: string) => ({
    apiVersion: 'projectcalico.org/v3',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: 'default' },
    spec: {
      selector: "name == 'w1'",
      types: ['Ingress'],
      ingress: [{ action: 'Allow', source: { nets: [net] } }],
    },
  });
  const flow = tcp(CLIENT, F0, 30080, { via: { node: 'felix-0' } });

  it('the entry node’s AoF policy sees the client; only the backend pod sees the entry node’s address', () => {
    const sees = both(
      fvBase([...starHeps, svc, entryAllowsClient, podAllows('from-entry-node', `${F0}/32`)]),
      flow,
    );
    expect(sees.verdict).toBe('Allow');
    const steps = sees.paths[0]?.steps ?? [];
    const snat = steps.findIndex((s) => s.stage === 'snat');
    const fwd = steps.findIndex((s) => s.stage === 'forward' && s.endpoint?.name === 'felix-0-all');
    expect(fwd).toBeGreaterThanOrEqual(0);
    expect(snat).toBeGreaterThan(fwd);
    const blind = both(
      fvBase([...starHeps, svc, entryAllowsClient, podAllows('from-client', `${CLIENT}/32`)]),
      flow,
    );
    expect(blind.verdict).toBe('Deny');
    expect(blind.decidedBy?.stage).toBe('workloadIngress');
  });
});

describe('item 4: outbound failsafe of DNAT’d host traffic is matched post-DNAT (§5 (2); StaticManglePostroutingChain)', () => {
  const eth0 = hep('felix-0-eth0', 'felix-0', 'eth0', [F0], { role: 'eth0' });
  const denyEgress = gnp('deny-host-egress', {
    order: 10,
    selector: "role == 'eth0'",
    types: ['Egress'],
    egress: [{ action: 'Deny' }],
  });
  const toFailsafe = service('default', 'api', {
    selector: { name: 'w1' },
    clusterIP: '10.96.0.30',
    port: 443,
    targetPort: 6443,
  });
  const fromFailsafe = service('default', 'other', {
    selector: { name: 'w1' },
    clusterIP: '10.96.0.31',
    port: 6443,
    targetPort: 8443,
  });

  it('service port 443 → backend 6443 (a failsafe port) is accepted by the failsafe', () => {
    const r = both(fvBase([eth0, denyEgress, toFailsafe]), tcp(F0, '10.96.0.30', 443));
    expect(r.verdict).toBe('Allow');
    expect(r.paths[0]?.steps.find((s) => s.stage === 'failsafe')?.reason).toContain('post-DNAT');
  });

  it('service port 6443 → backend 8443: the raw-table hit only skips untracked policy; normal egress denies', () => {
    const r = both(fvBase([eth0, denyEgress, fromFailsafe]), tcp(F0, '10.96.0.31', 6443));
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy).toMatchObject({ stage: 'hostEgress', policy: { name: 'deny-host-egress' } });
  });
});

describe('item 5: Kubernetes NetworkPolicy as the apiserver stores it (§2.3 SetDefaults_NetworkPolicy)', () => {
  it('egress rules without policyTypes isolate egress', () => {
    const k = knp('default', 'dns-only', {
      podSelector: { matchLabels: { name: 'w0' } },
      egress: [{ ports: [{ protocol: 'UDP', port: 53 }] }],
    });
    const r = both(fvBase([k]), tcp(W0, '198.51.100.1', 443));
    expect(r.verdict).toBe('Deny');
    expect(
      both(fvBase([k]), { protocol: 'UDP', srcIp: W0, dstIp: '198.51.100.1', dstPort: 53 }).verdict,
    ).toBe('Allow');
  });
});

describe('item 6: doNotTrack replies (§4.4 untracked: "the reverse direction must be allowed explicitly")', () => {
  const eth0 = hep('felix-0-eth0', 'felix-0', 'eth0', [F0], { role: 'eth0' });
  const untrackedIn = gnp('untracked-in', {
    order: 10,
    selector: "role == 'eth0'",
    doNotTrack: true,
    applyOnForward: true,
    types: ['Ingress'],
    ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [8055] } }],
  });
  const untrackedReply = gnp('untracked-reply', {
    order: 11,
    selector: "role == 'eth0'",
    doNotTrack: true,
    applyOnForward: true,
    types: ['Egress'],
    egress: [{ action: 'Allow', protocol: 'TCP', source: { ports: [8055] } }],
  });
  const flow = tcp(CLIENT, F0, 8055, { via: { node: 'felix-0', interface: 'eth0' } });

  it('an untracked Allow whose reply no rule allows is a Deny naming the reply leg', () => {
    const r = both(fvBase([eth0, untrackedIn]), flow);
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.reason).toContain('reply of an untracked (doNotTrack) connection is dropped');
    expect(r.paths[0]?.steps.some((s) => s.stage === 'reply')).toBe(true);
  });

  it('with an untracked egress rule for the reply, the connection completes', () => {
    const r = both(fvBase([eth0, untrackedIn, untrackedReply]), flow);
    expect(r.verdict).toBe('Allow');
    // The forward leg's Allow decides; the reply leg is in the trace after the `reply` step.
    expect(r.decidedBy?.policy?.name).toBe('untracked-in');
    const steps = r.paths[0]?.steps ?? [];
    const reply = steps.findIndex((s) => s.stage === 'reply');
    expect(steps.slice(reply).some((s) => s.policy?.name === 'untracked-reply' && s.action === 'allow')).toBe(
      true,
    );
  });

  it('a node that tracked the request accepts the reply by conntrack (donottrack_test.go host → host port 22)', () => {
    // felix-0 sends untracked; felix-1's raw table accepts port 22 by failsafe before any untracked
    // policy, so felix-1 tracks the connection: its reply meets no egress policy there, however
    // strict, and comes back into felix-0 through felix-0's untracked ingress allow.
    const heps = [
      hep('felix-0-eth0', 'felix-0', 'eth0', [F0], { host: 'f0' }),
      hep('felix-1-eth0', 'felix-1', 'eth0', [F1], { host: 'f1' }),
    ];
    const f0Untracked = gnp('f0-untracked', {
      order: 10,
      selector: "host == 'f0'",
      doNotTrack: true,
      applyOnForward: true,
      types: ['Ingress', 'Egress'],
      ingress: [{ action: 'Allow', source: { nets: [`${F1}/32`] } }],
      egress: [{ action: 'Allow', destination: { nets: [`${F1}/32`] } }],
    });
    const f1Strict = gnp('f1-strict', {
      order: 20,
      selector: "host == 'f1'",
      types: ['Egress'],
      egress: [{ action: 'Allow', destination: { nets: ['172.17.0.2/32'] } }],
    });
    const r = both(fvBase([...heps, f0Untracked, f1Strict]), tcp(F0, F1, 22));
    expect(r.verdict).toBe('Allow');
    const steps = r.paths[0]?.steps ?? [];
    const replyAt = steps.findIndex((s) => s.stage === 'reply');
    expect(replyAt).toBeGreaterThan(0);
    expect(
      steps
        .slice(replyAt)
        .some((s) => s.endpoint?.name === 'felix-1-eth0' && s.reason?.includes('conntrack accepts it')),
    ).toBe(true);
    expect(steps.slice(replyAt).some((s) => s.policy?.name === 'f1-strict')).toBe(false);
  });
});

describe('item 7: no silent unpoliced paths (§4.1; contract: an unknown via is an input error)', () => {
  it('a named HEP without expectedIPs polices its node’s addresses, and the trace says so', () => {
    const eth0 = hep('felix-0-eth0', 'felix-0', 'eth0', [], { role: 'eth0' });
    const deny = gnp('deny-in', {
      order: 10,
      selector: "role == 'eth0'",
      types: ['Ingress'],
      ingress: [{ action: 'Deny' }],
    });
    const r = both(fvBase([eth0, deny]), tcp(CLIENT, F0, 8055));
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.policy?.name).toBe('deny-in');
    expect(r.paths[0]?.steps[0]).toMatchObject({ stage: 'interface', endpoint: { name: 'felix-0-eth0' } });
  });

  it('a named HEP listing only IPv4 expectedIPs polices its node’s IPv6 addresses too (dual-stack)', () => {
    // Felix binds a HEP with interfaceName by the name alone and renders its chains in the IPv4
    // and IPv6 tables alike (`endpoint_mgr.go` resolveHostEndpoints): IPv4 expectedIPs say
    // nothing of where the node's IPv6 address lives.
    const F0V6 = 'fd00:17::3';
    const felix0 =
      (...addresses: [string, string][]) =>
      (resources: Obj[]) =>
        resources.map((r) =>
          r.kind === 'Node' && (r.metadata as { name: string }).name === 'felix-0'
            ? { ...r, status: { addresses: addresses.map(([type, address]) => ({ type, address })) } }
            : r,
        );
    const eth0 = hep('felix-0-eth0', 'felix-0', 'eth0', [F0], { role: 'eth0' });
    const deny = gnp('deny-in', {
      order: 10,
      selector: "role == 'eth0'",
      types: ['Ingress'],
      ingress: [{ action: 'Deny' }],
    });
    const dual = felix0(['InternalIP', F0], ['InternalIP', F0V6])(fvBase([eth0, deny]));
    const v6 = both(dual, tcp('2001:db8::20', F0V6, 8055));
    expect(v6.verdict).toBe('Deny');
    expect(v6.decidedBy?.policy?.name).toBe('deny-in');
    expect(both(dual, tcp(CLIENT, F0, 8055)).decidedBy?.policy?.name).toBe('deny-in');
    // Another IPv4 address of the node is still taken to be on another interface.
    const twoV4 = felix0(['InternalIP', F0], ['ExternalIP', '203.0.113.3'])(fvBase([eth0, deny]));
    expect(both(twoV4, tcp(CLIENT, '203.0.113.3', 8055)).verdict).toBe('Allow');
    // With a second named HEP listing nothing, which of the two carries the IPv6 address is
    // unknown: the world says so for IPv6 (not for IPv4, which eth0 lists).
    const eth1 = hep('felix-0-eth1', 'felix-0', 'eth1', [], { role: 'eth1' });
    const ambiguous = World.from(
      felix0(['InternalIP', F0], ['InternalIP', F0V6])(fvBase([eth0, eth1, deny])),
    );
    expect(
      ambiguous.issues.filter((i) => i.code === 'ambiguous_host_endpoint').map((i) => i.message),
    ).toEqual([
      'Node felix-0 has several named host endpoints without IPv6 expectedIPs (felix-0-eth0, felix-0-eth1): which one carries the node\'s IPv6 addresses is unknown, so traffic to them is matched to the "*" host endpoint (or unpoliced); add expectedIPs.',
    ]);
  });

  it('the IPv6 address calico-node records on the Node (projectcalico.org/IPv6Address) is the node’s too', () => {
    // calico-node autodetects it on a host interface and writes it as the Node's BGP address
    // (`libcalico-go/lib/backend/k8s/resources/node.go` nodeBgpIpv6AddrAnnotation), even when
    // the Node's status lists IPv4 addresses only.
    const annotated = fvBase([
      hep('felix-0-eth0', 'felix-0', 'eth0', [F0], { role: 'eth0' }),
      gnp('deny-in', {
        order: 10,
        selector: "role == 'eth0'",
        types: ['Ingress'],
        ingress: [{ action: 'Deny' }],
      }),
    ]).map((r) =>
      r.kind === 'Node' && (r.metadata as { name: string }).name === 'felix-0'
        ? {
            ...r,
            metadata: {
              name: 'felix-0',
              annotations: {
                'projectcalico.org/IPv4Address': `${F0}/24`,
                'projectcalico.org/IPv6Address': 'fd00:17::3/64',
              },
            },
          }
        : r,
    );
    const r = both(annotated, tcp('2001:db8::20', 'fd00:17::3', 8055));
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.policy?.name).toBe('deny-in');
  });

  it('an unknown via node or interface is `unknown_via`, verdict Deny, no paths', () => {
    const eth0 = hep('felix-0-eth0', 'felix-0', 'eth0', [F0], { role: 'eth0' });
    for (const engine of engines) {
      const world = World.from(fvBase([eth0]), { engine });
      const badNode = world.evaluate(tcp(CLIENT, F0, 8055, { via: { node: 'felix-9' } }));
      expect(badNode.verdict).toBe('Deny');
      expect(badNode.paths).toEqual([]);
      expect(badNode.issues).toEqual([
        {
          code: 'unknown_via',
          path: ['via', 'node'],
          message: 'via.node "felix-9" is not a node of this world; use one of: felix-0, felix-1.',
        },
      ]);
      const badIface = world.evaluate(tcp(CLIENT, F0, 8055, { via: { node: 'felix-0', interface: 'eht0' } }));
      expect(badIface.verdict).toBe('Deny');
      expect(badIface.issues[0]).toMatchObject({ code: 'unknown_via', path: ['via', 'interface'] });
      expect(badIface.issues[0]?.message).toContain('use one of: eth0');
      // A node whose interfaces are all governed alike (no named HEP) takes any interface name.
      expect(
        world.evaluate(tcp(CLIENT, F1, 8055, { via: { node: 'felix-1', interface: 'eth7' } })).issues,
      ).toEqual([]);
    }
  });
});

describe('issue #17 item 9: flow input edges', () => {
  it('a flow IP with leading zeros is rejected, as validate rejects it in CIDRs', () => {
    const r = World.from(fvBase()).evaluate(tcp('010.65.0.2', W1, 80));
    expect(r.verdict).toBe('Deny');
    expect(r.issues[0]).toMatchObject({ code: 'invalid_flow', path: ['srcIp'] });
    expect(r.issues[0]?.message).toContain('write 10.65.0.2');
  });

  it('flow text, or the parseFlow result itself, given as the flow: the issue says what to pass', () => {
    const world = World.from(fvBase());
    const text = `tcp ${W0} -> ${W1}:80`;
    const fromText = world.evaluate(text as unknown as Flow);
    expect(fromText.verdict).toBe('Deny');
    expect(fromText.issues).toEqual([
      {
        code: 'invalid_flow',
        path: [],
        message:
          'The flow must be an object like { protocol: "TCP", srcIp, dstIp, dstPort }, not a string: for flow text such as "tcp 10.0.0.1 -> 10.0.0.2:80", pass parseFlow(text).value.',
      },
    ]);
    const parsed = parseFlow(text);
    const fromResult = world.evaluate(parsed as unknown as Flow);
    expect(fromResult.issues).toEqual([
      {
        code: 'invalid_flow',
        path: [],
        message: "This is parseFlow's result, not a flow: pass its .value (when .ok is true).",
      },
    ]);
    if (parsed.ok) expect(world.evaluate(parsed.value).issues).toEqual([]);
  });

  it('ICMP type/code bounds are one byte in evaluate and parseFlow alike', () => {
    const world = World.from(fvBase());
    const bad = world.evaluate({ protocol: 'ICMP', srcIp: W0, dstIp: W1, icmp: { type: 300 } });
    expect(bad.issues[0]).toMatchObject({ path: ['icmp'] });
    expect(parseFlow(`icmp ${W0} -> ${W1} type 300`).ok).toBe(false);
    expect(
      world.evaluate({ protocol: 'ICMP', srcIp: W0, dstIp: W1, icmp: { type: 255, code: 255 } }).issues,
    ).toEqual([]);
    expect(parseFlow(`icmp ${W0} -> ${W1} type 255 code 255`).ok).toBe(true);
    expect(
      world.evaluate({ protocol: 'ICMP', srcIp: W0, dstIp: W1, icmp: { type: 8, code: 256 } }).issues,
    ).toHaveLength(1);
  });
});

describe("a pod's packet to its own address (loopback; Kubernetes netpol e2e AllowLoopback)", () => {
  const denyAll = knp('default', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });

  it('is allowed whatever the policy, and no chain runs', () => {
    const r = both(fvBase([denyAll]), tcp(W0, W0, 8055));
    expect(r.verdict).toBe('Allow');
    expect(r.decidedBy?.stage).toBe('loopback');
    expect(stages(r)).toEqual(['loopback:w0']);
  });

  it('another pod on the same node is still policed', () => {
    expect(both(fvBase([denyAll]), tcp(W0, W0B, 8055)).verdict).toBe('Deny');
  });

  it('has one cached route for every pod, whose verdict needs no run', () => {
    const cache = new PlanCache(World.from(fvBase([denyAll])).model);
    const ip = (t: string) => parseIp(t) as NonNullable<ReturnType<typeof parseIp>>;
    const self = (t: string) => ({
      protocol: 6,
      src: ip(t),
      srcPort: 40000,
      dst: ip(t),
      dstPort: 8055,
      icmp: undefined,
    });
    const route = cache.routeOf(self(W0), undefined);
    expect(route.ends).toBe('Allow');
    expect(route.chains).toBeUndefined();
    expect(route.plans[0]?.hooks.map((h) => (h.kind === 'outcome' ? h.stage : h.kind))).toEqual(['loopback']);
    expect([cache.source?.name, cache.destination?.name]).toEqual(['w0', 'w0']);
    expect(cache.routeOf(self(W1), undefined)).toBe(route);
    expect([cache.source?.name, cache.destination?.name]).toEqual(['w1', 'w1']);
    // A pod → pod route runs its chains.
    expect(cache.routeOf({ ...self(W0), dst: ip(W1) }, undefined).ends).toBeUndefined();
  });

  it("through its own Service (hairpin) the packet leaves the pod: the pod's egress and ingress apply", () => {
    const svc = service('default', 'w0-svc', {
      selector: { name: 'w0' },
      clusterIP: '10.96.0.20',
      port: 80,
      targetPort: 8055,
    });
    const r = both(fvBase([denyAll, svc]), tcp(W0, '10.96.0.20', 80));
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.stage).toBe('workloadEgress');
  });
});

describe('FelixConfiguration ipForwarding Disabled: nodes do not forward (hostendpoints_test.go "with IP forwarding disabled")', () => {
  // FV: FELIX_IPFORWARDING=Disabled and net.ipv4.ip_forward=0 on every felix, no HEPs, no policy.
  const noForwarding = [
    ns('default'),
    node('felix-0', F0),
    node('felix-1', F1),
    pod('default', 'w0', W0, { name: 'w0' }, { node: 'felix-0' }),
    pod('default', 'w0b', W0B, { name: 'w0b' }, { node: 'felix-0' }),
    pod('default', 'w1', W1, { name: 'w1' }, { node: 'felix-1' }),
    felix({ defaultEndpointToHostAction: 'Accept', ipForwarding: 'Disabled' }),
  ];

  it('host ↔ host, host → own pod and pod → own host connect: nothing is forwarded', () => {
    expect(both(noForwarding, tcp(F0, F1, 8055)).verdict).toBe('Allow');
    expect(both(noForwarding, tcp(F0, W0, 8055)).verdict).toBe('Allow');
    expect(both(noForwarding, tcp(W0, F0, 8055)).verdict).toBe('Allow');
  });

  it('what a node must forward is dropped before filter FORWARD, named in the trace', () => {
    for (const flow of [
      tcp(F0, W1, 8055), // felix-1 forwards eth0 → cali
      tcp(W0, W1, 8055), // felix-0 forwards cali → eth0
      tcp(W0, W0B, 8055), // felix-0 forwards cali → cali
      tcp(W0, F1, 8055), // felix-0 forwards the pod's packet to another host
      tcp(CLIENT, W0, 8055, { via: { node: 'felix-0' } }),
    ]) {
      const r = both(noForwarding, flow);
      expect(r.verdict, `${flow.srcIp} → ${flow.dstIp}`).toBe('Deny');
      expect(r.decidedBy?.stage).toBe('forward');
      expect(r.decidedBy?.reason).toContain('ipForwarding Disabled');
      expect(r.trace.some((s) => s.stage === 'workloadEgress' || s.stage === 'workloadIngress')).toBe(false);
    }
  });

  it('Enabled (the default) forwards', () => {
    const enabled = noForwarding.map((r) => (r.kind === 'FelixConfiguration' ? felix({}) : r));
    expect(both(enabled, tcp(W0, W1, 8055)).verdict).toBe('Allow');
    expect(World.from(enabled).model.ipForwarding).toBe('Enabled');
  });
});

describe('FelixConfiguration allow{VXLAN,IPIP}PacketsFromWorkloads: encapsulated packets from workloads are dropped before egress policy (endpoints.go endpointIptablesChain; endpoints_test.go dropVXLANTunnel, dropIPIPTunnel)', () => {
  // Felix renders, at the top of every from-workload chain (after clearing the policy marks,
  // before the tiers): drop UDP to VXLANPort unless AllowVXLANPacketsFromWorkloads, drop IP
  // protocol 4 unless AllowIPIPPacketsFromWorkloads (defaults 4789, false, false). The
  // to-workload chain and host endpoint chains always allow encapsulation.
  const allowAll = gnp('allow-all', {
    order: 10,
    selector: 'all()',
    types: ['Ingress', 'Egress'],
    ingress: [{ action: 'Allow' }],
    egress: [{ action: 'Allow' }],
  });
  const withFelix = (spec: Obj, extra: Obj[] = []) =>
    fvBase([allowAll, ...extra]).map((r) =>
      r.kind === 'FelixConfiguration' ? felix({ defaultEndpointToHostAction: 'Accept', ...spec }) : r,
    );
  const defaults = withFelix({});
  const udp = (srcIp: string, dstIp: string, dstPort: number, more: Partial<Flow> = {}): Flow => ({
    protocol: 'UDP',
    srcIp,
    srcPort: 40000,
    dstIp,
    dstPort,
    ...more,
  });
  const ipip = (srcIp: string, dstIp: string, more: Partial<Flow> = {}): Flow => ({
    protocol: 4,
    srcIp,
    dstIp,
    ...more,
  });
  /** Denied at the source pod's egress chain, before any policy, naming the FelixConfiguration field. */
  const expectEncapDrop = (r: ReturnType<typeof both>, field: string) => {
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.stage).toBe('workloadEgress');
    expect(r.decidedBy?.policy).toBeUndefined();
    expect(r.decidedBy?.reason).toContain(`FelixConfiguration ${field} is false`);
    const drop = r.trace.find((s) => s.stage === 'workloadEgress');
    expect(drop?.action).toBe('deny');
    expect(drop?.endpoint?.name).toBe('w0');
    expect(drop?.reason).toBe(r.decidedBy?.reason);
    // Nothing after the drop: neither the pod's egress policy nor the destination.
    expect(r.trace.filter((s) => s.stage === 'workloadEgress')).toHaveLength(1);
    expect(r.trace.some((s) => s.stage === 'workloadIngress' || s.policy !== undefined)).toBe(false);
  };

  it('defaults: UDP to 4789 and IP protocol 4 from a pod are dropped even with an allow-all policy, wherever they go', () => {
    for (const dst of [W0B, W1, F0, F1, CLIENT]) {
      const vxlan = both(defaults, udp(W0, dst, 4789));
      expectEncapDrop(vxlan, 'allowVXLANPacketsFromWorkloads');
      expect(vxlan.decidedBy?.reason).toContain('vxlanPort 4789');
      expectEncapDrop(both(defaults, ipip(W0, dst)), 'allowIPIPPacketsFromWorkloads');
    }
    expect(World.from(defaults).model).toMatchObject({
      vxlanPort: 4789,
      allowVXLANPacketsFromWorkloads: false,
      allowIPIPPacketsFromWorkloads: false,
    });
  });

  it('on a node with `*` host endpoints too (a plan with pre-DNAT and forward hooks), after the `*` AoF ingress', () => {
    const r = both(withFelix({}, starHeps), udp(W0, W1, 4789));
    expectEncapDrop(r, 'allowVXLANPacketsFromWorkloads');
    expect(stages(r)).toEqual(['forward:felix-0-all', 'workloadEgress:w0']);
    expectEncapDrop(both(withFelix({}, starHeps), ipip(W0, W0B)), 'allowIPIPPacketsFromWorkloads');
  });

  it('IPv6 pods too: the IPv4 and IPv6 endpoint managers share one rule renderer (int_dataplane.go)', () => {
    const v6 = withFelix({}, [
      pod('default', 'w6', 'fd00:65::2', { name: 'w6' }, { node: 'felix-0' }),
      pod('default', 'w6b', 'fd00:65::3', { name: 'w6b' }, { node: 'felix-1' }),
    ]);
    const vxlan = both(v6, udp('fd00:65::2', 'fd00:65::3', 4789));
    expect(vxlan.verdict).toBe('Deny');
    expect(vxlan.decidedBy?.reason).toContain('allowVXLANPacketsFromWorkloads');
    expect(both(v6, ipip('fd00:65::2', 'fd00:65::3')).decidedBy?.reason).toContain(
      'allowIPIPPacketsFromWorkloads',
    );
    expect(both(v6, udp('fd00:65::2', 'fd00:65::3', 4790)).verdict).toBe('Allow');
  });

  it('other UDP ports, and TCP to 4789, are policed as before', () => {
    for (const flow of [udp(W0, W1, 4790), udp(W0, W0B, 53), udp(W0, F0, 4788), tcp(W0, W1, 4789)]) {
      const r = both(defaults, flow);
      expect(r.verdict, `${flow.protocol} ${flow.dstPort}`).toBe('Allow');
      expect(r.decidedBy?.policy?.name).toBe('allow-all');
    }
  });

  it('traffic to a pod is unaffected: the to-workload chain always allows encapsulation', () => {
    for (const flow of [
      udp(F0, W0, 4789),
      udp(F1, W0, 4789),
      udp(CLIENT, W0, 4789, { via: { node: 'felix-0' } }),
      ipip(F1, W0),
      ipip(CLIENT, W0, { via: { node: 'felix-0' } }),
    ]) {
      const r = both(defaults, flow);
      expect(r.verdict, `${flow.srcIp} → ${flow.dstIp}`).toBe('Allow');
      expect(r.trace.some((s) => s.reason?.includes('PacketsFromWorkloads') === true)).toBe(false);
    }
  });

  it('host-originated traffic is unaffected: host endpoint chains always allow encapsulation', () => {
    for (const world of [defaults, withFelix({}, starHeps)])
      for (const flow of [udp(F0, F1, 4789), udp(F0, CLIENT, 4789), ipip(F0, F1), ipip(F0, CLIENT)])
        expect(both(world, flow).verdict, `${flow.srcIp} → ${flow.dstIp}`).toBe('Allow');
  });

  it('vxlanPort moves the VXLAN check', () => {
    const moved = withFelix({ vxlanPort: 8472 });
    const r = both(moved, udp(W0, W1, 8472));
    expectEncapDrop(r, 'allowVXLANPacketsFromWorkloads');
    expect(r.decidedBy?.reason).toContain('vxlanPort 8472');
    expect(both(moved, udp(W0, W1, 4789)).verdict).toBe('Allow');
    expect(World.from(moved).model.vxlanPort).toBe(8472);
  });

  it('allowVXLANPacketsFromWorkloads / allowIPIPPacketsFromWorkloads lift one drop each', () => {
    const vxlanOk = withFelix({ allowVXLANPacketsFromWorkloads: true });
    expect(both(vxlanOk, udp(W0, W1, 4789)).verdict).toBe('Allow');
    expectEncapDrop(both(vxlanOk, ipip(W0, W1)), 'allowIPIPPacketsFromWorkloads');
    const ipipOk = withFelix({ allowIPIPPacketsFromWorkloads: true });
    expect(both(ipipOk, ipip(W0, W1)).verdict).toBe('Allow');
    expectEncapDrop(both(ipipOk, udp(W0, W1, 4789)), 'allowVXLANPacketsFromWorkloads');
    const bothOk = withFelix({ allowVXLANPacketsFromWorkloads: true, allowIPIPPacketsFromWorkloads: true });
    for (const flow of [udp(W0, W1, 4789), ipip(W0, W1), udp(W0, F0, 4789), ipip(W0, CLIENT)])
      expect(both(bothOk, flow).verdict).toBe('Allow');
  });

  it('egress policy still decides what is not encapsulation: a deny-all egress policy denies IPIP only when it is allowed', () => {
    const denyEgress = gnp('deny-egress', {
      order: 1,
      selector: "name == 'w0'",
      types: ['Egress'],
      egress: [{ action: 'Deny' }],
    });
    const r = both(withFelix({ allowIPIPPacketsFromWorkloads: true }, [denyEgress]), ipip(W0, W1));
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.policy?.name).toBe('deny-egress');
    expectEncapDrop(both(withFelix({}, [denyEgress]), ipip(W0, W1)), 'allowIPIPPacketsFromWorkloads');
  });

  it('the drop sees the post-DNAT packet, as the egress chain does: a service port to a backend on 4789', () => {
    const udpService = (name: string, clusterIP: string, port: number, targetPort: number): Obj => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: 'default' },
      spec: { selector: { name: 'w1' }, clusterIP, ports: [{ protocol: 'UDP', port, targetPort }] },
    });
    const world = withFelix({}, [
      udpService('to-vxlan', '10.96.0.10', 53, 4789),
      udpService('from-vxlan', '10.96.0.11', 4789, 53),
    ]);
    const r = both(world, udp(W0, '10.96.0.10', 53));
    expectEncapDrop(r, 'allowVXLANPacketsFromWorkloads');
    expect(r.trace.some((s) => s.stage === 'dnat')).toBe(true);
    expect(both(world, udp(W0, '10.96.0.11', 4789)).verdict).toBe('Allow');
  });

  it('the cached pod → pod route (a warmed world: World.evaluate runs it inline) drops them too', () => {
    for (const engine of engines) {
      const world = World.from(defaults, { engine });
      for (const [flow, verdict] of [
        [tcp(W0, W1, 80), 'Allow'],
        [udp(W0, W1, 4789), 'Deny'],
        [ipip(W0, W1), 'Deny'],
        [udp(W0, W1, 4790), 'Allow'],
        [tcp(W0, W0B, 80), 'Allow'],
        [ipip(W0, W0B), 'Deny'],
        [udp(W0, W0B, 4789), 'Deny'],
      ] as const) {
        const r = world.evaluate(flow);
        expect(r.verdict, `${engine}: ${flow.protocol} → ${flow.dstIp}:${flow.dstPort}`).toBe(verdict);
        expect(r.paths.map((p) => p.verdict)).toEqual([verdict]);
      }
    }
  });

  it('the pod → pod route keeps its fast path: its chains and, unless both are allowed, its drop', () => {
    const routeOf = (resources: Obj[]) => {
      const model = World.from(resources).model;
      const ip = (t: string) => parseIp(t) as NonNullable<ReturnType<typeof parseIp>>;
      const packet = {
        protocol: 17,
        src: ip(W0),
        srcPort: 40000,
        dst: ip(W1),
        dstPort: 4789,
        icmp: undefined,
      };
      return new PlanCache(model).routeOf(packet, undefined);
    };
    const route = routeOf(defaults);
    expect(route.chains?.map((h) => h.stage)).toEqual(['workloadEgress', 'workloadIngress']);
    expect(route.encap?.drops.map((d) => [d.encap, d.protocol, d.dstPort])).toEqual([
      ['VXLAN', 17, 4789],
      ['IPIP', 4, undefined],
    ]);
    const open = routeOf(
      withFelix({ allowVXLANPacketsFromWorkloads: true, allowIPIPPacketsFromWorkloads: true }),
    );
    expect(open.chains).toHaveLength(2);
    expect(open.encap).toBeUndefined();
    expect(open.plans[0]?.hooks.some((h) => h.kind === 'encap')).toBe(false);
  });

  it('matrix() and explain() show it', () => {
    for (const engine of engines) {
      const world = World.from(defaults, { engine });
      // Off the diagonal: a pod's packet to its own address is loopback, which no chain sees.
      const offDiagonal = (cells: readonly (readonly string[])[]) =>
        cells.flatMap((row, i) => row.filter((_, j) => i !== j));
      const vxlan = world.matrix({ protocol: 'UDP', port: 4789 }).cells;
      expect(offDiagonal(vxlan).every((v) => v === 'Deny')).toBe(true);
      expect(vxlan.every((row, i) => row[i] === 'Allow')).toBe(true);
      expect(offDiagonal(world.matrix({ protocol: 4 }).cells).every((v) => v === 'Deny')).toBe(true);
      expect(
        world
          .matrix({ protocol: 'UDP', port: 4790 })
          .cells.flat()
          .every((v) => v === 'Allow'),
      ).toBe(true);
      expect(world.evaluate(udp(W0, W1, 4789)).explain()).toContain(
        'workloadEgress  [WorkloadEndpoint default/w0 (felix-0)] → deny (VXLAN packet (UDP to vxlanPort 4789) from a workload is dropped before its egress policy: FelixConfiguration allowVXLANPacketsFromWorkloads is false',
      );
    }
  });

  it('a FelixConfiguration field of the wrong type is an input error, not a silent default', () => {
    expect(() => World.from(withFelix({ vxlanPort: '8472' }))).toThrow(/spec\.vxlanPort must be an integer/);
    expect(() => World.from(withFelix({ allowIPIPPacketsFromWorkloads: 'true' }))).toThrow(
      /spec\.allowIPIPPacketsFromWorkloads must be true or false/,
    );
  });
});

describe("tunnel addresses are the host's own (routing_test.go, IPIPMode Always: host → remote workload leaves tunl0 from the tunnel address)", () => {
  const T0 = '10.65.0.0';
  /** felix-0 with Calico's IPIP tunnel address annotation (libcalico-go k8s/resources/node.go). */
  const tunnelled = (extra: Obj[]) =>
    fvBase(extra).map((r) =>
      (r.metadata as Obj).name === 'felix-0' && r.kind === 'Node'
        ? { ...r, metadata: { name: 'felix-0', annotations: { 'projectcalico.org/IPv4IPIPTunnelAddr': T0 } } }
        : r,
    );
  const noPolicy = (name: string, iface: string, ip: string[]) => hep(name, 'felix-0', iface, ip, {});

  it('a host packet from the tunnel address meets the `*` HEP egress (no policy: dropped), as from the node IP', () => {
    const world = tunnelled([noPolicy('felix-0-all', '*', [F0])]);
    for (const src of [F0, T0]) {
      const r = both(world, tcp(src, W1, 8055));
      expect(r.verdict).toBe('Deny');
      expect(r.decidedBy?.stage).toBe('hostEgress');
    }
  });

  it('a named HEP without expectedIPs does not govern the tunnel device (it is on no named interface)', () => {
    const world = tunnelled([noPolicy('felix-0-eth0', 'eth0', [])]);
    expect(both(world, tcp(F0, W1, 8055)).verdict).toBe('Deny');
    const fromTunnel = both(world, tcp(T0, W1, 8055));
    expect(fromTunnel.verdict).toBe('Allow');
    expect(stages(fromTunnel)).not.toContain('hostEgress:felix-0-eth0');
  });

  it('a pod reaches the tunnel address as its node (DefaultEndpointToHostAction), and a node port on it', () => {
    const world = tunnelled([
      service('default', 'web', {
        type: 'NodePort',
        selector: { name: 'w1' },
        clusterIP: '10.96.0.80',
        port: 80,
        targetPort: 8055,
        nodePort: 30080,
      }),
    ]);
    expect(both(world, tcp(W0, T0, 8055)).decidedBy?.stage).toBe('endpointToHost');
    const nodePort = both(world, tcp('198.51.100.7', T0, 30080));
    expect(nodePort.verdict).toBe('Allow');
    expect(nodePort.paths[0]?.steps.some((s) => s.action === 'nat')).toBe(true);
  });
});

describe('WireGuard packets are accepted before host endpoint policy (static.go FilterInputChainAllowWG / filterOutputChain; wireguard_test.go host endpoint blocking policy)', () => {
  const udp = (srcIp: string, dstIp: string, dstPort: number): Flow => ({
    protocol: 'UDP',
    srcIp,
    srcPort: 51820,
    dstIp,
    dstPort,
  });
  // Both felixes' eth0 host endpoints deny everything in and out; the pods' egress is denied too.
  const blocked = (wireguard: Obj, extra: Obj[] = []) => {
    const base = fvBase([
      ...lockedHosts([
        ['felix-0', F0],
        ['felix-1', F1],
      ]),
      ...extra,
    ]);
    return base.map((r) =>
      r.kind === 'FelixConfiguration' ? { ...r, spec: { ...(r.spec as Obj), ...wireguard } } : r,
    );
  };

  it('host → host UDP to the listening port: accepted in OUTPUT and INPUT, by IP version and port', () => {
    const on = blocked({ wireguardEnabled: true });
    const r = both(on, udp(F0, F1, 51820));
    expect(r.verdict).toBe('Allow');
    expect(
      r.paths[0]?.steps.filter((s) => s.action === 'allow').map((s) => `${s.stage}:${s.endpoint?.name}`),
    ).toEqual(['hostEgress:felix-0', 'hostIngress:felix-1']);
    expect(r.decidedBy?.reason).toContain('FelixConfiguration wireguardListeningPort');
    // Another port, TCP, WireGuard off, or only IPv6 on: host endpoint policy decides.
    expect(both(on, udp(F0, F1, 51821)).verdict).toBe('Deny');
    expect(both(on, tcp(F0, F1, 51820)).verdict).toBe('Deny');
    expect(both(blocked({}), udp(F0, F1, 51820)).verdict).toBe('Deny');
    expect(both(blocked({ wireguardEnabledV6: true }), udp(F0, F1, 51821)).verdict).toBe('Deny');
    expect(
      both(blocked({ wireguardEnabled: true, wireguardListeningPort: 40000 }), udp(F0, F1, 40000)).verdict,
    ).toBe('Allow');
  });

  it("from outside, and from a pod to its own host (before the pod's egress and DefaultEndpointToHostAction)", () => {
    const on = blocked({ wireguardEnabled: true, defaultEndpointToHostAction: 'Drop' });
    expect(both(on, udp(CLIENT, F1, 51820)).verdict).toBe('Allow');
    const own = both(on, udp(W0, F0, 51820));
    expect(own.verdict).toBe('Allow');
    expect(stages(own)).toEqual(['hostIngress:felix-0']);
    // To another node the pod's egress applies (FORWARD), whatever the port.
    expect(both(on, udp(W0, F1, 51820)).verdict).toBe('Deny');
  });

  it('a WireGuard field of the wrong type is an input error, not a silent default', () => {
    expect(() => World.from(blocked({ wireguardEnabled: 'true' }))).toThrow(
      /spec\.wireguardEnabled must be true or false/,
    );
    expect(() => World.from(blocked({ wireguardListeningPortV6: '51821' }))).toThrow(
      /spec\.wireguardListeningPortV6 must be an integer/,
    );
  });

  it('untracked policy still decides first (raw table)', () => {
    const r = both(
      blocked({ wireguardEnabled: true }, [
        gnp('raw-deny', {
          selector: "hep == 'yes'",
          doNotTrack: true,
          applyOnForward: true,
          egress: [{ action: 'Deny' }],
        }),
      ]),
      udp(F0, F1, 51820),
    );
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.stage).toBe('untracked');
  });
});

describe('via an interface no host endpoint names (dscp_test.go: host1-eth0 has expectedIPs only)', () => {
  // Felix binds a HEP without interfaceName to the interface holding its expectedIPs; a packet
  // addressed to one of them arrives on that interface.
  const unnamed = {
    ...hep('host1-eth0', 'felix-0', 'eth0', [F0], { 'host-endpoint': 'true' }),
    spec: { node: 'felix-0', expectedIPs: [F0] },
  };
  const gnp1 = (action: string) =>
    gnp('gnp-1', {
      selector: "host-endpoint == 'true'",
      ingress: [{ action }],
      egress: [{ action: 'Allow' }],
    });

  it("the HEP owning the destination governs it, so its policy decides (it was 'not policed')", () => {
    for (const action of ['Allow', 'Deny']) {
      const r = both(
        fvBase([unnamed, gnp1(action)]),
        tcp(CLIENT, F0, 8055, { via: { node: 'felix-0', interface: 'eth0' } }),
      );
      expect([r.verdict, r.decidedBy?.policy?.name]).toEqual([action, 'gnp-1']);
    }
  });
});

describe('FelixConfiguration interfaceExclude: host endpoints on excluded interfaces never govern them (endpoint_mgr.go resolveHostEndpoints; iface_monitor.go isExcludedInterface)', () => {
  // Felix resolves host endpoints over the interfaces whose addresses the interface monitor
  // reports, and it reports none for an excluded one: the `*` HEP (or nothing) governs it.
  const eth1 = hep('felix-0-eth1', 'felix-0', 'eth1', [F0], { role: 'eth1' });
  const star = hep('felix-0-all', 'felix-0', '*', [F0], { role: 'star' });
  const allowEth1 = gnp('allow-eth1', { selector: "role == 'eth1'", ingress: [{ action: 'Allow' }] });
  const world = (interfaceExclude?: string) =>
    fvBase([eth1, star, allowEth1, ...(interfaceExclude === undefined ? [] : [felix({ interfaceExclude })])]);
  const toHost = tcp(CLIENT, F0, 8055);
  const viaEth1 = tcp(CLIENT, F0, 8055, { via: { node: 'felix-0', interface: 'eth1' } });

  it('an excluded interface is governed by the `*` HEP (no policy, no profile: Deny), not by its own HEP', () => {
    expect(both(world(), toHost).verdict).toBe('Allow');
    for (const exclude of ['eth1', 'kube-ipvs0,eth1', '/^eth[0-9]+$/']) {
      for (const flow of [toHost, viaEth1]) {
        const r = both(world(exclude), flow);
        expect(r.verdict).toBe('Deny');
        expect(r.paths[0]?.steps.some((s) => s.endpoint?.name === 'felix-0-eth1')).toBe(false);
      }
    }
  });

  it('kube-ipvs0 is excluded by default; a value Felix cannot parse falls back to that default', () => {
    const ipvs = hep('felix-0-ipvs', 'felix-0', 'kube-ipvs0', [F0], { role: 'eth1' });
    const viaIpvs = tcp(CLIENT, F0, 8055, { via: { node: 'felix-0', interface: 'kube-ipvs0' } });
    expect(both(fvBase([ipvs, star, allowEth1]), viaIpvs).verdict).toBe('Deny');
    // RegexpPatternListParam.Parse: "eth1.100" is neither a name ([a-zA-Z0-9_-]{1,15}) nor a /regex/.
    expect(both(world('eth1.100'), toHost).verdict).toBe('Allow');
    expect(both(world('eth1, eth2'), toHost).verdict).toBe('Allow');
    // config_params.go: "none" sets the zero value (no exclusion), not an interface named None.
    const none = hep('felix-0-none', 'felix-0', 'None', [F0], { role: 'eth1' });
    const viaNone = tcp(CLIENT, F0, 8055, { via: { node: 'felix-0', interface: 'None' } });
    for (const [resources, flow] of [
      [[ipvs, star, allowEth1], viaIpvs],
      [[none, star, allowEth1], viaNone],
    ] as const)
      expect(both(fvBase([...resources, felix({ interfaceExclude: 'None' })]), flow).verdict).toBe('Allow');
  });

  it('a HEP on an excluded interface is not a candidate for its node’s addresses (no ambiguity with it)', () => {
    const eth0 = hep('felix-0-eth0', 'felix-0', 'eth0', [], { role: 'eth1' });
    const ipvs = hep('felix-0-ipvs', 'felix-0', 'kube-ipvs0', [], { role: 'other' });
    const w = World.from(fvBase([eth0, ipvs, allowEth1]));
    expect(w.issues.map((i) => i.code)).not.toContain('ambiguous_host_endpoint');
    const r = both(fvBase([eth0, ipvs, allowEth1]), toHost);
    expect([r.verdict, r.decidedBy?.policy?.name]).toEqual(['Allow', 'allow-eth1']);
  });

  it('a HEP without interfaceName does not govern an excluded interface holding its address', () => {
    const unnamed = {
      ...hep('felix-0-host', 'felix-0', 'eth1', [F0], { role: 'eth1' }),
      spec: { node: 'felix-0', expectedIPs: [F0] },
    };
    const w = (exclude: string) => fvBase([unnamed, star, allowEth1, felix({ interfaceExclude: exclude })]);
    expect(both(w('kube-ipvs0'), viaEth1).verdict).toBe('Allow');
    const r = both(w('eth1'), viaEth1);
    expect(r.verdict).toBe('Deny');
    expect(r.paths[0]?.steps.some((s) => s.endpoint?.name === 'felix-0-host')).toBe(false);
  });

  it('a Go pattern JavaScript cannot express is a world issue, not a silent answer', () => {
    // `\pL` is a Unicode class in Go; JavaScript (without the u flag) reads it as "pL".
    for (const pattern of ['/^\\pL+1$/', '/^e(?i)TH1$/']) {
      const w = World.from(world(pattern));
      expect(w.issues.map((i) => [i.code, ...i.path.slice(1)])).toEqual([
        ['unsupported_felix_setting', 'spec', 'interfaceExclude'],
      ]);
      expect(w.issues[0]?.message).toContain(pattern);
    }
  });

  it('a /regex/ element Go refuses fails the whole value: Felix uses kube-ipvs0 (param_types.go RegexpPatternListParam.Parse; config_params.go resolve)', () => {
    // JavaScript takes a lookahead and reads `\1` as a character; Go's regexp refuses both.
    for (const exclude of ['/^eth(?=1)/', 'eth1,/^eth\\1/', 'eth1.100']) {
      expect(both(world(exclude), toHost).verdict).toBe('Allow');
      const w = World.from(world(exclude));
      expect(w.issues.map((i) => [i.code, ...i.path.slice(1)])).toEqual([
        ['unsupported_felix_setting', 'spec', 'interfaceExclude'],
      ]);
      expect(w.issues[0]?.message).toContain('kube-ipvs0');
    }
    expect(World.from(world('/^eth(?=1)/')).issues[0]?.message).toContain(
      'invalid or unsupported Perl syntax',
    );
  });

  it('an empty value never reaches Felix (configurationprocessor.go sends "" as no value): the default, no issue', () => {
    expect(both(world(''), toHost).verdict).toBe('Allow');
    expect(World.from(world('')).issues).toEqual([]);
    const ipvs = hep('felix-0-ipvs', 'felix-0', 'kube-ipvs0', [F0], { role: 'eth1' });
    const viaIpvs = tcp(CLIENT, F0, 8055, { via: { node: 'felix-0', interface: 'kube-ipvs0' } });
    expect(both(fvBase([ipvs, star, allowEth1, felix({ interfaceExclude: '' })]), viaIpvs).verdict).toBe(
      'Deny',
    );
  });

  it('a /regex/ element is read as Go reads it (flags, \\z, \\Q…\\E, POSIX classes, \\x{…}, `{` that is no repeat)', () => {
    // Each excludes eth1 in Go (so the `*` HEP governs it: Deny); JavaScript reads each otherwise.
    for (const exclude of [
      '/(?i)^ETH1$/',
      '/^eth1\\z/',
      '/\\A[[:alpha:]]+1$/',
      '/^\\Qeth1\\E$/',
      '/^eth\\x{31}$/',
      '/^[]e]th1$/',
      '/^eth1\u00a0?$/',
    ]) {
      expect(both(world(exclude), toHost).verdict).toBe('Deny');
      expect(World.from(world(exclude)).issues).toEqual([]);
    }
    // Go reads `{01}` as literal text (a repeat count has no leading zero): eth1 is not excluded.
    expect(both(world('/^eth1{01}$/'), toHost).verdict).toBe('Allow');
  });
});

describe('failsafe entries Felix cannot parse (param_types.go PortListParam.Parse; felixconfigprocessor.go protoPortSliceToString)', () => {
  // The FelixConfiguration entry reaches Felix as "<protocol>:<net>:<port>": an omitted protocol
  // gives ":8055" and "sctp:8055" is an "unknown protocol"; FailsafeInboundHostPorts is
  // die-on-fail, so Felix refuses the whole configuration. No failsafe may come of such an entry.
  const eth0 = hep('felix-0-eth0', 'felix-0', 'eth0', [F0], { role: 'eth0' });
  const denyEth0 = gnp('deny-eth0', { selector: "role == 'eth0'", ingress: [{ action: 'Deny' }] });
  const failsafes = (entry: Obj) =>
    fvBase([
      eth0,
      denyEth0,
      felix({ defaultEndpointToHostAction: 'Accept', failsafeInboundHostPorts: [entry] }),
    ]);

  it('a tcp or udp entry (any case) is a failsafe; the others are issues and no failsafe', () => {
    expect(both(failsafes({ protocol: 'tcp', port: 8055 }), tcp(CLIENT, F0, 8055)).verdict).toBe('Allow');
    expect(both(failsafes({ protocol: 'TCP', port: 8055 }), tcp(CLIENT, F0, 8055)).verdict).toBe('Allow');
    for (const entry of [
      { port: 8055 },
      { protocol: 'SCTP', port: 8055 },
      { protocol: 'TCP', port: 8055, net: '172.17.0.0/16x' },
    ]) {
      const world = World.from(failsafes(entry));
      expect(world.issues.map((i) => [i.code, ...i.path.slice(1)])).toEqual([
        ['unsupported_felix_setting', 'spec', 'failsafeInboundHostPorts', 0],
      ]);
      expect(world.model.failsafeInbound).toEqual([]);
      expect(both(failsafes(entry), tcp(CLIENT, F0, 8055)).verdict).toBe('Deny');
    }
  });
});

describe('out of scope is refused loudly (README "Out of scope")', () => {
  it('allow actions of RETURN and chainInsertMode Append are world issues naming the field', () => {
    const world = World.from(
      fvBase([
        felix({
          iptablesFilterAllowAction: 'Return',
          chainInsertMode: 'Append',
          iptablesMangleAllowAction: 'RETURN',
        }),
      ]),
    );
    expect(
      world.issues.filter((i) => i.code === 'unsupported_felix_setting').map((i) => i.path.slice(1)),
    ).toEqual([
      ['spec', 'iptablesFilterAllowAction'],
      ['spec', 'chainInsertMode'],
    ]);
    expect(World.from(fvBase([felix({ iptablesFilterAllowAction: 'Accept' })])).issues).toEqual([]);
  });

  it('tunnel-device HEPs, the eBPF dataplane and ambiguous unaddressed HEPs are world issues', () => {
    const world = World.from([
      ...fvBase(),
      hep('felix-0-tunl', 'felix-0', 'tunl0', [], {}),
      hep('felix-1-a', 'felix-1', 'eth0', [], {}),
      hep('felix-1-b', 'felix-1', 'eth1', [], {}),
      {
        apiVersion: 'projectcalico.org/v3',
        kind: 'FelixConfiguration',
        metadata: { name: 'node.felix-0' },
        spec: { bpfEnabled: true },
      },
    ]);
    const codes = world.issues.map((i) => i.code);
    expect(codes).toContain('unsupported_tunnel_hep');
    expect(codes).toContain('unsupported_ebpf');
    expect(codes).toContain('ambiguous_host_endpoint');
    expect(world.issues.find((i) => i.code === 'ambiguous_host_endpoint')?.message).toContain(
      'felix-1-a, felix-1-b',
    );
  });

  it('per-node FelixConfigurations, ipv6Support: false and enabled pod floating IPs / source prefixes are world issues', () => {
    const config = (name: string, spec: Obj): Obj => ({
      apiVersion: 'projectcalico.org/v3',
      kind: 'FelixConfiguration',
      metadata: { name },
      spec,
    });
    const pod = (annotations: Record<string, string>): Obj => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'w9', namespace: 'default', annotations },
      spec: { nodeName: 'felix-0' },
      status: { podIP: '10.65.0.99' },
    });
    const issues = (extra: Obj[]) =>
      World.from([...fvBase(), ...extra])
        .issues.filter((i) => i.code === 'unsupported_felix_setting')
        .map((i) => i.path.slice(1).join('.'));
    expect(issues([config('node.felix-0', { failsafeInboundHostPorts: [] })])).toEqual(['spec']);
    expect(issues([config('zone-a', { nodeSelector: "zone == 'a'", ipForwarding: 'Disabled' })])).toEqual([
      'spec',
    ]);
    expect(issues([config('zone-a', { nodeSelector: "zone == 'a'" })])).toEqual([]);
    expect(issues([felix({ ipv6Support: false })])).toEqual(['spec.ipv6Support']);
    const annotated = pod({
      'cni.projectcalico.org/floatingIPs': '["10.0.0.200"]',
      'cni.projectcalico.org/allowedSourcePrefixes': '["192.0.2.0/24"]',
    });
    // Felix ignores both annotations unless a FelixConfiguration turns the feature on.
    expect(issues([annotated])).toEqual([]);
    expect(issues([annotated, felix({ floatingIPs: 'Enabled', workloadSourceSpoofing: 'Any' })])).toEqual([
      'metadata.annotations.cni.projectcalico.org/floatingIPs',
      'metadata.annotations.cni.projectcalico.org/allowedSourcePrefixes',
    ]);
    // Only what the evaluator reads matters: a per-node log level changes no verdict.
    expect(issues([config('node.felix-0', { logSeverityScreen: 'Debug' })])).toEqual([]);
    expect(
      World.from([
        ...fvBase(),
        config('node.felix-0', { ipForwarding: 'Disabled', logSeverityScreen: 'Debug' }),
      ]).issues[0]?.message,
    ).toContain('its ipForwarding is ignored and every node uses "default"\'s;');
  });
});

describe("pods' hostPorts: the CNI portmap DNAT from the node's addresses to the pod", () => {
  const hostPortPod = (ports: Obj[], hostNetwork = false): Obj => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'hp', namespace: 'default', labels: { name: 'hp' } },
    spec: { nodeName: 'felix-0', hostNetwork, containers: [{ name: 'c', ports }] },
    status: { podIP: hostNetwork ? F0 : '10.65.0.9' },
  });
  const https = [{ containerPort: 8443, hostPort: 443 }];
  const onlyW1 = knp('default', 'hp-from-w1', {
    podSelector: { matchLabels: { name: 'hp' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ podSelector: { matchLabels: { name: 'w1' } } }] }],
  });

  it('a packet to the node address and hostPort reaches the pod, whose ingress policy decides', () => {
    const open = both(fvBase([hostPortPod(https)]), tcp(CLIENT, F0, 443));
    expect(open.verdict).toBe('Allow');
    expect(open.paths[0]?.backend?.name).toBe('hp');
    expect(open.paths[0]?.steps.find((x) => x.stage === 'dnat')?.reason).toBe(
      'CNI portmap DNAT: 172.17.0.3:443 (hostPort of pod default/hp) → 10.65.0.9:8443',
    );
    const closed = both(fvBase([hostPortPod(https), onlyW1]), tcp(CLIENT, F0, 443));
    expect(closed.verdict).toBe('Deny');
    expect(closed.decidedBy?.stage).toBe('workloadIngress');
    // From a pod on the other node: routed to felix-0 as to its address, DNAT'd there, no SNAT.
    expect(both(fvBase([hostPortPod(https), onlyW1]), tcp(W1, F0, 443)).verdict).toBe('Allow');
    expect(both(fvBase([hostPortPod(https), onlyW1]), tcp(W0, F0, 443)).verdict).toBe('Deny');
  });

  it('only the node of the pod serves it, on its hostIP alone when set; a hostNetwork pod has none', () => {
    const hostNode = (r: ReturnType<typeof both>) => r.paths[0]?.backend;
    expect(hostNode(both(fvBase([hostPortPod(https)]), tcp(CLIENT, F1, 443)))).toBeUndefined();
    const pinned = [hostPortPod([{ containerPort: 8443, hostPort: 443, hostIP: F0 }])];
    expect(hostNode(both(fvBase(pinned), tcp(CLIENT, F0, 443)))?.name).toBe('hp');
    const world = World.from(fvBase([hostPortPod(https, true)]));
    expect(world.model.hostPorts).toEqual([]);
  });

  it('a host endpoint polices it as forwarded traffic (pre-DNAT, applyOnForward), not as host-bound', () => {
    const lockedInput = gnp('hosts-closed', {
      selector: "host-endpoint == 'true'",
      types: ['Ingress'],
      ingress: [{ action: 'Deny' }],
    });
    const r = both(fvBase([...starHeps, hostPortPod(https), lockedInput]), tcp(CLIENT, F0, 443));
    expect(r.verdict).toBe('Allow');
    expect(stages(r)).not.toContain('hostIngress:felix-0-all');
  });
});

describe('FELIX_FIELDS_READ', () => {
  it('lists every FelixConfiguration field read from default (the per-node refusal depends on it)', async () => {
    const { readFileSync } = await import('node:fs');
    const { FELIX_FIELDS_READ } = await import('../src/world/felix-settings.js');
    const readers = ['felix-settings', 'calico-hosts', 'service-loop', 'tunnels', 'nat-outgoing'];
    const read = new Set<string>();
    for (const f of readers) {
      const text = readFileSync(new URL(`../src/world/${f}.ts`, import.meta.url), 'utf8');
      if (!text.includes('felixDefaults(')) continue;
      // IPPool fields are read in the same files; FelixConfiguration's come from `felixDefaults`.
      for (const m of text.matchAll(/spec\.([a-zA-Z0-9]+)/g))
        if (!['cidr', 'ipipMode', 'vxlanMode', 'natOutgoing', 'allowedUses'].includes(m[1] as string))
          read.add(m[1] as string);
    }
    expect([...read].sort()).toEqual([...FELIX_FIELDS_READ].sort());
  });
});
