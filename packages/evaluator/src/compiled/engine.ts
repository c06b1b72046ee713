/**
 * The default engine. First version: the reference chain walk over cached lookups (applicable
 * tiers per endpoint/class/direction, IP owners per address). It must give the reference
 * engine's outcomes exactly; an indexed implementation can replace this file behind `Engine`.
 */
import type { ChainClass, ChainOutcome, ChainRequest, Direction, Engine, TierPolicies } from '../engine.js';
import { entitiesOwning } from '../match/owners.js';
import type { MatchContext } from '../match/rule-match.js';
import type { Ip } from '../net/ip.js';
import { applicableTiers } from '../reference/applicability.js';
import { lazySteps, runChain } from '../reference/chain.js';
import type { EndpointModel, EntityModel, HostEndpointModel, WorldModel } from '../world/model.js';

/**
 * Creates the compiled (cached) engine.
 *
 * @example
 * ```ts
 * const engine = createCompiledEngine(buildModel(resources));
 * ```
 */
export function createCompiledEngine(world: WorldModel): Engine {
  const owners = new Map<string, readonly EntityModel[]>();
  const match: MatchContext = {
    world,
    owners(ip: Ip): readonly EntityModel[] {
      const k = ip.key;
      let hit = owners.get(k);
      if (!hit) {
        hit = entitiesOwning(world, ip);
        owners.set(k, hit);
      }
      return hit;
    },
  };
  // One slot per (endpoint, chain class, direction): endpoint ids are dense from 0.
  const CHAIN_SLOT: Record<ChainClass, number> = { untracked: 0, preDnat: 2, normal: 4, forward: 6 };
  const tiersCache: (readonly TierPolicies[] | undefined)[] = [];
  const applicable = (
    endpoint: EndpointModel,
    chain: ChainClass,
    direction: Direction,
  ): readonly TierPolicies[] => {
    const slot = endpoint.id * 8 + CHAIN_SLOT[chain] + (direction === 'ingress' ? 0 : 1);
    let hit = tiersCache[slot];
    if (!hit) {
      hit = applicableTiers(world, endpoint, chain, direction);
      tiersCache[slot] = hit;
    }
    return hit;
  };
  const engine: Engine = {
    name: 'compiled',
    world,
    match,
    applicable,
    hasForwardPolicies: (hep: HostEndpointModel): boolean =>
      applicable(hep, 'forward', 'ingress').length > 0 || applicable(hep, 'forward', 'egress').length > 0,
    // Verdict now, trace steps only when the trace is read (same walk, recording on).
    evaluateChain: (request: ChainRequest): ChainOutcome =>
      lazySteps(runChain(engine, request, false), () => runChain(engine, request, true).steps),
  };
  return engine;
}
