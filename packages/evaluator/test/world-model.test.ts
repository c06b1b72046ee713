import { describe, expect, it } from 'vitest';
import { World } from '../src/index.js';
import { parseCidr } from '../src/net/ip.js';
import { convertK8sNetworkPolicy } from '../src/world/k8s-network-policy.js';
import { policySelector, rawCalicoPolicy } from '../src/world/policies.js';
import { entityRuleSelector } from '../src/world/rules.js';
import { prefixSelector } from '../src/world/selector.js';
import { BASE, gnp, np, sgnp, tier } from './helpers/world-kit.js';

describe('selector strings as Calico builds them', () => {
  it('prefixes every label key (§6.7 parseSelectorAttachPrefix)', () => {
    expect(prefixSelector("env == 'prod' && !has(tier) || a in {'x'}", 'pcns.')).toBe(
      '((pcns.env == "prod" && !has(pcns.tier)) || pcns.a in {"x"})',
    );
  });

  it('NetworkPolicy selector gets the namespace term (§6.8)', () => {
    const raw = rawCalicoPolicy(
      'NetworkPolicy',
      { name: 'p', namespace: 'prod' },
      { selector: "app == 'web'", serviceAccountSelector: "team == 'a'" },
      [],
    );
    expect(policySelector(raw)).toBe(
      `((app == 'web') && projectcalico.org/namespace == 'prod') && pcsa.team == "a"`,
    );
  });

  it('GNP namespaceSelector all() is rewritten everywhere (§6.8)', () => {
    const raw = rawCalicoPolicy(
      'GlobalNetworkPolicy',
      { name: 'p' },
      { selector: 'all()', namespaceSelector: 'all()' },
      [],
    );
    expect(policySelector(raw)).toBe(
      '(has(projectcalico.org/namespace)) && has(projectcalico.org/namespace)',
    );
  });

  it('entity rule selectors (§6.7)', () => {
    expect(entityRuleSelector({ selector: "app == 'a'" }, 'prod')).toBe(
      "(projectcalico.org/namespace == 'prod') && (app == 'a')",
    );
    expect(entityRuleSelector({ nets: ['10.0.0.0/8'] }, 'prod')).toBe('');
    expect(entityRuleSelector({ notSelector: "app == 'a'" }, 'prod')).toBe(
      "projectcalico.org/namespace == 'prod'",
    );
    expect(entityRuleSelector({ namespaceSelector: 'global()' }, undefined)).toBe(
      '!has(projectcalico.org/namespace)',
    );
    expect(
      entityRuleSelector({ serviceAccounts: { names: ['a', 'b'], selector: "x == 'y'" } }, undefined),
    ).toBe(`(pcsa.x == "y") && (projectcalico.org/serviceaccount in { 'a', 'b' })`);
  });
});

// For the refused-input cases below: the flow they test, and a Deny of everything ordered after
// the policy under test, which the flow reaches when the rule side matches nothing.
const deny = gnp('zz-deny', {
  order: 9999,
  selector: 'all()',
  types: ['Ingress'],
  ingress: [{ action: 'Deny' }],
});
const clientToWeb = {
  protocol: 'TCP',
  srcIp: '10.1.1.10',
  srcPort: 40000,
  dstIp: '10.1.0.10',
  dstPort: 8080,
} as const;

