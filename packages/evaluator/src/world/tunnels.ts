/**
 * Which overlay tunnels Felix runs (`felix/calc/encapsulation_resolver.go`), and so which of its
 * static filter rules for IPIP and VXLAN packets exist (`felix/rules/static.go`).
 */
import { encapsulationOn } from '@calico-dsl/core';
import { felixDefaults } from './felix-settings.js';
import type { TunnelsModel } from './model.js';
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
