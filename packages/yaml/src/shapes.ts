import {
  BGP_PASSWORD_KEYS,
  BPF_CONNTRACK_TIMEOUTS_KEYS,
  type CalicoKind,
  COMMUNITY_KEYS,
  CONDITION_KEYS,
  ENDPOINT_PORT_KEYS,
  ENTITY_RULE_KEYS,
  HEALTH_TIMEOUT_OVERRIDE_KEYS,
  HTTP_MATCH_KEYS,
  HTTP_PATH_KEYS,
  ICMP_KEYS,
  isNetworkPolicyApiKind,
  PREFIX_ADVERTISEMENT_KEYS,
  PROTO_PORT_KEYS,
  RESOURCE_KEYS,
  ROUTE_TABLE_RANGE_KEYS,
  RULE_KEYS,
  RULE_METADATA_KEYS,
  SECRET_KEY_SELECTOR_KEYS,
  SERVICE_ACCOUNT_MATCH_KEYS,
  SERVICE_IP_BLOCK_KEYS,
  SERVICE_MATCH_KEYS,
  SPEC_KEYS,
  STATUS_KEYS,
} from '@calico-dsl/core';
import { METADATA } from './metadata-shape.js';
import { NPA_SHAPES } from './npa-shapes.js';
import { ANY, list, MAP, object, type Shape } from './shape-layout.js';

// TierStatus and IPPoolStatus: the controllers' metav1.Conditions.
const CALICO_STATUS = object(STATUS_KEYS, { conditions: list(object(CONDITION_KEYS)) });

const ENTITY_RULE = object(ENTITY_RULE_KEYS, {
  services: object(SERVICE_MATCH_KEYS),
  serviceAccounts: object(SERVICE_ACCOUNT_MATCH_KEYS),
});

const RULE = object(RULE_KEYS, {
  icmp: object(ICMP_KEYS),
  notICMP: object(ICMP_KEYS),
  source: ENTITY_RULE,
  destination: ENTITY_RULE,
  http: object(HTTP_MATCH_KEYS, { paths: list(object(HTTP_PATH_KEYS)) }),
  metadata: object(RULE_METADATA_KEYS, { annotations: MAP }),
});

const RULES = list(RULE);

// Kubernetes NetworkPolicy bodies (StagedKubernetesNetworkPolicy): k8s.io/api networking/v1 order.
const LABEL_SELECTOR = object(['matchLabels', 'matchExpressions'], {
  matchLabels: MAP,
  matchExpressions: list(object(['key', 'operator', 'values'])),
});
const K8S_PEER = object(['podSelector', 'namespaceSelector', 'ipBlock'], {
  podSelector: LABEL_SELECTOR,
  namespaceSelector: LABEL_SELECTOR,
  ipBlock: object(['cidr', 'except']),
});
const K8S_PORTS = list(object(['protocol', 'port', 'endPort']));

const POLICY_FIELDS = { ingress: RULES, egress: RULES } as const;

const K8S_POLICY_FIELDS = {
  podSelector: LABEL_SELECTOR,
  ingress: list(object(['ports', 'from'], { ports: K8S_PORTS, from: list(K8S_PEER) })),
  egress: list(object(['ports', 'to'], { ports: K8S_PORTS, to: list(K8S_PEER) })),
} as const;

// The structs and maps inside FelixConfigurationSpec (felixconfig.go); its other fields are scalars
// or lists of scalars.
const FELIX_FIELDS = {
  healthTimeoutOverrides: list(object(HEALTH_TIMEOUT_OVERRIDE_KEYS)),
  failsafeInboundHostPorts: list(object(PROTO_PORT_KEYS)),
  failsafeOutboundHostPorts: list(object(PROTO_PORT_KEYS)),
  bpfConntrackTimeouts: object(BPF_CONNTRACK_TIMEOUTS_KEYS),
  bpfLogFilters: MAP,
  routeTableRanges: list(object(ROUTE_TABLE_RANGE_KEYS)),
  routeTableRange: object(ROUTE_TABLE_RANGE_KEYS),
} as const;

