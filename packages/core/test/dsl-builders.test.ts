import { describe, expect, it } from 'vitest';
import {
  CalicoValidationError,
  doNotTrack,
  globalNetworkPolicy,
  globalNetworkSet,
  hostEndpoint,
  networkPolicy,
  networkSet,
  preDnat,
  profile,
  rule,
  SPEC_KEYS,
  sel,
  stagedGlobalNetworkPolicy,
  stagedKubernetesNetworkPolicy,
  stagedNetworkPolicy,
  tier,
} from '../src/index.js';

/** Asserts that the keys of `obj` appear in the order of `order` (a subsequence). */
function expectKeyOrder(obj: object, order: readonly string[]): void {
  const keys = Object.keys(obj);
  expect(keys.every((k) => order.includes(k))).toBe(true);
  expect([...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(keys);
}

describe('globalNetworkPolicy', () => {
  it('sets every policy field in upstream order', () => {
    const r = globalNetworkPolicy()
      .performanceHints('AssumeNeededOnEveryNode')
      .namespaceSelector("env == 'prod'")
      .serviceAccountSelector("role == 'api'")
      .applyOnForward()
      .types('Ingress', 'Egress')
      .selector("app == 'web'")
      .order(10.5)
      .tier('security')
      .annotations({ note: 'x' })
      .labels({ team: 'net' })
      .name('security.web')
      .toResource();
    expect(r).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'GlobalNetworkPolicy',
      metadata: { name: 'security.web', labels: { team: 'net' }, annotations: { note: 'x' } },
      spec: {
        tier: 'security',
        order: 10.5,
        selector: "app == 'web'",
        types: ['Ingress', 'Egress'],
        applyOnForward: true,
        serviceAccountSelector: "role == 'api'",
        namespaceSelector: "env == 'prod'",
        performanceHints: ['AssumeNeededOnEveryNode'],
      },
    });
    expect(Object.keys(r)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(Object.keys(r.metadata)).toEqual(['name', 'labels', 'annotations']);
    expectKeyOrder(r.spec, SPEC_KEYS.GlobalNetworkPolicy);
  });

  it('labels and annotations merge; later values win', () => {
    const r = globalNetworkPolicy('p').labels({ a: '1', b: '2' }).labels({ b: '3' }).toResource();
    expect(r.metadata.labels).toEqual({ a: '1', b: '3' });
  });

  it('defaults types from the directions used, as Calico does', () => {
    expect(globalNetworkPolicy('p').toResource().spec.types).toEqual(['Ingress']);
    expect(globalNetworkPolicy('p').allow().toResource().spec.types).toEqual(['Ingress']);
    expect(globalNetworkPolicy('p').egress().allow().toResource().spec.types).toEqual(['Egress']);
    expect(globalNetworkPolicy('p').egress().toResource().spec.types).toEqual(['Egress']);
    expect(globalNetworkPolicy('p').egress().ingress().toResource().spec.types).toEqual([
      'Ingress',
      'Egress',
    ]);
    expect(globalNetworkPolicy('p').egress().allow().end().ingress().deny().toResource().spec).toMatchObject({
      ingress: [{ action: 'Deny' }],
      egress: [{ action: 'Allow' }],
      types: ['Ingress', 'Egress'],
    });
    expect(globalNetworkPolicy('p').egress().types('Egress', 'Ingress').toResource().spec.types).toEqual([
      'Egress',
      'Ingress',
    ]);
  });

  it('.ingress()/.egress() append standalone rules and IR rules', () => {
    const r = globalNetworkPolicy('p')
      .ingress(rule.allow().tcp().ports(443), { action: 'Deny' })
      .egress(rule.pass(), rule.log().udp().ports(53))
      .toResource();
    expect(r.spec.ingress).toEqual([
      { action: 'Allow', protocol: 'TCP', destination: { ports: [443] } },
      { action: 'Deny' },
    ]);
    expect(r.spec.egress).toEqual([
      { action: 'Pass' },
      { action: 'Log', protocol: 'UDP', destination: { ports: [53] } },
    ]);
  });

  it('rule shorthands follow the current direction and .end() returns to the policy', () => {
    const r = globalNetworkPolicy('p').allow().tcp().ports(22).end().egress().deny().toResource();
    expect(r.spec.ingress).toEqual([{ action: 'Allow', protocol: 'TCP', destination: { ports: [22] } }]);
    expect(r.spec.egress).toEqual([{ action: 'Deny' }]);
  });

  it('doNotTrack() makes an untracked policy with applyOnForward', () => {
    const r = doNotTrack('dnt').selector('all()').allow().end().egress().allow().toResource();
    expect(r.spec).toEqual({
      ingress: [{ action: 'Allow' }],
      egress: [{ action: 'Allow' }],
      selector: 'all()',
      types: ['Ingress', 'Egress'],
      doNotTrack: true,
      applyOnForward: true,
    });
    expect(globalNetworkPolicy('x').doNotTrack().toResource().spec.doNotTrack).toBe(true);
  });

  it('preDnat() forces types [Ingress] and applyOnForward', () => {
    expect(preDnat('p').toResource().spec).toEqual({
      types: ['Ingress'],
      preDNAT: true,
      applyOnForward: true,
    });
    expect(globalNetworkPolicy('p').preDnat().types('Ingress').toResource().spec.types).toEqual(['Ingress']);
  });

  it('preDnat() keeps types set before it, so that build() names the conflict instead of dropping them', () => {
    const r = globalNetworkPolicy('p').types('Egress').preDnat().build();
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['prednat_conflict']);
  });
});