describe('a namespace, service account or negated selector that does not parse', () => {
  // Calico refuses such a policy (the validator's `selector` check), so it never reaches Felix;
  // had it, `parseSelectorAttachPrefix` would drop the term and widen the match. Like any other
  // selector that does not parse, it matches nothing here and is reported (a notSelector too: the
  // rule side, not just the negated term, matches nothing).
  const cases: [string, Record<string, unknown>, (string | number)[]][] = [
    [
      'rule namespaceSelector',
      np('prod', 'p', {
        order: 1,
        selector: "app == 'web'",
        ingress: [
          { action: 'Allow', source: { namespaceSelector: "env = 'dev'", selector: "app == 'client'" } },
        ],
      }),
      ['spec', 'ingress', 0, 'source', 'namespaceSelector'],
    ],
    [
      'rule serviceAccounts.selector',
      gnp('p', {
        order: 1,
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { serviceAccounts: { selector: "team = 'a'" } } }],
      }),
      ['spec', 'ingress', 0, 'source', 'serviceAccounts', 'selector'],
    ],
    [
      // Dropping the negation would match every source: the side matches nothing instead.
      'rule notSelector',
      gnp('p', {
        order: 1,
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { notSelector: "app = 'db'" } }],
      }),
      ['spec', 'ingress', 0, 'source', 'notSelector'],
    ],
    [
      'rule notSelector folded into a selector',
      np('prod', 'p', {
        order: 1,
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { namespaceSelector: 'all()', notSelector: "app = 'db'" } }],
      }),
      ['spec', 'ingress', 0, 'source', 'notSelector'],
    ],
    [
      'GlobalNetworkPolicy namespaceSelector',
      gnp('p', {
        order: 1,
        selector: "app == 'web'",
        namespaceSelector: "env = 'prod'",
        ingress: [{ action: 'Allow' }],
      }),
      ['spec', 'namespaceSelector'],
    ],
    [
      'NetworkPolicy serviceAccountSelector',
      np('prod', 'p', {
        order: 1,
        selector: "app == 'web'",
        serviceAccountSelector: "team = 'a'",
        ingress: [{ action: 'Allow' }],
      }),
      ['spec', 'serviceAccountSelector'],
    ],
  ];
  for (const [what, policy, path] of cases) {
    it(`${what}: matches nothing, with an invalid_selector issue`, () => {
      for (const engine of ['reference', 'compiled'] as const) {
        const world = World.from([...BASE, deny, policy], { engine });
        expect(world.evaluate(clientToWeb).verdict).toBe('Deny');
        expect(world.issues.filter((i) => i.code === 'invalid_selector').map((i) => i.path)).toEqual([
          [BASE.length + 1, ...path],
        ]);
      }
    });
  }
});

describe('a rule net that does not parse', () => {
  // Calico's validator refuses the policy; Felix's converter would skip the entry
  // (`ConvertStringsToNets`), and a skipped notNets entry excludes nothing. The side matches
  // nothing here, and the entry is reported.
  for (const field of ['nets', 'notNets'] as const) {
    it(`${field}: the side matches nothing, with an invalid_cidr issue`, () => {
      const policy = gnp('p', {
        order: 1,
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { [field]: ['10.9.0.0/16', '10.1.1.0/33'] } }],
      });
      for (const engine of ['reference', 'compiled'] as const) {
        const world = World.from([...BASE, deny, policy], { engine });
        expect(world.evaluate(clientToWeb).verdict).toBe('Deny');
        expect(world.issues.filter((i) => i.code === 'invalid_cidr').map((i) => i.path)).toEqual([
          [BASE.length + 1, 'spec', 'ingress', 0, 'source', field, 1],
        ]);
      }
    });
  }
});

describe('a rule port that Calico refuses', () => {
  // numorstring.Port decodes `80-90` and `HTTP` as port names, which the validator refuses (not
  // IANA names), and 0 or 70000 are out of range. As names or numbers no packet has, a `notPorts`
  // entry would exclude nothing: the side matches nothing instead, and the entry is reported.
  // Each reported with the code `validate` gives it (core's portProblem).
  const CODES = ['invalid_port_name', 'invalid_port_name', 'port_out_of_range', 'invalid_port'];
  for (const [k, bad] of ['8000-9000', 'HTTP', 0, '70000'].entries()) {
    const code = CODES[k];
    it(`notPorts ${JSON.stringify(bad)}: the side matches nothing, with an ${code} issue`, () => {
      const policy = gnp('p', {
        order: 1,
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', protocol: 'TCP', destination: { notPorts: [22, bad] } }],
      });
      for (const engine of ['reference', 'compiled'] as const) {
        const world = World.from([...BASE, deny, policy], { engine });
        expect(world.evaluate(clientToWeb).verdict).toBe('Deny');
        expect(world.issues.filter((i) => i.code === code).map((i) => i.path)).toEqual([
          [BASE.length + 1, 'spec', 'ingress', 0, 'destination', 'notPorts', 1],
        ]);
      }
    });
  }
  it('valid entries are no issue', () => {
    const policy = gnp('p', {
      order: 1,
      selector: "app == 'web'",
      ingress: [
        { action: 'Allow', protocol: 'TCP', destination: { ports: [80, '8000:9000', 'http', '443'] } },
      ],
    });
    const world = World.from([...BASE, deny, policy]);
    expect(world.issues.filter((i) => CODES.includes(i.code))).toEqual([]);
    expect(world.evaluate(clientToWeb).verdict).toBe('Allow');
  });
});

