// The printer's key orders, checked against the Go structs they copy (projectcalico/calico at the
// pinned commit 87c15906, api/pkg/apis/projectcalico/v3/*.go). Written out again here from the Go
// source, not from field-order.ts, so that an edit to a table that drifts from upstream fails.
import { describe, expect, it } from 'vitest';
import {
  BGP_PASSWORD_KEYS,
  BPF_CONNTRACK_TIMEOUTS_KEYS,
  COMMUNITY_KEYS,
  CONDITION_KEYS,
  ENDPOINT_PORT_KEYS,
  ENTITY_RULE_KEYS,
  FELIX_CONFIGURATION_SPEC_KEYS,
  HEALTH_TIMEOUT_OVERRIDE_KEYS,
  HTTP_MATCH_KEYS,
  HTTP_PATH_KEYS,
  ICMP_KEYS,
  MANAGED_FIELDS_ENTRY_KEYS,
  OWNER_REFERENCE_KEYS,
  PREFIX_ADVERTISEMENT_KEYS,
  PROTO_PORT_KEYS,
  ROUTE_TABLE_RANGE_KEYS,
  RULE_KEYS,
  RULE_METADATA_KEYS,
  SECRET_KEY_SELECTOR_KEYS,
  SERVICE_ACCOUNT_MATCH_KEYS,
  SERVICE_IP_BLOCK_KEYS,
  SERVICE_MATCH_KEYS,
  SPEC_KEYS,
  STATUS_KEYS,
} from '../src/index.js';

const GNP_SPEC = [
  'tier',
  'order',
  'ingress',
  'egress',
  'selector',
  'types',
  'doNotTrack',
  'preDNAT',
  'applyOnForward',
  'serviceAccountSelector',
  'namespaceSelector',
  'performanceHints',
];
const NP_SPEC = [
  'tier',
  'order',
  'ingress',
  'egress',
  'selector',
  'types',
  'serviceAccountSelector',
  'performanceHints',
];

