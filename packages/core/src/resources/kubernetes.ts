/**
 * The Kubernetes objects the evaluator reads to build its world. Only the fields that matter for
 * policy are typed; everything else a manifest carries is allowed and ignored.
 */
import type { K8sNetworkPolicySpec } from './policy.js';

/**
 * Kubernetes object metadata (subset).
 *
 * @example
 * ```ts
 * // checkKubernetesResource (what fromYaml and World.from use) requires metadata.name:
 * checkKubernetesResource({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'prod', labels: { app: 'web' } } }); // { ok: false, issues: [{ code: 'required', path: ['metadata', 'name'], message: 'name is required' }] }
 * ```
 */
export interface K8sObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly [field: string]: unknown;
}

/**
 * A container port; named ones can be targets of named ports in rules.
 *
 * @example
 * ```ts
 * // A named container port is what a rule's named port resolves to; its number must be a number:
 * checkKubernetesResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0' }, spec: { containers: [{ name: 'web', ports: [{ name: 'metrics', containerPort: '9090' }] }] } }); // { ok: false, issues: [{ code: 'invalid_type', path: ['spec', 'containers', 0, 'ports', 0, 'containerPort'], message: 'must be an integer 1–65535, not string "9090"; write it without quotes: 9090' }] }
 * ```
 */
export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
  readonly hostPort?: number;
}

/**
 * `v1 Pod` (policy-relevant subset).
 *
 * @example
 * ```ts
 * // Written as data (or read by fromYaml from `kubectl get pod -o yaml`) and checked as it is read:
 * checkKubernetesResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0', namespace: 'prod', labels: { app: 'web' } }, status: { podIP: '10.244.1.7' } }); // { ok: true, value: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0', namespace: 'prod', labels: { app: 'web' } }, status: { podIP: '10.244.1.7' } } }
 * ```
 */
export interface Pod {
  readonly apiVersion: 'v1';
  readonly kind: 'Pod';
  readonly metadata: K8sObjectMeta;
  readonly spec?: {
    readonly nodeName?: string;
    readonly serviceAccountName?: string;
    readonly hostNetwork?: boolean;
    readonly containers?: readonly {
      readonly name?: string;
      readonly image?: string;
      readonly ports?: readonly ContainerPort[];
    }[];
    readonly initContainers?: readonly {
      readonly name?: string;
      readonly ports?: readonly ContainerPort[];
    }[];
    readonly [field: string]: unknown;
  };
  readonly status?: {
    readonly podIP?: string;
    readonly podIPs?: readonly { readonly ip: string }[];
    readonly phase?: string;
    readonly conditions?: readonly { readonly type: string; readonly status: string }[];
    readonly [field: string]: unknown;
  };
}

/**
 * `v1 Namespace`.
 *
 * @example
 * ```ts
 * // Namespace labels are what namespaceSelector matches; label values must be strings:
 * checkKubernetesResource({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod', labels: { tier: 1 } } }); // { ok: false, issues: [{ code: 'invalid_type', path: ['metadata', 'labels', 'tier'], message: 'must be a string, not number 1; quote it: "1"' }] }
 * ```
 */
export interface Namespace {
  readonly apiVersion: 'v1';
  readonly kind: 'Namespace';
  readonly metadata: K8sObjectMeta;
}

/**
 * `v1 ServiceAccount`.
 *
 * @example
 * ```ts
 * checkKubernetesResource({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'api', namespace: 'prod' } })?.ok; // true
 * ```
 */
export interface ServiceAccount {
  readonly apiVersion: 'v1';
  readonly kind: 'ServiceAccount';
  readonly metadata: K8sObjectMeta;
}

/**
 * One port of a Service.
 *
 * @example
 * ```ts
 * // targetPort is a number or the name of a container port:
 * checkKubernetesResource({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80, targetPort: true }] } }); // { ok: false, issues: [{ code: 'invalid_type', path: ['spec', 'ports', 0, 'targetPort'], message: 'must be a port number or a port name, not boolean true' }] }
 * ```
 */
export interface ServicePort {
  readonly name?: string;
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
  readonly port: number;
  readonly targetPort?: number | string;
  readonly nodePort?: number;
}