describe('Kubernetes NetworkPolicy conversion (§2.3)', () => {
  it('selector, apiserver-defaulted types, ports default to TCP, ipBlock except → notNets', () => {
    const c = convertK8sNetworkPolicy({
      podSelector: {
        matchLabels: { b: '2', a: '1' },
        matchExpressions: [{ key: 'k', operator: 'NotIn', values: ['x'] }],
      },
      ingress: [
        {
          from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }],
          ports: [{ port: 80 }, { protocol: 'UDP', port: 53 }],
        },
      ],
      egress: [{}],
    });
    expect(c.selector).toBe(
      "projectcalico.org/orchestrator == 'k8s' && a == '1' && b == '2' && k not in { 'x' }",
    );
    // kube-apiserver defaulting: no policyTypes + non-empty egress → Ingress and Egress (issue #12 item 5).
    expect(c.types).toEqual(['Ingress', 'Egress']);
    expect(convertK8sNetworkPolicy({ podSelector: {}, egress: [] }).types).toEqual(['Ingress']);
    // Nothing defaults a staged policy: Calico's converter reads no types as Ingress only.
    expect(convertK8sNetworkPolicy({ podSelector: {}, egress: [{}] }, 'as written').types).toEqual([
      'Ingress',
    ]);
    expect(convertK8sNetworkPolicy({ podSelector: {}, policyTypes: ['Egress'], egress: [{}] }).types).toEqual(
      ['Egress'],
    );
    expect(c.ingress).toEqual([
      {
        action: 'Allow',
        protocol: 'TCP',
        source: { nets: ['10.0.0.0/8'], notNets: ['10.1.0.0/16'] },
        destination: { ports: [80] },
      },
      {
        action: 'Allow',
        protocol: 'UDP',
        source: { nets: ['10.0.0.0/8'], notNets: ['10.1.0.0/16'] },
        destination: { ports: [53] },
      },
    ]);
  });

  it('an ipBlock CIDR Go cannot parse ends the peer there (k8sPeerToCalicoFields): no cidr, no criteria; a bad except drops the rest', () => {
    const knp = (ipBlock: object) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'from-block', namespace: 'prod' },
      spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ ipBlock }] }] },
    });
    const flow = (srcIp: string) =>
      ({ protocol: 'TCP', srcIp, srcPort: 40000, dstIp: '10.1.0.10', dstPort: 80 }) as const;
    // The kube-apiserver takes 010.1.0.0/16 (a legacy field); Calico's converter cannot parse it,
    // and the peer it leaves behind matches everyone.
    const leading = World.from([...BASE, knp({ cidr: '010.1.0.0/16' })]);
    expect(leading.evaluate(flow('198.51.100.7')).verdict).toBe('Allow');
    expect(leading.issues.map((i) => [i.code, i.message.includes('"010.1.0.0/16"')])).toEqual([
      ['unconvertible_rule', true],
    ]);
    // An except it cannot parse: that one and the ones after it are dropped.
    const except = World.from([
      ...BASE,
      knp({ cidr: '10.0.0.0/8', except: ['10.1.1.0/24', '010.1.2.0/24', '10.1.3.0/24'] }),
    ]);
    expect(except.evaluate(flow('10.1.1.10')).verdict).toBe('Deny');
    expect(except.evaluate(flow('10.1.3.10')).verdict).toBe('Allow');
    expect(except.issues.map((i) => i.code)).toEqual(['unconvertible_rule']);
  });
});

