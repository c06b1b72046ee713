/**
 * The default engine. First version: the reference chain walk over cached lookups (applicable
 * tiers per endpoint/class/direction, IP owners per address). It must give the reference
 * engine's outcomes exactly; an indexed implementation can replace this file behind `Engine`.
 */
import type { ChainClass, ChainOutcome, ChainRequest, Direction, Engine, TierPolicies } from '../engine.js';
import { entitiesOwning } from '../match/owners.js';
import type { MatchContext } from '../match/rule-match.js';
import { type Ip, ipKey } from '../net/ip.js';
import { applicableTiers } from '../reference/applicability.js';
import { runChain } from '../reference/chain.js';
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
      const k = ipKey(ip);
      let hit = owners.get(k);
      if (!hit) {
        hit = entitiesOwning(world, ip);
        owners.set(k, hit);
      }
      return hit;
    },
  };
  const tiersCache = new Map<string, readonly TierPolicies[]>();
  const applicable = (
    endpoint: EndpointModel,
    chain: ChainClass,
    direction: Direction,
  ): readonly TierPolicies[] => {
    const key = `${endpoint.id}|${chain}|${direction}`;
    let hit = tiersCache.get(key);
    if (!hit) {
      hit = applicableTiers(world, endpoint, chain, direction);
      tiersCache.set(key, hit);
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
    evaluateChain: (request: ChainRequest): ChainOutcome => runChain(engine, request),
  };
  return engine;
}
