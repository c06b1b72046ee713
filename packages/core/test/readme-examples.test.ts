/**
 * The examples of packages/core/README.md, verbatim, so that CI type-checks them (tsc includes
 * test/) and checks the resources they build. Keep the two in sync when editing either.
 */
import { describe, expect, it } from 'vitest';
import {
  bgpConfiguration,
  CalicoValidationError,
  globalNetworkPolicy,
  globalNetworkSet,
  hostEndpoint,
  ipPool,
  networkPolicy,
  preDnat,
  rule,
  sel,
  tier,
} from '../src/index.js';

describe('README: quick start', () => {
  it('the design card', () => {
    // README: quick start
    // biome-ignore format: kept as in the README
    const denyNodePorts = preDnat('deny-nodeports')
      .selector("ibm.role=='worker_public'")
      .order(1100)
      .deny().tcp().ports('30000:32767')
      .deny().udp().ports('30000:32767');

    const resource = denyNodePorts.toResource(); // a deep-frozen GlobalNetworkPolicy
    expect(resource.spec.ingress).toHaveLength(2);
    expect(resource.spec.preDNAT).toBe(true);
  });
});

describe('README: DSL tour (the pre-DNAT tutorial)', () => {
  const LB = '169.46.10.20/32';
  const CLIENT = '198.51.100.7/32';
  const workerPublic = "ibm.role=='worker_public'";

  it('lesson 2: deny-nodeports', () => {
    // README: deny-nodeports
    const denyNodePorts = preDnat('deny-nodeports')
      .order(1100)
      .selector(workerPublic)
      .deny()
      .tcp()
      .ports('30000:32767')
      .deny()
      .udp()
      .ports('30000:32767');

    expect(denyNodePorts.toResource()).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'GlobalNetworkPolicy',
      metadata: { name: 'deny-nodeports' },
      spec: {
        order: 1100,
        ingress: [
          { action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } },
          { action: 'Deny', protocol: 'UDP', destination: { ports: ['30000:32767'] } },
        ],
        selector: workerPublic,
        types: ['Ingress'],
        preDNAT: true,
        applyOnForward: true,
      },
    });
  });

  it('lesson 3: deny-lb-port-80 and whitelist', () => {
    // README: deny-lb-port-80
    // biome-ignore format: kept as in the README
    const denyLbPort80 = preDnat('deny-lb-port-80')
      .order(800)
      .selector(workerPublic)
      .deny().tcp().toNets(LB).ports(80)
      .deny().udp().toNets(LB).ports(80);

    // README: whitelist
    // biome-ignore format: kept as in the README
    const whitelist = preDnat('whitelist')
      .order(500)
      .selector(workerPublic)
      .allow().tcp().fromNets(CLIENT).toNets(LB).ports(80);

    expect(denyLbPort80.toResource().spec.ingress).toEqual(
      ['TCP', 'UDP'].map((protocol) => ({
        action: 'Deny',
        protocol,
        destination: { nets: [LB], ports: [80] },
      })),
    );
    expect(whitelist.toResource().spec).toEqual({
      order: 500,
      ingress: [
        {
          action: 'Allow',
          protocol: 'TCP',
          source: { nets: [CLIENT] },
          destination: { nets: [LB], ports: [80] },
        },
      ],
      selector: workerPublic,
      types: ['Ingress'],
      preDNAT: true,
      applyOnForward: true,
    });
  });

  it('lesson 4: blacklist, from a shared base', () => {
    // README: blacklist
    const lbFromClient = { from: { nets: [CLIENT] }, to: { nets: [LB], ports: [80] } };
    // biome-ignore format: kept as in the README
    const blacklist = preDnat('blacklist')
      .order(500)
      .selector(workerPublic)
      .deny().tcp().from(lbFromClient.from).to(lbFromClient.to)
      .deny().udp().from(lbFromClient.from).to(lbFromClient.to);

    expect(blacklist.toResource().spec.ingress).toEqual(
      ['TCP', 'UDP'].map((protocol) => ({
        action: 'Deny',
        protocol,
        source: { nets: [CLIENT] },
        destination: { nets: [LB], ports: [80] },
      })),
    );
  });
});

