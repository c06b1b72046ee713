/**
 * fast-check generators of small random worlds and flows, for "compiled engine = reference
 * engine" property tests (architecture.md: interpret, then compile).
 */
import fc from 'fast-check';
import type { Flow } from '../../src/index.js';
import {
  bgpConfiguration,
  felix,
  gnp,
  hep,
  kubeProxy,
  node,
  np,
  ns,
  pod,
  pool,
  service,
  sgnp,
  tier,
} from './world-kit.js';

const APPS = ['web', 'db', 'api'] as const;
const NAMESPACES = ['prod', 'dev'] as const;
export const POD_IPS = ['10.1.0.1', '10.1.0.2', '10.1.0.3', '10.1.0.4', '10.1.0.5', '10.1.0.6'];
export const OTHER_IPS = [
  '198.51.100.7',
  '203.0.113.9',
  '10.0.0.11',
  '10.0.0.12',
  '203.0.113.11',
  '192.0.2.80',
  '10.96.0.10',
];

const selector = fc.constantFrom(
  '',
  'all()',
  "app == 'web'",
  "app == 'db'",
  "app != 'api'",
  'has(app)',
  "env == 'prod'",
  "role == 'public'",
  // Does not parse: the policy selects nothing.
  "app == 'web",
);
// [0]: a port Calico refuses (the side matches nothing).
const ports = fc.constantFrom(undefined, [80], ['8000:9000'], ['http'], [8080, 'http'], [0]);
const entity = fc.record(
  {
    selector: fc.constantFrom(undefined, "app == 'web'", 'all()', "app != 'db'"),
    // Selectors and nets that do not parse make the side match nothing.
    notSelector: fc.constantFrom(undefined, "app == 'api'", 'app =='),
    namespaceSelector: fc.constantFrom(undefined, "env == 'dev'", 'all()', 'global()', 'env in {'),
    nets: fc.constantFrom(
      undefined,
      ['10.1.0.0/24'],
      ['198.51.100.0/24'],
      ['192.0.2.0/24', '10.0.0.0/8'],
      // IPv4-mapped IPv6: Felix gets 10.1.0.0/24.
      ['::ffff:10.1.0.0/120'],
      ['10.1.0.0/24', 'not-a-cidr'],
    ),
    notNets: fc.constantFrom(undefined, ['10.1.0.1/32'], ['::ffff:10.1.0.4/127']),
    ports,
    // A services match; without a namespace it matches nothing.
    services: fc.constantFrom(
      undefined,
      undefined,
      undefined,
      { name: 'svc', namespace: 'prod' },
      { name: 'svc' },
    ),
  },
  { requiredKeys: [] },
);
const rule = fc
  .record({
    action: fc.constantFrom('Allow', 'Deny', 'Pass', 'Log'),
    protocol: fc.constantFrom(undefined, 'TCP', 'UDP', 'ICMP', 6),
    // ICMP type/code matches (only kept on ICMP rules): flows with a type can reach rules
    // typeless flows cannot, which the analysis must not overlook.
    icmpMatch: fc.constantFrom(
      undefined,
      { icmp: { type: 8 } },
      { notICMP: { type: 8 } },
      { icmp: { type: 3, code: 1 } },
    ),
    source: fc.option(entity, { nil: undefined }),
    destination: fc.option(entity, { nil: undefined }),
  })
  .map((r) => {
    const out: Record<string, unknown> = { action: r.action };
    const usesPorts = (r.source?.ports ?? r.destination?.ports) !== undefined;
    const protocol = usesPorts && (r.protocol === undefined || r.protocol === 'ICMP') ? 'TCP' : r.protocol;
    if (protocol !== undefined) out.protocol = protocol;
    if (protocol === 'ICMP' && r.icmpMatch !== undefined) Object.assign(out, r.icmpMatch);
    const clean = (e: Record<string, unknown> | undefined) =>
      e === undefined ? undefined : Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined));
    if (r.source) out.source = { ...clean(r.source), ports: undefined };
    if (r.destination) out.destination = clean(r.destination);
    if (out.source) out.source = clean(out.source as Record<string, unknown>);
    return out;
  });
