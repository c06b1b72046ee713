/**
 * The tutorial's app, as the plain Kubernetes objects `kubectl run` and `kubectl apply` create:
 * the `webserver` deployment's three echoserver pods and the `webserver-lb` LoadBalancer service.
 */
import type { Pod, Service } from '@calico-dsl/core';

/**
 * The image `kubectl run webserver --image=k8s.gcr.io/echoserver:1.10 --replicas=3` deploys.
 *
 * @example
 * ```ts
 * webserverPods('10.176.48.78')[0]?.spec?.containers?.[0]?.image === WEBSERVER_IMAGE; // true
 * ```
 */
export const WEBSERVER_IMAGE = 'k8s.gcr.io/echoserver:1.10';

/**
 * The label `kubectl run webserver` puts on the pods, which the service selects.
 *
 * @example
 * ```ts
 * webserverLoadBalancer().spec.selector; // WEBSERVER_LABELS: { run: 'webserver' }
 * ```
 */
export const WEBSERVER_LABELS: Readonly<Record<string, string>> = Object.freeze({ run: 'webserver' });

/**
 * The three pod names of the tutorial's `kubectl get pods -o wide`.
 *
 * @example
 * ```ts
 * WEBSERVER_POD_NAMES[1]; // 'webserver-855556f688-76rkp'
 * ```
 */
export const WEBSERVER_POD_NAMES = [
  'webserver-855556f688-6dbsn',
  'webserver-855556f688-76rkp',
  'webserver-855556f688-xd849',
] as const;

const POD_TEMPLATE_HASH = '855556f688';
const FIRST_POD_IP_OCTET = 10;

/**
 * The `webserver` deployment's three running pods (echoserver listening on 8080), all on `nodeName`
 * as in the tutorial's example output, with pod IPs `172.30.152.10`–`12` from the pod CIDR.
 *
 * @example
 * ```ts
 * webserverPods('10.176.48.78').map((p) => p.metadata.name); // the three WEBSERVER_POD_NAMES
 * ```
 */
export function webserverPods(nodeName: string, namespace = 'default'): Pod[] {
  return WEBSERVER_POD_NAMES.map((name, i) => {
    const podIP = `172.30.152.${FIRST_POD_IP_OCTET + i}`;
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, labels: { ...WEBSERVER_LABELS, 'pod-template-hash': POD_TEMPLATE_HASH } },
      spec: {
        nodeName,
        containers: [
          { name: 'webserver', image: WEBSERVER_IMAGE, ports: [{ containerPort: 8080, protocol: 'TCP' }] },
        ],
      },
      status: { phase: 'Running', podIP, podIPs: [{ ip: podIP }] },
    };
  });
}

/**
 * `webserver-lb.yaml` exactly as the tutorial writes it (step 3 of lesson 1): a LoadBalancer
 * service on port 80 → 8080, in the namespace `kubectl apply` targets unless one is given.
 * Kubernetes fills in the node port, cluster IP and external IP.
 *
 * @example
 * ```ts
 * webserverLoadBalancer().spec.ports?.[0]; // { name: 'webserver-port', port: 80, protocol: 'TCP', targetPort: 8080 }
 * ```
 */
export function webserverLoadBalancer(namespace?: string): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'webserver-lb',
      ...(namespace === undefined ? {} : { namespace }),
      labels: { ...WEBSERVER_LABELS },
    },
    spec: {
      type: 'LoadBalancer',
      selector: { ...WEBSERVER_LABELS },
      ports: [{ name: 'webserver-port', port: 80, protocol: 'TCP', targetPort: 8080 }],
    },
  };
}

/**
 * What the cluster assigns when `webserver-lb` is created.
 *
 * @example
 * ```ts
 * const a: ServiceAssignment = { nodePort: 31024, loadBalancerIp: '169.46.10.20', clusterIp: '172.21.25.40' };
 * ```
 */
export interface ServiceAssignment {
  readonly nodePort: number;
  readonly loadBalancerIp: string;
  readonly clusterIp: string;
}

/**
 * `webserver-lb` as it runs once Kubernetes has assigned it a node port, a cluster IP and the load
 * balancer's public IP (`kubectl get svc`: `80:31024/TCP`).
 *
 * @example
 * ```ts
 * assignedLoadBalancer({ nodePort: 31024, loadBalancerIp: '169.46.10.20', clusterIp: '172.21.25.40' })
 *   .status?.loadBalancer?.ingress; // [{ ip: '169.46.10.20' }]
 * ```
 */
export function assignedLoadBalancer(assigned: ServiceAssignment, namespace = 'default'): Service {
  const manifest = webserverLoadBalancer(namespace);
  return {
    ...manifest,
    spec: {
      ...manifest.spec,
      clusterIP: assigned.clusterIp,
      externalTrafficPolicy: 'Cluster',
      ports: (manifest.spec.ports ?? []).map((port) => ({ ...port, nodePort: assigned.nodePort })),
    },
    status: { loadBalancer: { ingress: [{ ip: assigned.loadBalancerIp }] } },
  };
}
