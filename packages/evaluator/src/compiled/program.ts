/**
 * Chain programs: one endpoint's chain (class × direction) flattened for the fast path
 * (calico-semantics.md §3.1, §4.3–§4.5). Tiers keep their enforced rules in evaluation order;
 * a port table per tier lists the rules that can match a destination port, and rules without
 * a numeric port criterion are candidates for every packet. Decisions are built once here.
 */
import type { ChainClass, ChainOutcome, Direction, TierPolicies } from '../engine.js';
import type { Packet } from '../match/packet.js';
import { policyRef } from '../result/policy-ref.js';
import type { Decision, PolicyRef, UnsupportedUse } from '../result/types.js';
import type { EndpointModel, PolicyModel, ProfileModel, RuleModel } from '../world/model.js';
import { IntervalTable, intervalIn, type Ranges } from './interval-table.js';
import type { MatchState } from './match-state.js';
import { type CompiledRule, matchesEveryPacket, ruleMatchesFast } from './rule.js';

/**
 * A chain decision without its stage (the packet path adds it).
 *
 * @example
 * ```ts
 * // world: pods web (10.0.0.1) and api (10.0.0.2) in prod; NetworkPolicy allow-web lets web reach api on TCP 8000-8010
 * chainFallback(api, 'normal', 'ingress', false)?.decision;
 * // { direction: 'ingress', reason: 'no policy or profile allowed the packet: default drop' }
 * ```
 */
export type ChainDecision = Omit<Decision, 'stage'>;

/**
 * One tier of a program: its enforced rules in evaluation order as parallel arrays (no object
 * per rule). `decisions[k]` is built when `rules[k]` first ends a chain: most rules never do,
 * and a decision object per rule per program was the largest part of a program's heap.
 */
interface TierProgram {
  readonly tier: string;
  readonly direction: Direction;
  readonly rules: readonly CompiledRule[];
  /** The tier's applicable policies (the engine's shared list, staged ones included). */
  readonly policies: readonly PolicyModel[];
  /** `policies[p]`'s rules are `rules[ruleStart[p]]` up to `rules[ruleStart[p + 1]]`. */
  readonly ruleStart: Int32Array;
  /**
   * Filled on first use, the array too (see {@link decisionAt}): a cache, not part of the
   * program's value, and absent for tiers that never decided a flow.
   */
  decisions: (ChainDecision | undefined)[] | undefined;
  /** Indices of the rules that are candidates for every packet, ascending. */
  readonly always: Int32Array;
  /** Rules with numeric destination ports, by port. */
  readonly byPort: IntervalTable | undefined;
  /** Other rules with IPv4-only source nets, by source address (§6.6). */
  readonly bySource: IntervalTable | undefined;
  /** Set when the tier drops at its end (§3.1, §4.3): the end-of-tier decision. */
  readonly drop: ChainDecision | undefined;
}

/**
 * The policy part of a chain, shared by every endpoint with the same applicable policies.
 *
 * @example
 * ```ts
 * const program = buildTierProgram(engine.applicable(wep, 'normal', 'ingress'), 'normal', 'ingress', compile);
 * ```
 */
export interface PolicyProgram {
  readonly tiers: readonly TierProgram[];
  /**
   * `allow` or `deny` when the first rule in evaluation order matches every packet (no
   * criteria) and ends the chain: every packet then gets that rule's verdict and decision, so
   * the run reads none of it (the same answer, without the candidate merge). Else `undefined`.
   */
  readonly firstRuleDecides: ChainVerdict | undefined;
  /** That rule's decision (built with the program: every packet of the chain reads it). */
  readonly firstDecision: ChainDecision | undefined;
}

/**
 * A profile's rules for one direction (§3.1 steps 4–5).
 *
 * @example
 * ```ts
 * buildProfileProgram(profile, 'egress', compile).rules.length;
 * ```
 */
export interface ProfileProgram {
  readonly rules: readonly CompiledRule[];
  /** `decisions[k]`: when `rules[k]` ends the chain (Pass and Log ones only name the rule). */
  readonly decisions: readonly ChainDecision[];
}

