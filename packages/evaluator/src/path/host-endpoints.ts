/** Which host endpoint governs a packet on a node (calico-semantics.md §4.1). */
import { type Ip, ipKey } from '../net/ip.js';
import type { HostEndpointModel, NodeModel, WorldModel } from '../world/model.js';

/** HEPs are kept sorted by name, so the first hit is the active one ("smallest name wins"). */
function first(world: WorldModel, pred: (h: HostEndpointModel) => boolean): HostEndpointModel | undefined {
  return world.hostEndpoints.find(pred);
}

/**
 * The `*` HEP of a node: the default for interfaces without a specific HEP.
 *
 * @example
 * ```ts
 * wildcardHep(model, 'node-1')?.name;
 * ```
 */
export function wildcardHep(world: WorldModel, node: string): HostEndpointModel | undefined {
  return first(world, (h) => h.node === node && h.interfaceName === '*');
}

/**
 * The HEP governing interface `iface` on `node`: a HEP naming it, else the `*` HEP.
 *
 * @example
 * ```ts
 * hepForInterface(model, 'node-1', 'eth1')?.name;
 * ```
 */
export function hepForInterface(
  world: WorldModel,
  node: string,
  iface: string,
): HostEndpointModel | undefined {
  return first(world, (h) => h.node === node && h.interfaceName === iface) ?? wildcardHep(world, node);
}

/**
 * The specific HEP whose expectedIPs include `ip` (on `node` when given).
 *
 * @example
 * ```ts
 * hepOwningIp(model, parseIp('203.0.113.11')!)?.name;
 * ```
 */
export function hepOwningIp(world: WorldModel, ip: Ip, node?: string): HostEndpointModel | undefined {
  const k = ipKey(ip);
  return first(
    world,
    (h) =>
      h.interfaceName !== '*' &&
      (node === undefined || h.node === node) &&
      h.expectedIPs.some((e) => ipKey(e) === k),
  );
}

/**
 * The HEP a VIP (LoadBalancer / cluster / external IP) arrives through on a node: the one
 * carrying the node's ExternalIP (InternalIP when it has no ExternalIP), else the `*` HEP
 * (contract: "the interface a VIP is bound to").
 *
 * @example
 * ```ts
 * vipEntryHep(model, model.nodes.get('node-1')!)?.name;
 * ```
 */
export function vipEntryHep(world: WorldModel, node: NodeModel): HostEndpointModel | undefined {
  // A node without an ExternalIP can only carry the VIP on its internal interface.
  for (const ip of node.externalIPs.length > 0 ? node.externalIPs : node.internalIPs) {
    const h = hepOwningIp(world, ip, node.name);
    if (h) return h;
  }
  return wildcardHep(world, node.name);
}

/**
 * The HEP host-originated traffic leaves through: the source address names the outgoing
 * interface, so the HEP owning `srcIp`; without one, the `*` HEP (§4.1). Pod traffic to the
 * outside (no host source address) leaves through the ExternalIP interface.
 *
 * @example
 * ```ts
 * egressHep(model, 'node-1', parseIp('203.0.113.11'))?.name;
 * ```
 */
export function egressHep(world: WorldModel, node: string, srcIp?: Ip): HostEndpointModel | undefined {
  if (srcIp) return hepOwningIp(world, srcIp, node) ?? wildcardHep(world, node);
  const n = world.nodes.get(node);
  return n ? vipEntryHep(world, n) : wildcardHep(world, node);
}
