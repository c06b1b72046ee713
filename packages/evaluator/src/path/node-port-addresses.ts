/**
 * Which node addresses serve node ports (kube-proxy's `nodePortAddresses`,
 * `pkg/proxy/iptables/proxier.go`: with none declared, KUBE-NODEPORTS is reached for every local
 * address, `--dst-type LOCAL`; else only for the local addresses in the given CIDRs, `-d <ip>`;
 * `primary` is the node's primary address of each family, `cmd/kube-proxy/app/server.go`).
 */
import { cidrContains, type Ip } from '../net/ip.js';
import type { WorldModel } from '../world/model.js';

/**
 * Whether kube-proxy on `node` DNATs a node port at its address `ip`.
 *
 * @example
 * ```ts
 * // nodePortAddresses: [10.0.0.0/24]; node-1 at 10.0.0.11 and 203.0.113.11
 * servesNodePorts(world.model, 'node-1', parseIp('10.0.0.11')!); // true
 * servesNodePorts(world.model, 'node-1', parseIp('203.0.113.11')!); // false
 * ```
 */
export function servesNodePorts(world: WorldModel, node: string, ip: Ip): boolean {
  const declared = world.kubeProxyNodePortAddresses;
  if (declared === undefined) return true;
  if (declared !== 'primary') return declared.some((c) => cidrContains(c, ip));
  // The node's primary address: its first InternalIP of the family, else its first ExternalIP
  // (`utilnode.GetNodeHostIPs`, which kube-proxy's node IP detection reads).
  const n = world.nodes.get(node);
  const primary = [...(n?.internalIPs ?? []), ...(n?.externalIPs ?? [])].find(
    (a) => a.version === ip.version,
  );
  return primary?.key === ip.key;
}
