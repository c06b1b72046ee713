/**
 * kube-proxy's local-traffic detector (`pkg/proxy/util/iptables` `LocalTrafficDetector`, built by
 * `cmd/kube-proxy/app/server_linux.go` `getLocalDetector`, mode ClusterCIDR): `-s <cluster CIDR>`
 * tells a pod's packet from any other. Without it (no cluster CIDR of the family) kube-proxy
 * writes neither the ClusterIP masquerade of off-cluster sources (KUBE-SVC `! -s <cluster CIDR>`)
 * nor the short-cut of pods to the cluster endpoints of an externalTrafficPolicy Local frontend
 * (KUBE-EXT "pod traffic for … external destinations"), `pkg/proxy/iptables/proxier.go`.
 */
import { cidrContains } from '../net/ip.js';
import type { WorkloadEndpointModel, WorldModel } from '../world/model.js';

/**
 * Whether kube-proxy has a local-traffic detector for IP `version`: a declared cluster CIDR of
 * that family, or (the world not saying) the assumed one holding every pod.
 *
 * @example
 * ```ts
 * hasLocalDetector(world.model, 4); // false for a kube-proxy ConfigMap with `clusterCIDR: ""`
 * ```
 */
export function hasLocalDetector(world: WorldModel, version: 4 | 6): boolean {
  const cidrs = world.kubeProxyClusterCIDRs;
  return cidrs === undefined || cidrs.some((c) => c.version === version);
}

/**
 * Whether kube-proxy takes the packet of pod `wep` (its address of IP `version`) to be from a pod:
 * its address is in the cluster CIDR of that family (every pod when the world does not say).
 *
 * @example
 * ```ts
 * // kube-proxy clusterCIDR 10.244.0.0/16; web at 10.244.1.5, stray at 10.9.0.5
 * detectedAsPod(world.model, web, 4); // true
 * detectedAsPod(world.model, stray, 4); // false
 * ```
 */
export function detectedAsPod(world: WorldModel, wep: WorkloadEndpointModel, version: 4 | 6): boolean {
  const cidrs = world.kubeProxyClusterCIDRs;
  if (cidrs === undefined) return true;
  const cidr = cidrs.find((c) => c.version === version);
  const ip = wep.ips.find((a) => a.version === version);
  return cidr !== undefined && ip !== undefined && cidrContains(cidr, ip);
}
