/**
 * When a DNAT hook's DNAT does not happen ({@link dnatRefusal}): on a node that left the packet
 * untracked (the kernel NATs tracked packets only, `path/conntrack.ts`), or when kube-proxy's
 * firewall for load balancer IPs refuses its source ({@link loadBalancerRefusal}).
 *
 * kube-proxy's firewall for load balancer IPs (`pkg/proxy/iptables/proxier.go`: the `KUBE-FW-*`
 * chain of a service port with `loadBalancerSourceRanges`, and `KUBE-PROXY-FIREWALL` in filter):
 * a packet to a load balancer IP is DNAT'd only from a source in the Service's ranges of its IP
 * version; from anywhere else it is not DNAT'd and is dropped, so it reaches no backend. Node
 * ports of the same Service are not firewalled (a load balancer that sends to node ports is
 * outside these rules).
 */
import { type Cidr, cidrContains, type Ip } from '../net/ip.js';
import { publishedAddress } from '../world/endpoints.js';
import type { ServicePortModel, WorldModel } from '../world/model.js';
import { nodeKey, untrackedDnatReason } from './conntrack.js';
import type { DnatHook } from './hooks.js';
import { type Frontend, frontendLabel } from './targets.js';

/**
 * Why the DNAT of hook `h` does not happen for a packet from `src` to `dst` (as it reaches the
 * node's nat table), or undefined when it does: `untracked` lists the nodes (by `nodeKey`) where
 * an untracked Allow left the packet untracked. Both engines and the analysis package's lifted
 * interpreter end the path there (`Deny` at stage `dnat`).
 *
 * @example
 * ```ts
 * dnatRefusal(world.model, dnatHook, ['node-1'], packet.src, packet.dst);
 * // 'untracked (doNotTrack) Allow on node-1: … it stays addressed to 10.0.0.11 (nodePort of service prod/web) …'
 * ```
 */
export function dnatRefusal(
  world: WorldModel,
  h: DnatHook,
  untracked: readonly string[],
  src: Ip,
  dst: Ip,
): string | undefined {
  if (untracked.includes(nodeKey(h.node)))
    return untrackedDnatReason(h.node ?? '', `${dst.text} (${frontendLabel(h.frontend)})`);
  return loadBalancerRefusal(world, h.frontend, h.node, src, dst);
}

/**
 * Why kube-proxy does not DNAT a packet (`src` → `dst`) to load balancer frontend `frontend` on
 * `node`, or undefined when it does (not a load balancer IP, no ranges of `src`'s IP version, a
 * zero-length range, or `src` in a range). A range holding the node's own address also admits
 * the load balancer IPs as sources (a node's request to a VIP it holds loops back from the VIP:
 * kube-proxy's `allowFromNode`).
 *
 * @example
 * ```ts
 * // service prod/web: load balancer 203.0.113.50, loadBalancerSourceRanges [198.51.100.0/24]
 * loadBalancerRefusal(world.model, frontend, 'node-1', parseIp('192.0.2.9')!, parseIp('203.0.113.50')!);
 * // 'kube-proxy firewall of load balancer 203.0.113.50 (service prod/web): source 192.0.2.9 is not in loadBalancerSourceRanges 198.51.100.0/24: not DNAT'd, dropped (KUBE-FW, KUBE-PROXY-FIREWALL; §5)'
 * ```
 */
export function loadBalancerRefusal(
  world: WorldModel,
  frontend: Frontend,
  node: string | undefined,
  src: Ip,
  dst: Ip,
): string | undefined {
  if (frontend.kind !== 'loadBalancer') return undefined;
  const sp = frontend.servicePort;
  const ranges = sp.loadBalancerSourceRanges.filter((c) => c.version === src.version);
  // A zero-length range admits every source (`IsZeroCIDR`: the same as no ranges).
  if (ranges.length === 0 || ranges.some((c) => c.prefix === 0)) return undefined;
  if (ranges.some((c) => cidrContains(c, src))) return undefined;
  if (fromOwnVip(world, sp, node, src, ranges)) return undefined;
  const s = sp.service;
  return `kube-proxy firewall of load balancer ${dst.text} (service ${s.namespace}/${s.name}): source ${src.text} is not in loadBalancerSourceRanges ${ranges.map((c) => c.text).join(', ')}: not DNAT'd, dropped (KUBE-FW, KUBE-PROXY-FIREWALL; §5)`;
}

/** kube-proxy's `allowFromNode`: a range holds the node's address, and the source is one of the VIPs. */
function fromOwnVip(
  world: WorldModel,
  sp: ServicePortModel,
  node: string | undefined,
  src: Ip,
  ranges: readonly Cidr[],
): boolean {
  const n = node === undefined ? undefined : world.nodes.get(node);
  const own = n && publishedAddress(n, src.version);
  return (
    own !== undefined &&
    ranges.some((c) => cidrContains(c, own)) &&
    sp.loadBalancerIPs.some((ip) => ip.key === src.key)
  );
}