// The structs inside BGPConfigurationSpec (bgpconfig.go, and BGPPassword's Kubernetes SecretKeySelector).
const SERVICE_IP_BLOCKS = list(object(SERVICE_IP_BLOCK_KEYS));
const BGP_FIELDS = {
  serviceLoadBalancerIPs: SERVICE_IP_BLOCKS,
  serviceExternalIPs: SERVICE_IP_BLOCKS,
  serviceClusterIPs: SERVICE_IP_BLOCKS,
  communities: list(object(COMMUNITY_KEYS)),
  prefixAdvertisements: list(object(PREFIX_ADVERTISEMENT_KEYS)),
  nodeMeshPassword: object(BGP_PASSWORD_KEYS, { secretKeyRef: object(SECRET_KEY_SELECTOR_KEYS) }),
} as const;

/** Spec layout per Calico kind. */
const SPEC_SHAPES: Record<CalicoKind, Shape> = {
  GlobalNetworkPolicy: object(SPEC_KEYS.GlobalNetworkPolicy, POLICY_FIELDS),
  StagedGlobalNetworkPolicy: object(SPEC_KEYS.StagedGlobalNetworkPolicy, POLICY_FIELDS),
  NetworkPolicy: object(SPEC_KEYS.NetworkPolicy, POLICY_FIELDS),
  StagedNetworkPolicy: object(SPEC_KEYS.StagedNetworkPolicy, POLICY_FIELDS),
  StagedKubernetesNetworkPolicy: object(SPEC_KEYS.StagedKubernetesNetworkPolicy, K8S_POLICY_FIELDS),
  Tier: object(SPEC_KEYS.Tier),
  HostEndpoint: object(SPEC_KEYS.HostEndpoint, { ports: list(object(ENDPOINT_PORT_KEYS)) }),
  GlobalNetworkSet: object(SPEC_KEYS.GlobalNetworkSet),
  NetworkSet: object(SPEC_KEYS.NetworkSet),
  Profile: object(SPEC_KEYS.Profile, { ...POLICY_FIELDS, labelsToApply: MAP }),
  FelixConfiguration: object(SPEC_KEYS.FelixConfiguration, FELIX_FIELDS),
  IPPool: object(SPEC_KEYS.IPPool),
  BGPConfiguration: object(SPEC_KEYS.BGPConfiguration, BGP_FIELDS),
};

const resourceShape = (spec: Shape): Shape => object(RESOURCE_KEYS, { metadata: METADATA, spec });

const CALICO_SHAPES = new Map<string, Shape>(
  Object.entries(SPEC_SHAPES).map(([kind, spec]) => [
    kind,
    object(RESOURCE_KEYS, { metadata: METADATA, spec, status: CALICO_STATUS }),
  ]),
);

/** `networking.k8s.io/v1` NetworkPolicy: the k8s.io/api struct order. */
const K8S_NETWORK_POLICY_SHAPE = resourceShape(
  object(['podSelector', 'ingress', 'egress', 'policyTypes'], K8S_POLICY_FIELDS),
);

/** Any other kind (Kubernetes objects): top-level and metadata in Kubernetes order, the rest as given. */
const GENERIC_SHAPE = resourceShape(ANY);

/**
 * The layout of a resource: a Calico kind's upstream struct order (when `calico` says the
 * resource is a Calico one), the Kubernetes NetworkPolicy order, or the generic Kubernetes layout.
 *
 * @example
 * ```ts
 * shapeOf('GlobalNetworkPolicy', true); // spec keys: tier, order, ingress, egress, selector, …
 * shapeOf('NetworkPolicy', false); // networking.k8s.io/v1: podSelector, ingress, egress, policyTypes
 * ```
 */
export function shapeOf(kind: unknown, calico: boolean): Shape {
  if (typeof kind !== 'string') return GENERIC_SHAPE;
  if (calico) return CALICO_SHAPES.get(kind) ?? GENERIC_SHAPE;
  if (isNetworkPolicyApiKind(kind)) return NPA_SHAPES[kind];
  return kind === 'NetworkPolicy' ? K8S_NETWORK_POLICY_SHAPE : GENERIC_SHAPE;
}
