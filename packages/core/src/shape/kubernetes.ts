import type { KubernetesResource } from '../resources/kubernetes.js';
import type { Issue } from '../result.js';
import {
  boolean,
  either,
  integer,
  isObject,
  listOf,
  object,
  oneOf,
  type ShapeCheck,
  string,
  stringMap,
} from './checks.js';

/**
 * The Kubernetes kinds calico-dsl reads (`fromYaml`, the evaluator's `World`), keyed by
 * `apiVersion` and `kind`.
 *
 * @example
 * ```ts
 * const key: KubernetesKindKey | undefined = kubernetesKind('networking.k8s.io/v1', 'NetworkPolicy');
 * // 'networking.k8s.io/v1/NetworkPolicy'
 * ```
 */
export type KubernetesKindKey =
  | 'v1/Pod'
  | 'v1/Namespace'
  | 'v1/ServiceAccount'
  | 'v1/Service'
  | 'v1/Node'
  | 'v1/ConfigMap'
  | 'v1/Endpoints'
  | 'networking.k8s.io/v1/NetworkPolicy'
  | 'discovery.k8s.io/v1/EndpointSlice';

const port = integer(1, 65535);
const protocol = oneOf('TCP', 'UDP', 'SCTP');
const intOrString = either(integer(0, 65535), string, 'a port number or a port name');

const metadata = object(
  { name: string, generateName: string, namespace: string, labels: stringMap, annotations: stringMap },
  ['name'],
);

const containers = listOf(
  object({
    name: string,
    ports: listOf(
      object({ name: string, containerPort: port, protocol, hostPort: integer(0, 65535) }, ['containerPort']),
    ),
  }),
);

const labelSelector = object({
  matchLabels: stringMap,
  matchExpressions: listOf(
    object(
      { key: string, operator: oneOf('In', 'NotIn', 'Exists', 'DoesNotExist'), values: listOf(string) },
      ['key', 'operator'],
    ),
  ),
});

const peers = listOf(
  object({
    podSelector: labelSelector,
    namespaceSelector: labelSelector,
    ipBlock: object({ cidr: string, except: listOf(string) }, ['cidr']),
  }),
);
const policyPorts = listOf(object({ protocol, port: intOrString, endPort: port }));

/**
 * The shape of a Kubernetes NetworkPolicy spec (also the spec of a StagedKubernetesNetworkPolicy).
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * KUBERNETES_NETWORK_POLICY_SPEC({ podSelector: {}, policyTypes: ['ingress'] }, ['spec'], issues);
 * // issues: [{ code: 'invalid_value', path: ['spec', 'policyTypes', 0], message: 'must be one of Ingress, Egress, not string "ingress"' }]
 * ```
 */
export const KUBERNETES_NETWORK_POLICY_SPEC: ShapeCheck = object(
  {
    podSelector: labelSelector,
    ingress: listOf(object({ ports: policyPorts, from: peers })),
    egress: listOf(object({ ports: policyPorts, to: peers })),
    policyTypes: listOf(oneOf('Ingress', 'Egress')),
  },
  ['podSelector'],
);

const endpointAddresses = listOf(
  object(
    {
      ip: string,
      hostname: string,
      nodeName: string,
      targetRef: object({ kind: string, name: string, namespace: string }),
    },
    ['ip'],
  ),
);

const resource = (
  fields: Readonly<Record<string, ShapeCheck>>,
  required: readonly string[] = [],
): ShapeCheck => object({ metadata, ...fields }, ['metadata', ...required]);

/**
 * Shape checks of the Kubernetes kinds the evaluator reads: the fields it uses have the right
 * types and values; every other field is allowed and kept. The one check of these kinds, whatever
 * the entry point (`fromYaml`, `World.from`).
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * KUBERNETES_SHAPES['v1/Namespace']({ apiVersion: 'v1', kind: 'Namespace', metadata: {} }, [], issues);
 * // issues: [{ code: 'required', path: ['metadata', 'name'], message: 'name is required' }]
 * ```
 */