/**
 * What an endpoint's chain runs: its policy program, then the class-specific tail.
 *
 * @example
 * ```ts
 * // world: pods web (10.0.0.1) and api (10.0.0.2) in prod; NetworkPolicy allow-web lets web reach api on TCP 8000-8010
 * // (tiers: engine.applicable(api, 'normal', 'ingress'); compile: compileRuleForFastPath with a shared SideCache)
 * const program: ChainProgram = {
 *   policies: buildPolicyProgram(tiers, 'normal', 'ingress', compile),
 *   profiles: [], // a normal chain also runs api's profiles; none here
 *   fallback: chainFallback(api, 'normal', 'ingress', false), // deny: default drop
 * };
 * runChainProgram(new MatchState(world.model), program, packet, out); // 'allow' for TCP web → api:8005
 * ```
 */
export interface ChainProgram {
  readonly policies: PolicyProgram;
  /** `normal`: the endpoint's profiles in order (one that does not exist: Felix's default-drop profile). */
  readonly profiles: readonly ProfileProgram[];
  /** What happens when nothing decided: `undefined` = no verdict (untracked, pre-DNAT). */
  readonly fallback: { readonly verdict: 'allow' | 'deny'; readonly decision: ChainDecision } | undefined;
}

/** What a chain run answers (`none`: no verdict, the packet goes on). */
type ChainVerdict = ChainOutcome['verdict'];

const NONE = new Int32Array(0);
/** Past every slot index. */
const END = 0x7fffffff;

function decisionOf(
  rule: RuleModel,
  policy: PolicyRef,
  tier: string | undefined,
  direction: Direction,
): ChainDecision {
  return tier === undefined
    ? { policy, ruleIndex: rule.index, direction, reason: rule.action }
    : { policy, tier, ruleIndex: rule.index, direction, reason: rule.action };
}

/**
 * Builds the policy part of a chain from its applicable tiers.
 *
 * @example
 * ```ts
 * buildPolicyProgram(tiers, 'forward', 'egress', compile).tiers.length;
 * ```
 */
export function buildPolicyProgram(
  tiers: readonly TierPolicies[],
  chain: ChainClass,
  direction: Direction,
  compile: (r: RuleModel) => CompiledRule,
): PolicyProgram {
  const programs = tiers.map(({ tier, policies }): TierProgram => {
    const rules: CompiledRule[] = [];
    const ruleStart = new Int32Array(policies.length + 1);
    let anyEnforced = false;
    policies.forEach((p, i) => {
      // §2.5: staged policies never decide (no rules here); the trace (reference walk) reports them.
      if (!p.staged) {
        anyEnforced = true;
        for (const r of direction === 'ingress' ? p.ingress : p.egress) rules.push(compile(r));
      }
      ruleStart[i + 1] = rules.length;
    });
    // Each rule is a candidate through one index: its destination ports, else its IPv4
    // source nets, else always.
    const always: number[] = [];
    const ported: [number, Ranges][] = [];
    const sourced: [number, Ranges][] = [];
    rules.forEach((r, i) => {
      if (r.dstPortIndex) ported.push([i, r.dstPortIndex]);
      else if (r.srcNetIndex) sourced.push([i, r.srcNetIndex]);
      else always.push(i);
    });
    // §3.1 end of tier; §4.4: untracked and pre-DNAT tiers pass; §2.5: all-staged tiers pass.
    const dropAtEnd =
      (chain === 'normal' || chain === 'forward') && anyEnforced && tier.defaultAction !== 'Pass';
    return {
      tier: tier.name,
      direction,
      // An exact-size copy: arrays grown by push keep spare capacity, and programs stay.
      rules: rules.slice(),
      policies,
      ruleStart,
      decisions: undefined,
      // Most port- or net-indexed tiers have no always-candidates: share one empty list.
      always: always.length === 0 ? NONE : Int32Array.from(always),
      byPort: ported.length === 0 ? undefined : IntervalTable.build(ported),
      bySource: sourced.length === 0 ? undefined : IntervalTable.build(sourced),
      drop: dropAtEnd
        ? {
            tier: tier.name,
            direction,
            reason: `end of tier ${tier.name}: no policy allowed or passed the packet`,
          }
        : undefined,
    };
  });
  const first = programs[0];
  const firstRuleDecides = firstRuleVerdict(first);
  return {
    tiers: programs,
    firstRuleDecides,
    firstDecision: first !== undefined && firstRuleDecides !== undefined ? decisionAt(first, 0) : undefined,
  };
}

