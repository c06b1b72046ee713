/**
 * Felix's natOutgoing masquerade (docs/semantics.md; `felix/rules/nat.go` `cali-nat-outgoing`,
 * `felix/dataplane/linux/masq_mgr.go`): a pod's packet from a natOutgoing IPPool to an address in
 * no IPPool leaves its node with the node's address as source, so the receiving host endpoint's
 * policy sees the node, not the pod. Checked on both engines.
 */
import { ipPool } from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { World } from '../src/index.js';
import { EXPORTER_CLUSTER, NAT_POOL } from './helpers/exporter-cluster.js';
import { felix, gnp, node, pod, pool, service } from './helpers/world-kit.js';

type Obj = Record<string, unknown>;

const DEFAULT_POOL = NAT_POOL;
const CLUSTER = EXPORTER_CLUSTER;

const toExporter = {
  protocol: 'TCP',
  srcIp: '10.244.1.5',
  srcPort: 40000,
  dstIp: '10.0.0.12',
  dstPort: 9100,
} as const;
// db (node-2) behind ClusterIP 10.96.0.40, node port 30432 and load balancer 192.0.2.40, and the
// policies that let only app=web, or only node-1's address, reach it.
const dbLoadBalancer = (etp?: 'Local'): Obj =>
  service('prod', 'db', {
    type: 'LoadBalancer',
    selector: { app: 'db' },
    clusterIP: '10.96.0.40',
    port: 5432,
    targetPort: 5432,
    nodePort: 30432,
    lb: '192.0.2.40',
    ...(etp ? { etp } : {}),
  });
const DB_FROM_WEB = gnp('db-from-web', {
  selector: "app == 'db'",
  types: ['Ingress'],
  ingress: [{ action: 'Allow', source: { selector: "app == 'web'" } }],
});
const DB_FROM_NODE_1 = gnp('db-from-node-1', {
  selector: "app == 'db'",
  types: ['Ingress'],
  ingress: [{ action: 'Allow', source: { nets: ['10.0.0.11/32'] } }],
});

const ENGINES = ['compiled', 'reference'] as const;

function verdicts(resources: Obj[], flow: Parameters<World['evaluate']>[0]): string[] {
  return ENGINES.map((engine) => World.from(resources, { engine }).evaluate(flow).verdict);
}

function natSteps(resources: Obj[], flow: Parameters<World['evaluate']>[0]): string[] {
  return World.from(resources)
    .evaluate(flow)
    .paths.flatMap((p) => p.steps)
    .filter((s) => s.stage === 'snat')
    .map((s) => s.reason ?? '');
}

