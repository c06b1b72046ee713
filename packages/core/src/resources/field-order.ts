/**
 * Key order of every object in the IR, as upstream Go structs declare their JSON fields. The YAML
 * printer emits keys in this order (then any unknown keys in input order).
 */

import { FELIX_CONFIGURATION_SPEC_KEYS } from './felix-field-order.js';

/**
 * Top-level keys of every resource.
 *
 * @example
 * ```ts
 * RESOURCE_KEYS[3]; // 'spec'
 * ```
 */
export const RESOURCE_KEYS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'] as const;

/**
 * ObjectMeta keys (Kubernetes `metav1.ObjectMeta` order).
 *
 * @example
 * ```ts
 * METADATA_KEYS[0]; // 'name'
 * ```
 */
export const METADATA_KEYS = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
] as const;

/**
 * Kubernetes `metav1.OwnerReference` keys (`metadata.ownerReferences` entries).
 *
 * @example
 * ```ts
 * OWNER_REFERENCE_KEYS[3]; // 'uid'
 * ```
 */
export const OWNER_REFERENCE_KEYS = [
  'apiVersion',
  'kind',
  'name',
  'uid',
  'controller',
  'blockOwnerDeletion',
] as const;

/**
 * Kubernetes `metav1.ManagedFieldsEntry` keys (`metadata.managedFields` entries).
 *
 * @example
 * ```ts
 * MANAGED_FIELDS_ENTRY_KEYS[0]; // 'manager'
 * ```
 */
export const MANAGED_FIELDS_ENTRY_KEYS = [
  'manager',
  'operation',
  'apiVersion',
  'time',
  'fieldsType',
  'fieldsV1',
  'subresource',
] as const;

/**
 * `TierStatus` and `IPPoolStatus` keys: both hold only the controllers' conditions.
 *
 * @example
 * ```ts
 * STATUS_KEYS; // ['conditions']
 * ```
 */
export const STATUS_KEYS = ['conditions'] as const;

/**
 * Kubernetes `metav1.Condition` keys (`status.conditions` entries of a Tier or an IPPool).
 *
 * @example
 * ```ts
 * CONDITION_KEYS[1]; // 'status'
 * ```
 */
export const CONDITION_KEYS = [
  'type',
  'status',
  'observedGeneration',
  'lastTransitionTime',
  'reason',
  'message',
] as const;

/**
 * `Rule` keys.
 *
 * @example
 * ```ts
 * RULE_KEYS[0]; // 'action'
 * ```
 */
export const RULE_KEYS = [
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
] as const;

/**
 * `EntityRule` keys.
 *
 * @example
 * ```ts
 * ENTITY_RULE_KEYS.indexOf('ports'); // 4
 * ```
 */
export const ENTITY_RULE_KEYS = [
  'nets',
  'selector',
  'namespaceSelector',
  'services',
  'ports',
  'notNets',
  'notSelector',
  'notPorts',
  'serviceAccounts',
] as const;

/**
 * `ICMPFields` keys.
 *
 * @example
 * ```ts
 * ICMP_KEYS[1]; // 'code'
 * ```
 */
export const ICMP_KEYS = ['type', 'code'] as const;
/**
 * `ServiceMatch` keys.
 *
 * @example
 * ```ts
 * SERVICE_MATCH_KEYS[1]; // 'namespace'
 * ```
 */
export const SERVICE_MATCH_KEYS = ['name', 'namespace'] as const;
/**
 * `ServiceAccountMatch` keys.
 *
 * @example
 * ```ts
 * SERVICE_ACCOUNT_MATCH_KEYS[0]; // 'names'
 * ```
 */
export const SERVICE_ACCOUNT_MATCH_KEYS = ['names', 'selector'] as const;
/**
 * `HTTPMatch` keys.
 *
 * @example
 * ```ts
 * HTTP_MATCH_KEYS[0]; // 'methods'
 * ```
 */
export const HTTP_MATCH_KEYS = ['methods', 'paths'] as const;
/**
 * `HTTPPath` keys.
 *
 * @example
 * ```ts
 * HTTP_PATH_KEYS[1]; // 'prefix'
 * ```
 */
export const HTTP_PATH_KEYS = ['exact', 'prefix'] as const;
/**
 * `RuleMetadata` keys.
 *
 * @example
 * ```ts
 * RULE_METADATA_KEYS[0]; // 'annotations'
 * ```
 */