const policyFields = fc.record({
  order: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  selector,
  tier: fc.constantFrom(undefined, 'security', 'platform'),
  types: fc.constantFrom(undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']),
  ingress: fc.array(rule, { maxLength: 3 }),
  egress: fc.array(rule, { maxLength: 3 }),
  flags: fc.constantFrom('none', 'preDNAT', 'doNotTrack', 'aof'),
  kind: fc.constantFrom('gnp', 'np', 'staged'),
});
/**
 * FelixConfiguration `default` fields the packet path reads: the workload encapsulation drop
 * and the WireGuard accept ahead of host policy.
 */
const felixFields = fc.record(
  {
    // 8080: a pod port (and backend port) the flows use, so the drop meets policy decisions.
    vxlanPort: fc.constantFrom(4789, 8472, 8080),
    allowVXLANPacketsFromWorkloads: fc.boolean(),
    allowIPIPPacketsFromWorkloads: fc.boolean(),
    wireguardEnabled: fc.boolean(),
    // 22 and 443: ports the flows use (to hosts as well), so the accept meets host policy.
    wireguardListeningPort: fc.constantFrom(51820, 22, 443),
    // natOutgoing's exemptions and address, and the tunnels' switches and external hosts.
    natOutgoingExclusions: fc.constantFrom('IPPoolsOnly', 'IPPoolsAndHostIPs'),
    natOutgoingAddress: fc.constant('192.0.2.1'),
    ipipEnabled: fc.boolean(),
    vxlanEnabled: fc.boolean(),
    externalNodesList: fc.constant(['198.51.100.0/24']),
    // Interfaces no named host endpoint governs (the public HEP is on eth1).
    interfaceExclude: fc.constantFrom('kube-ipvs0', 'eth1', '/^eth/,kube-ipvs0', 'none'),
    // Failsafe entries, some of which Felix cannot parse (no protocol, SCTP, a bad net).
    failsafeInboundHostPorts: fc.constantFrom(
      [{ protocol: 'TCP', port: 22 }],
      [{ port: 22 }, { protocol: 'UDP', port: 53 }],
      [{ protocol: 'SCTP', port: 80 }],
      [{ protocol: 'TCP', port: 80, net: '198.51.100.0/24' }],
    ),
    failsafeOutboundHostPorts: fc.constantFrom(
      [{ protocol: 'TCP', port: 443, net: '10.1.0.0/30' }],
      [{ protocol: 'TCP', port: 443, net: 'not-a-net' }],
    ),
  },
  { requiredKeys: [] },
);
/**
 * kubeadm's ConfigMap `kube-system/kube-proxy`: its cluster CIDR (10.1.0.0/30 holds pods 1–3
 * only), and the node addresses that serve node ports.
 */
const kubeProxyConfigs = [
  'clusterCIDR: 10.1.0.0/30\n',
  'clusterCIDR: ""\n',
  'nodePortAddresses: [10.0.0.0/8]\n',
  'clusterCIDR: 10.1.0.0/16\nnodePortAddresses: [primary]\n',
  'nodePortAddresses: [127.0.0.0/8, 203.0.113.0/24]\n',
] as const;

/** The pods' IPPool: natOutgoing and the tunnel it turns on (the CRD allows one at a time). */
const poolFields = fc.record({
  natOutgoing: fc.boolean(),
  tunnel: fc.constantFrom('none', 'ipip', 'vxlan'),
});

const annotate = (o: Record<string, unknown>, annotations: Record<string, string>) => ({
  ...o,
  metadata: { ...(o.metadata as object), annotations },
});

/** A random world (plain manifests). */
export const arbitraryWorld = fc
  .record({
    podLabels: fc.array(
      fc.tuple(fc.constantFrom(...APPS), fc.constantFrom(...NAMESPACES), fc.constantFrom('node-1', 'node-2')),
      {
        minLength: POD_IPS.length,
        maxLength: POD_IPS.length,
      },
    ),
    policies: fc.array(policyFields, { maxLength: 8 }),
    pubHep: fc.boolean(),
    // A profile the public host endpoint names that does not exist drops.
    pubHepProfile: fc.constantFrom(undefined, undefined, undefined, 'no-such-profile'),
    // calico-node's annotation makes 198.51.100.7 one of node-2's addresses.
    annotated: fc.constantFrom(false, false, false, true),
    kubeProxy: fc.option(fc.constantFrom(...kubeProxyConfigs), { nil: undefined, freq: 2 }),
    wildcardHep: fc.boolean(),
    etp: fc.constantFrom('Cluster', 'Local'),
    securityPass: fc.boolean(),
    felix: fc.option(felixFields, { nil: undefined }),
    pool: fc.option(poolFields, { nil: undefined }),
    // BGP-advertised service CIDRs (service loop prevention): the cluster IP's and LB IP's ranges.
    advertised: fc.boolean(),
  })
  .map((w) => {
    const res: Record<string, unknown>[] = [
      ns('prod', { env: 'prod' }),
      ns('dev', { env: 'dev' }),
      node('node-1', '10.0.0.11', '203.0.113.11'),
      w.annotated
        ? annotate(node('node-2', '10.0.0.12', '203.0.113.12'), {
            'projectcalico.org/IPv4Address': '198.51.100.7/24',
          })
        : node('node-2', '10.0.0.12', '203.0.113.12'),
      tier('security', 10, w.securityPass ? 'Pass' : 'Deny'),
      tier('platform', 20, 'Pass'),
    ];
    w.podLabels.forEach(([app, namespace, nodeName], i) => {
      res.push(
        pod(
          namespace,
          `p${i}`,
          POD_IPS[i] as string,
          { app },
          { node: nodeName, ports: [{ name: 'http', containerPort: 8080 + (i % 2) }] },
        ),
      );
    });
    if (w.felix) res.push(felix(w.felix));
    if (w.pool)
      res.push(
        pool('pods', '10.1.0.0/16', {
          natOutgoing: w.pool.natOutgoing,
          ...(w.pool.tunnel === 'ipip' ? { ipipMode: 'Always' } : {}),
          ...(w.pool.tunnel === 'vxlan' ? { vxlanMode: 'Always' } : {}),
        }),
      );
    if (w.advertised)
      res.push(
        bgpConfiguration('default', {
          serviceClusterIPs: [{ cidr: '10.96.0.0/12' }],
          serviceLoadBalancerIPs: [{ cidr: '192.0.2.0/24' }],
        }),
      );
    if (w.pubHep)
      res.push(
        hep(
          'node-1-eth1',
          'node-1',
          'eth1',
          ['203.0.113.11'],
          { role: 'public' },
          w.pubHepProfile ? [w.pubHepProfile] : undefined,
        ),
      );
    if (w.kubeProxy) res.push(kubeProxy(w.kubeProxy));
    if (w.wildcardHep)
      res.push(hep('node-2-all', 'node-2', '*', [], { role: 'public' }, ['projectcalico-default-allow']));
    res.push(
      service('prod', 'svc', {
        type: 'LoadBalancer',
        selector: { app: 'web' },
        clusterIP: '10.96.0.10',
        port: 80,
        targetPort: 'http',
        nodePort: 30080,
        lb: '192.0.2.80',
        etp: w.etp as 'Local',
      }),
    );
    w.policies.forEach((p, i) => {
      const spec: Record<string, unknown> = { selector: p.selector, ingress: p.ingress, egress: p.egress };
      if (p.order !== undefined) spec.order = p.order;
      if (p.tier !== undefined) spec.tier = p.tier;
      if (p.types !== undefined) spec.types = p.types;
      if (p.kind === 'np') {
        res.push(np('prod', `np-${i}`, spec));
        return;
      }
      if (p.flags === 'preDNAT')
        Object.assign(spec, { preDNAT: true, applyOnForward: true, egress: [], types: ['Ingress'] });
      if (p.flags === 'doNotTrack') Object.assign(spec, { doNotTrack: true, applyOnForward: true });
      if (p.flags === 'aof') spec.applyOnForward = true;
      res.push(p.kind === 'staged' ? sgnp(`staged-${i}`, spec) : gnp(`gnp-${i}`, spec));
    });
    return res;
  });

/** A random flow between the world's addresses. */
export const arbitraryFlow: fc.Arbitrary<Flow> = fc
  .record({
    src: fc.constantFrom(...POD_IPS, ...OTHER_IPS),
    dst: fc.constantFrom(...POD_IPS, ...OTHER_IPS),
    // 4: IPIP; UDP 4789 / 8472: VXLAN at the default or a configured vxlanPort.
    protocol: fc.constantFrom('TCP', 'UDP', 'ICMP', 4),
    port: fc.constantFrom(80, 8080, 8081, 22, 30080, 443, 4789, 8472),
  })
  .map(
    (f): Flow =>
      f.protocol === 'ICMP' || f.protocol === 4
        ? { protocol: f.protocol, srcIp: f.src, dstIp: f.dst }
        : { protocol: f.protocol, srcIp: f.src, dstIp: f.dst, dstPort: f.port },
  );
