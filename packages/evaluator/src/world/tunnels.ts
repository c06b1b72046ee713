/**
 * Which overlay tunnels Felix runs (`felix/calc/encapsulation_resolver.go`), and so which of its
 * static filter rules for IPIP and VXLAN packets exist (`felix/rules/static.go`).
 */
import { encapsulationOn } from '@calico-dsl/core';
import { parseCidr } from '../net/ip.js';
import { felixDefaults } from './felix-settings.js';
import type { OverlayPoolModel, TunnelsModel } from './model.js';
import type { ResourceIndex } from './read.js';

/**
 * FelixConfiguration `default` `ipipEnabled` / `vxlanEnabled` when set, else whether an IPPool
 * asks for the tunnel: any pool with an `ipipMode`, an IPv4 / IPv6 pool with a `vxlanMode`
 * (IPv6 VXLAN follows the pools alone).
 *
 * @example
 * ```ts
 * // index: IPPool default-ipv4-ippool (10.244.0.0/16, ipipMode: Always)
 * tunnelsOf(index); // { ipip: true, vxlan: false, vxlanV6: false }
 * ```
 */
export function tunnelsOf(index: ResourceIndex): TunnelsModel {
  let ipip = false;
  let vxlan = false;
  let vxlanV6 = false;
  for (const [r] of index.of('IPPool')) {
    const spec = r.spec ?? {};
    if (encapsulationOn(spec.ipipMode)) ipip = true;
    if (encapsulationOn(spec.vxlanMode)) {
      if (typeof spec.cidr === 'string' && spec.cidr.includes(':')) vxlanV6 = true;
      else vxlan = true;
    }
  }
  for (const [spec] of felixDefaults(index)) {
    if (typeof spec.ipipEnabled === 'boolean') ipip = spec.ipipEnabled;
    if (typeof spec.vxlanEnabled === 'boolean') vxlan = spec.vxlanEnabled;
  }
  return { ipip, vxlan, vxlanV6 };
}

/**
 * The IPPools other nodes reach through a tunnel: `ipipMode` `Always` or `CrossSubnet` (IPv4,
 * IPIP on), or `vxlanMode` `Always` or `CrossSubnet` (VXLAN on for the pool's IP version);
 * `CrossSubnet` ones only from outside the sending node's subnet (`crossSubnet`).
 *
 * @example
 * ```ts
 * // index: IPPool default-ipv4-ippool (10.244.0.0/16, ipipMode: CrossSubnet)
 * overlayPoolsOf(index, tunnelsOf(index)); // [{ cidr: <10.244.0.0/16>, overlay: 'ipip', crossSubnet: true }]
 * ```
 */
export function overlayPoolsOf(index: ResourceIndex, tunnels: TunnelsModel): OverlayPoolModel[] {
  const out: OverlayPoolModel[] = [];
  for (const [r] of index.of('IPPool')) {
    const spec = r.spec ?? {};
    const cidr = typeof spec.cidr === 'string' ? parseCidr(spec.cidr) : undefined;
    if (cidr === undefined) continue;
    if (cidr.version === 4 && tunnels.ipip && encapsulationOn(spec.ipipMode))
      out.push({ cidr, overlay: 'ipip', crossSubnet: spec.ipipMode === 'CrossSubnet' });
    else if (encapsulationOn(spec.vxlanMode) && (cidr.version === 4 ? tunnels.vxlan : tunnels.vxlanV6))
      out.push({ cidr, overlay: 'vxlan', crossSubnet: spec.vxlanMode === 'CrossSubnet' });
  }
  return out;
}
