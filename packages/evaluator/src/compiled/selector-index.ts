/**
 * Indexed policy applicability (calico-semantics.md §3.1 step 3, §3.2, §4.2): policy selectors
 * are indexed by a label equality they require (`app == 'web'`, `app in {…}`, first such term
 * of an `&&` chain), so an endpoint only evaluates the selectors of policies that can select
 * it. Gives exactly `applicableTiers`' answer.
 */
import { parseSelector, type SelectorNode } from '@calico-dsl/core';
import type { ChainClass, Direction, TierPolicies } from '../engine.js';
import { policyInChain } from '../reference/applicability.js';
import type { EndpointModel, PolicyModel, TierModel, WorldModel } from '../world/model.js';

/** A label equality a selector requires: `label` must have one of `values`. */
interface RequiredTerm {
  readonly label: string;
  readonly values: readonly string[];
}

/** The first label equality every endpoint matching `node` must satisfy, if one is visible. */
function requiredTerm(node: SelectorNode): RequiredTerm | undefined {
  switch (node.kind) {
    case 'eq':
      return { label: node.label, values: [node.value] };
    case 'in':
      return { label: node.label, values: node.values };
    case 'and':
      for (const o of node.operands) {
        const t = requiredTerm(o);
        if (t) return t;
      }
      return undefined;
    default:
      return undefined;
  }
}

const NO_POSITIONS: Int32Array = new Int32Array(0);

/**
 * Every policy of a world in evaluation order (tiers §2.1, then policies §2.2), with an inverted
 * index from required label values to policy positions.
 *
 * @example
 * ```ts
 * const index = new PolicyIndex(model);
 * index.applicable(wep, 'normal', 'ingress').map((t) => t.tier.name);
 * ```
 */
export class PolicyIndex {
  /** Policies by position (evaluation order across tiers). */
  readonly policies: readonly PolicyModel[];
  /** The tier of each position. */
  readonly tiers: readonly TierModel[];
  readonly #byLabel = new Map<string, Map<string, number[]>>();
  /** Positions of policies without an indexable term: their selector runs for every endpoint. */
  readonly #scan: number[] = [];
  readonly #matching: (Int32Array | undefined)[];

  constructor(world: WorldModel) {
    const policies: PolicyModel[] = [];
    const tiers: TierModel[] = [];
    const parsed = new Map<string, RequiredTerm | undefined>();
    for (const tier of world.tiers) {
      for (const p of world.policiesByTier.get(tier.name) ?? []) {
        const pos = policies.length;
        policies.push(p);
        tiers.push(tier);
        let term = parsed.get(p.selectorText);
        if (!parsed.has(p.selectorText)) {
          const r = parseSelector(p.selectorText);
          term = r.ok ? requiredTerm(r.value) : undefined;
          parsed.set(p.selectorText, term);
        }
        if (!term) {
          this.#scan.push(pos);
          continue;
        }
        let byValue = this.#byLabel.get(term.label);
        if (!byValue) {
          byValue = new Map();
          this.#byLabel.set(term.label, byValue);
        }
        for (const v of term.values) {
          const list = byValue.get(v);
          if (list) list.push(pos);
          else byValue.set(v, [pos]);
        }
      }
    }
    // Exact-size copies: arrays grown by push keep spare capacity.
    this.policies = policies.slice();
    this.tiers = tiers.slice();
    this.#matching = new Array(world.endpoints.length).fill(undefined);
  }

  /**
   * Positions (ascending) of every policy whose selector matches the endpoint, whatever its chain.
   *
   * @example
   * ```ts
   * index.matching(wep).length;
   * ```
   */
  matching(endpoint: EndpointModel): Int32Array {
    // Kept for host endpoints only (up to 7 chains each): a pod has two chains, built once at
    // World.from, whose policy lists the engine keeps.
    const keep = endpoint.kind === 'HostEndpoint';
    const hit = keep ? this.#matching[endpoint.id] : undefined;
    if (hit) return hit;
    const labels = endpoint.labels;
    const candidates: number[] = [...this.#scan];
    for (const key of Object.keys(labels)) {
      const list = this.#byLabel.get(key)?.get(labels[key] as string);
      if (list) for (const pos of list) candidates.push(pos);
    }
    candidates.sort((a, b) => a - b);
    const out: number[] = [];
    for (const pos of candidates) {
      if ((this.policies[pos] as PolicyModel).selector(labels)) out.push(pos);
    }
    const positions = out.length === 0 ? NO_POSITIONS : Int32Array.from(out);
    if (keep) this.#matching[endpoint.id] = positions;
    return positions;
  }

  /**
   * §3.1 step 3: the tiers (in order) with ≥1 policy of `chain` applying to `endpoint` in
   * `direction` — the same answer as `applicableTiers`. `positions`, when given, receives the
   * evaluation-order positions of those policies (a key for the set, without a map per policy).
   *
   * @example
   * ```ts
   * const positions: number[] = [];
   * index.applicable(hep, 'preDnat', 'ingress', positions);
   * ```
   */
  applicable(
    endpoint: EndpointModel,
    chain: ChainClass,
    direction: Direction,
    positions?: number[],
  ): TierPolicies[] {
    // §4.2: WEPs only receive normal tiers; §4.1: doNotTrack is ignored on `*` HEPs.
    if (endpoint.kind === 'WorkloadEndpoint' && chain !== 'normal') return [];
    if (chain === 'untracked' && endpoint.kind === 'HostEndpoint' && endpoint.interfaceName === '*')
      return [];
    const out: TierPolicies[] = [];
    let tier: TierModel | undefined;
    let list: PolicyModel[] = [];
    for (const pos of this.matching(endpoint)) {
      const p = this.policies[pos] as PolicyModel;
      if (!policyInChain(p, chain, direction)) continue;
      const t = this.tiers[pos] as TierModel;
      if (t !== tier) {
        // An exact-size copy (push leaves spare capacity): engines keep these lists.
        if (tier && list.length > 0) out.push({ tier, policies: list.slice() });
        tier = t;
        list = [];
      }
      list.push(p);
      positions?.push(pos);
    }
    if (tier && list.length > 0) out.push({ tier, policies: list.slice() });
    return out;
  }
}
