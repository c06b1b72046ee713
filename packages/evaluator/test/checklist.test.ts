/**
 * calico-semantics.md §12 checklist as tables: world + flow → expected verdict and deciding
 * policy, each row citing the section it encodes. Every row runs on both engines.
 */
import { describe, expect, it } from 'vitest';
import { type Flow, World } from '../src/index.js';
import {
  BASE,
  felix,
  gnp,
  gns,
  hep,
  knp,
  node,
  np,
  ns,
  pod,
  profile,
  service,
  sgnp,
  tier,
} from './helpers/world-kit.js';

interface Row {
  readonly cite: string;
  readonly extra: readonly Record<string, unknown>[];
  readonly flow: Flow;
  readonly verdict: 'Allow' | 'Deny' | 'Mixed';
  /** metadata.name of the deciding policy or profile (`result.decidedBy`, else every path's), or null. */
  readonly decidedBy: string | null;
  /** The deciding rule's index, when the row is about which rule decides. */
  readonly ruleIndex?: number;
  readonly base?: readonly Record<string, unknown>[];
}

const tcp = (srcIp: string, dstIp: string, dstPort: number, more: Partial<Flow> = {}): Flow => ({
  protocol: 'TCP',
  srcIp,
  dstIp,
  dstPort,
  ...more,
});
const EXT = '198.51.100.7';
const WEB = '10.1.0.10';
const DB = '10.1.0.20';
const CLIENT = '10.1.1.10';
const N1_PUB = '203.0.113.11';
const denyAll = (name: string, selector: string, extra: Record<string, unknown> = {}) =>
  gnp(name, { order: 10, selector, types: ['Ingress'], ingress: [{ action: 'Deny' }], ...extra });
const allowProfile = [
  hep('node-1-eth1', 'node-1', 'eth1', ['203.0.113.11'], { role: 'public' }, ['projectcalico-default-allow']),
];
const baseWithoutHeps = BASE.filter((r) => r.kind !== 'HostEndpoint');
/** An untracked (doNotTrack) Deny of everything into the public host endpoint. */
const UNTRACKED_DENY_PUBLIC = gnp('u-deny', {
  selector: "role == 'public'",
  doNotTrack: true,
  applyOnForward: true,
  ingress: [{ action: 'Deny' }],
});
/** An IPv6 node and pod whose egress is denied, and DefaultEndpointToHostAction Drop. */
const V6_HOST = [
  ns('prod'),
  node('node-1', 'fd00::11'),
  pod('prod', 'web6', '2001:db8::10', { app: 'web6' }, { node: 'node-1' }),
  felix({ defaultEndpointToHostAction: 'Drop' }),
  gnp('pod-deny-egress', { selector: "app == 'web6'", types: ['Egress'], egress: [{ action: 'Deny' }] }),
];

/** A notSelector beside the namespace term a NetworkPolicy adds (rule_scanner.go folds them). */
const ONLY_FRONTENDS = [
  gns('frontends', ['10.1.0.0/16'], { role: 'frontend' }),
  np('prod', 'only-frontends', {
    selector: "app == 'web'",
    types: ['Ingress'],
    ingress: [{ action: 'Deny', source: { notSelector: "role == 'frontend'" } }, { action: 'Allow' }],
  }),
];
/** A named-only notPorts without a protocol. */
const ONLY_HTTP = [
  np('prod', 'only-http', {
    selector: "app == 'web'",
    ingress: [{ action: 'Deny', destination: { notPorts: ['http'] } }, { action: 'Allow' }],
  }),
];
/** A Kubernetes rule with two protocols and a port-less TCP entry. */
const WEB_PORTS = [
  knp('prod', 'web-ports', {
    podSelector: { matchLabels: { app: 'web' } },
    policyTypes: ['Ingress'],
    ingress: [{ ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 80 }, { protocol: 'TCP' }] }],
  }),
];

