import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Flow, World } from '@calico-dsl/evaluator';
import { fromYaml } from '@calico-dsl/yaml';
import { describe, expect, it } from 'vitest';
import { analyze, type LintFinding } from '../src/index.js';
import { TWO_INTERFACE_NODE } from './helpers/worlds.js';

const dir = join(import.meta.dirname, 'fixtures', 'lint');
const load = (text: string) => {
  const parsed = fromYaml(text);
  if (!parsed.ok) throw new Error('fixture does not parse');
  return World.from(parsed.value);
};

interface Expect {
  code: string;
  name: string;
  kind?: string;
  direction?: 'ingress' | 'egress';
  index?: number;
}
const same = (f: LintFinding, e: Expect) =>
  f.code === e.code &&
  f.resource.name === e.name &&
  (e.kind === undefined || f.resource.kind === e.kind) &&
  (e.direction === undefined || f.rule?.direction === e.direction) &&
  (e.index === undefined || f.rule?.index === e.index);

describe('lint conformance cases', () => {
  for (const name of readdirSync(dir)) {
    it(name, () => {
      const world = load(readFileSync(join(dir, name, 'world.yaml'), 'utf8'));
      const expected = JSON.parse(readFileSync(join(dir, name, 'expect.json'), 'utf8')) as {
        mustReport?: Expect[];
        mustNotReport?: Expect[];
      };
      const findings = analyze(world).lint();
      for (const e of expected.mustReport ?? [])
        expect(
          findings.some((f) => same(f, e)),
          JSON.stringify(e),
        ).toBe(true);
      for (const e of expected.mustNotReport ?? [])
        expect(
          findings.some((f) => same(f, e)),
          JSON.stringify(e),
        ).toBe(false);
    });
  }
});

const base = `
apiVersion: v1
kind: Namespace
metadata: {name: prod}
---
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: prod, labels: {app: web}}
spec: {nodeName: node-1, containers: [{name: c, image: x}]}
status: {podIP: 10.1.0.5}
---
apiVersion: v1
kind: Pod
metadata: {name: client-1, namespace: prod, labels: {app: client}}
spec: {nodeName: node-1, containers: [{name: c, image: x}]}
status: {podIP: 10.1.0.9}
`;

// Tier security, and a policy of it that passes web's ingress on.
const SECURITY_TIER = `---
apiVersion: projectcalico.org/v3
kind: Tier
metadata: {name: security}
spec: {order: 100}
`;
const PASS_WEB = `---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: security.pass-web}
spec: {tier: security, selector: app == 'web', types: [Ingress], ingress: [{action: Pass}]}
`;

