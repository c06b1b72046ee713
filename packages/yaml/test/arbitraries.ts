import type {
  BGPConfiguration,
  BGPConfigurationSpec,
  CalicoResource,
  EntityRule,
  GlobalNetworkPolicy,
  GlobalNetworkSet,
  HostEndpoint,
  IPPool,
  IPPoolAllowedUse,
  IPPoolSpec,
  NetworkPolicy,
  Rule,
  Tier,
} from '@calico-dsl/core';
import fc from 'fast-check';

// Generators of resources Calico accepts (calico-semantics.md §6, conformance README): DNS names,
// strictly masked IPv4 CIDRs, numeric ports and ranges only with TCP/UDP, no global() in selectors.

const name = fc.stringMatching(/^[a-z]([a-z0-9-]{0,14}[a-z0-9])?$/);
const labelValue = fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9_.-]{0,10}[A-Za-z0-9])?$/);
const labels = fc.dictionary(
  fc.constantFrom('app', 'role', 'tier', 'ibm.role', 'example.com/team'),
  labelValue,
  {
    maxKeys: 3,
  },
);
const selector = fc.constantFrom(
  'all()',
  'role == "web"',
  'has(app)',
  "ibm.role == 'worker_public'",
  '!has(quarantine)',
  'app in {"a", "b"}',
);
const cidr = fc.constantFrom('10.0.0.0/8', '198.51.100.7/32', '169.46.10.20/32', '192.168.0.0/16');
const portNumber = fc.integer({ min: 1, max: 65535 });
const portRange = fc.tuple(portNumber, portNumber).map(([a, b]) => `${Math.min(a, b)}:${Math.max(a, b)}`);
const port = fc.oneof(portNumber, portRange, fc.constantFrom('http', 'dns-tcp'));

const entity = (withPorts: boolean): fc.Arbitrary<EntityRule> =>
  fc.record(
    {
      nets: fc.uniqueArray(cidr, { minLength: 1, maxLength: 2 }),
      selector,
      ...(withPorts ? { ports: fc.array(port, { minLength: 1, maxLength: 3 }) } : {}),
    },
    { requiredKeys: [] },
  );

const rule: fc.Arbitrary<Rule> = fc
  .record({
    action: fc.constantFrom('Allow', 'Deny', 'Log', 'Pass'),
    protocol: fc.option(fc.constantFrom('TCP', 'UDP', 6, 17), { nil: undefined }),
  })
  .chain(({ action, protocol }) =>
    fc
      .record(
        { source: entity(protocol !== undefined), destination: entity(protocol !== undefined) },
        { requiredKeys: [] },
      )
      .map((sides) => ({ action, ...(protocol === undefined ? {} : { protocol }), ...sides }) as Rule),
  );

const metadata = (namespaced: boolean) =>
  fc
    .record({ name, labels }, { requiredKeys: ['name'] })
    .map((m) => (namespaced ? { ...m, namespace: 'default' } : m));

const gnp: fc.Arbitrary<GlobalNetworkPolicy> = fc
  .record(
    {
      order: fc.integer({ min: 0, max: 10_000 }),
      ingress: fc.array(rule, { minLength: 1, maxLength: 3 }),
      egress: fc.array(rule, { minLength: 1, maxLength: 3 }),
      selector,
    },
    { requiredKeys: [] },
  )
  .chain((spec) =>
    metadata(false).map((meta) => ({
      apiVersion: 'projectcalico.org/v3' as const,
      kind: 'GlobalNetworkPolicy' as const,
      metadata: meta,
      spec,
    })),
  );

const np: fc.Arbitrary<NetworkPolicy> = fc
  .record(
    { order: fc.integer({ min: 0, max: 10_000 }), ingress: fc.array(rule, { maxLength: 2 }), selector },
    { requiredKeys: ['selector'] },
  )
  .chain((spec) =>
    metadata(true).map((meta) => ({
      apiVersion: 'projectcalico.org/v3' as const,
      kind: 'NetworkPolicy' as const,
      metadata: meta,
      spec,
    })),
  );

const tier: fc.Arbitrary<Tier> = fc
  .record(
    { order: fc.integer({ min: 1, max: 999 }), defaultAction: fc.constantFrom('Deny', 'Pass') },
    { requiredKeys: [] },
  )
  .chain((spec) =>
    name
      .filter((n) => !['default', 'kube-admin', 'kube-baseline'].includes(n))
      .map((n) => ({
        apiVersion: 'projectcalico.org/v3' as const,
        kind: 'Tier' as const,
        metadata: { name: n },
        spec,
      })),
  );

const gns: fc.Arbitrary<GlobalNetworkSet> = fc
  .record({ nets: fc.uniqueArray(cidr, { minLength: 1, maxLength: 4 }) })
  .chain((spec) =>
    metadata(false).map((meta) => ({
      apiVersion: 'projectcalico.org/v3' as const,
      kind: 'GlobalNetworkSet' as const,
      metadata: meta,
      spec,
    })),
  );

const hep: fc.Arbitrary<HostEndpoint> = fc
  .record({
    node: name,
    interfaceName: fc.constantFrom('eth0', 'eth1', '*'),
    expectedIPs: fc.constant(['169.46.7.10']),
  })
  .chain((spec) =>
    metadata(false).map((meta) => ({
      apiVersion: 'projectcalico.org/v3' as const,
      kind: 'HostEndpoint' as const,
      metadata: meta,
      spec,
    })),
  );

