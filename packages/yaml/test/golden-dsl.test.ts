import {
  bgpConfiguration,
  globalNetworkPolicy,
  globalNetworkSet,
  hostEndpoint,
  ipPool,
  networkPolicy,
  networkSet,
  preDnat,
  profile,
  stagedGlobalNetworkPolicy,
  stagedKubernetesNetworkPolicy,
  stagedNetworkPolicy,
  tier,
} from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { toYaml } from '../src/index.js';
import { EXPECTED_KIND_YAML, EXPECTED_TUTORIAL_YAML, yamlList } from './fixtures/expected-yaml.js';
import { CLIENT_IP, LB_IP } from './fixtures/resources.js';

// The tutorial's policies written with the DSL print exactly the YAML written by hand in
// fixtures/expected-yaml.ts (the same text the IR fixtures print): builders go straight into toYaml.
const WORKER_PUBLIC = "ibm.role=='worker_public'";

const DSL = {
  'deny-nodeports': preDnat('deny-nodeports')
    .order(1100)
    .selector(WORKER_PUBLIC)
    .deny()
    .tcp()
    .ports('30000:32767')
    .deny()
    .udp()
    .ports('30000:32767'),
  'deny-lb-port-80': preDnat('deny-lb-port-80')
    .order(800)
    .selector(WORKER_PUBLIC)
    .deny()
    .tcp()
    .toNets(`${LB_IP}/32`)
    .ports(80)
    .deny()
    .udp()
    .toNets(`${LB_IP}/32`)
    .ports(80),
  whitelist: preDnat('whitelist')
    .order(500)
    .selector(WORKER_PUBLIC)
    .allow()
    .tcp()
    .fromNets(`${CLIENT_IP}/32`)
    .toNets(`${LB_IP}/32`)
    .ports(80),
  blacklist: preDnat('blacklist')
    .order(500)
    .selector(WORKER_PUBLIC)
    .deny()
    .tcp()
    .fromNets(`${CLIENT_IP}/32`)
    .toNets(`${LB_IP}/32`)
    .ports(80)
    .deny()
    .udp()
    .fromNets(`${CLIENT_IP}/32`)
    .toNets(`${LB_IP}/32`)
    .ports(80),
};

