/**
 * Print layout of the network-policy-api kinds (ClusterNetworkPolicy v1alpha2, AdminNetworkPolicy
 * and BaselineAdminNetworkPolicy v1alpha1): the Go struct order of sigs.k8s.io/network-policy-api.
 */
import { NETWORK_POLICY_API_KEYS as K, type NetworkPolicyApiKind, RESOURCE_KEYS } from '@calico-dsl/core';
import { METADATA } from './metadata-shape.js';
import { list, MAP, object, type Shape } from './shape-layout.js';

const SELECTOR = object(K.labelSelector, {
  matchLabels: MAP,
  matchExpressions: list(object(K.labelSelectorRequirement)),
});
const NAMESPACED_POD = object(K.namespacedPod, { namespaceSelector: SELECTOR, podSelector: SELECTOR });
const SUBJECT = object(K.subject, { namespaces: SELECTOR, pods: NAMESPACED_POD });
const INGRESS_PEER = object(K.ingressPeer, { namespaces: SELECTOR, pods: NAMESPACED_POD });
const EGRESS_PEER = object(K.egressPeer, { namespaces: SELECTOR, pods: NAMESPACED_POD, nodes: SELECTOR });

const PORTS = object(K.protocolPorts, {
  destinationPort: object(K.port, { range: object(K.portRange) }),
});
const PROTOCOL = object(K.protocol, { tcp: PORTS, udp: PORTS, sctp: PORTS });
const ANP_PORT = object(K.anpPort, {
  portNumber: object(K.anpPortNumber),
  portRange: object(K.anpPortRange),
});

const CNP_SPEC = object(K.cnpSpec, {
  subject: SUBJECT,
  ingress: list(object(K.ingressRule, { from: list(INGRESS_PEER), protocols: list(PROTOCOL) })),
  egress: list(object(K.egressRule, { to: list(EGRESS_PEER), protocols: list(PROTOCOL) })),
});
const ANP_SPEC = object(K.anpSpec, {
  subject: SUBJECT,
  ingress: list(object(K.anpIngressRule, { from: list(INGRESS_PEER), ports: list(ANP_PORT) })),
  egress: list(object(K.anpEgressRule, { to: list(EGRESS_PEER), ports: list(ANP_PORT) })),
});

const resourceShape = (spec: Shape): Shape => object(RESOURCE_KEYS, { metadata: METADATA, spec });

/**
 * The layout of each network-policy-api kind.
 *
 * @example
 * ```ts
 * NPA_SHAPES.ClusterNetworkPolicy; // spec keys: tier, priority, subject, ingress, egress
 * ```
 */
export const NPA_SHAPES: Readonly<Record<NetworkPolicyApiKind, Shape>> = {
  ClusterNetworkPolicy: resourceShape(CNP_SPEC),
  AdminNetworkPolicy: resourceShape(ANP_SPEC),
  BaselineAdminNetworkPolicy: resourceShape(ANP_SPEC),
};