describe('rules', () => {
  it('builds every rule field in upstream order', () => {
    const r = rule
      .allow()
      .tcp()
      .metadata({ annotations: { why: 'ticket-1' } })
      .http({ methods: ['GET'], paths: [{ prefix: '/api' }] })
      .to({
        serviceAccounts: { selector: "tier == 'x'", names: ['api'] },
        notPorts: [9090],
        notSelector: "role == 'db'",
        notNets: ['10.1.0.0/16'],
        ports: ['http'],
        namespaceSelector: 'all()',
        selector: "app == 'web'",
        nets: ['10.0.0.0/8'],
      })
      .fromPorts('1024:65535')
      .notProtocol('UDP')
      .ipVersion(4)
      .toRule();
    expect(JSON.stringify(r)).toBe(
      JSON.stringify({
        action: 'Allow',
        ipVersion: 4,
        protocol: 'TCP',
        notProtocol: 'UDP',
        source: { ports: ['1024:65535'] },
        destination: {
          nets: ['10.0.0.0/8'],
          selector: "app == 'web'",
          namespaceSelector: 'all()',
          ports: ['http'],
          notNets: ['10.1.0.0/16'],
          notSelector: "role == 'db'",
          notPorts: [9090],
          serviceAccounts: { names: ['api'], selector: "tier == 'x'" },
        },
        http: { methods: ['GET'], paths: [{ prefix: '/api' }] },
        metadata: { annotations: { why: 'ticket-1' } },
      }),
    );
  });

  it('starts every action', () => {
    expect([rule.allow(), rule.deny(), rule.pass(), rule.log()].map((r) => r.toRule().action)).toEqual([
      'Allow',
      'Deny',
      'Pass',
      'Log',
    ]);
    const p = globalNetworkPolicy('p').allow().deny().pass().log().toResource();
    expect(p.spec.ingress?.map((r) => r.action)).toEqual(['Allow', 'Deny', 'Pass', 'Log']);
  });

  it('sets each protocol', () => {
    expect(rule.allow().udp().toRule().protocol).toBe('UDP');
    expect(rule.allow().sctp().ports(9).toRule()).toEqual({
      action: 'Allow',
      protocol: 'SCTP',
      destination: { ports: [9] },
    });
    expect(rule.allow().protocol('UDPLite').toRule().protocol).toBe('UDPLite');
    expect(rule.allow().protocol(6).ports(80).toRule()).toEqual({
      action: 'Allow',
      protocol: 6,
      destination: { ports: [80] },
    });
  });

  it('sets ICMP fields', () => {
    expect(rule.allow().icmp().toRule()).toEqual({ action: 'Allow', protocol: 'ICMP' });
    expect(rule.allow().icmp(8).toRule()).toEqual({ action: 'Allow', protocol: 'ICMP', icmp: { type: 8 } });
    expect(rule.allow().icmp(3, 1).toRule().icmp).toEqual({ type: 3, code: 1 });
    expect(rule.allow().icmpv6(128).toRule()).toEqual({
      action: 'Allow',
      protocol: 'ICMPv6',
      icmp: { type: 128 },
    });
    expect(rule.allow().icmp().icmpType(3).icmpCode(4).toRule().icmp).toEqual({ type: 3, code: 4 });
    expect(rule.deny().icmp().notIcmp(8, 0).toRule()).toEqual({
      action: 'Deny',
      protocol: 'ICMP',
      notICMP: { type: 8, code: 0 },
    });
    const keys = Object.keys(rule.allow().icmp(8).notIcmp(3).notProtocol(6).ipVersion(4).toRule());
    expect(keys).toEqual(['action', 'ipVersion', 'protocol', 'icmp', 'notProtocol', 'notICMP']);
  });

  it('writes ports the way calicoctl prints them', () => {
    const r = rule.allow().tcp().ports(80, '443', '8000:8080', '9000:9000', '0080', 'http').toRule();
    expect(r.destination?.ports).toEqual([80, 443, '8000:8080', 9000, 80, 'http']);
    // undecodable entries stay as written so validation reports the user's text
    expect(rule.allow().tcp().ports('70000', '5:3').toRule().destination?.ports).toEqual(['70000', '5:3']);
  });

  it('.from()/.to() append lists and replace scalars; shorthands add to the same sides', () => {
    const r = rule
      .deny()
      .fromNets('10.0.0.0/8')
      .from({ nets: ['192.168.0.0/16'], selector: 'a == "1"' })
      .fromSelector("b == '2'")
      .toNets('1.1.1.1/32')
      .toSelector("c == '3'")
      .to({ services: { name: 'kube-dns', namespace: 'kube-system' } })
      .toRule();
    expect(r.source).toEqual({ nets: ['10.0.0.0/8', '192.168.0.0/16'], selector: "b == '2'" });
    expect(r.destination).toEqual({
      nets: ['1.1.1.1/32'],
      selector: "c == '3'",
      services: { name: 'kube-dns', namespace: 'kube-system' },
    });
  });

  it('omits empty sides (source: {})', () => {
    expect(rule.deny().from({}).to({ nets: [] }).toRule()).toEqual({ action: 'Deny' });
  });
});