export const KUBERNETES_SHAPES: Readonly<Record<KubernetesKindKey, ShapeCheck>> = {
  'v1/Pod': resource({
    spec: object({
      nodeName: string,
      serviceAccountName: string,
      hostNetwork: boolean,
      containers,
      initContainers: containers,
    }),
    status: object({
      podIP: string,
      podIPs: listOf(object({ ip: string }, ['ip'])),
      phase: string,
      // The Ready condition is what the EndpointSlice controller copies into `ready`.
      conditions: listOf(object({ type: string, status: string }, ['type', 'status'])),
    }),
  }),
  'v1/Namespace': resource({}),
  'v1/ServiceAccount': resource({}),
  'v1/Service': resource(
    {
      spec: object({
        type: oneOf('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'),
        selector: stringMap,
        clusterIP: string,
        clusterIPs: listOf(string),
        externalIPs: listOf(string),
        loadBalancerIP: string,
        externalTrafficPolicy: oneOf('Cluster', 'Local'),
        internalTrafficPolicy: oneOf('Cluster', 'Local'),
        publishNotReadyAddresses: boolean,
        ports: listOf(
          object({ name: string, protocol, port, targetPort: intOrString, nodePort: port }, ['port']),
        ),
      }),
      status: object({
        loadBalancer: object({ ingress: listOf(object({ ip: string, hostname: string })) }),
      }),
    },
    ['spec'],
  ),
  'v1/Node': resource({
    spec: object({ podCIDR: string, podCIDRs: listOf(string) }),
    status: object({
      addresses: listOf(object({ type: string, address: string }, ['type', 'address'])),
    }),
  }),
  // A selectorless Service's Endpoints: the EndpointSliceMirroring controller copies them into slices.
  'v1/Endpoints': resource({
    subsets: listOf(
      object({
        addresses: endpointAddresses,
        notReadyAddresses: endpointAddresses,
        ports: listOf(object({ name: string, port, protocol, appProtocol: string }, ['port'])),
      }),
    ),
  }),
  // Read for kube-proxy's own configuration (kube-system/kube-proxy, `config.conf`: its mode).
  'v1/ConfigMap': resource({ data: stringMap }),
  'networking.k8s.io/v1/NetworkPolicy': resource({ spec: KUBERNETES_NETWORK_POLICY_SPEC }, ['spec']),
  // kube-proxy reads the first address, the conditions and nodeName of each endpoint, and the
  // ports by name and protocol (pkg/proxy/endpointslicecache.go).
  'discovery.k8s.io/v1/EndpointSlice': resource(
    {
      addressType: oneOf('IPv4', 'IPv6', 'FQDN'),
      endpoints: listOf(
        object(
          {
            addresses: listOf(string),
            conditions: object({ ready: boolean, serving: boolean, terminating: boolean }),
            nodeName: string,
            targetRef: object({ kind: string, name: string, namespace: string }),
          },
          ['addresses'],
        ),
      ),
      ports: listOf(object({ name: string, protocol, port: integer(0, 65535), appProtocol: string })),
    },
    ['addressType'],
  ),
};

/**
 * The key of a Kubernetes kind `fromYaml` reads, or `undefined`.
 *
 * @example
 * ```ts
 * kubernetesKind('v1', 'Pod'); // 'v1/Pod'
 * kubernetesKind('apps/v1', 'Deployment'); // undefined
 * ```
 */
export function kubernetesKind(apiVersion: string, kind: string): KubernetesKindKey | undefined {
  const key = `${apiVersion}/${kind}`;
  return isKubernetesKindKey(key) ? key : undefined;
}

function isKubernetesKindKey(key: string): key is KubernetesKindKey {
  return Object.hasOwn(KUBERNETES_SHAPES, key);
}

/**
 * The apiVersion of each Kubernetes kind `fromYaml` reads, to tell a wrong apiVersion from an
 * unknown kind.
 *
 * @example
 * ```ts
 * KUBERNETES_API_VERSIONS.get('Pod'); // 'v1'
 * ```
 */
export const KUBERNETES_API_VERSIONS: ReadonlyMap<string, string> = new Map(
  Object.keys(KUBERNETES_SHAPES).map((key) => {
    const slash = key.lastIndexOf('/');
    return [key.slice(slash + 1), key.slice(0, slash)];
  }),
);

function fitsShape(value: unknown, key: KubernetesKindKey, issues: Issue[]): value is KubernetesResource {
  const before = issues.length;
  KUBERNETES_SHAPES[key](value, [], issues);
  return issues.length === before;
}

/**
 * Checks a Kubernetes object of a kind calico-dsl reads against {@link KUBERNETES_SHAPES}: the
 * object itself when it fits (typed), else every issue (paths from the object's root).
 * `undefined` when it is not such a kind.
 *
 * @example
 * ```ts
 * checkKubernetesResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, status: { podIP: 7 } });
 * // { ok: false, issues: [{ code: 'invalid_type', path: ['status', 'podIP'], message: 'must be a string, not number 7; quote it: "7"' }] }
 * ```
 */
export function checkKubernetesResource(
  value: unknown,
): { ok: true; value: KubernetesResource } | { ok: false; issues: Issue[] } | undefined {
  if (!isObject(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string')
    return undefined;
  const key = kubernetesKind(value.apiVersion, value.kind);
  if (key === undefined) return undefined;
  const issues: Issue[] = [];
  return fitsShape(value, key, issues) ? { ok: true, value } : { ok: false, issues };
}
