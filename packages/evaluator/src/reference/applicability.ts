/**
 * Which policies apply to an endpoint (calico-semantics.md §3.2, §4.2, §6.8) — a plain scan.
 */
import type { ChainClass, Direction, TierPolicies } from '../engine.js';
import type { EndpointModel, PolicyModel, WorldModel } from '../world/model.js';

/**
 * §4.2: the chain class a policy belongs to (doNotTrack → untracked, else preDNAT → pre-DNAT,
 * else normal, and also forward when applyOnForward). WEPs only get normal chains.
 *
 * @example
 * ```ts
 * policyInChain(policy, 'preDnat', 'ingress');
 * ```
 */
export function policyInChain(p: PolicyModel, chain: ChainClass, direction: Direction): boolean {
  const typed = direction === 'ingress' ? p.ingressType : p.egressType;
  if (!typed) return false;
  switch (chain) {
    case 'untracked':
      return p.doNotTrack;
    case 'preDnat':
      // "egressAllowed=false" for pre-DNAT tiers.
      return !p.doNotTrack && p.preDNAT && direction === 'ingress';
    case 'normal':
      return !p.doNotTrack && !p.preDNAT;
    case 'forward':
      return !p.doNotTrack && !p.preDNAT && p.applyOnForward;
  }
}

/**
 * §3.1 step 3 + §3.2: the tiers (in order) that contain ≥1 policy applicable to `endpoint`.
 *
 * @example
 * ```ts
 * applicableTiers(model, wep, 'normal', 'ingress').map((t) => t.tier.name);
 * ```
 */
export function applicableTiers(
  world: WorldModel,
  endpoint: EndpointModel,
  chain: ChainClass,
  direction: Direction,
): TierPolicies[] {
  // §4.2: WEPs only receive normal tiers; §4.1: doNotTrack is ignored on `*` HEPs.
  if (endpoint.kind === 'WorkloadEndpoint' && chain !== 'normal') return [];
  if (chain === 'untracked' && endpoint.kind === 'HostEndpoint' && endpoint.interfaceName === '*') return [];
  const out: TierPolicies[] = [];
  for (const tier of world.tiers) {
    const policies = (world.policiesByTier.get(tier.name) ?? []).filter(
      (p) => policyInChain(p, chain, direction) && p.selector(endpoint.labels),
    );
    if (policies.length > 0) out.push({ tier, policies });
  }
  return out;
}
