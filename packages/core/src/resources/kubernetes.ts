/**
 * The Kubernetes objects the evaluator reads to build its world. Only the fields that matter for
 * policy are typed; everything else a manifest carries is allowed and ignored.
 */
import type { K8sNetworkPolicySpec } from './policy.js';

/** Kubernetes object metadata (subset). */
export interface K8sObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly [field: string]: unknown;
}

/** A container port; named ones can be targets of named ports in rules. */
export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
  readonly hostPort?: number;
}

/** `v1 Pod` (policy-relevant subset). */
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
    readonly [field: string]: unknown;
  };
}

/** `v1 Namespace`. */
export interface Namespace {
  readonly apiVersion: 'v1';
  readonly kind: 'Namespace';
  readonly metadata: K8sObjectMeta;
}

/** `v1 ServiceAccount`. */
export interface ServiceAccount {
  readonly apiVersion: 'v1';
  readonly kind: 'ServiceAccount';
  readonly metadata: K8sObjectMeta;
}

/** One port of a Service. */
export interface ServicePort {
  readonly name?: string;
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
  readonly port: number;
  readonly targetPort?: number | string;
  readonly nodePort?: number;
}

/** `v1 Service` (ClusterIP, NodePort, LoadBalancer). */
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
    readonly ports?: readonly ServicePort[];
    readonly [field: string]: unknown;
  };
  readonly status?: {
    readonly loadBalancer?: {
      readonly ingress?: readonly { readonly ip?: string; readonly hostname?: string }[];
    };
  };
}

/** `v1 Node`. */
export interface Node {
  readonly apiVersion: 'v1';
  readonly kind: 'Node';
  readonly metadata: K8sObjectMeta;
  readonly spec?: { readonly podCIDR?: string; readonly [field: string]: unknown };
  readonly status?: { readonly addresses?: readonly { readonly type: string; readonly address: string }[] };
}

/** `networking.k8s.io/v1 NetworkPolicy`. */
export interface K8sNetworkPolicy {
  readonly apiVersion: 'networking.k8s.io/v1';
  readonly kind: 'NetworkPolicy';
  readonly metadata: K8sObjectMeta;
  readonly spec: K8sNetworkPolicySpec;
}

/** Every Kubernetes kind the SDK reads. */
export type KubernetesResource = Pod | Namespace | ServiceAccount | Service | Node | K8sNetworkPolicy;