/**
 * `v1 Service` (ClusterIP, NodePort, LoadBalancer).
 *
 * @example
 * ```ts
 * checkKubernetesResource({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'prod' }, spec: { type: 'Nodeport', ports: [{ port: 80, nodePort: 30080 }] } }); // { ok: false, issues: [{ code: 'invalid_value', path: ['spec', 'type'], message: 'must be one of ClusterIP, NodePort, LoadBalancer, ExternalName, not string "Nodeport"' }] }
 * ```
 */
export interface Service {
  readonly apiVersion: 'v1';
  readonly kind: 'Service';
  readonly metadata: K8sObjectMeta;
  readonly spec: {
    readonly type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
    readonly selector?: Readonly<Record<string, string>>;
    readonly clusterIP?: string;
    readonly clusterIPs?: readonly string[];
    readonly externalIPs?: readonly string[];
    readonly loadBalancerIP?: string;
    readonly externalTrafficPolicy?: 'Cluster' | 'Local';
    readonly internalTrafficPolicy?: 'Cluster' | 'Local';
    readonly publishNotReadyAddresses?: boolean;
    readonly ports?: readonly ServicePort[];
    readonly [field: string]: unknown;
  };
  readonly status?: {
    readonly loadBalancer?: {
      readonly ingress?: readonly { readonly ip?: string; readonly hostname?: string }[];
    };
  };
}

/**
 * `v1 Node`.
 *
 * @example
 * ```ts
 * // The evaluator reads a node's addresses (InternalIP, ExternalIP) to place host traffic:
 * checkKubernetesResource({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1' }, status: { addresses: [{ type: 'InternalIP', address: '10.0.0.5' }] } })?.ok; // true
 * ```
 */
export interface Node {
  readonly apiVersion: 'v1';
  readonly kind: 'Node';
  readonly metadata: K8sObjectMeta;
  readonly spec?: { readonly podCIDR?: string; readonly [field: string]: unknown };
  readonly status?: { readonly addresses?: readonly { readonly type: string; readonly address: string }[] };
}

/**
 * `v1 ConfigMap`: read for kube-proxy's configuration (`kube-system/kube-proxy`, key
 * `config.conf`, a KubeProxyConfiguration whose `mode` says iptables, ipvs or nftables).
 *
 * @example
 * ```ts
 * const kubeProxy: ConfigMap = {
 *   apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-proxy', namespace: 'kube-system' },
 *   data: { 'config.conf': 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n' },
 * };
 * ```
 */
export interface ConfigMap {
  readonly apiVersion: 'v1';
  readonly kind: 'ConfigMap';
  readonly metadata: K8sObjectMeta;
  readonly data?: Readonly<Record<string, string>>;
}

/**
 * One address of an Endpoints subset.
 *
 * @example
 * ```ts
 * const db: EndpointAddress = { ip: '192.0.2.10' };
 * ```
 */
export interface EndpointAddress {
  readonly ip: string;
  readonly hostname?: string;
  readonly nodeName?: string;
  readonly targetRef?: { readonly kind?: string; readonly name?: string; readonly namespace?: string };
}

/**
 * `v1 Endpoints`: for a Service without a selector, the EndpointSliceMirroring controller copies
 * it into EndpointSlices (`addresses` ready, `notReadyAddresses` not ready), which kube-proxy reads.
 *
 * @example
 * ```ts
 * const external: Endpoints = {
 *   apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'db', namespace: 'prod' },
 *   subsets: [{ addresses: [{ ip: '192.0.2.10' }], ports: [{ port: 5432, protocol: 'TCP' }] }],
 * };
 * ```
 */
export interface Endpoints {
  readonly apiVersion: 'v1';
  readonly kind: 'Endpoints';
  readonly metadata: K8sObjectMeta;
  readonly subsets?: readonly {
    readonly addresses?: readonly EndpointAddress[];
    readonly notReadyAddresses?: readonly EndpointAddress[];
    readonly ports?: readonly SlicePort[];
  }[];
}

/**
 * The apiVersion of Kubernetes' own NetworkPolicy.
 *
 * @example
 * ```ts
 * kubernetesNetworkPolicy('deny-all', 'prod').toResource().apiVersion === K8S_NETWORKING_API_VERSION; // true
 * ```
 */
