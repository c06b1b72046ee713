/**
 * Pods' hostPorts as the CNI portmap plugin programs them (Calico's CNI configuration chains
 * `portmap` with `capabilities: { portMappings: true }`; kubelet hands it the ports of the pod's
 * containers): a DNAT in nat PREROUTING and OUTPUT (`CNI-HOSTPORT-DNAT`, behind
 * `-m addrtype --dst-type LOCAL`) from the addresses of the pod's node (its `hostIP` only, when
 * set) and the hostPort to the pod's address and container port, per IP version. Each is a
 * frontend of kind `hostPort` with one backend, the pod, whether or not it is ready (the mapping
 * lives as long as the pod's sandbox). Its externalTrafficPolicy reads `Local`: the one backend
 * is on the node that DNATs it. portmap masquerades only hairpin and localhost traffic (the
 * planner's `masquerade` says so for kind `hostPort`).
 */
import { type Ip, parseIp } from '../net/ip.js';
import { protocolNumber } from '../net/protocol.js';
import { nodeAddresses } from './endpoints.js';
import type { HostPortModel, NodeModel, WorkloadEndpointModel } from './model.js';
import type { Loose } from './read.js';

/**
 * The hostPort frontends of the pods in a world (hostNetwork pods have none: their ports are
 * their node's own).
 *
 * @example
 * ```ts
 * // pod prod/ingress (10.244.1.5) on node-1 (10.0.0.11): containerPort 443, hostPort 8443
 * buildHostPorts(pods, workloads, nodes).map((h) => `${h.ips[0]?.text}:${h.servicePort.port}`); // ['10.0.0.11:8443']
 * ```
 */
export function buildHostPorts(
  pods: readonly Loose[],
  workloads: readonly WorkloadEndpointModel[],
  nodes: ReadonlyMap<string, NodeModel>,
): HostPortModel[] {
  const byName = new Map(workloads.map((w) => [`${w.namespace}/${w.name}`, w]));
  const out: HostPortModel[] = [];
  for (const pod of pods) {
    if (pod.spec?.hostNetwork === true) continue;
    const wep = byName.get(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`);
    const node = wep?.node === undefined ? undefined : nodes.get(wep.node);
    if (!wep || !node) continue;
    const seen = new Set<string>();
    for (const c of (pod.spec?.containers ?? []) as Loose[])
      for (const p of (c?.ports ?? []) as Loose[]) {
        const hostPort = p?.hostPort;
        const target = p?.containerPort;
        if (!Number.isInteger(hostPort) || hostPort < 1 || hostPort > 65535 || !Number.isInteger(target))
          continue;
        const protocol = protocolNumber(p.protocol ?? 'TCP') ?? 6;
        const hostIp = typeof p.hostIP === 'string' ? parseIp(p.hostIP) : undefined;
        for (const ip of wep.ips) {
          // The first mapping of a host port and protocol wins, as in portmap's chain.
          const key = `${ip.version}|${protocol}|${hostPort}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const ips = frontendAddresses(node, ip.version, hostIp);
          if (ips.length === 0) continue;
          out.push({
            ips,
            servicePort: {
              service: { namespace: wep.namespace, name: wep.name },
              protocol,
              port: hostPort,
              nodePort: undefined,
              families: [ip.version],
              clusterIPs: [],
              loadBalancerIPs: [],
              externalIPs: [],
              externalTrafficPolicy: 'Local',
              loadBalancerSourceRanges: [],
              internalTrafficPolicy: 'Cluster',
              backends: [{ kind: 'pod', endpoint: wep, node: wep.node, ip, port: target }],
              terminatingBackends: [],
              endpointSource: 'selector',
            },
          });
        }
      }
  }
  return out;
}

/** The node addresses a hostPort is served on: `hostIP` alone when set (and not unspecified), else every address of the version. */
function frontendAddresses(node: NodeModel, version: 4 | 6, hostIp: Ip | undefined): Ip[] {
  if (hostIp !== undefined && hostIp.value !== 0 && hostIp.value !== 0n)
    return hostIp.version === version ? [hostIp] : [];
  return nodeAddresses(node).filter((a) => a.version === version);
}