describe('natOutgoing: a pod leaving its node for an address in no IPPool', () => {
  it('without IPPools the host endpoint sees the pod (the FV topologies: natOutgoing off)', () => {
    expect(verdicts(CLUSTER, toExporter)).toEqual(['Allow', 'Allow']);
    expect(natSteps(CLUSTER, toExporter)).toEqual([]);
  });

  it('with a natOutgoing pool the host endpoint sees node-1, so the pod selector no longer matches', () => {
    const world = [...CLUSTER, DEFAULT_POOL];
    expect(verdicts(world, toExporter)).toEqual(['Deny', 'Deny']);
    expect(natSteps(world, toExporter)).toEqual([
      'natOutgoing (IPPool default-ipv4-ippool): the destination is in no IPPool, so Felix masquerades the source to 10.0.0.11 (node node-1) (Felix cali-nat-outgoing)',
    ]);
  });

  it('the ipPool builder gives the same world', () => {
    const built = ipPool('default-ipv4-ippool').cidr('10.244.0.0/16').natOutgoing();
    expect(World.from([...CLUSTER, built]).evaluate(toExporter).verdict).toBe('Deny');
  });

  it('a rule for the node address then matches', () => {
    const fromNode1 = gnp('exporter-from-node-1', {
      selector: "role == 'node'",
      types: ['Ingress'],
      ingress: [{ action: 'Allow', protocol: 'TCP', source: { nets: ['10.0.0.11/32'] } }],
    });
    expect(verdicts([...CLUSTER, DEFAULT_POOL, fromNode1], toExporter)).toEqual(['Allow', 'Allow']);
  });

  it('a pool without natOutgoing, or natOutgoingExclusions IPPoolsAndHostIPs, keeps the pod address', () => {
    const plain = pool('default-ipv4-ippool', '10.244.0.0/16');
    expect(verdicts([...CLUSTER, plain], toExporter)).toEqual(['Allow', 'Allow']);
    const hostsExempt = felix({ natOutgoingExclusions: 'IPPoolsAndHostIPs' });
    expect(verdicts([...CLUSTER, DEFAULT_POOL, hostsExempt], toExporter)).toEqual(['Allow', 'Allow']);
  });

  it('natOutgoingAddress replaces the node address', () => {
    const world = [
      ...CLUSTER,
      DEFAULT_POOL,
      felix({ natOutgoingAddress: '192.0.2.1' }),
      gnp('exporter-from-nat', {
        selector: "role == 'node'",
        types: ['Ingress'],
        ingress: [{ action: 'Allow', protocol: 'TCP', source: { nets: ['192.0.2.1/32'] } }],
      }),
    ];
    expect(verdicts(world, toExporter)).toEqual(['Allow', 'Allow']);
    expect(natSteps(world, toExporter)[0]).toContain('SNATs the source to natOutgoingAddress 192.0.2.1');
  });

  it('a destination in any IPPool but a LoadBalancer-only one is exempt', () => {
    const nodes = (spec: Obj) => pool('nodes', '10.0.0.0/24', spec);
    expect(verdicts([...CLUSTER, DEFAULT_POOL, nodes({})], toExporter)).toEqual(['Allow', 'Allow']);
    expect(
      verdicts([...CLUSTER, DEFAULT_POOL, nodes({ allowedUses: ['LoadBalancer'] })], toExporter),
    ).toEqual(['Deny', 'Deny']);
  });

  it('pod → pod across nodes is not masqueraded (both in pools)', () => {
    const toDb = { ...toExporter, dstIp: '10.244.2.7', dstPort: 5432 };
    expect(verdicts([...CLUSTER, DEFAULT_POOL, DB_FROM_WEB], toDb)).toEqual(['Allow', 'Allow']);
    expect(natSteps([...CLUSTER, DEFAULT_POOL, DB_FROM_WEB], toDb)).toEqual([]);
  });

  it('traffic leaving the cluster shows the masquerade in its trace', () => {
    const out = { ...toExporter, dstIp: '198.51.100.7', dstPort: 443 };
    expect(verdicts([...CLUSTER, DEFAULT_POOL], out)).toEqual(['Allow', 'Allow']);
    expect(natSteps([...CLUSTER, DEFAULT_POOL], out)).toHaveLength(1);
  });

  it('a hostNetwork backend behind a ClusterIP is masqueraded after DNAT', () => {
    const exporter: Obj = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'exporter', namespace: 'prod', labels: { app: 'exporter' } },
      spec: { nodeName: 'node-2', hostNetwork: true, containers: [{ name: 'main' }] },
      status: { podIP: '10.0.0.12', podIPs: [{ ip: '10.0.0.12' }], hostIP: '10.0.0.12' },
    };
    const svc = service('prod', 'exporter', {
      selector: { app: 'exporter' },
      clusterIP: '10.96.0.20',
      port: 9100,
      targetPort: 9100,
    });
    const viaService = { ...toExporter, dstIp: '10.96.0.20' };
    expect(verdicts([...CLUSTER, exporter, svc], viaService)).toEqual(['Allow', 'Allow']);
    expect(verdicts([...CLUSTER, exporter, svc, DEFAULT_POOL], viaService)).toEqual(['Deny', 'Deny']);
  });

  it("another node's NodePort with externalTrafficPolicy Local sees the masqueraded pod as external", () => {
    // The only backend is on node-1 (the client's node): from node-2's view a masqueraded client
    // is external, and node-2 has no local backend.
    const backend = pod('prod', 'api', '10.244.1.9', { app: 'api' }, { node: 'node-1' });
    const svc = service('prod', 'api', {
      type: 'NodePort',
      selector: { app: 'api' },
      clusterIP: '10.96.0.30',
      port: 80,
      targetPort: 8080,
      nodePort: 30080,
      etp: 'Local',
    });
    const toNodePort = { ...toExporter, dstPort: 30080 };
    const allowAll = gnp('node-allow-all', { selector: "role == 'node'", ingress: [{ action: 'Allow' }] });
    const world = [...CLUSTER, backend, svc, allowAll];
    expect(verdicts(world, toNodePort)).toEqual(['Allow', 'Allow']);
    const masqueraded = World.from([...world, DEFAULT_POOL]).evaluate(toNodePort);
    expect(masqueraded.verdict).toBe('Deny');
    expect(masqueraded.decidedBy?.reason).toContain('externalTrafficPolicy Local and no backend on node-2');
  });
});

