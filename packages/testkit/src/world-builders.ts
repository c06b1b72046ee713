/**
 * Small Kubernetes objects for tests: a pod, a service, a node, a namespace, and `world(...)` to put
 * them (with policies and other Calico resources built with core's DSL, e.g. `hostEndpoint`) into an
 * evaluator `World`.
 */
import type {
  ContainerPort,
  Namespace,
  Node,
  Pod,
  Resource,
  ResourceSource,
  Service,
  ServicePort,
  ValidResource,
} from '@calico-dsl/core';
import { World, type WorldOptions } from '@calico-dsl/evaluator';

/** Labels as plain own properties (a `__proto__` key stays a key, never a prototype). */
const labelMap = (
  labels: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined =>
  labels === undefined ? undefined : Object.fromEntries(Object.entries(labels));

const meta = (
  name: string,
  namespace: string | undefined,
  labels: Readonly<Record<string, string>> | undefined,
) => {
  const l = labelMap(labels);
  return {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(l !== undefined ? { labels: l } : {}),
  };
};

/**
 * Options of {@link pod}.
 *
 * @example
 * ```ts
 * const o: PodOptions = { ip: '10.1.0.10', labels: { app: 'web' }, node: 'worker-1', ports: [8080] };
 * ```
 */
export interface PodOptions {
  /** `status.podIP` (and `podIPs` when several, e.g. dual stack). */
  readonly ip: string | readonly string[];
  /** Default `default`. */
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** `spec.nodeName`. */
  readonly node?: string;
  readonly serviceAccount?: string;
  /** Container ports: numbers, or `{ name, containerPort, protocol }` for named ports. */
  readonly ports?: readonly (number | ContainerPort)[];
}

/**
 * A running `v1 Pod` with an IP, labels and container ports.
 *
 * @example
 * ```ts
 * pod('web-1', { namespace: 'shop', ip: '10.1.0.10', labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] });
 * // { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'shop', labels: { app: 'web' } },
 * //   spec: { containers: [{ name: 'main', ports: [{ name: 'http', containerPort: 8080 }] }] }, status: { podIP: '10.1.0.10' } }
 * ```
 */
export function pod(name: string, options: PodOptions): Pod {
  const ips = typeof options.ip === 'string' ? [options.ip] : [...options.ip];
  const ports = (options.ports ?? []).map((p) => (typeof p === 'number' ? { containerPort: p } : p));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, options.namespace ?? 'default', options.labels),
    spec: {
      ...(options.node !== undefined ? { nodeName: options.node } : {}),
      ...(options.serviceAccount !== undefined ? { serviceAccountName: options.serviceAccount } : {}),
      containers: [{ name: 'main', ...(ports.length > 0 ? { ports } : {}) }],
    },
    status: {
      phase: 'Running',
      ...(ips[0] !== undefined ? { podIP: ips[0] } : {}),
      ...(ips.length > 1 ? { podIPs: ips.map((ip) => ({ ip })) } : {}),
    },
  };
}

/**
 * A `v1 Namespace`.
 *
 * @example
 * ```ts
 * namespace('shop', { env: 'prod' }); // { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { env: 'prod' } } }
 * ```
 */
export function namespace(name: string, labels?: Readonly<Record<string, string>>): Namespace {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: meta(name, undefined, labels) };
}

/**
 * Options of {@link node}.
 *
 * @example
 * ```ts
 * const o: NodeOptions = { internalIP: '10.176.48.78', externalIP: '169.46.7.10' };
 * ```
 */
export interface NodeOptions {
  readonly internalIP?: string;
  readonly externalIP?: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * A `v1 Node` with its addresses (`kubernetes.io/hostname` is labelled as kubelet does).
 *
 * @example
 * ```ts
 * node('worker-1', { internalIP: '10.176.48.78', externalIP: '169.46.7.10' });
 * // status: { addresses: [{ type: 'InternalIP', address: '10.176.48.78' }, { type: 'ExternalIP', address: '169.46.7.10' }] }
 * ```
 */
export function node(name: string, options: NodeOptions = {}): Node {
  const addresses = [
    ...(options.internalIP !== undefined ? [{ type: 'InternalIP', address: options.internalIP }] : []),
    ...(options.externalIP !== undefined ? [{ type: 'ExternalIP', address: options.externalIP }] : []),
  ];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, undefined, { 'kubernetes.io/hostname': name, ...options.labels }),
    status: { addresses },
  };
}

