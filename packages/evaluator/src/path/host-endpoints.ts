/** Which host endpoint governs a packet on a node (calico-semantics.md §4.1). */
import { type Ip, ipKey } from '../net/ip.js';
import { applicableTiers } from '../reference/applicability.js';
import { isExcludedInterface } from '../world/interface-exclude.js';
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

/** Whether Felix leaves `iface` out of host endpoint resolution (FelixConfiguration `interfaceExclude`). */
const excluded = (world: WorldModel, iface: string | undefined): boolean =>
  iface !== undefined && iface !== '*' && isExcludedInterface(world.interfaceExclude, iface);

/**
 * The specific HEP governing interface `iface` of `node`, by Felix's rule: of the HEPs naming the
 * interface, and those naming none whose expectedIPs hold one of its addresses (the expectedIPs
 * of the HEPs naming it), the smallest name (`endpoint_mgr.go` `resolveHostEndpoints`). None for
 * an interface `interfaceExclude` names: Felix learns no addresses of it
 * (`iface_monitor.go` `isExcludedInterface`), and resolves only interfaces it has addresses for.
 */
function specificHep(world: WorldModel, node: string, iface: string): HostEndpointModel | undefined {
  if (excluded(world, iface)) return undefined;
  const onIface = new Set<string>();
  for (const h of world.hostEndpoints)
    if (h.node === node && h.interfaceName === iface) for (const ip of h.expectedIPs) onIface.add(ipKey(ip));
  return first(
    world,
    (h) =>
      h.node === node &&
      (h.interfaceName === iface ||
        (h.interfaceName === undefined && h.expectedIPs.some((ip) => onIface.has(ipKey(ip))))),
  );
}

/**
 * The HEP governing interface `iface` on `node`: the specific one (naming it, or without
 * interfaceName listing one of its addresses; smallest name), else the `*` HEP. An interface's
 * addresses are known only from HEPs naming it; `addressed`, the HEP owning the packet's
 * destination, counts as on `iface` when it names no interface: the packet arrives on the
 * interface holding its destination address (Felix binds such a HEP to that interface). An
 * interface `interfaceExclude` names has only the `*` HEP.
 *
 * @example
 * ```ts
 * hepForInterface(model, 'node-1', 'eth1')?.name;
 * // HEP host1 (node-1, no interfaceName, expectedIPs [10.0.0.11]); a packet to 10.0.0.11 via eth0:
 * hepForInterface(model, 'node-1', 'eth0', host1)?.name; // 'host1'
 * ```
 */
export function hepForInterface(
  world: WorldModel,
  node: string,
  iface: string,
  addressed?: HostEndpointModel,
): HostEndpointModel | undefined {
  // Felix binds no HEP to an excluded interface, not even the one owning its addresses.
  if (excluded(world, iface)) return wildcardHep(world, node);
  const unnamed = addressed?.node === node && addressed.interfaceName === undefined ? addressed : undefined;
  return specificHep(world, node, iface) ?? unnamed ?? wildcardHep(world, node);
}

/** Per world, the HEPs some pre-DNAT policy selects (staged ones too: Felix programs their tiers). */
const preDnatPoliced = new WeakMap<WorldModel, ReadonlySet<HostEndpointModel>>();

/**
 * Whether some pre-DNAT policy (staged too) selects `hep`: Felix then renders its pre-DNAT chain
 * in mangle PREROUTING and dispatches to it (`endpoint_mgr.go` `updateHostEndpoints`).
 *
 * @example
 * ```ts
 * hasPreDnatPolicy(world.model, world.model.hostEndpoints[0]!); // true when a preDNAT policy selects it
 * ```
 */
export function hasPreDnatPolicy(world: WorldModel, hep: HostEndpointModel): boolean {
  let heps = preDnatPoliced.get(world);
  if (heps === undefined) {
    heps = new Set(
      world.hostEndpoints.filter((h) => applicableTiers(world, h, 'preDnat', 'ingress').length > 0),
    );
    preDnatPoliced.set(world, heps);
  }
  return heps.has(hep);
}