describe("kube-proxy's masqueradeAll", () => {
  // db on node-2 behind ClusterIP 10.96.0.40 admits only app=web.
  const dbService = service('prod', 'db', {
    selector: { app: 'db' },
    clusterIP: '10.96.0.40',
    port: 5432,
    targetPort: 5432,
  });
  const kubeProxy = (iptables: string): Obj => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kube-proxy', namespace: 'kube-system' },
    data: {
      'config.conf': `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\niptables:\n${iptables}mode: ""\n`,
    },
  });
  const toDb = { ...toExporter, dstIp: '10.96.0.40', dstPort: 5432 };
  const world = [...CLUSTER, dbService, DB_FROM_WEB];

  it("masquerades a pod's ClusterIP traffic to a remote backend, so db sees node-1", () => {
    expect(verdicts(world, toDb)).toEqual(['Allow', 'Allow']);
    expect(verdicts([...world, kubeProxy('  masqueradeAll: false\n  masqueradeBit: null\n')], toDb)).toEqual([
      'Allow',
      'Allow',
    ]);
    const all = [...world, kubeProxy('  masqueradeAll: true\n  masqueradeBit: null\n')];
    expect(World.from(all).model.kubeProxyMasqueradeAll).toBe(true);
    expect(verdicts(all, toDb)).toEqual(['Deny', 'Deny']);
    expect(natSteps(all, toDb)).toEqual([
      'kube-proxy SNAT: backend on node-2, masqueradeAll: source becomes 10.0.0.11 (node node-1) (§5)',
    ]);
  });
});

describe("kube-proxy masquerades a host's own service traffic (proxier.go)", () => {
  // db on node-2 admits only node-1's address. A host process has no pod address, so kube-proxy
  // marks its ClusterIP packet for masquerade (KUBE-SVC `! -s <cluster CIDR> -j KUBE-MARK-MASQ`),
  // and its packet to an external frontend whatever the traffic policy (KUBE-EXT "masquerade
  // traffic for … external destinations", or with Local "masquerade LOCAL traffic", `--src-type
  // LOCAL`). MASQUERADE takes the outgoing device's address: over IPIP, node-1's tunl0 address.
  const ipip: Obj[] = [
    pool('default-ipv4-ippool', '10.244.0.0/16', { ipipMode: 'Always' }),
    {
      ...node('node-1', '10.0.0.11'),
      metadata: { name: 'node-1', annotations: { 'projectcalico.org/IPv4IPIPTunnelAddr': '10.244.1.0' } },
    },
  ];
  const fromHost = (dstIp: string, dstPort: number) => ({
    ...toExporter,
    srcIp: '10.0.0.11',
    dstIp,
    dstPort,
  });
  const overIpip = (etp?: 'Local') => [
    ...CLUSTER.filter((r) => (r.metadata as Obj).name !== 'node-1'),
    ...ipip,
    dbLoadBalancer(etp),
    DB_FROM_NODE_1,
  ];

  it("to a ClusterIP: db sees node-1's tunnel address, not its node address", () => {
    const toClusterIp = fromHost('10.96.0.40', 5432);
    expect(verdicts([...CLUSTER, dbLoadBalancer(), DB_FROM_NODE_1], toClusterIp)).toEqual(['Allow', 'Allow']);
    expect(natSteps([...CLUSTER, dbLoadBalancer(), DB_FROM_NODE_1], toClusterIp)).toEqual([
      'kube-proxy SNAT: backend on node-2, a host process (not a pod address): source becomes 10.0.0.11 (node node-1) (§5)',
    ]);
    expect(verdicts(overIpip(), toClusterIp)).toEqual(['Deny', 'Deny']);
    expect(natSteps(overIpip(), toClusterIp)).toEqual([
      'kube-proxy SNAT: backend on node-2, a host process (not a pod address): source becomes 10.244.1.0 (node node-1) (§5)',
    ]);
  });

  it('to its own node port or a load balancer IP, with either traffic policy', () => {
    for (const etp of [undefined, 'Local'] as const)
      for (const flow of [fromHost('10.0.0.11', 30432), fromHost('192.0.2.40', 5432)])
        expect(verdicts(overIpip(etp), flow)).toEqual(['Deny', 'Deny']);
  });
});