describe('namespaced and staged policies', () => {
  it('networkPolicy', () => {
    const r = networkPolicy('allow-web', 'prod')
      .selector("app == 'web'")
      .serviceAccountSelector("sa == 'web'")
      .performanceHints('AssumeNeededOnEveryNode')
      .order(100)
      .tier('default')
      .allow()
      .tcp()
      .ports(8080)
      .toResource();
    expect(r).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-web', namespace: 'prod' },
      spec: {
        tier: 'default',
        order: 100,
        ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [8080] } }],
        selector: "app == 'web'",
        types: ['Ingress'],
        serviceAccountSelector: "sa == 'web'",
        performanceHints: ['AssumeNeededOnEveryNode'],
      },
    });
    expect(
      networkPolicy().name('n').namespace('ns').labels({ a: 'b' }).annotations({ c: 'd' }).toResource()
        .metadata,
    ).toEqual({
      name: 'n',
      namespace: 'ns',
      labels: { a: 'b' },
      annotations: { c: 'd' },
    });
  });

  it('stagedGlobalNetworkPolicy and stagedNetworkPolicy carry stagedAction first', () => {
    const g = stagedGlobalNetworkPolicy('try').stagedAction('Set').order(5).deny().toResource();
    expect(g.kind).toBe('StagedGlobalNetworkPolicy');
    expect(Object.keys(g.spec)).toEqual(['stagedAction', 'order', 'ingress', 'types']);
    const n = stagedNetworkPolicy('try', 'prod').stagedAction('Learn').egress().allow().toResource();
    expect(n).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'StagedNetworkPolicy',
      metadata: { name: 'try', namespace: 'prod' },
      spec: { stagedAction: 'Learn', egress: [{ action: 'Allow' }], types: ['Egress'] },
    });
    expect(stagedGlobalNetworkPolicy('pd').preDnat().toResource().spec.preDNAT).toBe(true);
  });

  it('stagedKubernetesNetworkPolicy', () => {
    const r = stagedKubernetesNetworkPolicy('web', 'prod')
      .stagedAction('Set')
      .policyTypes('Ingress')
      .ingress({ ports: [{ protocol: 'TCP', port: 8080 }] })
      .podSelector({ matchLabels: { app: 'web' } })
      .labels({ a: 'b' })
      .toResource();
    expect(JSON.stringify(r)).toBe(
      JSON.stringify({
        apiVersion: 'projectcalico.org/v3',
        kind: 'StagedKubernetesNetworkPolicy',
        metadata: { name: 'web', namespace: 'prod', labels: { a: 'b' } },
        spec: {
          stagedAction: 'Set',
          podSelector: { matchLabels: { app: 'web' } },
          ingress: [{ ports: [{ protocol: 'TCP', port: 8080 }] }],
          policyTypes: ['Ingress'],
        },
      }),
    );
    expect(
      stagedKubernetesNetworkPolicy('all', 'prod').egress({}).policyTypes('Egress').toResource().spec,
    ).toEqual({
      podSelector: {},
      egress: [{}],
      policyTypes: ['Egress'],
    });
  });
});

