/** The reference engine: plain scans, no caching — the executable form of the semantics page. */
import type { ChainClass, ChainOutcome, ChainRequest, Direction, Engine, TierPolicies } from '../engine.js';
import { entitiesOwning } from '../match/owners.js';
import type { MatchContext } from '../match/rule-match.js';
import type { Ip } from '../net/ip.js';
import type { EndpointModel, EntityModel, HostEndpointModel, WorldModel } from '../world/model.js';
import { applicableTiers } from './applicability.js';
import { runChain } from './chain.js';

/**
 * Creates the reference engine over a world model.
 *
 * @example
 * ```ts
 * const engine = createReferenceEngine(buildModel(resources));
 * ```
 */
export function createReferenceEngine(world: WorldModel): Engine {
  const match: MatchContext = {
    world,
    owners: (ip: Ip): readonly EntityModel[] => entitiesOwning(world, ip),
  };
  const engine: Engine = {
    name: 'reference',
    world,
    match,
    applicable: (endpoint: EndpointModel, chain: ChainClass, direction: Direction): readonly TierPolicies[] =>
      applicableTiers(world, endpoint, chain, direction),
    hasForwardPolicies: (hep: HostEndpointModel): boolean =>
      applicableTiers(world, hep, 'forward', 'ingress').length > 0 ||
      applicableTiers(world, hep, 'forward', 'egress').length > 0,
    evaluateChain: (request: ChainRequest): ChainOutcome => runChain(engine, request),
  };
  return engine;
}
