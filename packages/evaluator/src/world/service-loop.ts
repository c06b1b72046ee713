/**
 * Felix's service loop prevention (`felix/dataplane/linux/service_loop_mgr.go`,
 * `felix/rules/nat.go` `BlockedCIDRsToIptablesChains`): the service CIDRs BGPConfiguration
 * `default` advertises, and what FelixConfiguration `serviceLoopPrevention` does with forwarded
 * packets to them that no service took.
 */
import { type Cidr, parseCidr } from '../net/ip.js';
import { felixDefaults, felixOption } from './felix-settings.js';
import type { ServiceLoopModel } from './model.js';
import type { ResourceIndex } from './read.js';

const FIELDS = ['serviceClusterIPs', 'serviceExternalIPs', 'serviceLoadBalancerIPs'] as const;

/**
 * The CIDRs of BGPConfiguration `default`'s `serviceClusterIPs`, `serviceExternalIPs` and
 * `serviceLoadBalancerIPs`, with FelixConfiguration `default`'s `serviceLoopPrevention` (Felix's
 * default `Drop`, or `Reject`); undefined when there are none or the setting is `Disabled`.
 *
 * @example
 * ```ts
 * // index: BGPConfiguration default with serviceClusterIPs [{ cidr: 10.96.0.0/12 }]
 * serviceLoopOf(index); // { cidrs: [<10.96.0.0/12>], action: 'Drop' }
 * ```
 */
export function serviceLoopOf(index: ResourceIndex): ServiceLoopModel | undefined {
  const cidrs: Cidr[] = [];
  for (const [r] of index.of('BGPConfiguration')) {
    // Felix reads the global configuration only (dataplane_passthru.go: key.Name == "default").
    if (r.metadata.name !== 'default') continue;
    for (const field of FIELDS)
      for (const entry of r.spec?.[field] ?? []) {
        const c = typeof entry?.cidr === 'string' ? parseCidr(entry.cidr) : undefined;
        if (c) cidrs.push(c);
      }
  }
  let action: ServiceLoopModel['action'] | 'Disabled' = 'Drop';
  for (const [spec] of felixDefaults(index)) {
    action = felixOption(spec.serviceLoopPrevention, ['Drop', 'Reject', 'Disabled'] as const) ?? action;
  }
  return cidrs.length === 0 || action === 'Disabled' ? undefined : { cidrs, action };
}