// libcalico-go validator.go validateStaged(Global)NetworkPolicy: "Spec fields, except Tier, should
// all be zero-value if stagedAction is Delete"; validateStagedKubernetesNetworkPolicy: the whole
// spec but stagedAction at its zero value. clientv3 clears `types` on a staged Delete.
describe('staged Delete', () => {
  const issuesOf = (r: { ok: boolean; issues?: readonly { code: string; path: readonly unknown[] }[] }) =>
    r.ok ? [] : (r.issues ?? []).map((i) => [i.code, i.path.join('.')]);

  it('stagedGlobalNetworkPolicy: stagedAction and tier only, no defaulted types', () => {
    const bare = stagedGlobalNetworkPolicy('allow-dns').stagedAction('Delete').toResource();
    expect(JSON.stringify(bare)).toBe(
      JSON.stringify({
        apiVersion: 'projectcalico.org/v3',
        kind: 'StagedGlobalNetworkPolicy',
        metadata: { name: 'allow-dns' },
        spec: { stagedAction: 'Delete' },
      }),
    );
    const tiered = stagedGlobalNetworkPolicy('security.allow-dns')
      .labels({ team: 'net' })
      .stagedAction('Delete')
      .tier('security')
      .toResource();
    expect(tiered.spec).toEqual({ stagedAction: 'Delete', tier: 'security' });
    expect(Object.keys(tiered.spec)).toEqual(['stagedAction', 'tier']);
    expect(tiered.metadata).toEqual({ name: 'security.allow-dns', labels: { team: 'net' } });
  });

  it('stagedNetworkPolicy: stagedAction and tier only, no defaulted types', () => {
    const r = stagedNetworkPolicy('allow-web', 'prod').stagedAction('Delete').tier('security').build();
    expect(r.ok && r.value.spec).toEqual({ stagedAction: 'Delete', tier: 'security' });
    expect(r.ok && r.value.metadata).toEqual({ name: 'allow-web', namespace: 'prod' });
  });

  it('stagedKubernetesNetworkPolicy: stagedAction and the zero podSelector only', () => {
    const r = stagedKubernetesNetworkPolicy('web', 'prod').stagedAction('Delete').toResource();
    expect(JSON.stringify(r.spec)).toBe(JSON.stringify({ stagedAction: 'Delete', podSelector: {} }));
  });

  it('fields set before stagedAction("Delete") are reported by validate, not dropped', () => {
    // Rules and fields given before the Delete (the types forbid them after it) reach validate,
    // which names each one; the `types` the builder would have defaulted are not among them.
    const withRule = stagedGlobalNetworkPolicy('p').deny().end().stagedAction('Delete').build();
    expect(issuesOf(withRule)).toEqual([['staged_delete_not_empty', 'spec.ingress']]);
    const withFields = stagedNetworkPolicy('p', 'prod')
      .selector('all()')
      .types('Egress')
      .stagedAction('Delete')
      .build();
    expect(issuesOf(withFields)).toEqual([
      ['staged_delete_not_empty', 'spec.selector'],
      ['staged_delete_not_empty', 'spec.types'],
    ]);
    const preDnatDelete = stagedGlobalNetworkPolicy('p').preDnat().stagedAction('Delete').build();
    expect(issuesOf(preDnatDelete).map(([, path]) => path)).toEqual([
      'spec.types',
      'spec.preDNAT',
      'spec.applyOnForward',
    ]);
    const k8s = stagedKubernetesNetworkPolicy('web', 'prod')
      .policyTypes('Ingress')
      .stagedAction('Delete')
      .build();
    expect(issuesOf(k8s)).toEqual([['staged_delete_not_empty', 'spec.policyTypes']]);
  });

  it('other staged actions still default types', () => {
    expect(stagedGlobalNetworkPolicy('p').stagedAction('Set').toResource().spec.types).toEqual(['Ingress']);
    expect(
      stagedNetworkPolicy('p', 'prod').stagedAction('Ignore').egress().allow().toResource().spec.types,
    ).toEqual(['Egress']);
  });
});

