/**
 * ClusterNetworkPolicy in the world (Calico ≥ 3.32, `conversion/clusternetworkpolicy.go`) and the
 * v1alpha1 AdminNetworkPolicy / BaselineAdminNetworkPolicy (3.29–3.31): conversion exactly as the
 * converter's `_test.go` expects, the phases of `felix/fv/cluster_network_policy_test.go`, Felix's
 * sort across kinds (§2.1, §2.2), fail-closed rules, and release gating. Every row runs on both engines.
 */
import type { ClusterNetworkPolicySpec, Issue } from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { EvaluatorInputError, type Flow, World } from '../src/index.js';
import { rawClusterNetworkPolicy } from '../src/world/cluster-network-policy.js';
import { BASE, gnp, knp, np, tier } from './helpers/world-kit.js';

type Obj = Record<string, unknown>;

const cnp = (name: string, spec: Obj): Obj => ({
  apiVersion: 'policy.networking.k8s.io/v1alpha2',
  kind: 'ClusterNetworkPolicy',
  metadata: { name },
  spec,
});
const anp = (name: string, spec: Obj): Obj => ({
  apiVersion: 'policy.networking.k8s.io/v1alpha1',
  kind: 'AdminNetworkPolicy',
  metadata: { name },
  spec,
});
const banp = (spec: Obj): Obj => ({
  apiVersion: 'policy.networking.k8s.io/v1alpha1',
  kind: 'BaselineAdminNetworkPolicy',
  metadata: { name: 'default' },
  spec,
});
const tcp = (srcIp: string, dstIp: string, dstPort: number): Flow => ({
  protocol: 'TCP',
  srcIp,
  srcPort: 40000,
  dstIp,
  dstPort,
});

const WEB = '10.1.0.10';
const DB = '10.1.0.20';
const CLIENT = '10.1.1.10';
const EXT = '198.51.100.7';
const N1_PUB = '203.0.113.11';
const ALL = { namespaces: {} };

// The FV test's KCNPs (createDenyAllIngressKCNP, createAllowTCPIngressKCNP, createPassIngressKCNP,
// createDenyAllEgressKCNP), with the FV port 8055 replaced by the base world's 5432 (db).
const denyIngress = (name: string, t: 'Admin' | 'Baseline', priority: number) =>
  cnp(name, {
    tier: t,
    priority,
    subject: ALL,
    ingress: [{ name: 'deny-all-ingress', action: 'Deny', from: [ALL] }],
  });
const allowTcp = (name: string, t: 'Admin' | 'Baseline', priority: number, port = 5432) =>
  cnp(name, {
    tier: t,
    priority,
    subject: ALL,
    ingress: [
      {
        name: 'allow-tcp',
        action: 'Accept',
        from: [ALL],
        protocols: [{ tcp: { destinationPort: { number: port } } }],
      },
    ],
  });
const passIngress = (name: string, t: 'Admin' | 'Baseline', priority: number) =>
  cnp(name, {
    tier: t,
    priority,
    subject: ALL,
    ingress: [{ name: 'pass-all-ingress', action: 'Pass', from: [ALL] }],
  });
const denyEgress = (name: string, t: 'Admin' | 'Baseline', priority: number) =>
  cnp(name, {
    tier: t,
    priority,
    subject: ALL,
    egress: [{ name: 'deny-all-egress', action: 'Deny', to: [ALL] }],
  });

interface Row {
  readonly cite: string;
  readonly extra: readonly Obj[];
  readonly flow: Flow;
  readonly verdict: 'Allow' | 'Deny';
  /** Deciding policy (name, tier), or null for the profile / no policy. */
  readonly decidedBy: { readonly name: string; readonly tier: string } | null;
  readonly calicoVersion?: 'v3.28' | 'v3.31' | 'v3.32';
}

