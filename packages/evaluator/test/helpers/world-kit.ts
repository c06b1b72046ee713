/** Small constructors for test worlds (plain manifests, as fromYaml returns them). */
type Obj = Record<string, unknown>;
const CALICO = 'projectcalico.org/v3';

export const ns = (name: string, labels: Record<string, string> = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
});

export const node = (name: string, internal: string, external?: string): Obj => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  status: {
    addresses: [
      { type: 'InternalIP', address: internal },
      ...(external ? [{ type: 'ExternalIP', address: external }] : []),
    ],
  },
});

export const pod = (
  namespace: string,
  name: string,
  ip: string,
  labels: Record<string, string>,
  opts: {
    node?: string;
    sa?: string;
    ports?: { name?: string; containerPort: number; protocol?: string }[];
  } = {},
): Obj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: {
    nodeName: opts.node ?? 'node-1',
    ...(opts.sa ? { serviceAccountName: opts.sa } : {}),
    containers: [{ name: 'main', ports: opts.ports ?? [] }],
  },
  status: { podIP: ip, podIPs: [{ ip }] },
});

export const sa = (namespace: string, name: string, labels: Record<string, string>): Obj => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name, namespace, labels },
});

export const hep = (
  name: string,
  nodeName: string,
  iface: string,
  ips: string[],
  labels: Record<string, string>,
  profiles?: string[],
): Obj => ({
  apiVersion: CALICO,
  kind: 'HostEndpoint',
  metadata: { name, labels },
  spec: { node: nodeName, interfaceName: iface, expectedIPs: ips, ...(profiles ? { profiles } : {}) },
});

export const gnp = (name: string, spec: Obj): Obj => ({
  apiVersion: CALICO,
  kind: 'GlobalNetworkPolicy',
  metadata: { name },
  spec,
});
export const sgnp = (name: string, spec: Obj): Obj => ({
  apiVersion: CALICO,
  kind: 'StagedGlobalNetworkPolicy',
  metadata: { name },
  spec,
});
export const np = (namespace: string, name: string, spec: Obj): Obj => ({
  apiVersion: CALICO,
  kind: 'NetworkPolicy',
  metadata: { name, namespace },
  spec,
});
export const knp = (namespace: string, name: string, spec: Obj): Obj => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace },
  spec,
});
export const tier = (name: string, order?: number, defaultAction?: 'Deny' | 'Pass'): Obj => ({
  apiVersion: CALICO,
  kind: 'Tier',
  metadata: { name },
  spec: { ...(order !== undefined ? { order } : {}), ...(defaultAction ? { defaultAction } : {}) },
});
export const profile = (name: string, spec: Obj): Obj => ({
  apiVersion: CALICO,
  kind: 'Profile',
  metadata: { name },
  spec,
});
export const gns = (name: string, nets: string[], labels: Record<string, string>): Obj => ({
  apiVersion: CALICO,
  kind: 'GlobalNetworkSet',
  metadata: { name, labels },
  spec: { nets },
});
export const pool = (name: string, cidr: string, spec: Obj = {}): Obj => ({
  apiVersion: CALICO,
  kind: 'IPPool',
  metadata: { name },
  spec: { cidr, ...spec },
});
export const bgpConfiguration = (name: string, spec: Obj): Obj => ({
  apiVersion: CALICO,
  kind: 'BGPConfiguration',
  metadata: { name },
  spec,
});
/** An eth0 host endpoint (label hep=yes) per `[node, address]`, and GlobalNetworkPolicy deny-all denying everything in and out. */
export const lockedHosts = (hosts: readonly (readonly [string, string])[]): Obj[] => [
  ...hosts.map(([name, ip]) => hep(`${name}-eth0`, name, 'eth0', [ip], { hep: 'yes' })),
  gnp('deny-all', {
    selector: 'all()',
    types: ['Ingress', 'Egress'],
    ingress: [{ action: 'Deny' }],
    egress: [{ action: 'Deny' }],
  }),
];
export const felix = (spec: Obj): Obj => ({
  apiVersion: CALICO,
  kind: 'FelixConfiguration',
  metadata: { name: 'default' },
  spec,
});
/**
 * kubeadm's ConfigMap `kube-system/kube-proxy`: a KubeProxyConfiguration (`config.conf`) with the
 * top-level `lines` (each ending in a newline) and the default (iptables) mode.
 */
export const kubeProxy = (lines: string): Obj => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'kube-proxy', namespace: 'kube-system' },
  data: {
    'config.conf': `apiVersion: kubeproxy.config.k8s.io/v1alpha1\n${lines}kind: KubeProxyConfiguration\nmode: ""\n`,
  },
});

export const service = (
  namespace: string,
  name: string,
  spec: {
    type?: string;
    selector: Record<string, string>;
    clusterIP: string;
    port: number;
    targetPort: number | string;
    nodePort?: number;
    etp?: 'Local' | 'Cluster';
    lb?: string;
  },
): Obj => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec: {
    type: spec.type ?? 'ClusterIP',
    selector: spec.selector,
    clusterIP: spec.clusterIP,
    ports: [
      {
        port: spec.port,
        protocol: 'TCP',
        targetPort: spec.targetPort,
        ...(spec.nodePort ? { nodePort: spec.nodePort } : {}),
      },
    ],
    ...(spec.etp ? { externalTrafficPolicy: spec.etp } : {}),
  },
  ...(spec.lb ? { status: { loadBalancer: { ingress: [{ ip: spec.lb }] } } } : {}),
});

/**
 * The base cluster of the checklist tables:
 * - prod (env=prod): web 10.1.0.10 on node-1 (app=web, port http=8080, SA web-sa team=a),
 *   db 10.1.0.20 on node-2 (app=db, port pg=5432)
 * - dev (env=dev): client 10.1.1.10 on node-1 (app=client)
 * - node-1 10.0.0.11 / 203.0.113.11, node-2 10.0.0.12 / 203.0.113.12
 * - HEPs node-1-eth1 (203.0.113.11, role=public), node-2-eth1 (203.0.113.12, role=public)
 * - web6 2001:db8::10 in prod (app=web6)
 */
export const BASE: Obj[] = [
  ns('prod', { env: 'prod' }),
  ns('dev', { env: 'dev' }),
  node('node-1', '10.0.0.11', '203.0.113.11'),
  node('node-2', '10.0.0.12', '203.0.113.12'),
  sa('prod', 'web-sa', { team: 'a' }),
  pod(
    'prod',
    'web',
    '10.1.0.10',
    { app: 'web' },
    { node: 'node-1', sa: 'web-sa', ports: [{ name: 'http', containerPort: 8080 }] },
  ),
  pod(
    'prod',
    'db',
    '10.1.0.20',
    { app: 'db' },
    { node: 'node-2', ports: [{ name: 'pg', containerPort: 5432 }] },
  ),
  pod('dev', 'client', '10.1.1.10', { app: 'client' }, { node: 'node-1' }),
  pod('prod', 'web6', '2001:db8::10', { app: 'web6' }, { node: 'node-1' }),
  hep('node-1-eth1', 'node-1', 'eth1', ['203.0.113.11'], { role: 'public' }),
  hep('node-2-eth1', 'node-2', 'eth1', ['203.0.113.12'], { role: 'public' }),
];