describe('other resources', () => {
  it('tier', () => {
    expect(tier('security').defaultAction('Pass').order(100).labels({ a: 'b' }).toResource()).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'Tier',
      metadata: { name: 'security', labels: { a: 'b' } },
      spec: { order: 100, defaultAction: 'Pass' },
    });
    expect(tier('t').toResource().spec).toEqual({});
  });

  it('globalNetworkSet and networkSet', () => {
    expect(
      globalNetworkSet('partners')
        .labels({ role: 'partner' })
        .nets('198.51.100.0/24')
        .nets('203.0.113.7')
        .toResource(),
    ).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'GlobalNetworkSet',
      metadata: { name: 'partners', labels: { role: 'partner' } },
      spec: { nets: ['198.51.100.0/24', '203.0.113.7'] },
    });
    expect(
      networkSet('partners', 'prod').nets('198.51.100.0/24').annotations({ a: 'b' }).toResource(),
    ).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'NetworkSet',
      metadata: { name: 'partners', namespace: 'prod', annotations: { a: 'b' } },
      spec: { nets: ['198.51.100.0/24'] },
    });
  });

  it('hostEndpoint', () => {
    const r = hostEndpoint('worker-1-public')
      .port('http', 'TCP', 80)
      .profiles('projectcalico-default-allow')
      .expectedIPs('169.46.7.10')
      .interfaceName('eth1')
      .node('worker-1')
      .labels({ 'ibm.role': 'worker_public' })
      .toResource();
    expect(JSON.stringify(r)).toBe(
      JSON.stringify({
        apiVersion: 'projectcalico.org/v3',
        kind: 'HostEndpoint',
        metadata: { name: 'worker-1-public', labels: { 'ibm.role': 'worker_public' } },
        spec: {
          node: 'worker-1',
          interfaceName: 'eth1',
          expectedIPs: ['169.46.7.10'],
          profiles: ['projectcalico-default-allow'],
          ports: [{ name: 'http', protocol: 'TCP', port: 80 }],
        },
      }),
    );
  });

  it('profile', () => {
    const r = profile('allow-all').labelsToApply({ team: 'net' }).allow().end().egress().allow().toResource();
    expect(r).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'Profile',
      metadata: { name: 'allow-all' },
      spec: { ingress: [{ action: 'Allow' }], egress: [{ action: 'Allow' }], labelsToApply: { team: 'net' } },
    });
  });
});