describe('IPv4-mapped IPv6 CIDRs (::ffff:a.b.c.d/n) in rules', () => {
  // Go's net.ParseCIDR keeps the 16-byte form, and IPNet.String() prints it as IPv4 with the
  // prefix less 96 (`networkNumberAndMask`: To4, mask[12:]); Calico's rule conversion
  // (`updateprocessors/rules.go` ConvertStringsToNets, Felix `rule_convert.go`
  // ipNetsToProtoStrings) passes that text on, so Felix renders an IPv4 rule.
  it('::ffff:10.0.0.0/104 is 10.0.0.0/8; below /96 the mapping is masked away (IPv6)', () => {
    expect(parseCidr('::ffff:10.0.0.0/104')).toMatchObject({ version: 4, prefix: 8, base: 10 * 2 ** 24 });
    expect(parseCidr('::ffff:0.0.0.0/96')).toMatchObject({ version: 4, prefix: 0 });
    expect(parseCidr('::ffff:10.0.0.1/128')).toMatchObject({ version: 4, prefix: 32 });
    expect(parseCidr('::ffff:0:0/80')).toMatchObject({ version: 6, prefix: 80, base: 0n });
    expect(parseCidr('::ffff:10.0.0.0/129')).toBeUndefined();
  });

  it('a Deny on ::ffff:10.0.0.0/104 denies IPv4 traffic from 10.0.0.0/8', () => {
    const deny = gnp('deny-mapped', {
      selector: "app == 'web'",
      types: ['Ingress'],
      ingress: [{ action: 'Deny', source: { nets: ['::ffff:10.0.0.0/104'] } }, { action: 'Allow' }],
    });
    const r = World.from([...BASE, deny]).evaluate({
      protocol: 'TCP',
      srcIp: '10.1.1.10',
      srcPort: 40000,
      dstIp: '10.1.0.10',
      dstPort: 80,
    });
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.policy?.name).toBe('deny-mapped');
  });
});