describe("kube-proxy's cluster CIDR tells pods from other sources (local-traffic detector)", () => {
  // web (10.244.1.5, node-1) → db (node-2). db admits only app=web; the load balancer 192.0.2.40
  // has externalTrafficPolicy Local, and its only backend is db on node-2.
  const kubeProxy = (clusterCIDR: string): Obj => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kube-proxy', namespace: 'kube-system' },
    data: {
      'config.conf': `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nclusterCIDR: ${clusterCIDR}\ndetectLocalMode: ""\nkind: KubeProxyConfiguration\nmode: ""\n`,
    },
  });
  const dbService = dbLoadBalancer('Local');
  const world = [...CLUSTER, dbService, DB_FROM_WEB];
  const toLb = { ...toExporter, dstIp: '192.0.2.40', dstPort: 5432 };
  const toClusterIp = { ...toExporter, dstIp: '10.96.0.40', dstPort: 5432 };

  it("kubeadm's ConfigMap declares it (the first CIDR of each family)", () => {
    const cidrs = (text: string) => World.from([...world, kubeProxy(text)]).model.kubeProxyClusterCIDRs;
    expect(World.from(world).model.kubeProxyClusterCIDRs).toBeUndefined();
    expect(cidrs('""')).toEqual([]);
    expect(cidrs('10.244.0.0/16,fd00:10:244::/56,10.245.0.0/16')?.map((c) => c.text)).toEqual([
      '10.244.0.0/16',
      'fd00:10:244::/56',
    ]);
  });

  it('another detect-local-mode is reported (not modelled: pods are taken to be from the cluster)', () => {
    const mode = (m: string) => {
      const cm = kubeProxy('10.244.0.0/16');
      const data = cm.data as Record<string, string>;
      return {
        ...cm,
        data: {
          'config.conf': (data['config.conf'] ?? '').replace('detectLocalMode: ""', `detectLocalMode: ${m}`),
        },
      };
    };
    for (const m of ['NodeCIDR', 'InterfaceNamePrefix', 'BridgeInterface']) {
      const w = World.from([...world, mode(m)]);
      const issue = w.issues.find((i) => i.code === 'unsupported_kube_proxy_mode');
      expect(issue?.path).toEqual([world.length, 'data', 'config.conf']);
      expect(issue?.message).toContain(`detect-local-mode ${m} is not modelled`);
      expect(w.model.kubeProxyClusterCIDRs).toBeUndefined();
    }
    for (const m of ['ClusterCIDR', '""'])
      expect(World.from([...world, mode(m)]).issues.map((i) => i.code)).not.toContain(
        'unsupported_kube_proxy_mode',
      );
  });

  it('a pod in it reaches an eTP Local load balancer through every endpoint, unmasqueraded', () => {
    expect(verdicts(world, toLb)).toEqual(['Allow', 'Allow']);
    expect(verdicts([...world, kubeProxy('10.244.0.0/16')], toLb)).toEqual(['Allow', 'Allow']);
    expect(verdicts([...world, kubeProxy('10.244.0.0/16')], toClusterIp)).toEqual(['Allow', 'Allow']);
  });

  it('without one, a pod is outside traffic to an eTP Local load balancer: no local endpoint, dropped', () => {
    const r = World.from([...world, kubeProxy('""')]).evaluate(toLb);
    expect(r.verdict).toBe('Deny');
    expect(r.decidedBy?.reason).toContain('externalTrafficPolicy Local and no backend on node-1');
    // …and its ClusterIP traffic is not masqueraded (no `! -s <cluster CIDR>` rule).
    expect(verdicts([...world, kubeProxy('""')], toClusterIp)).toEqual(['Allow', 'Allow']);
  });

  it('a pod outside it is dropped at the load balancer, and masqueraded to the ClusterIP', () => {
    const other = [...world, kubeProxy('10.200.0.0/16')];
    expect(verdicts(other, toLb)).toEqual(['Deny', 'Deny']);
    expect(verdicts(other, toClusterIp)).toEqual(['Deny', 'Deny']);
    expect(natSteps(other, toClusterIp)).toEqual([
      "kube-proxy SNAT: backend on node-2, a source outside kube-proxy's cluster CIDR: source becomes 10.0.0.11 (node node-1) (§5)",
    ]);
  });

  it('two pods of one node, one in it and one outside, each get their own plans (any order)', () => {
    const stray = pod('prod', 'stray', '10.9.0.5', { app: 'web' }, { node: 'node-1' });
    const resources = [...world, stray, kubeProxy('10.244.0.0/16')];
    const fromStray = { ...toClusterIp, srcIp: '10.9.0.5' };
    for (const engine of ENGINES) {
      const w = World.from(resources, { engine });
      expect([w.evaluate(toClusterIp).verdict, w.evaluate(fromStray).verdict], engine).toEqual([
        'Allow',
        'Deny',
      ]);
      const v = World.from(resources, { engine });
      expect([v.evaluate(fromStray).verdict, v.evaluate(toClusterIp).verdict], engine).toEqual([
        'Deny',
        'Allow',
      ]);
    }
  });

  it("a host's ClusterIP traffic is masqueraded only when kube-proxy has one", () => {
    const fromHost = { ...toClusterIp, srcIp: '10.0.0.11' };
    const hosted = [...CLUSTER, dbService, DB_FROM_NODE_1];
    expect(natSteps([...hosted, kubeProxy('10.244.0.0/16')], fromHost)).toHaveLength(1);
    expect(natSteps([...hosted, kubeProxy('""')], fromHost)).toEqual([]);
  });
});