describe('selector builders', () => {
  it('print through toString() wherever a selector is taken', () => {
    const workerPublic = sel.label('ibm.role').eq('worker_public');
    const r = preDnat('p')
      .selector(workerPublic)
      .allow()
      .tcp()
      .from({ selector: sel.has('app'), serviceAccounts: { selector: sel.label('sa').eq('x') } })
      .toSelector(sel.all())
      .toResource();
    expect(r.spec.selector).toBe(String(workerPublic));
    expect(r.spec.ingress?.[0]?.source).toEqual({
      selector: String(sel.has('app')),
      serviceAccounts: { selector: String(sel.label('sa').eq('x')) },
    });
    expect(r.spec.ingress?.[0]?.destination).toEqual({ selector: String(sel.all()) });
  });

  it('an invalid selector builder never throws from a builder method; build() reports it at its path', () => {
    const bad = sel.raw('a ===');
    const policy = globalNetworkPolicy('p').selector(bad).allow().toSelector(bad);
    const r = policy.build();
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.issues.map((i) => i.path.slice(0, 5).join('.'));
      expect(paths).toContain('spec.selector');
      expect(paths.some((p) => p.startsWith('spec.ingress.0.destination.selector'))).toBe(true);
    }
    expect(() => policy.toResource()).toThrow(CalicoValidationError);
    // a standalone rule carries the selector builder into the policy without printing it
    const withRule = globalNetworkPolicy('q').ingress(rule.allow().fromSelector(bad));
    expect(withRule.build().ok).toBe(false);
    expect(() => rule.allow().fromSelector(bad).toRule()).toThrow(CalicoValidationError);
  });
});

describe('errors', () => {
  it('an object that is not a selector (from untyped JavaScript) becomes an issue at its path', () => {
    const broken = { toString: () => "app == 'web'" };
    // @ts-expect-error selector inputs are text, a sel builder or a SelectorNode, not any object
    const r = networkPolicy('p', 'ns').allow().fromSelector(broken).build();
    expect(r).toMatchObject({
      ok: false,
      issues: [{ code: 'invalid_selector', path: ['spec', 'ingress', 0, 'source', 'selector'] }],
    });
  });

  it('keeps an explicit applyOnForward(false)', () => {
    expect(globalNetworkPolicy('p').applyOnForward(false).toResource().spec.applyOnForward).toBe(false);
  });

  it('build() reports a missing name; toResource() throws CalicoValidationError', () => {
    // A JavaScript caller (no types) can still build an unnamed policy: build() says what is missing.
    const r = globalNetworkPolicy().allow().build();
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ code: 'required', path: ['metadata', 'name'] });
      expect(r.issues[0]?.message).toContain(".name('…')");
    }
    const unnamed = preDnat();
    // @ts-expect-error toResource() needs a name (the types say so; this is what untyped callers get)
    expect(() => unnamed.toResource()).toThrow(CalicoValidationError);
  });

  it('input the types cannot rule out is reported by validate', () => {
    const bad = [
      preDnat('p').deny().tcp().ports(70000),
      preDnat('p').deny().tcp().fromNets('10.0.0.1'),
      globalNetworkPolicy('Bad_Name'),
      globalNetworkPolicy('p').selector('a ==='),
      tier('has.dot'),
      hostEndpoint('h').interfaceName('eth0'),
    ];
    for (const b of bad) {
      const r = b.build();
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
      expect(() => b.toResource()).toThrow(CalicoValidationError);
    }
  });

  it('the thrown error carries the issues with paths into the resource', () => {
    try {
      preDnat('p').deny().tcp().ports(70000).toResource();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalicoValidationError);
      const issues = (e as CalicoValidationError).issues;
      expect(issues.some((i) => i.path.join('.').startsWith('spec.ingress.0.destination.ports'))).toBe(true);
    }
  });
});