// One resource of every kind the DSL builds (all but FelixConfiguration), printing exactly the
// expectations of the IR fixtures in fixtures/resources.ts.
const KINDS = {
  GlobalNetworkPolicy: globalNetworkPolicy('security.allow-dns')
    .labels({ team: 'net', 'app.kubernetes.io/part-of': 'platform' })
    .tier('security')
    .order(100)
    .selector('role == "dns-server"')
    .namespaceSelector('projectcalico.org/name starts with "kube-"')
    .serviceAccountSelector('has(dns)')
    .allow()
    .udp()
    .from({ selector: 'role == "client"', namespaceSelector: 'all()' })
    .ports(53, 'dns')
    .allow()
    .icmp(8, 0)
    .pass()
    .notProtocol('TCP')
    .from({ notNets: ['10.0.0.0/8'], notSelector: 'has(quarantine)' })
    .allow()
    .tcp()
    .from({ serviceAccounts: { names: ['web'], selector: 'tier == "front"' } })
    .http({ methods: ['GET'], paths: [{ exact: '/healthz' }, { prefix: '/api' }] })
    .end()
    .egress()
    .allow()
    .tcp()
    .to({ services: { name: 'kube-dns', namespace: 'kube-system' } })
    .log()
    .ipVersion(6)
    .protocol('ICMPv6')
    .notIcmp(128)
    .metadata({ annotations: { why: 'audit', 'a-first': 'yes' } })
    .end()
    .types('Ingress', 'Egress'),
  NetworkPolicy: networkPolicy('allow-web', 'default')
    .order(10)
    .selector('run == "webserver"')
    .allow()
    .protocol(6)
    .ports('8080', '8000:8090')
    .notPorts(8081),
  StagedGlobalNetworkPolicy: stagedGlobalNetworkPolicy('preview-deny')
    .stagedAction('Set')
    .order(5)
    .selector('all()')
    .egress()
    .deny(),
  StagedNetworkPolicy: stagedNetworkPolicy('preview-allow', 'dev')
    .stagedAction('Set')
    .selector('all()')
    .allow(),
  StagedKubernetesNetworkPolicy: stagedKubernetesNetworkPolicy('k8s-preview', 'dev')
    .stagedAction('Set')
    .podSelector({ matchLabels: { run: 'webserver' } })
    .ingress({
      ports: [{ protocol: 'TCP', port: 8080 }],
      from: [{ ipBlock: { cidr: '198.51.100.0/24', except: ['198.51.100.7/32'] } }],
    })
    .policyTypes('Ingress'),
  Tier: tier('security').order(100).defaultAction('Pass'),
  GlobalNetworkSet: globalNetworkSet('partners')
    .labels({ role: 'partner' })
    .nets('198.51.100.0/24', '2001:db8::/32'),
  NetworkSet: networkSet('office', 'default').labels({ on: 'yes' }).nets('203.0.113.0/24'),
  HostEndpoint: hostEndpoint('worker-1-public')
    .labels({ 'ibm.role': 'worker_public' })
    .node('worker-1')
    .interfaceName('eth1')
    .expectedIPs('169.46.7.10')
    .profiles('projectcalico-default-allow')
    .port('https', 'TCP', 443),
  Profile: profile('projectcalico-default-allow')
    .labelsToApply({ zone: 'b', app: 'a' })
    .allow()
    .end()
    .egress()
    .allow(),
  IPPool: ipPool('pods-v4')
    .cidr('10.244.0.0/16')
    .vxlanMode('CrossSubnet')
    .ipipMode('Never')
    .natOutgoing()
    .disabled()
    .disableBGPExport()
    .blockSize(24)
    .nodeSelector("kubernetes.io/os == 'linux'")
    .namespaceSelector("tenant == 'a'")
    .allowedUses('Workload')
    .assignmentMode('Automatic'),
  BGPConfiguration: bgpConfiguration('default')
    .logSeverityScreen('Warning')
    .nodeToNodeMeshEnabled(true)
    .asNumber(64512)
    .serviceLoadBalancerIPs('198.51.100.0/24')
    .serviceExternalIPs('203.0.113.0/24', '2001:db8:ee::/64')
    .serviceClusterIPs('10.96.0.0/12')
    .serviceLoadBalancerAggregation('Disabled')
    .community('peers', '65001:100')
    .prefixAdvertisement('198.51.100.0/24', 'peers', '65001:200:3')
    .listenPort(1179)
    .nodeMeshPassword({ name: 'bgp-secrets', key: 'mesh-password', optional: false })
    .nodeMeshMaxRestartTime('2m0s')
    .bindMode('NodeIP')
    .ignoredInterfaces('docker0', 'veth*')
    .localWorkloadPeeringIPV4('169.254.0.179')
    .localWorkloadPeeringIPV6('fe80::179')
    .programClusterRoutes('EnabledNoEncapOnly')
    .ipv4NormalRoutePriority(1024)
    .ipv6NormalRoutePriority(1024),
};

describe('toYaml golden output (DSL)', () => {
  for (const [kind, builder] of Object.entries(KINDS)) {
    it(`one ${kind}`, () => {
      expect(toYaml(builder)).toBe(EXPECTED_KIND_YAML[kind as keyof typeof KINDS]);
    });
  }
  for (const [name, builder] of Object.entries(DSL)) {
    it(`tutorial policy ${name}`, () => {
      expect(toYaml(builder)).toBe(EXPECTED_TUTORIAL_YAML[name]);
    });
  }
  it('a list of builders', () => {
    const docs = Object.keys(DSL).map((name) => EXPECTED_TUTORIAL_YAML[name] ?? '');
    expect(toYaml(Object.values(DSL), { list: true })).toBe(
      yamlList('projectcalico.org/v3', 'GlobalNetworkPolicyList', docs),
    );
  });
});
