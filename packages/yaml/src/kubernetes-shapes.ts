import { boolean, type Check, either, integer, listOf, object, oneOf, string, stringMap } from './check.js';

/**
 * The Kubernetes kinds `fromYaml` reads, keyed by `apiVersion` and `kind`.
 *
 * @example
 * ```ts
 * const key: KubernetesKindKey = 'networking.k8s.io/v1/NetworkPolicy';
 * ```
 */
export type KubernetesKindKey =
  | 'v1/Pod'
  | 'v1/Namespace'
  | 'v1/ServiceAccount'
  | 'v1/Service'
  | 'v1/Node'
  | 'networking.k8s.io/v1/NetworkPolicy';

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

const resource = (fields: Readonly<Record<string, Check>>, required: readonly string[] = []): Check =>
  object({ metadata, ...fields }, ['metadata', ...required]);

/**
 * Shape checks of the Kubernetes kinds the evaluator reads: the fields it uses have the right
 * types and values; every other field is allowed and kept.
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * KUBERNETES_SHAPES['v1/Namespace'](doc, [], issues);
 * ```
 */
export const KUBERNETES_SHAPES: Readonly<Record<KubernetesKindKey, Check>> = {
  'v1/Pod': resource({
    spec: object({
      nodeName: string,
      serviceAccountName: string,
      hostNetwork: boolean,
      containers,
      initContainers: containers,
    }),
    status: object({ podIP: string, podIPs: listOf(object({ ip: string }, ['ip'])), phase: string }),
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
  'networking.k8s.io/v1/NetworkPolicy': resource(
    {
      spec: object(
        {
          podSelector: labelSelector,
          ingress: listOf(object({ ports: policyPorts, from: peers })),
          egress: listOf(object({ ports: policyPorts, to: peers })),
          policyTypes: listOf(oneOf('Ingress', 'Egress')),
        },
        ['podSelector'],
      ),
    },
    ['spec'],
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
  return Object.hasOwn(KUBERNETES_SHAPES, key) ? (key as KubernetesKindKey) : undefined;
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
