/** Services as kube-proxy programs them: frontends and backends (calico-semantics.md §5). */
import type { Issue } from '@calico-dsl/core';
import { protocolNumber } from '../net/protocol.js';
import type {
  BackendModel,
  FrontendKind,
  ServicePortModel,
  WorkloadEndpointModel,
  WorldModel,
} from './model.js';
import { containerPorts, ips, type Loose, type ResourceIndex } from './read.js';

/**
 * One {@link ServicePortModel} per service port, with its backends (pods selected by the
 * service's selector in its namespace; named `targetPort` resolved per pod).
 *
 * @example
 * ```ts
 * buildServicePorts(index, pods, workloads, issues).map((sp) => sp.backends.length);
 * ```
 */
export function buildServicePorts(
  index: ResourceIndex,
  pods: readonly Loose[],
  workloads: readonly WorkloadEndpointModel[],
  issues: Issue[],
): ServicePortModel[] {
  const podsByName = new Map(pods.map((p) => [`${p.metadata.namespace ?? 'default'}/${p.metadata.name}`, p]));
  const servicePorts: ServicePortModel[] = [];
  for (const [r, i] of index.of('Service')) {
    const spec = r.spec ?? {};
    const ns: string = r.metadata.namespace ?? 'default';
    if (spec.type === 'ExternalName') continue;
    const selector: Record<string, string> | undefined = spec.selector;
    if (!selector) {
      issues.push({
        code: 'service_without_selector',
        path: [i, 'spec', 'selector'],
        message: `Service ${ns}/${r.metadata.name} has no selector; its endpoints are not modelled (no backends).`,
      });
    }
    // A Service selector matches the pod's own labels (equality on every key).
    const members =
      selector && Object.keys(selector).length > 0
        ? workloads.filter((w) => {
            if (w.namespace !== ns) return false;
            const own: Record<string, unknown> =
              podsByName.get(`${w.namespace}/${w.name}`)?.metadata.labels ?? {};
            return Object.entries(selector).every(([k, v]) => Object.hasOwn(own, k) && own[k] === v);
          })
        : [];
    const clusterIPs = ips([...(spec.clusterIPs ?? []), spec.clusterIP].filter((x) => x && x !== 'None'));
    const lbIPs = ips([
      ...((r.status?.loadBalancer?.ingress ?? []) as Loose[]).map((x) => x?.ip),
      spec.loadBalancerIP,
    ]);
    const etp: 'Cluster' | 'Local' = spec.externalTrafficPolicy === 'Local' ? 'Local' : 'Cluster';
    for (const sp of (spec.ports ?? []) as Loose[]) {
      const protocol = protocolNumber(sp.protocol ?? 'TCP') ?? 6;
      const target = sp.targetPort ?? sp.port;
      const backends: BackendModel[] = [];
      for (const w of members) {
        let port: number | undefined;
        if (typeof target === 'number' || /^\d+$/.test(String(target))) port = Number(target);
        else {
          // Named targetPort → the container port of that name (and protocol) on this pod.
          const pod = podsByName.get(`${w.namespace}/${w.name}`);
          port = containerPorts(pod).find((cp) => cp.name === target && cp.protocol === protocol)?.port;
        }
        if (port === undefined) continue;
        for (const ip of w.ips) backends.push({ endpoint: w, ip, port });
      }
      servicePorts.push({
        service: { name: r.metadata.name, namespace: ns },
        protocol,
        port: sp.port,
        nodePort: spec.type === 'NodePort' || spec.type === 'LoadBalancer' ? sp.nodePort : undefined,
        clusterIPs,
        loadBalancerIPs: spec.type === 'LoadBalancer' ? lbIPs : [],
        externalIPs: ips(spec.externalIPs),
        externalTrafficPolicy: etp,
        backends,
      });
    }
  }
  return servicePorts;
}

/**
 * Indexes frontends so a flow finds its service port with one lookup (first service port wins).
 *
 * @example
 * ```ts
 * frontendIndex(servicePorts).frontends.get(`${ip.key}|6|80`)?.kind; // 'clusterIP'
 * ```
 */
export function frontendIndex(
  servicePorts: readonly ServicePortModel[],
): Pick<WorldModel, 'frontends' | 'frontendIps' | 'nodePorts'> {
  const frontends = new Map<string, { servicePort: ServicePortModel; kind: FrontendKind }>();
  const frontendIps = new Set<string>();
  const nodePorts = new Map<string, ServicePortModel>();
  const add = (sp: ServicePortModel, kind: FrontendKind, list: readonly { key: string }[]) => {
    for (const ip of list) {
      frontendIps.add(ip.key);
      const key = `${ip.key}|${sp.protocol}|${sp.port}`;
      if (!frontends.has(key)) frontends.set(key, { servicePort: sp, kind });
    }
  };
  for (const sp of servicePorts) {
    add(sp, 'clusterIP', sp.clusterIPs);
    add(sp, 'loadBalancer', sp.loadBalancerIPs);
    add(sp, 'externalIP', sp.externalIPs);
    const np = `${sp.protocol}|${sp.nodePort}`;
    if (sp.nodePort !== undefined && !nodePorts.has(np)) nodePorts.set(np, sp);
  }
  return { frontends, frontendIps, nodePorts };
}
