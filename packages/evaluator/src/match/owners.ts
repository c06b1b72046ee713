/** Which entities own an IP, for rule selectors (calico-semantics.md §1.2, §6.7, §6.11). */
import { cidrContains, type Ip, ipKey } from '../net/ip.js';
import type { EntityModel, WorldModel } from '../world/model.js';

/**
 * Every WEP, HEP (expectedIPs), NetworkSet and GlobalNetworkSet whose addresses include `ip`.
 *
 * @example
 * ```ts
 * entitiesOwning(model, parseIp('10.1.0.10')!).map((e) => e.name);
 * ```
 */
export function entitiesOwning(world: WorldModel, ip: Ip): readonly EntityModel[] {
  const exact = world.ipOwners.get(ipKey(ip));
  if (world.netSetRanges.length === 0) return exact ?? [];
  const out: EntityModel[] = exact ? [...exact] : [];
  for (const r of world.netSetRanges)
    if (cidrContains(r.cidr, ip) && !out.includes(r.owner)) out.push(r.owner);
  return out;
}