/** See {@link PolicyProgram.firstRuleDecides}: rule 0 of the first tier, when it is a candidate for every packet. */
function firstRuleVerdict(tier: TierProgram | undefined): ChainVerdict | undefined {
  const rule = tier?.rules[0];
  if (tier === undefined || rule === undefined || tier.always[0] !== 0) return undefined;
  if (!matchesEveryPacket(rule) || rule.model.unsupported.length > 0) return undefined;
  return rule.action === 'Allow' ? 'allow' : rule.action === 'Deny' ? 'deny' : undefined;
}

/**
 * Builds a profile's program for one direction.
 *
 * @example
 * ```ts
 * buildProfileProgram(world.profiles.get('kns.default')!, 'ingress', compile);
 * ```
 */
export function buildProfileProgram(
  profile: ProfileModel,
  direction: Direction,
  compile: (r: RuleModel) => CompiledRule,
): ProfileProgram {
  const policy: PolicyRef = { kind: 'Profile', name: profile.name };
  const list = direction === 'ingress' ? profile.ingress : profile.egress;
  return {
    rules: list.map(compile),
    decisions: list.map((r) => decisionOf(r, policy, undefined, direction)),
  };
}

/**
 * The fallback of a chain when no policy decided (§4.4, §4.5, §3.1 step 5).
 *
 * @example
 * ```ts
 * chainFallback(wep, 'normal', 'ingress', false);
 * ```
 */
export function chainFallback(
  endpoint: EndpointModel,
  chain: ChainClass,
  direction: Direction,
  hasForwardPolicies: boolean,
): ChainProgram['fallback'] {
  switch (chain) {
    case 'untracked':
    case 'preDnat':
      return undefined;
    case 'forward': {
      const reason =
        endpoint.kind === 'HostEndpoint' && !hasForwardPolicies
          ? 'no applyOnForward policy applies to this host endpoint: forwarded traffic allowed (§4.5)'
          : 'no applyOnForward policy decided: falls through to the host FORWARD chain, which accepts (§4.5, §11.1)';
      return { verdict: 'allow', decision: { direction, reason } };
    }
    case 'normal': {
      const reason =
        endpoint.profiles.length === 0
          ? 'no policy decided and the endpoint has no profiles: default drop'
          : 'no policy or profile allowed the packet: default drop';
      return { verdict: 'deny', decision: { direction, reason } };
    }
  }
}

/**
 * Where {@link runChainProgram} leaves the decision and unsupported uses (reused, no allocation).
 *
 * @example
 * ```ts
 * // world: pods web (10.0.0.1) and api (10.0.0.2) in prod; NetworkPolicy allow-web lets web reach api on TCP 8000-8010
 * const out: RunOutput = { decision: undefined, unsupported: undefined };
 * runChainProgram(state, program, packet, out); // 'allow' for TCP web → api:8005 (api's normal ingress chain)
 * out.decision;
 * // { policy: { kind: 'NetworkPolicy', namespace: 'prod', name: 'allow-web' }, tier: 'default', ruleIndex: 0,
 * //   direction: 'ingress', reason: 'Allow' }
 * ```
 */
export interface RunOutput {
  decision: ChainDecision | undefined;
  unsupported: Omit<UnsupportedUse, 'direction'>[] | undefined;
}

function noteUnsupported(out: RunOutput, rule: CompiledRule, policy: PolicyRef): void {
  out.unsupported ??= [];
  const list = out.unsupported;
  for (const feature of rule.model.unsupported) list.push({ policy, ruleIndex: rule.model.index, feature });
}

/** The policy of rule `k` of a tier. */
function ownerOf(tier: TierProgram, k: number): PolicyModel {
  const start = tier.ruleStart;
  // The last policy whose first rule is at or before k (staged ones own no rules).
  let a = 0;
  let b = start.length - 1;
  while (b - a > 1) {
    const m = (a + b) >>> 1;
    if ((start[m] as number) <= k) a = m;
    else b = m;
  }
  return tier.policies[a] as PolicyModel;
}

/** The decision of rule `k` of a tier, built on its first use. */
function decisionAt(tier: TierProgram, k: number): ChainDecision {
  let decisions = tier.decisions;
  if (decisions === undefined) {
    // Packed (not holey) so the per-flow read stays on the fast elements path.
    decisions = Array.from(tier.rules, () => undefined);
    tier.decisions = decisions;
  }
  let d = decisions[k];
  if (d === undefined) {
    const rule = tier.rules[k] as CompiledRule;
    d = decisionOf(rule.model, policyRef(ownerOf(tier, k)), tier.tier, tier.direction);
    decisions[k] = d;
  }
  return d;
}

