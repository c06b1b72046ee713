/**
 * The default engine: indexed and compiled (architecture.md "interpret, then compile").
 * Applicable policies come from a label-equality index over policy selectors; each endpoint's
 * chain becomes a flat program (rules in evaluation order, port tables, CIDR interval sets,
 * memoised selectors) shared by endpoints with the same policies. Verdicts must equal the
 * reference engine's; trace steps are produced on demand by the reference walk.
 */
import {
  CHAIN_SLOTS,
  type ChainClass,
  type ChainOutcome,
  type ChainRequest,
  chainSlot,
  type Direction,
  type Engine,
  type TierPolicies,
} from '../engine.js';
import type { Packet } from '../match/packet.js';
import { chainDrops } from '../path/interpret.js';
import type { RouteChain } from '../path/route.js';
import type {
  EndpointModel,
  HostEndpointModel,
  RuleModel,
  WorkloadEndpointModel,
  WorldModel,
} from '../world/model.js';
import { profileOf } from '../world/profiles.js';
import { MatchState } from './match-state.js';
import { LazyOutcome } from './outcome.js';
import {
  buildPolicyProgram,
  buildProfileProgram,
  type ChainProgram,
  chainFallback,
  type PolicyProgram,
  type ProfileProgram,
  type RunOutput,
  runChainProgram,
} from './program.js';
import { type CompiledRule, compileRuleForFastPath, type SideCache } from './rule.js';
import { PolicyIndex } from './selector-index.js';

/** Where an endpoint's chain is kept in the dense per-slot arrays (endpoint ids are dense from 0). */
const slotOf = (endpoint: EndpointModel, chain: ChainClass, direction: Direction): number =>
  endpoint.id * CHAIN_SLOTS + chainSlot(chain, direction);

/** What a pod's chains depend on: its profiles and its labels (implicit ones included). */
function podSignature(wep: WorkloadEndpointModel): string {
  const labels = wep.labels;
  // JSON keeps the text unambiguous whatever characters labels hold.
  return JSON.stringify([
    wep.profiles,
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]]),
  ]);
}

/**
 * Creates the compiled (indexed) engine: the selector index and every pod's chain programs
 * now (pods with the same labels and profiles share them), host endpoint chains on first use.
 *
 * @example
 * ```ts
 * const engine = createCompiledEngine(buildModel(resources));
 * ```
 */
export function createCompiledEngine(world: WorldModel): Engine {
  const state = new MatchState(world);
  // Per world, built now: the selector index. Rules are compiled when a program first needs them.
  const index = new PolicyIndex(world);
  // Dense slot arrays (filled up front so they never become dictionary-backed).
  const slotCount = world.endpoints.length * CHAIN_SLOTS;
  const tiersCache: (readonly TierPolicies[] | undefined)[] = new Array(slotCount).fill(undefined);
  const applicable = (
    endpoint: EndpointModel,
    chain: ChainClass,
    direction: Direction,
  ): readonly TierPolicies[] => {
    const slot = slotOf(endpoint, chain, direction);
    let hit = tiersCache[slot];
    if (!hit) {
      hit = index.applicable(endpoint, chain, direction);
      tiersCache[slot] = hit;
    }
    return hit;
  };
  const hasForwardPolicies = (hep: HostEndpointModel): boolean =>
    applicable(hep, 'forward', 'ingress').length > 0 || applicable(hep, 'forward', 'egress').length > 0;

  const rules = new Map<RuleModel, CompiledRule>();
  const sides: SideCache = new Map();
  const compile = (r: RuleModel): CompiledRule => {
    let c = rules.get(r);
    if (!c) {
      c = compileRuleForFastPath(r, sides);
      rules.set(r, c);
    }
    return c;
  };
  // Policy programs shared by endpoints whose chain has the same policies, with that policy list.
  const policyPrograms = new Map<
    string,
    { readonly tiers: readonly TierPolicies[]; readonly program: PolicyProgram }
  >();
  const profilePrograms = new Map<string, ProfileProgram>();
  const programs: (ChainProgram | undefined)[] = new Array(slotCount).fill(undefined);
  // First touch of an endpoint's chain only; the per-flow lookup is inline in the callers.
  function buildProgram(endpoint: EndpointModel, chain: ChainClass, direction: Direction): ChainProgram {
    const slot = slotOf(endpoint, chain, direction);
    // Positions in evaluation order name the policy set (tiers follow from them).
    const positions: number[] = [];
    const tiers = index.applicable(endpoint, chain, direction, positions);
    const key = `${chain} ${direction} ${positions.join(',')}`;
    let shared = policyPrograms.get(key);
    if (!shared) {
      shared = { tiers, program: buildPolicyProgram(tiers, chain, direction, compile) };
      policyPrograms.set(key, shared);
    }
    // Endpoints with the same policies also share one policy list (the trace walk reads it).
    tiersCache[slot] = shared.tiers;
    const policies = shared.program;
    const profiles =
      chain !== 'normal'
        ? []
        : endpoint.profiles.map((name) => {
            const profile = profileOf(world, name);
            const pkey = `${direction} ${name}`;
            let p = profilePrograms.get(pkey);
            if (!p) {
              p = buildProfileProgram(profile, direction, compile);
              profilePrograms.set(pkey, p);
            }
            return p;
          });
    const fallback = chainFallback(
      endpoint,
      chain,
      direction,
      endpoint.kind === 'HostEndpoint' && hasForwardPolicies(endpoint),
    );
    const built: ChainProgram = { policies, profiles, fallback };
    programs[slot] = built;
    return built;
  }
  // Pod chains are built now rather than on a flow's first touch, which would run cold code,
  // allocate and queue optimising compiles in the middle of a stream of flows. A pod's chains
  // depend only on its labels and profiles, so each distinct pair is built once and shared.
  const shapes = new Map<string, EndpointModel>();
  for (const wep of world.workloads) {
    const signature = podSignature(wep);
    const twin = shapes.get(signature);
    if (twin === undefined) {
      shapes.set(signature, wep);
      buildProgram(wep, 'normal', 'egress');
      buildProgram(wep, 'normal', 'ingress');
    } else {
      for (const direction of ['egress', 'ingress'] as const) {
        programs[slotOf(wep, 'normal', direction)] = programs[slotOf(twin, 'normal', direction)];
        tiersCache[slotOf(wep, 'normal', direction)] = tiersCache[slotOf(twin, 'normal', direction)];
      }
    }
  }
  return new CompiledEngine(world, state, applicable, hasForwardPolicies, programs, buildProgram);
}