/**
 * The HEP whose pre-DNAT chain mangle PREROUTING runs for a packet arriving through `hep`: `hep`
 * when a pre-DNAT policy selects it, else its node's `*` HEP when one selects that. Felix's
 * mangle dispatch lists only the interfaces whose HEP has pre-DNAT policy and sends every other
 * interface to the `*` HEP's chain (`felix/dataplane/linux/endpoint_mgr.go` `updateHostEndpoints`,
 * `felix/rules/dispatch.go` `hostDispatchChains`); in filter, a named HEP always shadows `*`.
 *
 * @example
 * ```ts
 * // node-1: HEP node-1-eth0 (no pre-DNAT policy) and node-1-auto (`*`, selected by deny-nodeports)
 * preDnatHep(model, eth0).name; // 'node-1-auto'
 * ```
 */
export function preDnatHep(world: WorldModel, hep: HostEndpointModel): HostEndpointModel {
  if (hep.interfaceName === '*' || hasPreDnatPolicy(world, hep)) return hep;
  const star = wildcardHep(world, hep.node);
  return star !== undefined && hasPreDnatPolicy(world, star) ? star : hep;
}

/**
 * The node's only named HEP when it has no expectedIPs of IP version `version` (`interfaceName`
 * alone, or addresses of the other version only): Felix binds it to that interface by name and
 * renders it in the IPv4 and IPv6 tables alike (`endpoint_mgr.go` `resolveHostEndpoints`), and
 * the node's addresses of that version are the only ones it can carry here (§4.1, issue #12
 * item 7). `undefined` when the node has none or several named HEPs.
 *
 * @example
 * ```ts
 * // node-1: HEP node-1-eth0 (interfaceName eth0, expectedIPs [10.0.0.11])
 * soleUnaddressedHep(model, 'node-1', 6)?.interfaceName; // 'eth0'
 * soleUnaddressedHep(model, 'node-1', 4); // undefined: its IPv4 addresses are listed
 * ```
 */
export function soleUnaddressedHep(
  world: WorldModel,
  node: string,
  version: 4 | 6,
): HostEndpointModel | undefined {
  let found: HostEndpointModel | undefined;
  for (const h of world.hostEndpoints) {
    if (h.node !== node || h.interfaceName === '*' || excluded(world, h.interfaceName)) continue;
    if (
      found !== undefined ||
      h.interfaceName === undefined ||
      h.expectedIPs.some((ip) => ip.version === version)
    )
      return undefined;
    found = h;
  }
  return found;
}

/**
 * The specific HEP governing the interface that carries `ip` (on `node` when given): when a HEP
 * naming an interface lists `ip`, that interface's HEP ({@link hepForInterface}'s rule), else the
 * HEP without interfaceName listing it; for one of `node`'s own addresses without such a HEP (not
 * a tunnel address), the node's only named HEP without expectedIPs of its IP version.
 *
 * @example
 * ```ts
 * hepOwningIp(model, parseIp('203.0.113.11')!)?.name;
 * ```
 */
export function hepOwningIp(world: WorldModel, ip: Ip, node?: string): HostEndpointModel | undefined {
  const k = ipKey(ip);
  const lists = (h: HostEndpointModel) =>
    h.interfaceName !== '*' &&
    (node === undefined || h.node === node) &&
    h.expectedIPs.some((e) => ipKey(e) === k);
  // A HEP naming its interface says which interface carries the address, and that interface's
  // HEP governs it: maybe another one, without interfaceName, listing another of its addresses.
  const named = first(world, (h) => h.interfaceName !== undefined && lists(h));
  // On an excluded interface, no specific HEP governs the address: only a `*` HEP covers it.
  if (excluded(world, named?.interfaceName)) return undefined;
  const owner =
    named?.interfaceName !== undefined
      ? specificHep(world, named.node, named.interfaceName)
      : first(world, lists);
  if (owner || node === undefined || world.nodeByIp.get(k) !== node) return owner;
  // A tunnel device's address is on no named interface: only a `*` HEP covers it.
  if (world.nodes.get(node)?.tunnelIPs.some((t) => ipKey(t) === k)) return undefined;
  return soleUnaddressedHep(world, node, ip.version);
}

/**
 * The HEP of the interface a node talks to other nodes through (pod → remote pod, SNAT'd
 * service traffic): the one carrying its InternalIP, else the `*` HEP. Tunnel devices
 * (IPIP/VXLAN) are not modelled.
 *
 * @example
 * ```ts
 * fabricHep(model, 'node-2')?.name;
 * ```
 */
export function fabricHep(world: WorldModel, node: string): HostEndpointModel | undefined {
  const n = world.nodes.get(node);
  for (const ip of n?.internalIPs ?? []) {
    const h = hepOwningIp(world, ip, node);
    if (h) return h;
  }
  return wildcardHep(world, node);
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
