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
 * const meta: K8sObjectMeta = { name: 'web-0', namespace: 'prod', labels: { app: 'web' } };
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
 * const metrics: ContainerPort = { name: 'metrics', containerPort: 9090, protocol: 'TCP' };
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
 * const pod: Pod = {
 *   apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0', namespace: 'prod', labels: { app: 'web' } },
 *   spec: { nodeName: 'worker-1', containers: [{ name: 'web', ports: [{ name: 'http', containerPort: 8080 }] }] },
 *   status: { podIP: '10.244.1.7' },
 * };
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
 * const prod: Namespace = {
 *   apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod', labels: { team: 'web' } },
 * };
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
 * const sa: ServiceAccount = {
 *   apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'api', namespace: 'prod' },
 * };
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
 * const http: ServicePort = { name: 'http', protocol: 'TCP', port: 80, targetPort: 'http', nodePort: 30080 };
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
 * const svc: Service = {
 *   apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'prod' },
 *   spec: {
 *     type: 'NodePort', selector: { app: 'web' }, clusterIP: '10.96.0.20',
 *     ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
 *   },
 * };
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
 * const worker: Node = {
 *   apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1' },
 *   status: {
 *     addresses: [{ type: 'InternalIP', address: '10.0.0.5' }, { type: 'ExternalIP', address: '169.46.7.10' }],
 *   },
 * };
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
 * `networking.k8s.io/v1 NetworkPolicy`.
 *
 * @example
 * ```ts
 * const denyAll: K8sNetworkPolicy = {
 *   apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy',
 *   metadata: { name: 'default-deny', namespace: 'prod' },
 *   spec: { podSelector: {}, policyTypes: ['Ingress'] },
 * };
 * ```
 */
export interface K8sNetworkPolicy {
  readonly apiVersion: 'networking.k8s.io/v1';
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
 * const ns: KubernetesResource = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } };
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