const ROWS: Row[] = [
  {
    cite: 'FV phase 1: Admin deny-all ingress denies',
    extra: [denyIngress('kcnp-deny-ingress', 'Admin', 100)],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: { name: 'kcnp-deny-ingress', tier: 'kube-admin' },
  },
  {
    cite: 'FV phase 2: Admin priority 50 Accept runs before priority 100 Deny (order = priority)',
    extra: [denyIngress('kcnp-deny-ingress', 'Admin', 100), allowTcp('kcnp-allow-tcp', 'Admin', 50)],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Allow',
    decidedBy: { name: 'kcnp-allow-tcp', tier: 'kube-admin' },
  },
  {
    cite: 'FV phase 2: the Accept only covers TCP 5432',
    extra: [denyIngress('kcnp-deny-ingress', 'Admin', 100), allowTcp('kcnp-allow-tcp', 'Admin', 50)],
    flow: tcp(WEB, DB, 5433),
    verdict: 'Deny',
    decidedBy: { name: 'kcnp-deny-ingress', tier: 'kube-admin' },
  },
  {
    cite: 'FV phase 3: Baseline deny-all egress denies when no earlier tier decides',
    extra: [denyEgress('kcnp-baseline-deny-egress', 'Baseline', 100)],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: { name: 'kcnp-baseline-deny-egress', tier: 'kube-baseline' },
  },
  {
    cite: 'Baseline runs after the default tier: a default-tier Allow wins over a Baseline Deny',
    extra: [
      denyEgress('kcnp-baseline-deny-egress', 'Baseline', 100),
      gnp('allow-web-egress', { order: 10, selector: "app == 'web'", egress: [{ action: 'Allow' }] }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Allow',
    decidedBy: { name: 'allow-web-egress', tier: 'default' },
  },
  {
    cite: 'FV phase 4: Admin Pass hands over to the default tier, whose GNP denies',
    extra: [
      passIngress('kcnp-pass-ingress', 'Admin', 100),
      gnp('gnp-deny-ingress', {
        order: 0,
        tier: 'default',
        selector: 'all()',
        ingress: [{ action: 'Deny' }],
      }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: { name: 'gnp-deny-ingress', tier: 'default' },
  },
  {
    cite: 'FV phase 4: Admin Pass alone falls through to the namespace profile',
    extra: [passIngress('kcnp-pass-ingress', 'Admin', 100)],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: 'FV phase 5: Admin Accept overrides a default-tier GNP deny',
    extra: [
      allowTcp('kcnp-allow-tcp', 'Admin', 100),
      gnp('gnp-deny-ingress', {
        order: 0,
        tier: 'default',
        selector: 'all()',
        ingress: [{ action: 'Deny' }],
      }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Allow',
    decidedBy: { name: 'kcnp-allow-tcp', tier: 'kube-admin' },
  },
  {
    cite: 'FV phase 6: a kube-admin GNP at order 0.5 runs before the KCNP at 100',
    extra: [
      allowTcp('kcnp-allow-tcp', 'Admin', 100),
      gnp('kube-admin.gnp-deny-ingress', {
        order: 0.5,
        tier: 'kube-admin',
        selector: 'all()',
        ingress: [{ action: 'Deny' }],
      }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: { name: 'kube-admin.gnp-deny-ingress', tier: 'kube-admin' },
  },
  {
    cite: 'FV phase 7: Admin Pass, then a Kubernetes NetworkPolicy selecting the pod denies by end of tier',
    extra: [
      passIngress('kcnp-pass-ingress', 'Admin', 100),
      knp('prod', 'deny-all', { podSelector: {}, policyTypes: ['Ingress'] }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§2.2 equal order: "name/namespace/kind" puts GNP "a-deny" before KCNP "b-allow"',
    extra: [
      allowTcp('b-allow', 'Admin', 100),
      gnp('a-deny', { order: 100, tier: 'kube-admin', selector: 'all()', ingress: [{ action: 'Deny' }] }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: { name: 'a-deny', tier: 'kube-admin' },
  },
  {
    cite: '§2.2 equal order: KCNP "a-allow" before GNP "b-deny"',
    extra: [
      allowTcp('a-allow', 'Admin', 100),
      gnp('b-deny', { order: 100, tier: 'kube-admin', selector: 'all()', ingress: [{ action: 'Deny' }] }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Allow',
    decidedBy: { name: 'a-allow', tier: 'kube-admin' },
  },
  {
    cite: '§2.2 equal order and name: kind breaks the tie (GlobalNetworkPolicy < KubernetesClusterNetworkPolicy)',
    extra: [
      allowTcp('same', 'Admin', 100),
      gnp('same', { order: 100, tier: 'kube-admin', selector: 'all()', ingress: [{ action: 'Deny' }] }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: { name: 'same', tier: 'kube-admin' },
  },
  {
    cite: 'subject pods: only the selected pods are subject (namespace + pod labels)',
    extra: [
      cnp('deny-to-db', {
        tier: 'Admin',
        priority: 1,
        subject: {
          pods: {
            namespaceSelector: { matchLabels: { env: 'prod' } },
            podSelector: { matchLabels: { app: 'db' } },
          },
        },
        ingress: [{ action: 'Deny', from: [ALL] }],
      }),
    ],
    flow: tcp(CLIENT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: 'peer namespaces: a Deny from namespaces env=dev matches the dev client only',
    extra: [
      cnp('no-dev', {
        tier: 'Admin',
        priority: 1,
        subject: ALL,
        ingress: [{ action: 'Deny', from: [{ namespaces: { matchLabels: { env: 'dev' } } }] }],
      }),
    ],
    flow: tcp(CLIENT, DB, 5432),
    verdict: 'Deny',
    decidedBy: { name: 'no-dev', tier: 'kube-admin' },
  },
  {
    cite: 'peer pods with matchExpressions (In / DoesNotExist)',
    extra: [
      cnp('no-web', {
        tier: 'Admin',
        priority: 1,
        subject: ALL,
        ingress: [
          {
            action: 'Deny',
            from: [
              {
                pods: {
                  namespaceSelector: {},
                  podSelector: {
                    matchExpressions: [
                      { key: 'app', operator: 'In', values: ['web'] },
                      { key: 'x', operator: 'DoesNotExist' },
                    ],
                  },
                },
              },
            ],
          },
        ],
      }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: { name: 'no-web', tier: 'kube-admin' },
  },
  {
    cite: 'egress networks: Deny to 198.51.100.0/24 (host bits masked as Calico does)',
    extra: [
      cnp('no-ext', {
        tier: 'Admin',
        priority: 1,
        subject: ALL,
        egress: [{ action: 'Deny', to: [{ networks: ['198.51.100.9/24'] }] }],
      }),
    ],
    flow: tcp(WEB, EXT, 443),
    verdict: 'Deny',
    decidedBy: { name: 'no-ext', tier: 'kube-admin' },
  },
  {
    cite: "subject: the orchestrator == 'k8s' term keeps host endpoints out",
    extra: [
      cnp('deny-everything', {
        tier: 'Admin',
        priority: 1,
        subject: ALL,
        ingress: [{ action: 'Deny', from: [ALL] }],
      }),
      gnp('allow-public', {
        selector: "role == 'public'",
        ingress: [{ action: 'Allow' }],
        applyOnForward: true,
      }),
    ],
    flow: tcp(EXT, N1_PUB, 8000),
    verdict: 'Allow',
    decidedBy: { name: 'allow-public', tier: 'default' },
  },
  {
    cite: 'named port: destinationNamedPort pg matches db:5432',
    extra: [
      cnp('no-pg', {
        tier: 'Admin',
        priority: 1,
        subject: ALL,
        ingress: [{ action: 'Deny', from: [ALL], protocols: [{ destinationNamedPort: 'pg' }] }],
      }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: { name: 'no-pg', tier: 'kube-admin' },
  },
  {
    cite: 'named port "5432" is a name, not a number: it matches no pod port',
    extra: [
      cnp('no-5432', {
        tier: 'Admin',
        priority: 1,
        subject: ALL,
        ingress: [{ action: 'Deny', from: [ALL], protocols: [{ destinationNamedPort: '5432' }] }],
      }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: 'port range 5000-6000 (UDP rule does not match TCP)',
    extra: [
      cnp('ranges', {
        tier: 'Admin',
        priority: 1,
        subject: ALL,
        ingress: [
          {
            action: 'Deny',
            from: [ALL],
            protocols: [
              { udp: { destinationPort: { range: { start: 5000, end: 6000 } } } },
              { tcp: { destinationPort: { range: { start: 5000, end: 6000 } } } },
            ],
          },
        ],
      }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: { name: 'ranges', tier: 'kube-admin' },
  },
  {
    cite: 'fail closed: a Deny rule with a named port Calico cannot parse becomes a bare Deny',
    extra: [
      cnp('bad-name', {
        tier: 'Admin',
        priority: 1,
        subject: ALL,
        ingress: [{ action: 'Deny', from: [ALL], protocols: [{ destinationNamedPort: 'no such port' }] }],
      }),
    ],
    flow: tcp(WEB, DB, 1),
    verdict: 'Deny',
    decidedBy: { name: 'bad-name', tier: 'kube-admin' },
  },
  {
    cite: 'fail closed: an Accept rule Calico cannot parse is dropped',
    extra: [
      cnp('bad-accept', {
        tier: 'Admin',
        priority: 1,
        subject: ALL,
        ingress: [{ action: 'Accept', from: [ALL], protocols: [{ destinationNamedPort: 'no such port' }] }],
      }),
      gnp('deny-db', { order: 1, selector: "app == 'db'", ingress: [{ action: 'Deny' }] }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: { name: 'deny-db', tier: 'default' },
  },
  {
    cite: 'v3.31: ClusterNetworkPolicy is not enforced',
    extra: [denyIngress('kcnp-deny-ingress', 'Admin', 100)],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Allow',
    decidedBy: null,
    calicoVersion: 'v3.31',
  },
  {
    cite: 'v3.31: AdminNetworkPolicy Deny in tier adminnetworkpolicy, named kanp.adminnetworkpolicy.<name>',
    extra: [
      anp('guard', {
        priority: 5,
        subject: ALL,
        ingress: [{ action: 'Deny', from: [ALL], ports: [{ portNumber: { port: 5432 } }] }],
      }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: { name: 'kanp.adminnetworkpolicy.guard', tier: 'adminnetworkpolicy' },
    calicoVersion: 'v3.31',
  },
  {
    cite: 'v3.31: AdminNetworkPolicy Allow overrides a default-tier deny',
    extra: [
      anp('open-db', { priority: 5, subject: ALL, ingress: [{ action: 'Allow', from: [ALL] }] }),
      np('prod', 'deny-db', { selector: "app == 'db'", ingress: [{ action: 'Deny' }] }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Allow',
    decidedBy: { name: 'kanp.adminnetworkpolicy.open-db', tier: 'adminnetworkpolicy' },
    calicoVersion: 'v3.31',
  },
  {
    cite: 'v3.31: BaselineAdminNetworkPolicy denies after the default tier',
    extra: [banp({ subject: ALL, egress: [{ action: 'Deny', to: [{ networks: ['198.51.100.0/24'] }] }] })],
    flow: tcp(WEB, EXT, 443),
    verdict: 'Deny',
    decidedBy: { name: 'kbanp.baselineadminnetworkpolicy.default', tier: 'baselineadminnetworkpolicy' },
    calicoVersion: 'v3.31',
  },
  {
    cite: 'v3.31: an ANP egress nodes peer cannot be converted, its Deny fails closed',
    extra: [anp('nodes', { priority: 5, subject: ALL, egress: [{ action: 'Deny', to: [{ nodes: {} }] }] })],
    flow: tcp(WEB, EXT, 443),
    verdict: 'Deny',
    decidedBy: { name: 'kanp.adminnetworkpolicy.nodes', tier: 'adminnetworkpolicy' },
    calicoVersion: 'v3.31',
  },
  {
    cite: 'v3.31: the v1alpha1 converter ignores namedPort, so that port entry matches every port',
    extra: [
      anp('named', {
        priority: 5,
        subject: ALL,
        ingress: [{ action: 'Deny', from: [ALL], ports: [{ namedPort: 'no-such-port' }] }],
      }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: { name: 'kanp.adminnetworkpolicy.named', tier: 'adminnetworkpolicy' },
    calicoVersion: 'v3.31',
  },
  {
    cite: 'v3.32: AdminNetworkPolicy is no longer enforced',
    extra: [anp('guard', { priority: 5, subject: ALL, ingress: [{ action: 'Deny', from: [ALL] }] })],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: 'v3.28: AdminNetworkPolicy is not enforced yet',
    extra: [anp('guard', { priority: 5, subject: ALL, ingress: [{ action: 'Deny', from: [ALL] }] })],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Allow',
    decidedBy: null,
    calicoVersion: 'v3.28',
  },
];

describe('ClusterNetworkPolicy in the world', () => {
  for (const row of ROWS) {
    for (const engine of ['reference', 'compiled'] as const) {
      it(`${engine}: ${row.cite}`, () => {
        const world = World.from([...BASE, ...row.extra], {
          engine,
          ...(row.calicoVersion ? { calicoVersion: row.calicoVersion } : {}),
        });
        const result = world.evaluate(row.flow);
        const text = result.explain();
        expect(result.verdict, text).toBe(row.verdict);
        if (row.decidedBy === null)
          expect(result.decidedBy?.policy?.kind ?? 'none', text).toMatch(/^(Profile|none)$/);
        else {
          expect(result.decidedBy?.policy?.name, text).toBe(row.decidedBy.name);
          expect(result.decidedBy?.tier, text).toBe(row.decidedBy.tier);
          expect(text).toContain(row.decidedBy.name);
        }
      });
    }
  }

  it('keys converted policies as Felix does (kind KubernetesClusterNetworkPolicy, tier, order)', () => {
    const world = World.from([...BASE, allowTcp('kcnp-allow-tcp', 'Baseline', 7)]);
    const p = world.model.policies.find((x) => x.name === 'kcnp-allow-tcp');
    expect(p?.kind).toBe('KubernetesClusterNetworkPolicy');
    expect(p?.tier).toBe('kube-baseline');
    expect(p?.order).toBe(7);
    expect(p?.selectorText).toBe(
      "(projectcalico.org/orchestrator == 'k8s') && has(projectcalico.org/namespace)",
    );
  });

  it('a policy without rules applies in both directions (Felix: no Types = Ingress and Egress) and passes', () => {
    const world = World.from([...BASE, cnp('empty', { tier: 'Admin', priority: 1, subject: ALL })]);
    const p = world.model.policies.find((x) => x.name === 'empty');
    expect([p?.ingressType, p?.egressType]).toEqual([true, true]);
    const result = world.evaluate(tcp(WEB, DB, 5432));
    expect(result.verdict).toBe('Allow');
    expect(result.explain()).toContain('tier kube-admin → end-of-tier-pass');
  });

  it('reports kinds a release does not enforce in world.issues', () => {
    const cnpWorld = World.from([...BASE, denyIngress('kcnp', 'Admin', 1)], { calicoVersion: 'v3.31' });
    expect(cnpWorld.issues.map((i) => [i.code, i.message])).toContainEqual([
      'not_enforced',
      expect.stringContaining('ClusterNetworkPolicy "kcnp" is not enforced with calicoVersion v3.31'),
    ]);
    const anpWorld = World.from([...BASE, anp('guard', { priority: 1, subject: ALL })]);
    expect(
      anpWorld.issues.some(
        (i) => i.code === 'not_enforced' && i.message.includes('AdminNetworkPolicy "guard"'),
      ),
    ).toBe(true);
  });

  // network-policy-api v0.1.5 conformance (npa-conformance-v1alpha1 COVERAGE.md): the
  // extended NamedPorts tests expect the named port alone; Calico 3.31 matches every port.
  it("v3.31: says that an admin policy's namedPort is not read, and matches every port as Calico does", () => {
    const world = World.from(
      [
        ...BASE,
        anp('named', {
          priority: 1,
          subject: ALL,
          ingress: [
            { action: 'Deny', from: [ALL], ports: [{ portNumber: { port: 9 } }, { namedPort: 'web' }] },
          ],
        }),
      ],
      { calicoVersion: 'v3.31' },
    );
    expect(world.issues.filter((i) => i.code === 'ignored_field').map((i) => [i.path, i.message])).toEqual([
      [
        [BASE.length, 'spec', 'ingress', 0, 'ports', 1, 'namedPort'],
        'AdminNetworkPolicy "named": Calico 3.29–3.31 do not read namedPort "web" (ingress rule 0): the rule matches every protocol and port.',
      ],
    ]);
    expect(world.evaluate(tcp(WEB, DB, 5432)).verdict).toBe('Deny');
  });

  it('reports a rule Calico cannot convert, saying whether it failed closed', () => {
    const world = World.from([
      ...BASE,
      cnp('bad', {
        tier: 'Admin',
        priority: 1,
        subject: ALL,
        ingress: [
          { action: 'Accept', from: [ALL], protocols: [{ destinationNamedPort: 'a b' }] },
          { action: 'Pass', from: [ALL], protocols: [{ destinationNamedPort: 'c d' }] },
        ],
      }),
    ]);
    const issues = world.issues.filter((i) => i.code === 'unconvertible_rule');
    expect(issues.map((i) => i.path)).toEqual([
      [BASE.length, 'spec', 'ingress', 0],
      [BASE.length, 'spec', 'ingress', 1],
    ]);
    expect(issues[0]?.message).toContain('drops it');
    expect(issues[1]?.message).toContain('denies all traffic (fail closed)');
  });

  it.each([
    [
      'both subjects',
      {
        tier: 'Admin',
        priority: 1,
        subject: { namespaces: {}, pods: { namespaceSelector: {}, podSelector: {} } },
      },
      ['spec', 'subject', 'pods'],
    ],
    [
      'an unknown action',
      { tier: 'Admin', priority: 1, subject: ALL, ingress: [{ action: 'Allow', from: [ALL] }] },
      ['spec', 'ingress', 0, 'action'],
    ],
    ['priority 1001', { tier: 'Admin', priority: 1001, subject: ALL }, ['spec', 'priority']],
    [
      '26 rules',
      {
        tier: 'Admin',
        priority: 1,
        subject: ALL,
        ingress: Array.from({ length: 26 }, () => ({ action: 'Deny', from: [ALL] })),
      },
      ['spec', 'ingress'],
    ],
    [
      '26 CIDRs',
      {
        tier: 'Admin',
        priority: 1,
        subject: ALL,
        egress: [
          { action: 'Deny', to: [{ networks: Array.from({ length: 26 }, (_, i) => `10.${i}.0.0/16`) }] },
        ],
      },
      ['spec', 'egress', 0, 'to', 0, 'networks'],
    ],
  ])('refuses a ClusterNetworkPolicy the API server rejects (%s), never guessing', (_what, spec, path) => {
    let error: unknown;
    try {
      World.from([...BASE, cnp('bad', spec)]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EvaluatorInputError);
    const issues = (error as EvaluatorInputError).issues as readonly Issue[];
    expect(issues.map((i) => i.path)).toContainEqual([BASE.length, ...path]);
    expect(issues[0]?.message).toContain('ClusterNetworkPolicy "bad"');
  });
});

describe('conversion (clusternetworkpolicy_test.go "multiple peers and ports")', () => {
  it('writes one rule per protocol and peer, protocols sorted, named ports without protocol', () => {
    const protocols = [
      { tcp: { destinationPort: { number: 80 } } },
      { udp: { destinationPort: { range: { start: 20, end: 30 } } } },
      { destinationNamedPort: 'http-port' },
      { destinationNamedPort: '8080' },
    ];
    const spec = {
      tier: 'Admin',
      priority: 600,
      subject: { namespaces: { matchLabels: { label: 'value', label2: 'value2' } } },
      ingress: [
        {
          name: 'A random ingress rule',
          action: 'Pass',
          protocols,
          from: [
            { namespaces: { matchLabels: { k: 'v' } } },
            { pods: { namespaceSelector: {}, podSelector: { matchLabels: { k2: 'v2' } } } },
          ],
        },
      ],
      egress: [
        {
          name: 'A random egress rule',
          action: 'Deny',
          protocols,
          to: [
            { namespaces: { matchLabels: { k3: 'v3' } } },
            {
              pods: {
                namespaceSelector: { matchLabels: { k4: 'v4' } },
                podSelector: { matchLabels: { k5: 'v5' } },
              },
            },
          ],
        },
      ],
    } as unknown as ClusterNetworkPolicySpec;
    const issues: Issue[] = [];
    const raw = rawClusterNetworkPolicy('test.policy', spec, [0], issues);
    expect(issues).toEqual([]);
    expect(raw?.namespaceSelector).toBe("label == 'value' && label2 == 'value2'");
    expect(raw?.selector).toBe("projectcalico.org/orchestrator == 'k8s'");
    expect(raw?.tier).toBe('kube-admin');
    expect(raw?.order).toBe(600);
    expect(raw?.types).toEqual(['Ingress', 'Egress']);
    const meta = { metadata: { annotations: { name: 'A random ingress rule' } } };
    // Go keeps "8080" as a port *name*; no pod port can carry it, so it is left out of the match.
    expect(raw?.ingress).toEqual([
      {
        ...meta,
        action: 'Pass',
        source: { namespaceSelector: "k == 'v'" },
        destination: { ports: ['http-port'] },
      },
      {
        ...meta,
        action: 'Pass',
        source: {
          selector: "projectcalico.org/orchestrator == 'k8s' && k2 == 'v2'",
          namespaceSelector: 'all()',
        },
        destination: { ports: ['http-port'] },
      },
      {
        ...meta,
        action: 'Pass',
        protocol: 'TCP',
        source: { namespaceSelector: "k == 'v'" },
        destination: { ports: [80] },
      },
      {
        ...meta,
        action: 'Pass',
        protocol: 'TCP',
        source: {
          selector: "projectcalico.org/orchestrator == 'k8s' && k2 == 'v2'",
          namespaceSelector: 'all()',
        },
        destination: { ports: [80] },
      },
      {
        ...meta,
        action: 'Pass',
        protocol: 'UDP',
        source: { namespaceSelector: "k == 'v'" },
        destination: { ports: ['20:30'] },
      },
      {
        ...meta,
        action: 'Pass',
        protocol: 'UDP',
        source: {
          selector: "projectcalico.org/orchestrator == 'k8s' && k2 == 'v2'",
          namespaceSelector: 'all()',
        },
        destination: { ports: ['20:30'] },
      },
    ]);
    expect(
      raw?.egress.map((r) => [r.protocol, r.destination?.namespaceSelector, r.destination?.selector]),
    ).toEqual([
      [undefined, "k3 == 'v3'", undefined],
      [undefined, "k4 == 'v4'", "projectcalico.org/orchestrator == 'k8s' && k5 == 'v5'"],
      ['TCP', "k3 == 'v3'", undefined],
      ['TCP', "k4 == 'v4'", "projectcalico.org/orchestrator == 'k8s' && k5 == 'v5'"],
      ['UDP', "k3 == 'v3'", undefined],
      ['UDP', "k4 == 'v4'", "projectcalico.org/orchestrator == 'k8s' && k5 == 'v5'"],
    ]);
  });

  it('a protocol entry with no port keeps "all ports" for that protocol; no protocols = one rule for all', () => {
    const issues: Issue[] = [];
    const spec = {
      tier: 'Baseline',
      priority: 0,
      subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { a: 'b' } } } },
      ingress: [
        {
          action: 'Accept',
          from: [ALL],
          protocols: [{ tcp: { destinationPort: { number: 80 } } }, { tcp: {} }],
        },
        { action: 'Deny', from: [ALL] },
      ],
    } as unknown as ClusterNetworkPolicySpec;
    const raw = rawClusterNetworkPolicy('p', spec, [0], issues);
    expect(raw?.namespaceSelector).toBe('all()');
    expect(raw?.selector).toBe("projectcalico.org/orchestrator == 'k8s' && a == 'b'");
    expect(raw?.types).toEqual(['Ingress']);
    expect(raw?.ingress).toEqual([
      { action: 'Allow', protocol: 'TCP', source: { namespaceSelector: 'all()' }, destination: {} },
      { action: 'Deny', source: { namespaceSelector: 'all()' }, destination: {} },
    ]);
  });
});

describe('tiers of the admin policies', () => {
  it('v3.31 has adminnetworkpolicy (1000) and baselineadminnetworkpolicy (10 000 000), both default Pass', () => {
    const world = World.from([...BASE, tier('security', 500)], { calicoVersion: 'v3.31' });
    const tiers = world.model.tiers.map((t) => [t.name, t.order, t.defaultAction]);
    expect(tiers).toContainEqual(['adminnetworkpolicy', 1000, 'Pass']);
    expect(tiers).toContainEqual(['baselineadminnetworkpolicy', 10_000_000, 'Pass']);
  });
});