/**
 * Options of {@link service}.
 *
 * @example
 * ```ts
 * const o: ServiceOptions = { type: 'LoadBalancer', selector: { run: 'webserver' }, clusterIP: '172.21.10.10',
 *   loadBalancerIP: '169.46.10.20', ports: [{ port: 80, targetPort: 8080, nodePort: 31024 }] };
 * ```
 */
export interface ServiceOptions {
  /** Default `default`. */
  readonly namespace?: string;
  /** Default `ClusterIP` (`NodePort` when a port has a nodePort, `LoadBalancer` with `loadBalancerIP`). */
  readonly type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  readonly selector: Readonly<Record<string, string>>;
  readonly clusterIP?: string;
  /** Reported in `status.loadBalancer.ingress[0].ip`, as a cloud controller does. */
  readonly loadBalancerIP?: string;
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
  readonly ports: readonly ServicePort[];
}

/**
 * A `v1 Service` (ClusterIP, NodePort or LoadBalancer).
 *
 * @example
 * ```ts
 * service('webserver-lb', { selector: { run: 'webserver' }, clusterIP: '172.21.10.10', loadBalancerIP: '169.46.10.20',
 *   ports: [{ port: 80, targetPort: 8080, nodePort: 31024 }] });
 * // spec.type: LoadBalancer, status.loadBalancer.ingress: [{ ip: '169.46.10.20' }]
 * ```
 */
export function service(name: string, options: ServiceOptions): Service {
  const type =
    options.type ??
    (options.loadBalancerIP !== undefined
      ? 'LoadBalancer'
      : options.ports.some((p) => p.nodePort !== undefined)
        ? 'NodePort'
        : 'ClusterIP');
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, options.namespace ?? 'default', undefined),
    spec: {
      type,
      selector: labelMap(options.selector) ?? {},
      ...(options.clusterIP !== undefined ? { clusterIP: options.clusterIP } : {}),
      ...(options.externalTrafficPolicy !== undefined
        ? { externalTrafficPolicy: options.externalTrafficPolicy }
        : {}),
      ports: options.ports.map((p) => ({ protocol: 'TCP', ...p })),
    },
    ...(options.loadBalancerIP !== undefined
      ? { status: { loadBalancer: { ingress: [{ ip: options.loadBalancerIP }] } } }
      : {}),
  };
}

/**
 * Anything {@link world} accepts: resources, DSL builders, and (nested) lists of them.
 *
 * @example
 * ```ts
 * const parts: WorldPart[] = [pod('web-1', { ip: '10.1.0.10' }), [namespace('default')]];
 * ```
 */
export type WorldPart = Resource | ResourceSource<ValidResource> | readonly WorldPart[];

/**
 * Builds an evaluator `World` from objects and policies (builders are resolved).
 *
 * @example
 * ```ts
 * import { hostEndpoint, preDnat } from '@calico-dsl/core';
 * import { node, world } from '@calico-dsl/testkit';
 * const w = world(
 *   node('worker-1', { externalIP: '169.46.7.10' }),
 *   hostEndpoint('worker-1-public').node('worker-1').interfaceName('eth1').expectedIPs('169.46.7.10'),
 *   preDnat('deny-nodeports').selector('all()').deny().tcp().ports('30000:32767'),
 * );
 * w.evaluate({ protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '169.46.7.10', dstPort: 31024 }).verdict;
 * ```
 */
export function world(...parts: readonly WorldPart[]): World {
  return worldWith({}, ...parts);
}

/**
 * {@link world} with evaluator options (e.g. the reference engine).
 *
 * @example
 * ```ts
 * worldWith({ engine: 'reference' }, pod('web-1', { ip: '10.1.0.10' }));
 * ```
 */
export function worldWith(options: WorldOptions, ...parts: readonly WorldPart[]): World {
  const flat: unknown[] = [];
  const add = (p: WorldPart): void => {
    if (Array.isArray(p)) for (const x of p as readonly WorldPart[]) add(x);
    else flat.push(p);
  };
  for (const p of parts) add(p);
  return World.from(flat, options);
}