const ROWS: Row[] = [
  // Which policies apply
  {
    cite: '§12.14 §3.2 policy applies only in its types',
    extra: [
      gnp('web-egress-deny', { selector: "app == 'web'", types: ['Egress'], egress: [{ action: 'Deny' }] }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.15 §3.2 egress-only rules → types [Egress]',
    extra: [gnp('eg', { selector: "app == 'web'", egress: [{ action: 'Deny' }] })],
    flow: tcp(WEB, EXT, 443),
    verdict: 'Deny',
    decidedBy: 'eg',
  },
  {
    cite: '§12.15 §3.2 egress-only rules leave ingress alone',
    extra: [gnp('eg', { selector: "app == 'web'", egress: [{ action: 'Deny' }] })],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.16 §6.8 NetworkPolicy never selects other namespaces',
    extra: [np('prod', 'prod-deny', { types: ['Ingress'], ingress: [{ action: 'Deny' }] })],
    flow: tcp(EXT, CLIENT, 8080),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.16 §6.8 NetworkPolicy never selects HEPs',
    base: [...baseWithoutHeps, ...allowProfile],
    extra: [
      np('prod', 'prod-deny', { selector: 'all()', types: ['Ingress'], ingress: [{ action: 'Deny' }] }),
    ],
    flow: tcp(EXT, N1_PUB, 80),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.17 §3.2 GNP without selector applies to WEPs',
    extra: [gnp('everything', { order: 1, ingress: [{ action: 'Deny' }] })],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: 'everything',
  },
  {
    cite: '§12.17 §3.2 GNP without selector applies to HEPs',
    extra: [gnp('everything', { order: 1, ingress: [{ action: 'Deny' }] })],
    flow: tcp(EXT, N1_PUB, 8000),
    verdict: 'Deny',
    decidedBy: 'everything',
  },
  {
    cite: '§12.18 §6.8 GNP namespaceSelector all() never applies to HEPs',
    base: [...baseWithoutHeps, ...allowProfile],
    extra: [denyAll('ns-all', '', { namespaceSelector: 'all()' })],
    flow: tcp(EXT, N1_PUB, 8000),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.18 §6.8 GNP namespaceSelector all() applies to pods',
    extra: [denyAll('ns-all', '', { namespaceSelector: 'all()' })],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: 'ns-all',
  },
  {
    cite: '§12.18 §6.8 negative namespaceSelector still applies to HEPs',
    base: [...baseWithoutHeps, ...allowProfile],
    extra: [denyAll('ns-neg', '', { namespaceSelector: "env != 'x'" })],
    flow: tcp(EXT, N1_PUB, 8000),
    verdict: 'Deny',
    decidedBy: 'ns-neg',
  },
  {
    cite: '§12.19 §1.1 implicit namespace + pcns labels',
    extra: [
      denyAll(
        'implicit',
        "projectcalico.org/namespace == 'prod' && pcns.env == 'prod' && pcns.projectcalico.org/name == 'prod'",
      ),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: 'implicit',
  },
  {
    cite: '§12.19 §1.1 pcsa labels from the ServiceAccount',
    extra: [
      denyAll(
        'by-sa',
        "pcsa.team == 'a' && pcsa.projectcalico.org/name == 'web-sa' && projectcalico.org/serviceaccount == 'web-sa'",
      ),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: 'by-sa',
  },
  {
    cite: '§12.19 §1.1 pcsa labels: other pods unaffected',
    extra: [denyAll('by-sa', "pcsa.team == 'a'")],
    flow: tcp(EXT, DB, 5432),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.18 §6.8 GNP serviceAccountSelector is pcsa-prefixed',
    extra: [denyAll('sa-sel', '', { serviceAccountSelector: "team == 'a'" })],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: 'sa-sel',
  },
  {
    cite: '§12.20 §4.2 preDNAT policy never applies to WEPs',
    extra: [denyAll('prednat-web', "app == 'web'", { preDNAT: true, applyOnForward: true })],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.21 §2.5 staged policy never enforced',
    extra: [
      sgnp('staged-deny', {
        order: 1,
        selector: "app == 'web'",
        types: ['Ingress'],
        ingress: [{ action: 'Deny' }],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.21 §2.5 tier with only staged policies behaves as Pass',
    extra: [
      tier('security', 10),
      sgnp('security.staged', { tier: 'security', selector: "app == 'web'", ingress: [{ action: 'Deny' }] }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: null,
  },
  // Ordering
  {
    cite: '§12.22 §2.1 lower tier order first',
    extra: [
      tier('a', 20),
      tier('b', 10),
      gnp('a.deny', { tier: 'a', selector: "app == 'web'", ingress: [{ action: 'Deny' }] }),
      gnp('b.allow', { tier: 'b', selector: "app == 'web'", ingress: [{ action: 'Allow' }] }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'b.allow',
  },
  {
    // The page says "nil order last"; Calico reads a Tier without an order as 1 000 000
    // (libcalico-go `resources/tier.go` DefaultTierFields, on every datastore read).
    cite: '§12.22 §2.1 DefaultTierFields: a tier without order is at 1 000 000, before larger orders',
    extra: [
      tier('a'),
      tier('b', 999_999_999),
      gnp('a.deny', { tier: 'a', selector: "app == 'web'", ingress: [{ action: 'Deny' }] }),
      gnp('b.allow', { tier: 'b', selector: "app == 'web'", ingress: [{ action: 'Allow' }] }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: 'a.deny',
  },
  {
    cite: '§12.22 §2.1 equal tier orders → by name',
    extra: [
      tier('zeta', 10),
      tier('alpha', 10),
      gnp('zeta.deny', { tier: 'zeta', selector: "app == 'web'", ingress: [{ action: 'Deny' }] }),
      gnp('alpha.allow', { tier: 'alpha', selector: "app == 'web'", ingress: [{ action: 'Allow' }] }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'alpha.allow',
  },
  {
    cite: '§12.23 §2.1 built-in kube-admin tier (1000) runs before default',
    extra: [
      gnp('deny-default', { order: 1, selector: "app == 'web'", ingress: [{ action: 'Deny' }] }),
      gnp('kube-admin.allow', {
        tier: 'kube-admin',
        selector: "app == 'web'",
        ingress: [{ action: 'Allow' }],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'kube-admin.allow',
  },
  {
    cite: '§12.23 §2.1 kube-baseline tier runs after default',
    extra: [
      gnp('allow-default', { order: 1, selector: "app == 'web'", ingress: [{ action: 'Allow' }] }),
      gnp('kube-baseline.deny', {
        tier: 'kube-baseline',
        selector: "app == 'web'",
        ingress: [{ action: 'Deny' }],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'allow-default',
  },
  {
    cite: '§12.25 §2.2 equal order → name/namespace/kind',
    extra: [
      gnp('b-deny', { order: 10, selector: "app == 'web'", ingress: [{ action: 'Deny' }] }),
      gnp('a-allow', { order: 10, selector: "app == 'web'", ingress: [{ action: 'Allow' }] }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'a-allow',
  },
  {
    cite: '§12.25 §2.2 no order sorts after any order',
    extra: [
      gnp('a-deny', { selector: "app == 'web'", ingress: [{ action: 'Deny' }] }),
      gnp('z-allow', { order: 1e9, selector: "app == 'web'", ingress: [{ action: 'Allow' }] }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'z-allow',
  },
  {
    cite: '§12.25 §2.2 negative/fractional orders',
    extra: [
      gnp('a-deny', { order: 0.5, selector: "app == 'web'", ingress: [{ action: 'Deny' }] }),
      gnp('z-allow', { order: -1, selector: "app == 'web'", ingress: [{ action: 'Allow' }] }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'z-allow',
  },
  {
    cite: '§12.26 §12.27 §2.3 K8s NetworkPolicy (order 1000) before an order-less Calico policy',
    extra: [
      knp('prod', 'k8s-allow', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{}] }),
      np('prod', 'deny-noorder', { selector: "app == 'web'", ingress: [{ action: 'Deny' }] }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'k8s-allow',
  },
  {
    cite: '§12.26 §2.3 K8s NetworkPolicy egress needs policyTypes',
    extra: [knp('prod', 'k8s-eg', { podSelector: {}, egress: [] })],
    flow: tcp(WEB, EXT, 443),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.26 §2.3 K8s NetworkPolicy Egress type isolates',
    extra: [
      knp('prod', 'k8s-eg', {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{ to: [{ namespaceSelector: { matchLabels: { env: 'dev' } } }] }],
      }),
    ],
    flow: tcp(WEB, EXT, 443),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§2.3 K8s peer namespaceSelector matches the namespace labels',
    extra: [
      knp('prod', 'from-dev', {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [
          { from: [{ namespaceSelector: { matchLabels: { env: 'dev' } } }], ports: [{ port: 'http' }] },
        ],
      }),
    ],
    flow: tcp(CLIENT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'from-dev',
  },
  {
    cite: '§2.3 K8s named port resolves per pod',
    extra: [
      knp('prod', 'from-dev', {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [{ ports: [{ port: 'http' }] }],
      }),
    ],
    flow: tcp(CLIENT, WEB, 9090),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.28 §2.4 first matching rule ends the policy',
    extra: [
      gnp('first', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [8080] } }, { action: 'Deny' }],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'first',
  },
  // Actions / verdict
  {
    cite: '§12.32 §3.1 Pass after the last tier → profiles',
    extra: [
      tier('security', 10),
      gnp('security.pass', { tier: 'security', selector: "app == 'web'", ingress: [{ action: 'Pass' }] }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.33 §3.1 end-of-tier drop in a Deny tier',
    extra: [
      tier('security', 10),
      gnp('security.only-db', {
        tier: 'security',
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { selector: "app == 'db'" } }],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.34 §3.1 tier without an applicable policy is skipped',
    extra: [
      tier('security', 10),
      gnp('security.db-only', { tier: 'security', selector: "app == 'db'", ingress: [{ action: 'Deny' }] }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.35 §3.1 profiles in order; Pass moves to the next profile',
    base: [
      ...baseWithoutHeps,
      hep('node-1-eth1', 'node-1', 'eth1', ['203.0.113.11'], { role: 'public' }, ['p-pass', 'p-allow']),
    ],
    extra: [
      profile('p-pass', { ingress: [{ action: 'Pass' }, { action: 'Deny' }] }),
      profile('p-allow', { ingress: [{ action: 'Allow' }] }),
    ],
    flow: tcp(EXT, N1_PUB, 80),
    verdict: 'Allow',
    decidedBy: 'p-allow',
  },
  {
    cite: '§12.35 §3.1 profile Deny',
    base: [
      ...baseWithoutHeps,
      hep('node-1-eth1', 'node-1', 'eth1', ['203.0.113.11'], { role: 'public' }, ['p-deny']),
    ],
    extra: [profile('p-deny', { ingress: [{ action: 'Deny' }] })],
    flow: tcp(EXT, N1_PUB, 80),
    verdict: 'Deny',
    decidedBy: 'p-deny',
  },
  {
    // felix/calc/active_rules_calculator.go sendProfileUpdate: a profile an endpoint names that
    // does not exist is programmed as DummyDropRules (one Deny each way), not skipped.
    cite: '§3.1 a profile that does not exist drops (Felix DummyDropRules), before later profiles',
    base: [
      ...baseWithoutHeps,
      hep('node-1-eth1', 'node-1', 'eth1', ['203.0.113.11'], { role: 'public' }, [
        'no-such-profile',
        'projectcalico-default-allow',
      ]),
    ],
    extra: [],
    flow: tcp(EXT, N1_PUB, 80),
    verdict: 'Deny',
    decidedBy: 'no-such-profile',
  },
  {
    // A ServiceAccount's ksa.<ns>.<sa> profile exists with no rules (conversion.go
    // ServiceAccountToProfile) whether or not a pod uses it: no match, on to the next profile.
    cite: '§3.1 a host endpoint naming an existing service account profile goes on to its next profile',
    base: [
      ...baseWithoutHeps,
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot', namespace: 'prod' } },
      hep('node-1-eth1', 'node-1', 'eth1', ['203.0.113.11'], { role: 'public' }, [
        'ksa.prod.robot',
        'projectcalico-default-allow',
      ]),
    ],
    extra: [],
    flow: tcp(EXT, N1_PUB, 80),
    verdict: 'Allow',
    decidedBy: 'projectcalico-default-allow',
  },
  {
    cite: '§12.37 §3.2 types without rules = default deny',
    extra: [gnp('default-deny', { selector: "app == 'web'", types: ['Ingress', 'Egress'] })],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.38 §3.3 pod→pod needs source egress allow',
    extra: [gnp('client-no-egress', { selector: "app == 'client'", egress: [{ action: 'Deny' }] })],
    flow: tcp(CLIENT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: 'client-no-egress',
  },
  {
    cite: '§12.39 §3.3 host → local pod always allowed',
    extra: [denyAll('web-deny', "app == 'web'")],
    flow: tcp('10.0.0.11', WEB, 8080),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.39 §3.3 host → remote pod is policed by pod ingress',
    extra: [denyAll('web-deny', "app == 'web'")],
    flow: tcp('10.0.0.12', WEB, 8080),
    verdict: 'Deny',
    decidedBy: 'web-deny',
  },
  {
    cite: '§12.40 §4.7 pod → own host: DefaultEndpointToHostAction (standard Accept)',
    extra: [denyAll('host-deny', "role == 'public'")],
    flow: tcp(CLIENT, '10.0.0.11', 10250),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.40 §4.7 pod → own host: Drop configured',
    extra: [felix({ defaultEndpointToHostAction: 'Drop' })],
    flow: tcp(CLIENT, '10.0.0.11', 10250),
    verdict: 'Deny',
    decidedBy: null,
  },
  // Host endpoints
  {
    cite: '§12.42 §4.1 interface without HEP is not policed',
    extra: [gnp('everything', { order: 1, ingress: [{ action: 'Deny' }] })],
    flow: tcp(EXT, '10.0.0.12', 80),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.44 §4.1 `*` HEP governs interfaces without a specific HEP',
    extra: [hep('node-2-all', 'node-2', '*', [], { role: 'any' })],
    flow: tcp(EXT, '10.0.0.12', 80),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.44 §4.1 doNotTrack ignored on `*` HEPs',
    extra: [
      hep('node-2-all', 'node-2', '*', [], { role: 'any' }),
      gnp('untracked-allow', {
        selector: "role == 'any'",
        doNotTrack: true,
        applyOnForward: true,
        ingress: [{ action: 'Allow' }],
      }),
    ],
    flow: tcp(EXT, '10.0.0.12', 80),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.45 §4.4 untracked Deny wins over pre-DNAT Allow',
    extra: [
      gnp('u-deny', {
        order: 100,
        selector: "role == 'public'",
        doNotTrack: true,
        applyOnForward: true,
        ingress: [{ action: 'Deny' }],
      }),
      gnp('p-allow', {
        order: 1,
        selector: "role == 'public'",
        preDNAT: true,
        applyOnForward: true,
        ingress: [{ action: 'Allow' }],
      }),
    ],
    // An ephemeral source port: the raw table's failsafe matches read it (see the rows below).
    flow: tcp(EXT, N1_PUB, 80, { srcPort: 40000 }),
    verdict: 'Deny',
    decidedBy: 'u-deny',
  },
  {
    // Issue #12 item 6: an untracked connection's reply must be allowed too (here by u-allow's
    // egress rule); without it the connection cannot complete (next row).
    cite: '§12.54 §4.4 untracked Allow accepts host-bound traffic (normal skipped)',
    extra: [
      gnp('u-allow', {
        selector: "role == 'public'",
        doNotTrack: true,
        applyOnForward: true,
        types: ['Ingress', 'Egress'],
        ingress: [{ action: 'Allow' }],
        egress: [{ action: 'Allow', protocol: 'TCP', source: { ports: [80] } }],
      }),
      gnp('n-deny', { order: 1, selector: "role == 'public'", ingress: [{ action: 'Deny' }] }),
    ],
    flow: tcp(EXT, N1_PUB, 80, { srcPort: 40000 }),
    verdict: 'Allow',
    decidedBy: 'u-allow',
  },
  {
    cite: '§4.4 untracked Allow without a rule for the reply: the reply meets normal egress (default drop)',
    extra: [
      gnp('u-allow-in', {
        selector: "role == 'public'",
        doNotTrack: true,
        applyOnForward: true,
        ingress: [{ action: 'Allow' }],
      }),
    ],
    flow: tcp(EXT, N1_PUB, 80),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.55 §4.4 pre-DNAT Allow skips normal host ingress',
    extra: [
      gnp('p-allow', {
        selector: "role == 'public'",
        preDNAT: true,
        applyOnForward: true,
        ingress: [{ action: 'Allow' }],
      }),
      gnp('n-deny', { order: 1, selector: "role == 'public'", ingress: [{ action: 'Deny' }] }),
    ],
    flow: tcp(EXT, N1_PUB, 80),
    verdict: 'Allow',
    decidedBy: 'p-allow',
  },
  {
    cite: '§12.55 §4.4 pre-DNAT no match → continue to normal policy',
    extra: [
      gnp('p-other', {
        selector: "role == 'public'",
        preDNAT: true,
        applyOnForward: true,
        ingress: [{ action: 'Deny', protocol: 'UDP' }],
      }),
      gnp('n-allow', { order: 1, selector: "role == 'public'", ingress: [{ action: 'Allow' }] }),
    ],
    flow: tcp(EXT, N1_PUB, 80),
    verdict: 'Allow',
    decidedBy: 'n-allow',
  },
  {
    cite: '§12.46 §4.8 host-originated: normal egress of the HEP',
    extra: [gnp('no-out', { selector: "role == 'public'", types: ['Egress'], egress: [{ action: 'Deny' }] })],
    flow: tcp(N1_PUB, EXT, 443),
    verdict: 'Deny',
    decidedBy: 'no-out',
  },
  {
    cite: '§12.48 §4.6 outbound failsafe udp 53',
    extra: [gnp('no-out', { selector: "role == 'public'", types: ['Egress'], egress: [{ action: 'Deny' }] })],
    flow: { protocol: 'UDP', srcIp: N1_PUB, dstIp: EXT, dstPort: 53 },
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.47 §4.6 FelixConfiguration replaces inbound failsafes',
    extra: [
      felix({ failsafeInboundHostPorts: [{ protocol: 'TCP', port: 2222 }] }),
      denyAll('deny-host', "role == 'public'"),
    ],
    flow: tcp(EXT, N1_PUB, 22),
    verdict: 'Deny',
    decidedBy: 'deny-host',
  },
  {
    cite: '§12.47 §4.6 configured failsafe port accepted',
    extra: [
      felix({ failsafeInboundHostPorts: [{ protocol: 'TCP', port: 2222 }] }),
      denyAll('deny-host', "role == 'public'"),
    ],
    flow: tcp(EXT, N1_PUB, 2222),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.51 §4.6 failsafe net restricts the source',
    extra: [
      felix({ failsafeInboundHostPorts: [{ protocol: 'TCP', port: 22, net: '192.0.2.0/24' }] }),
      denyAll('deny-host', "role == 'public'"),
    ],
    flow: tcp(EXT, N1_PUB, 22),
    verdict: 'Deny',
    decidedBy: 'deny-host',
  },
  {
    cite: '§12.52 §4.4 HEP without policy or profile drops',
    extra: [],
    flow: tcp(EXT, N1_PUB, 80),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.53 §4.4 projectcalico-default-allow profile',
    base: [...baseWithoutHeps, ...allowProfile],
    extra: [],
    flow: tcp(EXT, N1_PUB, 80),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§4.6 raw table: a reply from an outbound failsafe port bypasses untracked policy only',
    extra: [
      UNTRACKED_DENY_PUBLIC,
      gnp('n-allow', {
        order: 1,
        selector: "role == 'public'",
        ingress: [{ action: 'Allow', protocol: 'UDP' }],
      }),
    ],
    flow: { protocol: 'UDP', srcIp: EXT, srcPort: 53, dstIp: N1_PUB, dstPort: 40000 },
    verdict: 'Allow',
    decidedBy: 'n-allow',
  },
  {
    cite: '§4.4 untracked Deny applies to other source ports',
    extra: [
      UNTRACKED_DENY_PUBLIC,
      gnp('n-allow', {
        order: 1,
        selector: "role == 'public'",
        ingress: [{ action: 'Allow', protocol: 'UDP' }],
      }),
    ],
    flow: { protocol: 'UDP', srcIp: EXT, srcPort: 5353, dstIp: N1_PUB, dstPort: 40000 },
    verdict: 'Deny',
    decidedBy: 'u-deny',
  },
  {
    cite: '§12.43 §4.1 a HEP by interfaceName and one by expectedIPs: the smallest name wins',
    extra: [
      hep('a-node-1-dup', 'node-1', '', ['203.0.113.11'], { role: 'dup' }),
      gnp('dup-allow', { selector: "role == 'dup'", ingress: [{ action: 'Allow' }] }),
    ],
    flow: tcp(EXT, N1_PUB, 8000),
    verdict: 'Allow',
    decidedBy: 'dup-allow',
  },
  {
    cite: '§12.63 §5 host → ClusterIP: HEP egress sees the post-DNAT destination',
    extra: [
      service('prod', 'db', { selector: { app: 'db' }, clusterIP: '10.96.0.20', port: 80, targetPort: 5432 }),
      gnp('no-db-from-hosts', {
        selector: "role == 'public'",
        types: ['Egress'],
        egress: [{ action: 'Deny', destination: { nets: ['10.1.0.20/32'] } }, { action: 'Allow' }],
      }),
    ],
    flow: tcp(N1_PUB, '10.96.0.20', 80),
    verdict: 'Deny',
    decidedBy: 'no-db-from-hosts',
  },
  // Forwarded traffic
  {
    cite: '§12.58 §4.5 normal HEP policy does not police forwarded traffic',
    extra: [
      service('prod', 'web-lb', {
        type: 'LoadBalancer',
        selector: { app: 'web' },
        clusterIP: '10.96.0.10',
        port: 80,
        targetPort: 'http',
        nodePort: 30080,
        lb: '192.0.2.80',
      }),
      denyAll('host-deny', "role == 'public'"),
    ],
    flow: tcp(EXT, '192.0.2.80', 80),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.59 §4.5 AoF ingress policy on the entry HEP',
    extra: [
      service('prod', 'web-lb', {
        type: 'LoadBalancer',
        selector: { app: 'web' },
        clusterIP: '10.96.0.10',
        port: 80,
        targetPort: 'http',
        nodePort: 30080,
        lb: '192.0.2.80',
        etp: 'Local',
      }),
      denyAll('aof-deny', "role == 'public'", { applyOnForward: true }),
    ],
    flow: tcp(EXT, '192.0.2.80', 80),
    verdict: 'Deny',
    decidedBy: 'aof-deny',
  },
  {
    cite: '§12.61 §4.5 forward chain end-of-tier drop',
    extra: [
      service('prod', 'web-lb', {
        type: 'NodePort',
        selector: { app: 'web' },
        clusterIP: '10.96.0.10',
        port: 80,
        targetPort: 8080,
        nodePort: 30080,
      }),
      gnp('aof-9999', {
        selector: "role == 'public'",
        applyOnForward: true,
        ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [9999] } }],
      }),
    ],
    flow: tcp(EXT, N1_PUB, 30080),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.60 §4.5 AoF policy only for the other direction → allowed',
    extra: [
      service('prod', 'web-np', {
        type: 'NodePort',
        selector: { app: 'web' },
        clusterIP: '10.96.0.10',
        port: 80,
        targetPort: 8080,
        nodePort: 30080,
      }),
      gnp('aof-egress', {
        selector: "role == 'public'",
        applyOnForward: true,
        types: ['Egress'],
        egress: [{ action: 'Deny' }],
      }),
    ],
    flow: tcp(EXT, N1_PUB, 30080),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.59 §4.8 pod → external: AoF egress of the outgoing HEP',
    extra: [
      gnp('aof-egress', {
        selector: "role == 'public'",
        applyOnForward: true,
        types: ['Egress'],
        egress: [{ action: 'Deny' }],
      }),
    ],
    flow: tcp(WEB, EXT, 443),
    verdict: 'Deny',
    decidedBy: 'aof-egress',
  },
  {
    cite: '§12.55 §4.4 pre-DNAT Allow skips AoF ingress but not workload policy',
    extra: [
      service('prod', 'web-np', {
        type: 'NodePort',
        selector: { app: 'web' },
        clusterIP: '10.96.0.10',
        port: 80,
        targetPort: 8080,
        nodePort: 30080,
      }),
      gnp('p-allow', {
        selector: "role == 'public'",
        preDNAT: true,
        applyOnForward: true,
        ingress: [{ action: 'Allow' }],
      }),
      denyAll('aof-deny', "role == 'public'", { applyOnForward: true }),
      denyAll('web-deny', "app == 'web'", { order: 20 }),
    ],
    flow: tcp(EXT, N1_PUB, 30080),
    verdict: 'Deny',
    decidedBy: 'web-deny',
  },
  {
    cite: '§12.51 §4.6 failsafe port on a VIP bypasses pre-DNAT only',
    extra: [
      service('prod', 'web-lb', {
        type: 'LoadBalancer',
        selector: { app: 'web' },
        clusterIP: '10.96.0.10',
        port: 22,
        targetPort: 8080,
        nodePort: 30022,
        lb: '192.0.2.80',
        etp: 'Local',
      }),
      denyAll('p-deny', "role == 'public'", { preDNAT: true, applyOnForward: true }),
    ],
    flow: tcp(EXT, '192.0.2.80', 22),
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: '§12.57 §5 pre-DNAT sees the nodePort',
    extra: [
      service('prod', 'web-np', {
        type: 'NodePort',
        selector: { app: 'web' },
        clusterIP: '10.96.0.10',
        port: 80,
        targetPort: 8080,
        nodePort: 30080,
      }),
      gnp('deny-np', {
        selector: "role == 'public'",
        preDNAT: true,
        applyOnForward: true,
        ingress: [{ action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } }],
      }),
    ],
    flow: tcp(EXT, N1_PUB, 30080),
    verdict: 'Deny',
    decidedBy: 'deny-np',
  },
  {
    cite: '§12.88 §5 eTP Cluster, backend on the entry node: client IP kept',
    extra: [
      service('prod', 'web-np', {
        type: 'NodePort',
        selector: { app: 'web' },
        clusterIP: '10.96.0.10',
        port: 80,
        targetPort: 8080,
        nodePort: 30080,
      }),
      gnp('only-ext', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { nets: ['198.51.100.0/24'] } }],
      }),
    ],
    flow: tcp(EXT, N1_PUB, 30080),
    verdict: 'Allow',
    decidedBy: 'only-ext',
  },
  {
    cite: '§12.88 §5 eTP Cluster, remote backend: SNAT to the entry node',
    extra: [
      service('prod', 'db-np', {
        type: 'NodePort',
        selector: { app: 'db' },
        clusterIP: '10.96.0.20',
        port: 80,
        targetPort: 5432,
        nodePort: 30081,
      }),
      gnp('only-ext', {
        selector: "app == 'db'",
        ingress: [{ action: 'Allow', source: { nets: ['198.51.100.0/24'] } }],
      }),
    ],
    flow: tcp(EXT, N1_PUB, 30081),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§5 eTP Local without a local backend: kube-proxy drops',
    extra: [
      service('prod', 'db-np', {
        type: 'NodePort',
        selector: { app: 'db' },
        clusterIP: '10.96.0.20',
        port: 80,
        targetPort: 5432,
        nodePort: 30081,
        etp: 'Local',
      }),
    ],
    flow: tcp(EXT, N1_PUB, 30081),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.87 §5 pod egress to a ClusterIP sees the pod IP, not the ClusterIP',
    extra: [
      service('prod', 'db', { selector: { app: 'db' }, clusterIP: '10.96.0.20', port: 80, targetPort: 5432 }),
      gnp('to-cip', {
        selector: "app == 'client'",
        egress: [{ action: 'Allow', destination: { nets: ['10.96.0.0/16'] } }],
      }),
    ],
    flow: tcp(CLIENT, '10.96.0.20', 80),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.85 §6.9 destination.services matches backend pod IP:port',
    extra: [
      service('prod', 'db', { selector: { app: 'db' }, clusterIP: '10.96.0.20', port: 80, targetPort: 5432 }),
      gnp('to-svc', {
        selector: "app == 'client'",
        egress: [{ action: 'Allow', destination: { services: { name: 'db', namespace: 'prod' } } }],
      }),
    ],
    flow: tcp(CLIENT, '10.96.0.20', 80),
    verdict: 'Allow',
    decidedBy: 'to-svc',
  },
  {
    cite: '§12.85 §6.9 destination.services does not match other ports',
    extra: [
      service('prod', 'db', { selector: { app: 'db' }, clusterIP: '10.96.0.20', port: 80, targetPort: 5432 }),
      gnp('to-svc', {
        selector: "app == 'client'",
        egress: [{ action: 'Allow', destination: { services: { name: 'db', namespace: 'prod' } } }],
      }),
    ],
    flow: tcp(CLIENT, DB, 22),
    verdict: 'Deny',
    decidedBy: null,
  },
  // Match criteria
  {
    cite: '§12.64 §6.1 empty rule matches IPv6 too',
    extra: [gnp('all6', { selector: "app == 'web6'", ingress: [{ action: 'Allow' }] })],
    flow: tcp('2001:db8::1', '2001:db8::10', 80),
    verdict: 'Allow',
    decidedBy: 'all6',
  },
  {
    cite: '§12.68 §6.2 IPv4-only notNets never match IPv6',
    extra: [
      gnp('v4only', {
        selector: "app == 'web6'",
        ingress: [{ action: 'Allow', source: { notNets: ['10.0.0.0/8'] } }],
      }),
    ],
    flow: tcp('2001:db8::1', '2001:db8::10', 80),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.66 §6.2 ipVersion 6 never matches IPv4',
    extra: [gnp('v6', { selector: "app == 'web'", ingress: [{ action: 'Allow', ipVersion: 6 }] })],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.67 §6.2 protocol ICMPv6 implies IPv6',
    extra: [
      gnp('icmp6', {
        selector: "app == 'web'",
        ingress: [
          { action: 'Allow', notProtocol: 'TCP' },
          { action: 'Allow', protocol: 'ICMPv6' },
        ],
      }),
    ],
    flow: { protocol: 'ICMP', srcIp: EXT, dstIp: WEB },
    verdict: 'Allow',
    decidedBy: 'icmp6',
  },
  {
    cite: '§12.69 §6.2 notNets 0.0.0.0/0 never matches IPv4',
    extra: [
      gnp('catch-all', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { notNets: ['0.0.0.0/0'] } }],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.70 §6.3 protocol 6 ≡ TCP',
    extra: [gnp('p6', { selector: "app == 'web'", ingress: [{ action: 'Allow', protocol: 6 }] })],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'p6',
  },
  {
    cite: '§12.71 §6.3 notProtocol',
    extra: [gnp('not-udp', { selector: "app == 'web'", ingress: [{ action: 'Allow', notProtocol: 'UDP' }] })],
    flow: { protocol: 'UDP', srcIp: EXT, dstIp: WEB, dstPort: 53 },
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.72 §6.4 port ranges are inclusive',
    extra: [
      gnp('range', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: ['8000:8080'] } }],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'range',
  },
  {
    cite: '§12.73 §6.4 source.ports tests the source port',
    extra: [
      gnp('sport', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', protocol: 'TCP', source: { ports: [40000] } }],
      }),
    ],
    flow: tcp(EXT, WEB, 8080, { srcPort: 40000 }),
    verdict: 'Allow',
    decidedBy: 'sport',
  },
  {
    cite: '§12.73 §6.4 source.ports: other source port',
    extra: [
      gnp('sport', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', protocol: 'TCP', source: { ports: [40000] } }],
      }),
    ],
    flow: tcp(EXT, WEB, 40000, { srcPort: 1234 }),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.65 §6.1 notPorts: no entry may match',
    extra: [
      gnp('notports', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', protocol: 'TCP', destination: { notPorts: [22, '8000:8080'] } }],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.74 §6.4 named port restricted by the positive selector',
    extra: [
      gnp('named', {
        selector: 'has(app)',
        ingress: [
          { action: 'Allow', protocol: 'TCP', destination: { selector: "app == 'db'", ports: ['http'] } },
        ],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.76 §6.5 nets and notNets',
    extra: [
      gnp('nets', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { nets: ['198.51.100.0/24'], notNets: ['198.51.100.7/32'] } }],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.77 §6.7 rule selector never matches unknown IPs',
    extra: [
      gnp('sel', { selector: "app == 'web'", ingress: [{ action: 'Allow', source: { selector: 'all()' } }] }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.77 §1.2 GlobalNetworkSet IPs match rule selectors',
    extra: [
      gns('partners', ['198.51.100.0/24'], { kind: 'partner' }),
      gnp('sel', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { selector: "kind == 'partner'" } }],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'sel',
  },
  {
    cite: '§12.77 §6.11 HEP expectedIPs match rule selectors',
    extra: [
      gnp('hosts-out', { selector: "role == 'public'", types: ['Egress'], egress: [{ action: 'Allow' }] }),
      gnp('from-hosts', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { selector: "role == 'public'" } }],
      }),
    ],
    flow: tcp('203.0.113.12', WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'from-hosts',
  },
  {
    cite: '§12.78 §6.7 GNP notSelector matches external IPs',
    extra: [
      gnp('notsel', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { notSelector: "app == 'client'" } }],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'notsel',
  },
  {
    cite: '§12.78 §6.7 GNP notSelector excludes selected entities',
    extra: [
      gnp('notsel', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { notSelector: "app == 'client'" } }],
      }),
    ],
    flow: tcp(CLIENT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.79 §6.7 NP notSelector-only is namespace-restricted',
    extra: [
      np('prod', 'notsel', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { notSelector: "app == 'client'" } }],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.79 §6.7 NP selector is own-namespace only',
    extra: [
      np('prod', 'sel', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { selector: "app == 'client'" } }],
      }),
    ],
    flow: tcp(CLIENT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.80 §6.7 NP nets-only rule is not namespace-restricted',
    extra: [
      np('prod', 'nets', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { nets: ['10.1.1.0/24'] } }],
      }),
    ],
    flow: tcp(CLIENT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'nets',
  },
  {
    cite: '§12.81 §6.7 namespaceSelector matches namespace labels',
    extra: [
      np('prod', 'from-dev', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { namespaceSelector: "env == 'dev'" } }],
      }),
    ],
    flow: tcp(CLIENT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'from-dev',
  },
  {
    cite: '§12.81 §6.7 namespaceSelector global() = HEPs and GlobalNetworkSets only',
    extra: [
      gnp('hosts-out', { selector: "role == 'public'", types: ['Egress'], egress: [{ action: 'Allow' }] }),
      gnp('global', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { namespaceSelector: 'global()' } }],
      }),
    ],
    flow: tcp('203.0.113.12', WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'global',
  },
  {
    cite: '§12.81 §6.7 namespaceSelector global() excludes pods',
    extra: [
      gnp('global', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', source: { namespaceSelector: 'global()' } }],
      }),
    ],
    flow: tcp(CLIENT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.82 §6.7 serviceAccounts.names in a GNP (any namespace)',
    extra: [
      gnp('by-sa', {
        selector: "app == 'db'",
        ingress: [{ action: 'Allow', source: { serviceAccounts: { names: ['web-sa'] } } }],
      }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Allow',
    decidedBy: 'by-sa',
  },
  {
    cite: '§12.82 §6.7 serviceAccounts names AND selector',
    extra: [
      gnp('by-sa', {
        selector: "app == 'db'",
        ingress: [
          { action: 'Allow', source: { serviceAccounts: { names: ['web-sa'], selector: "team == 'b'" } } },
        ],
      }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.83 §6.1 selector and nets are ANDed',
    extra: [
      gnp('and', {
        selector: "app == 'db'",
        ingress: [{ action: 'Allow', source: { selector: "app == 'web'", nets: ['10.9.0.0/16'] } }],
      }),
    ],
    flow: tcp(WEB, DB, 5432),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§12.84 §6.6 icmp type matches any code',
    extra: [
      gnp('ping', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', protocol: 'ICMP', icmp: { type: 8 } }],
      }),
    ],
    flow: { protocol: 'ICMP', srcIp: EXT, dstIp: WEB, icmp: { type: 8, code: 0 } },
    verdict: 'Allow',
    decidedBy: 'ping',
  },
  {
    cite: '§12.84 §6.6 notICMP negates',
    extra: [
      gnp('ping', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', protocol: 'ICMP', notICMP: { type: 8 } }],
      }),
    ],
    flow: { protocol: 'ICMP', srcIp: EXT, dstIp: WEB, icmp: { type: 8, code: 0 } },
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: '§6.5 rule_convert.go: notICMP without a type is no criterion (the Deny holds for pings)',
    extra: [
      gnp('ping', {
        selector: "app == 'web'",
        ingress: [{ action: 'Deny', protocol: 'ICMP', notICMP: {} }, { action: 'Allow' }],
      }),
    ],
    flow: { protocol: 'ICMP', srcIp: EXT, dstIp: WEB, icmp: { type: 8, code: 0 } },
    verdict: 'Deny',
    decidedBy: 'ping',
    ruleIndex: 0,
  },
  {
    cite: '§6.5 rule_convert.go: icmp without a type is no criterion (a typeless ICMP flow matches)',
    extra: [
      gnp('ping', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', protocol: 'ICMP', icmp: {} }],
      }),
    ],
    flow: { protocol: 'ICMP', srcIp: EXT, dstIp: WEB },
    verdict: 'Allow',
    decidedBy: 'ping',
  },
  {
    cite: '§6.1 a flow without srcPort that a rule reads: every source port is tried; they disagree, so Mixed',
    extra: [
      gnp('high-ports', {
        selector: "app == 'web'",
        ingress: [
          { action: 'Deny', protocol: 'TCP', source: { ports: ['1024:65535'] } },
          { action: 'Allow' },
        ],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Mixed',
    decidedBy: null,
  },
  {
    cite: '§6.1 a flow without srcPort: the verdict every source port gets (a Deny for them all stays a Deny)',
    extra: [
      // Every source port, 0 too: Calico refuses port 0 in a rule (so no `0:65535`), notPorts covers it.
      gnp('any-port', {
        selector: "app == 'web'",
        ingress: [
          { action: 'Deny', protocol: 'TCP', source: { ports: ['1:65535'] } },
          { action: 'Deny', protocol: 'TCP', source: { notPorts: ['1:65535'] } },
          { action: 'Allow' },
        ],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: 'any-port',
  },
  {
    cite: '§4.6 §6.1 untracked deny, no srcPort: source ports that are outbound failsafe ports bypass it (Mixed)',
    extra: [
      UNTRACKED_DENY_PUBLIC,
      // The normal policy that a packet from source port 179 (bgp, outbound failsafe) then meets.
      gnp('n-allow', { selector: "role == 'public'", ingress: [{ action: 'Allow' }] }),
    ],
    flow: tcp(EXT, N1_PUB, 80),
    verdict: 'Mixed',
    decidedBy: null,
  },
  {
    cite: '§12.86 §6.10 http criteria are ignored at L3/L4 (reported as unsupported)',
    extra: [
      gnp('alp', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', protocol: 'TCP', http: { methods: ['GET'] } }],
      }),
    ],
    flow: tcp(EXT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'alp',
  },
  // Felix's source where the semantics page is silent or reads otherwise.
  {
    cite: '§4.7 config_params.go oneof(DROP,RETURN,ACCEPT): Felix reads defaultEndpointToHostAction in any case',
    extra: [
      felix({ defaultEndpointToHostAction: 'DROP' }),
      gnp('allow-all-egress', { selector: "app == 'web'", types: ['Egress'], egress: [{ action: 'Allow' }] }),
    ],
    flow: tcp(WEB, '10.0.0.11', 10250),
    verdict: 'Deny',
    decidedBy: null,
  },
  {
    cite: "§4.7 static.go ICMPv6Filter: a pod's neighbor solicitation to its host is accepted before its egress policy and DefaultEndpointToHostAction",
    base: V6_HOST,
    extra: [],
    flow: { protocol: 'ICMPv6', srcIp: '2001:db8::10', dstIp: 'fd00::11', icmp: { type: 135 } },
    verdict: 'Allow',
    decidedBy: null,
  },
  {
    cite: "§4.7 static.go ICMPv6Filter: an echo request to its host is the pod's egress policy's",
    base: V6_HOST,
    extra: [],
    flow: { protocol: 'ICMPv6', srcIp: '2001:db8::10', dstIp: 'fd00::11', icmp: { type: 128 } },
    verdict: 'Deny',
    decidedBy: 'pod-deny-egress',
  },
  {
    cite: '§1.1 every namespace carries kubernetes.io/metadata.name (kube-apiserver, Kubernetes ≥ 1.22), inherited as pcns.*',
    extra: [
      np('prod', 'no-dev', {
        selector: "app == 'web'",
        ingress: [
          { action: 'Deny', source: { namespaceSelector: "kubernetes.io/metadata.name == 'dev'" } },
          { action: 'Allow' },
        ],
      }),
    ],
    flow: tcp(CLIENT, WEB, 8080),
    verdict: 'Deny',
    decidedBy: 'no-dev',
    ruleIndex: 0,
  },
  {
    cite: '§6.7 a notSelector beside a positive selector is folded into it (rule_scanner.go combineMatchesIfPossible): db is in prod and not a frontend, whatever else owns its address',
    extra: ONLY_FRONTENDS,
    flow: tcp(DB, WEB, 8080),
    verdict: 'Deny',
    decidedBy: 'only-frontends',
    ruleIndex: 0,
  },
  {
    cite: '§6.7 folded notSelector: no owner of the client address is in prod (the namespace term), so the Deny does not match',
    extra: ONLY_FRONTENDS,
    flow: tcp(CLIENT, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'only-frontends',
    ruleIndex: 1,
  },
  {
    cite: '§6.4 a named-only notPorts without protocol holds for packets without ports (policy.go: ! --match-set of TCP/UDP/SCTP entries)',
    extra: ONLY_HTTP,
    flow: { protocol: 'ICMP', srcIp: DB, dstIp: WEB, icmp: { type: 8 } },
    verdict: 'Deny',
    decidedBy: 'only-http',
    ruleIndex: 0,
  },
  {
    cite: '§6.4 a named-only notPorts without protocol: the named port itself is let through',
    extra: ONLY_HTTP,
    flow: tcp(DB, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'only-http',
    ruleIndex: 1,
  },
  {
    cite: '§2.3 conversion.go k8sRuleToCalico: a port entry without port makes its protocol all ports; protocols sorted (TCP is rule 0)',
    extra: WEB_PORTS,
    flow: tcp(DB, WEB, 8080),
    verdict: 'Allow',
    decidedBy: 'web-ports',
    ruleIndex: 0,
  },
  {
    cite: '§2.3 conversion.go k8sRuleToCalico: UDP, sorted after TCP, is rule 1',
    extra: WEB_PORTS,
    flow: { protocol: 'UDP', srcIp: DB, srcPort: 40000, dstIp: WEB, dstPort: 53 },
    verdict: 'Allow',
    decidedBy: 'web-ports',
    ruleIndex: 1,
  },
];

describe('§12 checklist', () => {
  for (const row of ROWS) {
    const resources = [...(row.base ?? BASE), ...row.extra];
    for (const engine of ['reference', 'compiled'] as const) {
      it(`${engine}: ${row.cite}`, () => {
        const world = World.from(resources, { engine });
        const result = world.evaluate(row.flow);
        const text = result.explain();
        expect(result.verdict, text).toBe(row.verdict);
        if (row.decidedBy === null) return;
        // The structured decision: the flow's, or (paths decided differently) each path's.
        const decisions = result.decidedBy ? [result.decidedBy] : result.paths.map((p) => p.decidedBy);
        expect(decisions.length, text).toBeGreaterThan(0);
        for (const d of decisions) expect(d.policy?.name, text).toBe(row.decidedBy);
        if (row.ruleIndex !== undefined)
          for (const d of decisions) expect(d.ruleIndex, text).toBe(row.ruleIndex);
      });
    }
  }

  it('reports a profile an endpoint names that does not exist (unknown_profile)', () => {
    const world = World.from([
      ...baseWithoutHeps,
      hep('node-1-eth1', 'node-1', 'eth1', ['203.0.113.11'], { role: 'public' }, ['no-such-profile']),
    ]);
    const hepIndex = baseWithoutHeps.length;
    expect(world.issues.filter((i) => i.code === 'unknown_profile')).toEqual([
      expect.objectContaining({ path: [hepIndex, 'spec', 'profiles', 0] }),
    ]);
  });

  it('reports http as unsupported (§6.10)', () => {
    const world = World.from([
      ...BASE,
      gnp('alp', {
        selector: "app == 'web'",
        ingress: [{ action: 'Allow', protocol: 'TCP', http: { methods: ['GET'] } }],
      }),
    ]);
    const result = world.evaluate(tcp(EXT, WEB, 8080));
    expect(result.unsupported).toEqual([
      {
        policy: { kind: 'GlobalNetworkPolicy', name: 'alp' },
        direction: 'ingress',
        ruleIndex: 0,
        feature: 'http (application-layer policy, §6.10)',
      },
    ]);
    expect(result.explain()).toContain('Unsupported: GlobalNetworkPolicy alp ingress rule 0 uses http');
  });
});