describe('README: more builders', () => {
  it('directions, standalone rules, branching', () => {
    // README: directions
    const base = globalNetworkPolicy('allow-dns').tier('security').selector(sel.label('app').eq('web'));
    const dns = rule.allow().udp().toSelector("k8s-app == 'kube-dns'").ports(53);

    // biome-ignore format: kept as in the README
    const egressOnly = base.egress(dns); // types: [Egress]
    // biome-ignore format: kept as in the README
    const both = base.allow().tcp().ports(443).end().egress(dns); // types: [Ingress, Egress]

    expect(egressOnly.toResource().spec.types).toEqual(['Egress']);
    expect(both.toResource().spec.types).toEqual(['Ingress', 'Egress']);
    expect(base.toResource().spec.ingress).toBeUndefined(); // the base is unchanged
  });

  it('resources', () => {
    // README: resources
    const security = tier('security').order(100).defaultAction('Pass');
    const blocked = globalNetworkSet('blocked').labels({ list: 'blocked' }).nets('203.0.113.0/24');
    const worker = hostEndpoint('worker-1-public')
      .node('worker-1')
      .interfaceName('eth1')
      .expectedIPs('169.46.7.10')
      .labels({ 'ibm.role': 'worker_public' });
    // biome-ignore format: kept as in the README
    const web = networkPolicy('allow-web', 'prod')
      .selector("app == 'web'")
      .allow().tcp().ports(8080)
      .deny().fromSelector("list == 'blocked'");

    expect(security.toResource().spec).toEqual({ order: 100, defaultAction: 'Pass' });
    expect(blocked.toResource().spec.nets).toEqual(['203.0.113.0/24']);
    expect(worker.toResource().spec.interfaceName).toBe('eth1');
    expect(web.toResource().spec.ingress).toHaveLength(2);
  });

  it('ip pools', () => {
    // README: ip pools
    const pods = ipPool('pods-v4')
      .cidr('10.244.0.0/16')
      .vxlanMode('CrossSubnet')
      .natOutgoing()
      .nodeSelector("kubernetes.io/os == 'linux'");

    expect(pods.toResource()).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'IPPool',
      metadata: { name: 'pods-v4' },
      spec: {
        cidr: '10.244.0.0/16',
        vxlanMode: 'CrossSubnet',
        natOutgoing: true,
        nodeSelector: "kubernetes.io/os == 'linux'",
      },
    });
    const v6 = ipPool('pods-v6').cidr('fd00:10:244::/64').ipipMode('Always').build();
    expect(v6.ok || v6.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['forbidden_field', 'spec.ipipMode'],
    ]);
  });

  it('bgp configuration', () => {
    // README: bgp configuration
    const bgp = bgpConfiguration('default')
      .nodeToNodeMeshEnabled(false)
      .asNumber(64512)
      .serviceClusterIPs('10.96.0.0/12')
      .serviceExternalIPs('203.0.113.0/24');

    expect(bgp.toResource()).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'BGPConfiguration',
      metadata: { name: 'default' },
      spec: {
        nodeToNodeMeshEnabled: false,
        asNumber: 64512,
        serviceExternalIPs: [{ cidr: '203.0.113.0/24' }],
        serviceClusterIPs: [{ cidr: '10.96.0.0/12' }],
      },
    });
    const node = bgpConfiguration('node.worker-1').serviceClusterIPs('10.96.0.0/12').build();
    expect(node.ok || node.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['forbidden_field', 'spec.serviceClusterIPs'],
    ]);
  });

  it('errors', () => {
    // README: errors
    const tooHigh = preDnat('p').deny().tcp().ports(70000);
    const result = tooHigh.build(); // never throws
    // result.issues[0].path: ['spec', 'ingress', 0, 'destination', 'ports', 0]
    expect(() => tooHigh.toResource()).toThrow(CalicoValidationError);

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toEqual(['spec', 'ingress', 0, 'destination', 'ports', 0]);
  });
});