export const K8S_NETWORKING_API_VERSION = 'networking.k8s.io/v1';

/**
 * Whether a resource is Kubernetes' own NetworkPolicy (`networking.k8s.io/v1`), not Calico's
 * `projectcalico.org/v3` one of the same kind name.
 *
 * @example
 * ```ts
 * isK8sNetworkPolicy(kubernetesNetworkPolicy('deny-all', 'prod').toResource()); // true
 * isK8sNetworkPolicy(networkPolicy('deny-all', 'prod').deny().toResource()); // false
 * ```
 */
export function isK8sNetworkPolicy<R extends { readonly apiVersion: string; readonly kind: string }>(
  resource: R,
): resource is Extract<R, K8sNetworkPolicy> {
  return resource.apiVersion === K8S_NETWORKING_API_VERSION && resource.kind === 'NetworkPolicy';
}

/**
 * `networking.k8s.io/v1 NetworkPolicy`.
 *
 * @example
 * ```ts
 * checkKubernetesResource({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'prod' }, spec: { podSelector: {}, policyTypes: ['ingress'] } }); // { ok: false, issues: [{ code: 'invalid_value', path: ['spec', 'policyTypes', 0], message: 'must be one of Ingress, Egress, not string "ingress"' }] }
 * ```
 */
export interface K8sNetworkPolicy {
  readonly apiVersion: typeof K8S_NETWORKING_API_VERSION;
  readonly kind: 'NetworkPolicy';
  readonly metadata: K8sObjectMeta;
  readonly spec: K8sNetworkPolicySpec;
}

/**
 * One endpoint of an EndpointSlice: kube-proxy uses its first address; absent conditions read
 * as ready and serving, not terminating.
 *
 * @example
 * ```ts
 * const web0: SliceEndpoint = {
 *   addresses: ['10.244.1.7'], conditions: { ready: true }, nodeName: 'worker-1',
 *   targetRef: { kind: 'Pod', name: 'web-0', namespace: 'prod' },
 * };
 * ```
 */
export interface SliceEndpoint {
  readonly addresses: readonly string[];
  readonly conditions?: {
    readonly ready?: boolean;
    readonly serving?: boolean;
    readonly terminating?: boolean;
  };
  readonly nodeName?: string;
  readonly targetRef?: { readonly kind?: string; readonly name?: string; readonly namespace?: string };
  readonly [field: string]: unknown;
}

/**
 * One port of an EndpointSlice: matched to a Service port by name and protocol (an absent name
 * is `""`, the name of a Service's one unnamed port; protocol defaults to TCP).
 *
 * @example
 * ```ts
 * const http: SlicePort = { name: 'http', protocol: 'TCP', port: 8080 };
 * ```
 */
export interface SlicePort {
  readonly name?: string;
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
  readonly port?: number;
  readonly appProtocol?: string;
}

/**
 * `discovery.k8s.io/v1 EndpointSlice`: the backends kube-proxy programs for the Service named by
 * its `kubernetes.io/service-name` label.
 *
 * @example
 * ```ts
 * const slice: EndpointSlice = {
 *   apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
 *   metadata: { name: 'web-abc12', namespace: 'prod', labels: { 'kubernetes.io/service-name': 'web' } },
 *   addressType: 'IPv4',
 *   endpoints: [{ addresses: ['10.244.1.7'], conditions: { ready: true } }],
 *   ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
 * };
 * ```
 */
export interface EndpointSlice {
  readonly apiVersion: 'discovery.k8s.io/v1';
  readonly kind: 'EndpointSlice';
  readonly metadata: K8sObjectMeta;
  readonly addressType: 'IPv4' | 'IPv6' | 'FQDN';
  readonly endpoints?: readonly SliceEndpoint[];
  readonly ports?: readonly SlicePort[];
}

/**
 * Every Kubernetes kind the SDK reads.
 *
 * @example
 * ```ts
 * // checkKubernetesResource answers undefined for a kind it does not know (a Calico kind, a Deployment):
 * checkKubernetesResource({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }); // undefined
 * ```
 */
export type KubernetesResource =
  | Pod
  | Namespace
  | ServiceAccount
  | Service
  | Node
  | ConfigMap
  | Endpoints
  | K8sNetworkPolicy
  | EndpointSlice;