/**
 * The compiled engine's per-chain entry points as prototype methods (not closures per world), so
 * that the per-flow call `engine.verdict(…)` has one target whatever world it runs for: a second
 * world does not invalidate the first one's optimised code.
 */
class CompiledEngine implements Engine {
  readonly name = 'compiled';
  readonly world: WorldModel;
  readonly match: MatchState;
  readonly applicable: Engine['applicable'];
  readonly hasForwardPolicies: Engine['hasForwardPolicies'];
  private readonly programs: (ChainProgram | undefined)[];
  private readonly build: (endpoint: EndpointModel, chain: ChainClass, direction: Direction) => ChainProgram;
  // Where a run leaves its decision (reused: evaluation is synchronous). TypeScript-private
  // fields: baseline code loads `#` fields several times slower, and these are read per flow.
  private readonly out: RunOutput = { decision: undefined, unsupported: undefined };

  constructor(
    world: WorldModel,
    match: MatchState,
    applicable: Engine['applicable'],
    hasForwardPolicies: Engine['hasForwardPolicies'],
    programs: (ChainProgram | undefined)[],
    build: (endpoint: EndpointModel, chain: ChainClass, direction: Direction) => ChainProgram,
  ) {
    this.world = world;
    this.match = match;
    this.applicable = applicable;
    this.hasForwardPolicies = hasForwardPolicies;
    this.programs = programs;
    this.build = build;
  }

  evaluateChain(request: ChainRequest): ChainOutcome {
    const { endpoint, chain, direction } = request;
    const out = this.out;
    const verdict = runChainProgram(
      this.match,
      this.programs[slotOf(endpoint, chain, direction)] ?? this.build(endpoint, chain, direction),
      request.packet,
      out,
    );
    return new LazyOutcome(verdict, out.decision, out.unsupported, this, request);
  }

  verdict(
    endpoint: EndpointModel,
    chain: ChainClass,
    direction: Direction,
    packet: Packet,
  ): ChainOutcome['verdict'] {
    return runChainProgram(
      this.match,
      this.programs[slotOf(endpoint, chain, direction)] ?? this.build(endpoint, chain, direction),
      packet,
      this.out,
    );
  }

  routeVerdict(
    chains: readonly RouteChain[],
    source: EndpointModel | undefined,
    destination: EndpointModel | undefined,
    packet: Packet,
  ): 'Allow' | 'Deny' {
    // The per-flow loop of most flows: each chain's program straight from its slot.
    const { programs, match, out } = this;
    const n = chains.length;
    for (let i = 0; i < n; i++) {
      const h = chains[i] as RouteChain;
      // (`boundEndpoint`, inline: a route has no backend role.)
      const e = h.endpoint;
      const endpoint = e === 'source' ? source : e === 'destination' ? destination : e;
      if (endpoint === undefined) throw new Error(`evaluator: plan role ${e} is not bound`);
      // (`slotOf`, with the chain slot the route carries.)
      const program =
        programs[endpoint.id * CHAIN_SLOTS + h.slot] ?? this.build(endpoint, h.chain, h.direction);
      if (chainDrops(runChainProgram(match, program, packet, out), h)) return 'Deny';
    }
    return 'Allow';
  }
}
