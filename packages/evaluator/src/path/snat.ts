/**
 * Source NAT as a packet leaves a node (nat POSTROUTING): Felix's natOutgoing rules, and the
 * rule of a SNAT hook a packet meets (§5). The interpreter and the analysis package's lifted
 * interpreter both pick the rule here.
 */
import { cidrContains, type Ip } from '../net/ip.js';
import type { WorldModel } from '../world/model.js';
import type { SnatHook, SnatRule } from './hooks.js';
import { nodeAddress } from './targets.js';

/**
 * Felix's natOutgoing rules for pods' packets leaving `node`, one per IP version with a
 * natOutgoing IPPool (`felix/rules/nat.go` `cali-nat-outgoing`: source in `masq-ipam-pools`,
 * destination not in `all-ipam-pools`, MASQUERADE, or SNAT to `natOutgoingAddress`). None
 * without such a pool, or for a version the node has no address of (the model cannot say
 * what the source becomes).
 *
 * @example
 * ```ts
 * // world: IPPool default-ipv4-ippool (10.244.0.0/16, natOutgoing: true); node-1 at 10.0.0.11
 * natOutgoingRules(world.model, 'node-1').map((r) => r.reason);
 * // ['natOutgoing (IPPool default-ipv4-ippool): the destination is in no IPPool, so Felix masquerades the source to 10.0.0.11 (node node-1) (Felix cali-nat-outgoing)']
 * ```
 */
export function natOutgoingRules(world: WorldModel, node: string): SnatRule[] {
  const nat = world.natOutgoing;
  if (nat === undefined) return [];
  const rules: SnatRule[] = [];
  for (const version of [4, 6] as const) {
    const pools = nat.pools.filter((p) => p.cidr.version === version);
    if (pools.length === 0) continue;
    const own = version === 4 ? nat.address : undefined;
    const address = own ?? nodeAddress(world, node, version);
    if (address === undefined) continue;
    const to = own
      ? `SNATs the source to natOutgoingAddress ${address.text}`
      : `masquerades the source to ${address.text} (node ${node})`;
    rules.push({
      address,
      reason: `natOutgoing (IPPool ${pools.map((p) => p.name).join(', ')}): the destination is in no IPPool, so Felix ${to} (Felix cali-nat-outgoing)`,
      when: {
        sourceIn: pools.map((p) => p.cidr),
        destinationNotIn: nat.exempt.filter((c) => c.version === version),
      },
    });
  }
  return rules;
}

/**
 * The rule of `hook` that rewrites a packet from `src` to `dst` (the first that matches), or
 * undefined when none does and the source stays.
 *
 * @example
 * ```ts
 * // hook: the SNAT hook of a pod on node-1 (10.244.1.5) leaving for node-2 (10.0.0.12), natOutgoing on
 * snatRuleOf(hook, parseIp('10.244.1.5')!, parseIp('10.0.0.12')!)?.address.text; // '10.0.0.11'
 * snatRuleOf(hook, parseIp('10.244.1.5')!, parseIp('10.244.2.7')!); // undefined: a pool address
 * ```
 */
export function snatRuleOf(hook: SnatHook, src: Ip, dst: Ip): SnatRule | undefined {
  for (const rule of hook.rules) {
    const when = rule.when;
    if (
      when === undefined ||
      (when.sourceIn.some((c) => cidrContains(c, src)) &&
        !when.destinationNotIn.some((c) => cidrContains(c, dst)))
    )
      return rule;
  }
  return undefined;
}

/**
 * The SNAT hook of `rules` on `node`, or undefined when there are none.
 *
 * @example
 * ```ts
 * snatHook('node-1', natOutgoingRules(world.model, 'node-1'))?.kind; // 'snat' (undefined without natOutgoing pools)
 * ```
 */
export function snatHook(node: string, rules: readonly SnatRule[]): SnatHook | undefined {
  return rules.length === 0 ? undefined : { kind: 'snat', node, rules };
}