describe('key orders follow the upstream Go structs', () => {
  it.each([
    ['globalnetworkpolicy.go GlobalNetworkPolicySpec', SPEC_KEYS.GlobalNetworkPolicy, GNP_SPEC],
    [
      'stagedglobalnetworkpolicy.go StagedGlobalNetworkPolicySpec',
      SPEC_KEYS.StagedGlobalNetworkPolicy,
      ['stagedAction', ...GNP_SPEC],
    ],
    ['networkpolicy.go NetworkPolicySpec', SPEC_KEYS.NetworkPolicy, NP_SPEC],
    [
      'stagednetworkpolicy.go StagedNetworkPolicySpec',
      SPEC_KEYS.StagedNetworkPolicy,
      ['stagedAction', ...NP_SPEC],
    ],
    [
      'stagedkubernetesnetworkpolicy.go StagedKubernetesNetworkPolicySpec',
      SPEC_KEYS.StagedKubernetesNetworkPolicy,
      ['stagedAction', 'podSelector', 'ingress', 'egress', 'policyTypes'],
    ],
    ['tier.go TierSpec', SPEC_KEYS.Tier, ['order', 'defaultAction']],
    [
      'hostendpoint.go HostEndpointSpec',
      SPEC_KEYS.HostEndpoint,
      ['node', 'interfaceName', 'expectedIPs', 'profiles', 'ports'],
    ],
    ['hostendpoint.go EndpointPort', ENDPOINT_PORT_KEYS, ['name', 'protocol', 'port']],
    ['globalnetworkset.go GlobalNetworkSetSpec', SPEC_KEYS.GlobalNetworkSet, ['nets']],
    ['networkset.go NetworkSetSpec', SPEC_KEYS.NetworkSet, ['nets']],
    ['profile.go ProfileSpec', SPEC_KEYS.Profile, ['ingress', 'egress', 'labelsToApply']],
    [
      'ippool.go IPPoolSpec',
      SPEC_KEYS.IPPool,
      [
        'cidr',
        'vxlanMode',
        'ipipMode',
        'natOutgoing',
        'disabled',
        'disableBGPExport',
        'blockSize',
        'nodeSelector',
        'namespaceSelector',
        'allowedUses',
        'assignmentMode',
      ],
    ],
    [
      'bgpconfig.go BGPConfigurationSpec',
      SPEC_KEYS.BGPConfiguration,
      [
        'logSeverityScreen',
        'nodeToNodeMeshEnabled',
        'asNumber',
        'serviceLoadBalancerIPs',
        'serviceExternalIPs',
        'serviceClusterIPs',
        'serviceLoadBalancerAggregation',
        'communities',
        'prefixAdvertisements',
        'listenPort',
        'nodeMeshPassword',
        'nodeMeshMaxRestartTime',
        'bindMode',
        'ignoredInterfaces',
        'localWorkloadPeeringIPV4',
        'localWorkloadPeeringIPV6',
        'programClusterRoutes',
        'ipv4NormalRoutePriority',
        'ipv6NormalRoutePriority',
      ],
    ],
    ['bgpconfig.go Service{LoadBalancer,External,Cluster}IPBlock', SERVICE_IP_BLOCK_KEYS, ['cidr']],
    ['bgpconfig.go Community', COMMUNITY_KEYS, ['name', 'value']],
    ['bgpconfig.go PrefixAdvertisement', PREFIX_ADVERTISEMENT_KEYS, ['cidr', 'communities']],
    ['bgppeer.go BGPPassword', BGP_PASSWORD_KEYS, ['secretKeyRef']],
    ['k8s.io/api core/v1 SecretKeySelector', SECRET_KEY_SELECTOR_KEYS, ['name', 'key', 'optional']],
    [
      'apimachinery meta/v1 OwnerReference',
      OWNER_REFERENCE_KEYS,
      ['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion'],
    ],
    [
      'apimachinery meta/v1 ManagedFieldsEntry',
      MANAGED_FIELDS_ENTRY_KEYS,
      ['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1', 'subresource'],
    ],
    ['tier.go TierStatus / ippool.go IPPoolStatus', STATUS_KEYS, ['conditions']],
    [
      'apimachinery meta/v1 Condition',
      CONDITION_KEYS,
      ['type', 'status', 'observedGeneration', 'lastTransitionTime', 'reason', 'message'],
    ],
    [
      'policy_common.go Rule',
      RULE_KEYS,
      [
        'action',
        'ipVersion',
        'protocol',
        'icmp',
        'notProtocol',
        'notICMP',
        'source',
        'destination',
        'http',
        'metadata',
      ],
    ],
    [
      'policy_common.go EntityRule',
      ENTITY_RULE_KEYS,
      [
        'nets',
        'selector',
        'namespaceSelector',
        'services',
        'ports',
        'notNets',
        'notSelector',
        'notPorts',
        'serviceAccounts',
      ],
    ],
    ['policy_common.go ICMPFields', ICMP_KEYS, ['type', 'code']],
    ['policy_common.go HTTPMatch', HTTP_MATCH_KEYS, ['methods', 'paths']],
    ['policy_common.go HTTPPath', HTTP_PATH_KEYS, ['exact', 'prefix']],
    ['policy_common.go ServiceMatch', SERVICE_MATCH_KEYS, ['name', 'namespace']],
    ['policy_common.go ServiceAccountMatch', SERVICE_ACCOUNT_MATCH_KEYS, ['names', 'selector']],
    ['policy_common.go RuleMetadata', RULE_METADATA_KEYS, ['annotations']],
    ['felixconfig.go ProtoPort', PROTO_PORT_KEYS, ['protocol', 'port', 'net']],
    ['felixconfig.go HealthTimeoutOverride', HEALTH_TIMEOUT_OVERRIDE_KEYS, ['name', 'timeout']],
    ['felixconfig.go RouteTableRange / RouteTableIDRange', ROUTE_TABLE_RANGE_KEYS, ['min', 'max']],
    [
      'felixconfig.go BPFConntrackTimeouts',
      BPF_CONNTRACK_TIMEOUTS_KEYS,
      [
        'creationGracePeriod',
        'tcpSynSent',
        'tcpEstablished',
        'tcpFinsSeen',
        'tcpResetSeen',
        'udpTimeout',
        'genericTimeout',
        'icmpTimeout',
      ],
    ],
  ] as const)('%s', (_struct, actual, upstream) => {
    expect([...actual]).toEqual([...upstream]);
  });

  it('felixconfig.go FelixConfigurationSpec: all 188 fields, once each, in declaration order', () => {
    const keys: readonly string[] = FELIX_CONFIGURATION_SPEC_KEYS;
    expect(SPEC_KEYS.FelixConfiguration).toBe(FELIX_CONFIGURATION_SPEC_KEYS);
    expect(keys).toHaveLength(188);
    expect(new Set(keys).size).toBe(188);
    // Landmarks along the struct, first to last (the fields calico-dsl reads among them).
    const landmarks = [
      'nodeSelector',
      'useInternalDataplaneDriver',
      'ipv6Support',
      'chainInsertMode',
      'defaultEndpointToHostAction',
      'iptablesFilterAllowAction',
      'logSeverityScreen',
      'ipipEnabled',
      'healthTimeoutOverrides',
      'prometheusMetricsClientAuth',
      'failsafeInboundHostPorts',
      'failsafeOutboundHostPorts',
      'kubeNodePortRanges',
      'nftablesMode',
      'bpfEnabled',
      'bpfConntrackTimeouts',
      'bpfLogFilters',
      'routeTableRanges',
      'routeTableRange',
      'wireguardEnabled',
      'requireMTUFile',
      'bpfMaglevMaxEndpointsPerService',
      'bpfMaglevMaxServices',
    ];
    const at = landmarks.map((k) => keys.indexOf(k));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(keys[0]).toBe('nodeSelector');
    expect(keys.at(-1)).toBe('bpfMaglevMaxServices');
  });
});