/**
 * Runs a chain program: tiers (candidate rules only), then profiles or the class fallback.
 * Returns the chain's verdict (`none`: untracked and pre-DNAT chains continue); `out` receives
 * the decision.
 *
 * @example
 * ```ts
 * const code = runChainProgram(state, program, packet, out);
 * ```
 */
export function runChainProgram(
  state: MatchState,
  program: ChainProgram,
  pkt: Packet,
  out: RunOutput,
): ChainVerdict {
  out.unsupported = undefined;
  // Each field is read once: baseline (not yet optimised) code pays an inline-cache call per read.
  const policies = program.policies;
  const first = policies.firstRuleDecides;
  if (first !== undefined) {
    // What the merge below does for such a program: rule 0 is the first candidate and matches.
    out.decision = policies.firstDecision;
    return first;
  }
  // Every return below sets `out.decision`.
  const port = pkt.dstPort;
  const src = pkt.src;
  const v4 = src.version === 4 ? src.value : -1;
  const tiers = policies.tiers;
  const tierCount = tiers.length;
  nextTier: for (let t = 0; t < tierCount; t++) {
    const tier = tiers[t] as TierProgram;
    const a = tier.always;
    // Candidates by port and by source: ranges [j, jEnd) and [l, lEnd) of the tables' lists
    // (`listStart`, inline), each table searched only within its bounds.
    const bt = tier.byPort;
    const b = bt === undefined ? NONE : bt.data;
    let j = 0;
    let jEnd = 0;
    if (port !== undefined && bt !== undefined && port >= bt.min && port <= bt.max) {
      const count = bt.count;
      const q = intervalIn(b, count, port);
      if (q >= 0) {
        j = b[count + q] as number;
        jEnd = b[count + q + 1] as number;
      }
    }
    const ct = tier.bySource;
    const c = ct === undefined ? NONE : ct.data;
    let l = 0;
    let lEnd = 0;
    if (v4 !== -1 && ct !== undefined && v4 >= ct.min && v4 <= ct.max) {
      const count = ct.count;
      const q = intervalIn(c, count, v4);
      if (q >= 0) {
        l = c[count + q] as number;
        lEnd = c[count + q + 1] as number;
      }
    }
    let i = 0;
    // Merge the three ascending candidate lists: rules run in evaluation order.
    for (;;) {
      const x = i < a.length ? (a[i] as number) : END;
      const y = j < jEnd ? (b[j] as number) : END;
      const z = l < lEnd ? (c[l] as number) : END;
      let k: number;
      if (x < y && x < z) {
        k = x;
        i++;
      } else if (y < z) {
        k = y;
        j++;
      } else if (z !== END) {
        k = z;
        l++;
      } else break;
      const rule = tier.rules[k] as CompiledRule;
      if (!ruleMatchesFast(state, rule, pkt)) continue;
      if (rule.model.unsupported.length > 0) noteUnsupported(out, rule, policyRef(ownerOf(tier, k)));
      switch (rule.action) {
        case 'Log':
          continue; // §2.4: Log is not terminal.
        case 'Pass':
          continue nextTier; // §3.1: skip the rest of this tier.
        case 'Allow':
          out.decision = tier.decisions?.[k] ?? decisionAt(tier, k);
          return 'allow';
        case 'Deny':
          out.decision = tier.decisions?.[k] ?? decisionAt(tier, k);
          return 'deny';
      }
    }
    const drop = tier.drop;
    if (drop !== undefined) {
      out.decision = drop;
      return 'deny';
    }
  }
  const profiles = program.profiles;
  for (let p = 0; p < profiles.length; p++) {
    const prof = profiles[p] as ProfileProgram;
    const rules = prof.rules;
    for (let k = 0; k < rules.length; k++) {
      const rule = rules[k] as CompiledRule;
      if (!ruleMatchesFast(state, rule, pkt)) continue;
      if (rule.model.unsupported.length > 0)
        noteUnsupported(out, rule, (prof.decisions[k] as ChainDecision).policy as PolicyRef);
      if (rule.action === 'Log') continue;
      if (rule.action === 'Pass') break; // Pass in a profile: next profile.
      out.decision = prof.decisions[k];
      return rule.action === 'Allow' ? 'allow' : 'deny';
    }
  }
  const fallback = program.fallback;
  if (!fallback) {
    out.decision = undefined;
    return 'none';
  }
  out.decision = fallback.decision;
  return fallback.verdict;
}
