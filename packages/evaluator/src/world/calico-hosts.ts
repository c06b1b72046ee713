/**
 * Felix's `all-hosts-net` IP set (`felix/dataplane/linux/ipset_hosts_mgr.go`): the address each
 * Calico node publishes, and FelixConfiguration `externalNodesList`. Felix's static rules
 * accept IPIP and VXLAN from and to these, and natOutgoing can exempt them.
 */
import { type Cidr, parseCidr } from '../net/ip.js';
import { publishedAddress } from './endpoints.js';
import { felixDefaults } from './felix-settings.js';
import type { NodeModel } from './model.js';
import type { ResourceIndex } from './read.js';

/**
 * The members of `all-hosts-net`, both IP versions: one host CIDR per node address, then the
 * IPv4 `externalNodesList` of FelixConfiguration `default` (Felix adds it to the IPv4 set only).
 *
 * @example
 * ```ts
 * // index: Nodes node-1 (10.0.0.11) and node-2 (10.0.0.12); FelixConfiguration default with externalNodesList ['192.0.2.0/24']
 * calicoHostsOf(index, nodes).map((c) => c.text); // ['10.0.0.11/32', '10.0.0.12/32', '192.0.2.0/24']
 * ```
 */
export function calicoHostsOf(index: ResourceIndex, nodes: ReadonlyMap<string, NodeModel>): Cidr[] {
  const out: Cidr[] = [];
  for (const n of nodes.values())
    for (const version of [4, 6] as const) {
      const ip = publishedAddress(n, version);
      if (ip) out.push(parseCidr(`${ip.text}/${version === 4 ? 32 : 128}`) as Cidr);
    }
  for (const [spec] of felixDefaults(index)) {
    const list = spec.externalNodesList;
    if (!Array.isArray(list)) continue;
    for (const t of list) {
      const c = typeof t === 'string' ? parseCidr(t) : undefined;
      if (c?.version === 4) out.push(c);
    }
  }
  return out;
}