export const RULE_METADATA_KEYS = ['annotations'] as const;

/**
 * The spec keys of a Kubernetes NetworkPolicy (`networking.k8s.io/v1`), in the Go struct's order;
 * a StagedKubernetesNetworkPolicy's spec is `stagedAction` and these.
 *
 * @example
 * ```ts
 * K8S_NETWORK_POLICY_SPEC_KEYS; // ['podSelector', 'ingress', 'egress', 'policyTypes']
 * ```
 */
export const K8S_NETWORK_POLICY_SPEC_KEYS = ['podSelector', 'ingress', 'egress', 'policyTypes'] as const;

/**
 * Spec keys per kind.
 *
 * @example
 * ```ts
 * SPEC_KEYS.GlobalNetworkPolicy[0]; // 'tier'
 * SPEC_KEYS.Tier; // ['order', 'defaultAction']
 * ```
 */
export const SPEC_KEYS = {
  GlobalNetworkPolicy: [
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
  ],
  StagedGlobalNetworkPolicy: [
    'stagedAction',
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
  ],
  NetworkPolicy: [
    'tier',
    'order',
    'ingress',
    'egress',
    'selector',
    'types',
    'serviceAccountSelector',
    'performanceHints',
  ],
  StagedNetworkPolicy: [
    'stagedAction',
    'tier',
    'order',
    'ingress',
    'egress',
    'selector',
    'types',
    'serviceAccountSelector',
    'performanceHints',
  ],
  StagedKubernetesNetworkPolicy: ['stagedAction', ...K8S_NETWORK_POLICY_SPEC_KEYS],
  Tier: ['order', 'defaultAction'],
  HostEndpoint: ['node', 'interfaceName', 'expectedIPs', 'profiles', 'ports'],
  GlobalNetworkSet: ['nets'],
  NetworkSet: ['nets'],
  Profile: ['ingress', 'egress', 'labelsToApply'],
  FelixConfiguration: FELIX_CONFIGURATION_SPEC_KEYS,
  IPPool: [
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
  BGPConfiguration: [
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
} as const;

/**
 * `EndpointPort` keys (HostEndpoint ports).
 *
 * @example
 * ```ts
 * ENDPOINT_PORT_KEYS[0]; // 'name'
 * ```
 */
export const ENDPOINT_PORT_KEYS = ['name', 'protocol', 'port'] as const;
/**
 * `ProtoPort` keys (failsafe entries).
 *
 * @example
 * ```ts
 * PROTO_PORT_KEYS[2]; // 'net'
 * ```
 */
export const PROTO_PORT_KEYS = ['protocol', 'port', 'net'] as const;
/**
 * `ServiceClusterIPBlock`, `ServiceExternalIPBlock` and `ServiceLoadBalancerIPBlock` keys
 * (BGPConfiguration `spec.service*IPs` entries).
 *
 * @example
 * ```ts
 * SERVICE_IP_BLOCK_KEYS; // ['cidr']
 * ```
 */
export const SERVICE_IP_BLOCK_KEYS = ['cidr'] as const;
/**
 * `Community` keys (BGPConfiguration `spec.communities` entries).
 *
 * @example
 * ```ts
 * COMMUNITY_KEYS[1]; // 'value'
 * ```
 */
export const COMMUNITY_KEYS = ['name', 'value'] as const;
/**
 * `PrefixAdvertisement` keys (BGPConfiguration `spec.prefixAdvertisements` entries).
 *
 * @example
 * ```ts
 * PREFIX_ADVERTISEMENT_KEYS[1]; // 'communities'
 * ```
 */
export const PREFIX_ADVERTISEMENT_KEYS = ['cidr', 'communities'] as const;
/**
 * `BGPPassword` keys (BGPConfiguration `spec.nodeMeshPassword`).
 *
 * @example
 * ```ts
 * BGP_PASSWORD_KEYS; // ['secretKeyRef']
 * ```
 */
export const BGP_PASSWORD_KEYS = ['secretKeyRef'] as const;
/**
 * Kubernetes `SecretKeySelector` keys (`secretKeyRef`): the embedded `LocalObjectReference`'s
 * `name` first.
 *
 * @example
 * ```ts
 * SECRET_KEY_SELECTOR_KEYS[1]; // 'key'
 * ```
 */
export const SECRET_KEY_SELECTOR_KEYS = ['name', 'key', 'optional'] as const;