describe('operator checks', () => {
  it('pre-DNAT policy without applyOnForward, tier without a Tier resource', () => {
    // fromYaml refuses both (validation); World.from takes them as they are.
    const parsed = fromYaml(base);
    if (!parsed.ok) throw new Error('fixture does not parse');
    const world = World.from([
      ...parsed.value,
      {
        apiVersion: 'projectcalico.org/v3',
        kind: 'GlobalNetworkPolicy',
        metadata: { name: 'security.edge' },
        spec: {
          tier: 'security',
          selector: 'has(ibm.role)',
          preDNAT: true,
          types: ['Ingress'],
          ingress: [{ action: 'Deny' }],
        },
      },
    ]);
    const codes = analyze(world)
      .lint()
      .map((f) => `${f.code} ${f.resource.name}`);
    expect(codes).toContain('prednat-without-apply-on-forward security.edge');
    expect(codes).toContain('tier-without-resource security.edge');
  });

  it('Pass into a tier nothing selects', () => {
    const world = load(`${base}
${SECURITY_TIER}${PASS_WEB}`);
    const f = analyze(world)
      .lint()
      .find((x) => x.code === 'pass-into-unselected-tier');
    expect(f?.rule).toEqual({ direction: 'ingress', index: 0 });
  });

  it('Pass in a pre-DNAT policy into a tier nothing selects: the flows go on to normal policy', () => {
    const world = load(`${base}
---
apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: node-1-eth0, labels: {role: node}}
spec: {node: node-1, interfaceName: eth0, expectedIPs: [10.0.0.11]}
${SECURITY_TIER}---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: security.pass-nodes}
spec: {tier: security, selector: role == 'node', preDNAT: true, applyOnForward: true, types: [Ingress], ingress: [{action: Pass}]}
`);
    const f = analyze(world)
      .lint()
      .find((x) => x.code === 'pass-into-unselected-tier');
    expect(f?.message).toMatch(/leave pre-DNAT policy undecided and go on to normal policy\.$/);
  });

  it('Pass into a later tier whose only policy there is staged: still falls through to profiles', () => {
    // felix/rules/endpoints.go endpointIptablesChain: a tier of staged policies alone has no
    // end-of-tier drop and its staged policies are not programmed, so the packet reaches profiles.
    const world = load(`${base}
${SECURITY_TIER}${PASS_WEB}---
apiVersion: projectcalico.org/v3
kind: StagedGlobalNetworkPolicy
metadata: {name: web-staged}
spec: {selector: app == 'web', types: [Ingress], ingress: [{action: Deny}]}
`);
    const f = analyze(world)
      .lint()
      .find((x) => x.code === 'pass-into-unselected-tier' && x.resource.name === 'security.pass-web');
    expect(f?.rule).toEqual({ direction: 'ingress', index: 0 });
  });

  it('staged policy that would deny what the enforced set allows, with a witness', () => {
    const world = load(`${base}
---
apiVersion: projectcalico.org/v3
kind: StagedGlobalNetworkPolicy
metadata: {name: lock-web}
spec: {selector: app == 'web', types: [Ingress], ingress: [{action: Deny, protocol: TCP, destination: {ports: [22]}}]}
`);
    const f = analyze(world)
      .lint()
      .find((x) => x.code === 'staged-would-deny');
    expect(f?.witness).toBeDefined();
    const r = world.evaluate(f?.witness as never);
    expect(r.verdict).toBe('Allow');
    expect(r.trace.some((s) => s.policy?.name === 'lock-web' && /would deny$/i.test(s.reason ?? ''))).toBe(
      true,
    );
  });

  it('egress default deny that blocks DNS names the deciding policy and a witness', () => {
    const world = load(`${base}
---
apiVersion: v1
kind: Namespace
metadata: {name: kube-system}
---
apiVersion: v1
kind: Pod
metadata: {name: coredns-1, namespace: kube-system, labels: {k8s-app: kube-dns}}
spec: {nodeName: node-1, containers: [{name: c, image: x, ports: [{name: dns, containerPort: 53, protocol: UDP}]}]}
status: {podIP: 10.1.0.53}
---
apiVersion: v1
kind: Service
metadata: {name: kube-dns, namespace: kube-system}
spec: {clusterIP: 10.96.0.10, selector: {k8s-app: kube-dns}, ports: [{name: dns, port: 53, protocol: UDP, targetPort: 53}]}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: default-deny-egress}
spec: {selector: app == 'web', types: [Egress]}
`);
    const f = analyze(world)
      .lint()
      .find((x) => x.code === 'egress-default-deny-blocks-dns');
    expect(f?.resource.name).toBe('default-deny-egress');
    expect(world.evaluate(f?.witness as never).verdict).toBe('Deny');
  });

  it('egress deny of DNS over IPv6 only, on dual-stack pods, is found with an IPv6 witness', () => {
    const world = load(`
apiVersion: v1
kind: Namespace
metadata: {name: prod}
---
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: prod, labels: {app: web}}
spec: {nodeName: node-1, containers: [{name: c, image: x}]}
status: {podIP: 10.1.0.5, podIPs: [{ip: 10.1.0.5}, {ip: "fd00:1::5"}]}
---
apiVersion: v1
kind: Namespace
metadata: {name: kube-system}
---
apiVersion: v1
kind: Pod
metadata: {name: coredns-1, namespace: kube-system, labels: {k8s-app: kube-dns}}
spec: {nodeName: node-1, containers: [{name: c, image: x, ports: [{name: dns, containerPort: 53, protocol: UDP}]}]}
status: {podIP: 10.1.0.53, podIPs: [{ip: 10.1.0.53}, {ip: "fd00:1::53"}]}
---
apiVersion: v1
kind: Service
metadata: {name: kube-dns, namespace: kube-system}
spec: {clusterIP: 10.96.0.10, clusterIPs: [10.96.0.10, "fd00:96::10"], ipFamilies: [IPv4, IPv6], ipFamilyPolicy: PreferDualStack, selector: {k8s-app: kube-dns}, ports: [{name: dns, port: 53, protocol: UDP, targetPort: 53}]}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: v4-only-egress}
spec: {selector: app == 'web', types: [Egress], egress: [{action: Allow, ipVersion: 4}]}
`);
    const f = analyze(world)
      .lint()
      .find((x) => x.code === 'egress-default-deny-blocks-dns');
    expect(f?.resource.name).toBe('v4-only-egress');
    expect(f?.witness).toMatchObject({ srcIp: 'fd00:1::5', dstIp: 'fd00:96::10' });
    expect(world.evaluate(f?.witness as never).verdict).toBe('Deny');
  });

  it('an earlier allow-all shadows every later rule of the chain (proved on the chain)', () => {
    const world = load(`${base}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: a-open}
spec: {order: 1, selector: app == 'web', types: [Ingress], ingress: [{action: Log}, {action: Allow}]}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: b-late}
spec: {order: 2, selector: app == 'web', types: [Ingress], ingress: [{action: Deny, protocol: TCP}]}
`);
    const shadowed = analyze(world)
      .lint()
      .filter((f) => f.code === 'shadowed-rule');
    expect(shadowed.map((f) => `${f.resource.name} ${f.rule?.index}`)).toEqual(['b-late 0']);
    // The proof names what decides first (the Log rule before it does not).
    expect(shadowed[0]?.message).toBe(
      'GlobalNetworkPolicy b-late ingress rule 0 (Deny) never decides: no flow to or from the endpoints it selects reaches it: GlobalNetworkPolicy a-open ingress rule 1 (Allow) matches every packet this rule matches and decides first on every endpoint the policy selects. Remove it or move it before that rule.',
    );
  });

  it('never claims a rule shadowed that an ICMP flow with a type reaches (the lifted flows carry no type)', () => {
    const world = load(`${base}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: icmp-typed}
spec:
  selector: app == 'web'
  types: [Ingress, Egress]
  ingress:
  - {action: Deny, protocol: ICMP, icmp: {type: 8}}
  - {action: Allow, protocol: ICMP}
  egress:
  - {action: Allow, protocol: ICMP, notICMP: {type: 8}}
  - {action: Deny, protocol: ICMP}
  - {action: Deny, protocol: ICMP, source: {selector: app == 'nothing'}}
`);
    const shadowed = analyze(world)
      .lint()
      .filter((f) => f.code === 'shadowed-rule' && f.resource.name === 'icmp-typed')
      .map((f) => `${f.rule?.direction} ${f.rule?.index}`);
    // Only the rule whose selector matches nothing: a claim about every flow, typed ones too.
    expect(shadowed).toEqual(['egress 2']);
    const decided = (flow: Flow) => world.evaluate(flow).decidedBy?.ruleIndex;
    const ping = { protocol: 'ICMP', srcIp: '10.1.0.5', dstIp: '10.1.0.9', icmp: { type: 8 } } as const;
    expect(decided({ ...ping, srcIp: '198.51.100.7', dstIp: '10.1.0.5' })).toBe(0); // ingress rule 0
    expect(decided(ping)).toBe(1); // egress rule 1
  });

  it('never claims a rule shadowed that a flow entering on another interface (via) reaches', () => {
    // A packet to node-1's public address arriving on its private interface meets the private
    // host endpoint's policy: rule 0 denies it, though no flow routed by address gets there.
    const world = load(`${TWO_INTERFACE_NODE}---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: private-in}
spec:
  selector: role == 'private'
  types: [Ingress]
  ingress:
  - {action: Deny, protocol: TCP, destination: {nets: [203.0.113.11/32]}}
  - {action: Allow}
`);
    expect(analyze(world).lint()).toEqual([]);
    const viaPrivate = world.evaluate({
      protocol: 'TCP',
      srcIp: '198.51.100.7',
      srcPort: 40000,
      dstIp: '203.0.113.11',
      dstPort: 80,
      via: { node: 'node-1', interface: 'eth0' },
    });
    expect(viaPrivate.decidedBy).toMatchObject({ policy: { name: 'private-in' }, ruleIndex: 0 });
  });

  it('a tier that drops at its end shadows every rule of a later tier, and the finding names it', () => {
    const world = load(`${base}
${SECURITY_TIER}---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: security.web-only-80}
spec: {tier: security, selector: app == 'web', types: [Ingress], ingress: [{action: Allow, protocol: TCP, destination: {ports: [80]}}]}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: late}
spec: {selector: app == 'web', types: [Ingress], ingress: [{action: Deny, protocol: UDP}]}
`);
    const shadowed = analyze(world)
      .lint()
      .filter((f) => f.code === 'shadowed-rule');
    expect(shadowed.map((f) => [f.resource.name, f.message])).toEqual([
      [
        'late',
        'GlobalNetworkPolicy late ingress rule 0 (Deny) never decides: no flow to or from the endpoints it selects reaches it: tier security decides every packet first on every endpoint the policy selects (no Pass rule lets packets on; what its policies do not allow is dropped at its end). Move the rule into that tier, or pass traffic on from it.',
      ],
    ]);
  });

  it('a rule whose peer selector matches nothing: shadowed because it matches no flow, not for earlier rules', () => {
    const world = load(`${base}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: typo}
spec: {selector: app == 'web', types: [Ingress], ingress: [{action: Allow, source: {selector: app == 'fronted'}}]}
`);
    const messages = analyze(world)
      .lint()
      .filter((f) => f.resource.name === 'typo')
      .map((f) => [f.code, f.message]);
    expect(messages).toEqual([
      [
        'selector-matches-nothing',
        `GlobalNetworkPolicy typo ingress rule 0: the source selector "app == 'fronted'" matches no endpoint or network set, so the rule never matches.`,
      ],
      [
        'shadowed-rule',
        `GlobalNetworkPolicy typo ingress rule 0 (Allow) never decides: no flow to or from the endpoints it selects reaches it: the source selector "app == 'fronted'" matches no endpoint or network set, so no flow matches it at all. Fix the selector or remove the rule.`,
      ],
    ]);
  });

  it('a rule side Calico refuses, or a services match without namespace: shadowed because it matches nothing', () => {
    // fromYaml refuses these rules (validation); World.from takes them as they are.
    const parsed = fromYaml(base);
    if (!parsed.ok) throw new Error('fixture does not parse');
    const messages = (source: Record<string, unknown>) =>
      analyze(
        World.from([
          ...parsed.value,
          {
            apiVersion: 'projectcalico.org/v3',
            kind: 'NetworkPolicy',
            metadata: { name: 'dead', namespace: 'prod' },
            spec: {
              selector: "app == 'web'",
              types: ['Ingress'],
              ingress: [{ action: 'Deny', source }, { action: 'Allow' }],
            },
          },
        ]),
      )
        .lint()
        .filter((f) => f.resource.name === 'dead')
        .map((f) => f.message);
    expect(messages({ nets: ['10.0.0.0/8', 'ten'] })).toEqual([
      `NetworkPolicy prod/dead ingress rule 0 (Deny) never decides: no flow to or from the endpoints it selects reaches it: the source side has a net or port Calico refuses (the world's issues name it), so no flow matches it at all. Fix the rule or remove it.`,
    ]);
    expect(messages({ ports: [0] })).toEqual(messages({ nets: ['10.0.0.0/8', 'ten'] }));
    expect(messages({ services: { name: 'web' } })).toEqual([
      `NetworkPolicy prod/dead ingress rule 0 (Deny) never decides: no flow to or from the endpoints it selects reaches it: the source services match "web" has no namespace, which Felix reads as the Service "/web" (none), so no flow matches it at all. Fix the rule or remove it.`,
    ]);
  });

  it('host endpoint rules are proved by the lifted engine, never left to a budget (IBM allow-node-port-dnat)', () => {
    // Lesson 1's IBM cluster: allow-node-port-dnat is a normal (not pre-DNAT, not applyOnForward)
    // policy on the public HEP whose only rule wants a pod-network destination; host-bound traffic
    // never has one, so no flow reaches it. The verdict comes with no unsupported note.
    const text = readFileSync(
      join(
        import.meta.dirname,
        '..',
        '..',
        'evaluator',
        'test',
        'fixtures',
        'eval',
        '01-lesson-1',
        'world.yaml',
      ),
      'utf8',
    );
    const world = load(text);
    const a = analyze(world);
    const shadowed = a
      .lint()
      .filter((f) => f.code === 'shadowed-rule')
      .map((f) => `${f.resource.name} ${f.rule?.direction} ${f.rule?.index}`);
    expect(shadowed).toContain('allow-node-port-dnat ingress 0');
    expect(a.unsupported.filter((u) => u.startsWith('lint:'))).toEqual([]);
    // Reachable HEP rules are not reported: allow-sys-mgmt admits its management networks.
    expect(shadowed.some((x) => x.startsWith('allow-sys-mgmt'))).toBe(false);
    // The message says why: the rule wants forwarded traffic, which such a policy never sees.
    const finding = a
      .lint()
      .find((f) => f.code === 'shadowed-rule' && f.resource.name === 'allow-node-port-dnat');
    expect(finding?.message).toBe(
      'GlobalNetworkPolicy allow-node-port-dnat ingress rule 0 (Allow) never decides: no flow to or from the endpoints it selects reaches it: its destination nets hold no address of the hosts it applies to, and a host endpoint policy without applyOnForward sees only packets addressed to its host (forwarded traffic, e.g. to or from pods, meets applyOnForward policies only). Set applyOnForward: true if it is meant for forwarded traffic, else remove the rule.',
    );
  });

  it('a host endpoint rule for host traffic that earlier rules take is not said to want forwarded traffic', () => {
    const world = load(`${TWO_INTERFACE_NODE}---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: public-in}
spec:
  selector: role == 'public'
  types: [Ingress]
  ingress:
  - {action: Deny}
  - {action: Allow, destination: {nets: [203.0.113.11/32]}}
`);
    const [finding] = analyze(world)
      .lint()
      .filter((f) => f.code === 'shadowed-rule');
    expect(finding?.rule).toEqual({ direction: 'ingress', index: 1 });
    expect(finding?.message).not.toContain('applyOnForward');
  });
});

describe('shadowed-rule and DNAT to the pod itself', () => {
  it("a rule a pod's own hostPort hairpin reaches is no shadowed rule (portmap DNAT)", () => {
    const world = World.from([
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'node-1' },
        status: { addresses: [{ type: 'InternalIP', address: '10.0.0.11' }] },
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } },
        spec: {
          nodeName: 'node-1',
          containers: [{ name: 'c', ports: [{ containerPort: 8080, hostPort: 8443 }] }],
        },
        status: { podIP: '10.1.0.5' },
      },
      {
        apiVersion: 'projectcalico.org/v3',
        kind: 'GlobalNetworkPolicy',
        metadata: { name: 'self' },
        spec: {
          selector: "app == 'web'",
          ingress: [{ action: 'Allow', source: { selector: "app == 'web'" } }],
        },
      },
    ]);
    const flow = {
      protocol: 'TCP',
      srcIp: '10.1.0.5',
      srcPort: 40000,
      dstIp: '10.0.0.11',
      dstPort: 8443,
    } as const;
    expect(world.evaluate(flow).decidedBy?.policy?.name).toBe('self');
    expect(
      analyze(world)
        .lint()
        .filter((f) => f.code === 'shadowed-rule'),
    ).toEqual([]);
  });
});