describe('natOutgoing: what cannot be modelled is said', () => {
  const codes = (resources: Obj[]) => World.from(resources).issues.map((i) => [i.code, i.path]);

  it('a pod outside every IPPool, a pool CIDR that does not parse, an interface filter', () => {
    const stray = pod('prod', 'stray', '10.9.0.5', { app: 'stray' }, { node: 'node-1' });
    expect(codes([...CLUSTER, DEFAULT_POOL, stray])).toEqual([['address_outside_ip_pools', [8, 'status']]]);
    expect(codes([...CLUSTER, pool('bad', '10.244.0.0/40', { natOutgoing: true })])).toEqual([
      ['invalid_cidr', [7, 'spec', 'cidr']],
    ]);
    expect(codes([...CLUSTER, DEFAULT_POOL, felix({ iptablesNATOutgoingInterfaceFilter: 'eth+' })])).toEqual([
      ['unsupported_felix_setting', [8, 'spec', 'iptablesNATOutgoingInterfaceFilter']],
    ]);
  });

  it('an IPPool of the wrong shape is an input error', () => {
    expect(() => World.from([pool('p', '10.0.0.0/8', { natOutgoing: 'yes' })])).toThrow(
      /IPPool "p": spec.natOutgoing must be true or false/,
    );
  });
});