describe('world model', () => {
  it('WEP labels: own, implicit, inherited (§1.1)', () => {
    const w = World.from(BASE);
    const web = w.model.workloads.find((e) => e.name === 'web');
    expect({ ...web?.labels }).toEqual({
      app: 'web',
      'projectcalico.org/namespace': 'prod',
      'projectcalico.org/orchestrator': 'k8s',
      'projectcalico.org/serviceaccount': 'web-sa',
      'pcns.env': 'prod',
      'pcns.kubernetes.io/metadata.name': 'prod',
      'pcns.projectcalico.org/name': 'prod',
      'pcsa.team': 'a',
      'pcsa.projectcalico.org/name': 'web-sa',
    });
    expect(web?.profiles).toEqual(['kns.prod', 'ksa.prod.web-sa']);
  });

  it('tiers and policy order (§2.1, §2.2)', () => {
    const w = World.from([
      ...BASE,
      np('prod', 'same', { order: 1 }),
      gnp('same', { order: 1 }),
      gnp('early', { order: -5 }),
      gnp('none', {}),
    ]);
    expect(w.model.tiers.map((t) => t.name)).toEqual(['kube-admin', 'default', 'kube-baseline']);
    expect(w.model.policiesByTier.get('default')?.map((p) => `${p.kind}:${p.name}`)).toEqual([
      'GlobalNetworkPolicy:early',
      'GlobalNetworkPolicy:same',
      'NetworkPolicy:same',
      'GlobalNetworkPolicy:none',
    ]);
  });

  it('a Tier without an order is at 1 000 000, tied with default and broken by name (§2.1, DefaultTierFields)', () => {
    const tier = (name: string, spec: Record<string, unknown> = {}) => ({
      apiVersion: 'projectcalico.org/v3',
      kind: 'Tier',
      metadata: { name },
      spec,
    });
    const w = World.from([
      ...BASE,
      tier('aaa'),
      tier('zzz'),
      tier('big', { order: 2_000_000 }),
      tier('c', { order: 1_000_000 }),
    ]);
    expect(w.model.tiers.map((t) => `${t.name}:${t.order}`)).toEqual([
      'kube-admin:1000',
      'aaa:1000000',
      'c:1000000',
      'default:1000000',
      'zzz:1000000',
      'big:2000000',
      'kube-baseline:10000000',
    ]);
    // A nil-order tier's deny comes before the default tier's allow.
    const verdict = World.from([
      ...BASE,
      tier('aaa'),
      gnp('deny-all', { tier: 'aaa', selector: 'all()', ingress: [{ action: 'Deny' }] }),
      gnp('allow-all', { selector: 'all()', ingress: [{ action: 'Allow' }] }),
    ]).evaluate({ protocol: 'TCP', srcIp: '10.1.1.10', dstIp: '10.1.0.10', dstPort: 80 });
    expect([verdict.verdict, verdict.decidedBy?.policy?.name]).toEqual(['Deny', 'deny-all']);
  });

  it("a built-in tier's order and default action are Calico's whatever its manifest says (§2.1)", () => {
    const w = World.from([
      ...BASE,
      {
        apiVersion: 'projectcalico.org/v3',
        kind: 'Tier',
        metadata: { name: 'default' },
        spec: { defaultAction: 'Pass' },
      },
      { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'kube-admin' }, spec: {} },
      gnp('deny-web', {
        selector: 'all()',
        ingress: [{ action: 'Deny', source: { selector: "app == 'nothing'" } }],
      }),
    ]);
    expect(w.model.tiers.map((t) => `${t.name}:${t.order}:${t.defaultAction}`)).toEqual([
      'kube-admin:1000:Pass',
      'default:1000000:Deny',
      'kube-baseline:10000000:Pass',
    ]);
    // The default tier ends in a drop (a Pass would reach the namespace profile's allow).
    const r = w.evaluate({ protocol: 'TCP', srcIp: '10.1.1.10', dstIp: '10.1.0.10', dstPort: 80 });
    expect([r.verdict, r.decidedBy?.tier]).toEqual(['Deny', 'default']);
  });

  it('legacy tie-breaks (§0): Felix key names before v3.32', () => {
    const resources = [
      ...BASE,
      np('prod', 'a', { order: 1 }),
      gnp('z', { order: 1 }),
      gnp('default.b', { order: 1 }),
    ];
    const keys = (calicoVersion?: 'v3.28' | 'v3.31') =>
      World.from(resources, calicoVersion ? { calicoVersion } : {})
        .model.policiesByTier.get('default')
        ?.map((p) => p.sortKey);
    expect(keys()).toEqual([
      'a/prod/NetworkPolicy',
      'default.b//GlobalNetworkPolicy',
      'z//GlobalNetworkPolicy',
    ]);
    expect(keys('v3.28')).toEqual(['default.b', 'prod/a', 'z']);
    expect(keys('v3.31')).toEqual(['default.b', 'default.z', 'prod/default.a']);
  });

  it('v3.28 has no tiers and no staged policies (§0): such resources are not enforced and left out', () => {
    const denyWeb = { selector: 'app == "web"', types: ['Ingress'], ingress: [{ action: 'Deny' }] };
    const resources = [
      ...BASE,
      tier('security', 100),
      gnp('security.deny-web', { ...denyWeb, tier: 'security' }),
      sgnp('deny-web-staged', denyWeb),
      gnp('allow-web', { selector: 'app == "web"', types: ['Ingress'], ingress: [{ action: 'Allow' }] }),
    ];
    const flow = clientToWeb;
    const now = World.from(resources);
    expect(now.evaluate(flow).decidedBy?.policy?.name).toBe('security.deny-web');
    expect(now.issues.filter((i) => i.code === 'not_enforced')).toEqual([]);
    for (const engine of ['reference', 'compiled'] as const) {
      const old = World.from(resources, { calicoVersion: 'v3.28', engine });
      const r = old.evaluate(flow);
      expect(r.verdict, r.explain()).toBe('Allow');
      expect(r.decidedBy?.policy?.name).toBe('allow-web');
      expect(old.model.tiers.map((t) => t.name)).toEqual(['default']);
      expect(old.model.policies.map((p) => p.name)).toEqual(['allow-web']);
      expect(old.issues.filter((i) => i.code === 'not_enforced').map((i) => i.message)).toEqual([
        'Tier "security" is not enforced with calicoVersion v3.28: Calico open source has Tier resources from 3.29 on (3.28 has one implicit tier). It is left out of the evaluation.',
        `GlobalNetworkPolicy "security.deny-web" is not enforced with calicoVersion v3.28: Calico ≤ 3.28 has no spec.tier (calicoctl's strict decoder refuses the field; Calico open source has Tier resources from 3.29 on (3.28 has one implicit tier)). It is left out of the evaluation.`,
        'StagedGlobalNetworkPolicy "deny-web-staged" is not enforced with calicoVersion v3.28: Calico open source has staged policies from 3.30 on (felixsyncer lists them from then). It is left out of the evaluation.',
      ]);
    }
  });

  it('accepts a fromYaml Result directly', () => {
    expect(World.from({ ok: true, value: BASE }).model.workloads).toHaveLength(4);
  });
});