// An IPPool Calico accepts: strictly masked, outside link-local, at least one block big, IPIP
// only on IPv4 and never with VXLAN, and no LoadBalancer use (whose rules the validate tests cover).
const poolSpec = (
  cidrs: readonly string[],
  blockSizes: readonly number[],
  encapsulation: fc.Arbitrary<Pick<IPPoolSpec, 'ipipMode' | 'vxlanMode'>>,
): fc.Arbitrary<IPPoolSpec> =>
  fc
    .record(
      {
        cidr: fc.constantFrom(...cidrs),
        natOutgoing: fc.boolean(),
        disableBGPExport: fc.boolean(),
        blockSize: fc.constantFrom(...blockSizes),
        nodeSelector: selector,
        allowedUses: fc.constantFrom<readonly IPPoolAllowedUse[]>(
          ['Workload'],
          ['Workload', 'Tunnel'],
          ['Tunnel'],
        ),
        assignmentMode: fc.constantFrom('Automatic' as const, 'Manual' as const),
      },
      { requiredKeys: ['cidr', 'blockSize'] },
    )
    .chain((spec) => encapsulation.map((modes) => ({ ...spec, ...modes })));

const ipPool: fc.Arbitrary<IPPool> = fc
  .oneof(
    poolSpec(
      ['10.244.0.0/16', '192.168.0.0/18', '172.16.0.0/20'],
      [20, 24, 26, 32],
      fc.constantFrom(
        {},
        { ipipMode: 'Always' },
        { ipipMode: 'CrossSubnet', vxlanMode: 'Never' },
        { vxlanMode: 'Always' },
      ),
    ),
    poolSpec(
      ['fd00:10:244::/64', 'fd20::/112'],
      [116, 122, 128],
      fc.constantFrom({}, { vxlanMode: 'CrossSubnet' }, { ipipMode: 'Never', vxlanMode: 'Always' }),
    ),
  )
  .chain((spec) =>
    metadata(false).map((meta) => ({
      apiVersion: 'projectcalico.org/v3' as const,
      kind: 'IPPool' as const,
      metadata: meta,
      spec,
    })),
  );

// A BGPConfiguration Calico accepts: the Service IP blocks strictly masked, communities each used
// by a prefix advertisement, the mesh fields with the mesh enabled, and the default-only fields
// only on `default` (a per-node configuration gets the others).
const cidrBlocks = fc
  .uniqueArray(fc.constantFrom('10.96.0.0/12', '203.0.113.0/24', '198.51.100.0/24', 'fd00:96::/108'), {
    minLength: 1,
    maxLength: 3,
  })
  .map((cidrs) => cidrs.map((cidr) => ({ cidr })));

const nodeFields = fc.record(
  {
    logSeverityScreen: fc.constantFrom('Info', 'debug', 'WARNING'),
    serviceLoadBalancerAggregation: fc.constantFrom('Enabled' as const, 'Disabled' as const),
    listenPort: fc.integer({ min: 1, max: 65535 }),
    bindMode: fc.constantFrom('None' as const, 'NodeIP' as const),
    ignoredInterfaces: fc.uniqueArray(fc.constantFrom('docker0', 'veth*', 'kube-ipvs0'), { minLength: 1 }),
    localWorkloadPeeringIPV4: fc.constantFrom('169.254.0.179', '10.0.0.1'),
    programClusterRoutes: fc.constantFrom(
      'Enabled' as const,
      'Disabled' as const,
      'EnabledNoEncapOnly' as const,
    ),
    ipv4NormalRoutePriority: fc.integer({ min: 1, max: 2147483646 }),
  },
  { requiredKeys: [] },
);

const defaultFields: fc.Arbitrary<BGPConfigurationSpec> = fc.record(
  {
    nodeToNodeMeshEnabled: fc.constant(true),
    asNumber: fc.integer({ min: 0, max: 4294967295 }),
    serviceLoadBalancerIPs: cidrBlocks,
    serviceExternalIPs: cidrBlocks,
    serviceClusterIPs: cidrBlocks,
    nodeMeshPassword: fc.constant({ secretKeyRef: { name: 'bgp-secrets', key: 'mesh-password' } }),
    nodeMeshMaxRestartTime: fc.constantFrom('2m0s', '90s'),
  },
  { requiredKeys: [] },
);

const advertised = fc.constantFrom(
  {},
  {
    communities: [{ name: 'peers', value: '65001:100' }],
    prefixAdvertisements: [{ cidr: '198.51.100.0/24', communities: ['peers', '65001:200:3'] }],
  },
);

const bgpConfiguration: fc.Arbitrary<BGPConfiguration> = fc
  .oneof(
    fc.tuple(fc.constant('default'), fc.tuple(nodeFields, defaultFields, advertised)),
    fc.tuple(
      name.map((n) => `node.${n}`),
      fc.tuple(nodeFields, fc.constant({}), advertised),
    ),
  )
  .map(([configName, parts]) => ({
    apiVersion: 'projectcalico.org/v3' as const,
    kind: 'BGPConfiguration' as const,
    metadata: { name: configName },
    spec: Object.assign({}, ...parts) as BGPConfigurationSpec,
  }));

/** A valid Calico resource of one of the common kinds. */
export const validResource: fc.Arbitrary<CalicoResource> = fc.oneof(
  gnp,
  np,
  tier,
  gns,
  hep,
  ipPool,
  bgpConfiguration,
);
