/**
 * Shadowing proved on the policy chain alone, for policies that only select workload endpoints
 * (one chain each: the normal chain, §4.2). A packet reaches a rule only if nothing decided it
 * earlier in the chain (§3.1): an earlier terminal rule whose matches include the rule's (Allow or
 * Deny; Pass too within the same tier, since Pass skips the rest of the tier), or the end of an
 * earlier tier with default action Deny and no Pass rule to let packets on. When every endpoint
 * the policy selects has such a blocker before a rule, no flow reaches the rule.
 */
import {
  applicableTiers,
  type EndpointModel,
  type PolicyModel,
  policyInChain,
  type RuleModel,
  type WorldModel,
} from './evaluator-seam.js';

type Side = RuleModel['source'];
interface CidrLike {
  readonly version: 4 | 6;
  readonly base: number | bigint;
  readonly prefix: number;
}
const within = (inner: CidrLike, outer: CidrLike) =>
  inner.version === outer.version &&
  inner.prefix >= outer.prefix &&
  BigInt(inner.base) >> BigInt((inner.version === 4 ? 32 : 128) - outer.prefix) ===
    BigInt(outer.base) >> BigInt((outer.version === 4 ? 32 : 128) - outer.prefix);

/** Every address/port `r` accepts on this side, `q` accepts too (each of q's criteria is implied by r's). */
function sideCovers(q: Side, r: Side): boolean {
  if (q.notNets || q.notPorts || q.services) return false;
  if (q.nets && !r.nets?.every((n) => q.nets?.some((m) => within(n, m)))) return false;
  if (q.selector && q.selectorText !== r.selectorText) return false;
  if (q.notSelector && q.notSelectorText !== r.notSelectorText) return false;
  if (q.ports) {
    if (!r.ports || r.ports.names.length > 0) return false;
    const qr = q.ports.ranges;
    if (!r.ports.ranges.every((x) => qr.some((y) => y.min <= x.min && x.max <= y.max))) return false;
  }
  return true;
}

/**
 * Whether rule `q` matches every packet rule `r` matches (syntactic: each criterion of `q` is
 * implied by one of `r`'s; anything `q` does beyond that makes the answer `false`).
 *
 * @example
 * ```ts
 * declare const q: RuleModel; declare const r: RuleModel;
 * covers(q, r); // true when q is `Allow TCP` and r is `Allow TCP to port 80`
 * ```
 */
export function covers(q: RuleModel, r: RuleModel): boolean {
  if (q.unsupported.length > 0 || q.icmp || q.notICMP) return false;
  if ((!q.matchesV4 && r.matchesV4) || (!q.matchesV6 && r.matchesV6)) return false;
  if (q.protocol !== undefined && q.protocol !== r.protocol) return false;
  if (q.notProtocol !== undefined) return false;
  return sideCovers(q.source, r.source) && sideCovers(q.destination, r.destination);
}

const labelKeys = new WeakMap<EndpointModel, string>();
/** Policies see only labels: endpoints with equal labels have equal chains. */
function labelKey(e: EndpointModel): string {
  let k = labelKeys.get(e);
  if (k === undefined) {
    k = JSON.stringify(Object.entries(e.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    labelKeys.set(e, k);
  }
  return k;
}

type Chain = { tier: WorldModel['tiers'][number]; applicable: PolicyModel[] }[];
const chains = new WeakMap<WorldModel, Map<string, Chain>>();

/** The tiers and policies of one endpoint's normal chain, from the evaluator's applicability. */
function chainOf(model: WorldModel, e: EndpointModel, dir: 'ingress' | 'egress'): Chain {
  let byKey = chains.get(model);
  if (!byKey) {
    byKey = new Map();
    chains.set(model, byKey);
  }
  const key = `${dir}|${labelKey(e)}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  // The evaluator's own applicability (§3.1 step 3: tiers with at least one applicable policy).
  const chain: Chain = applicableTiers(model, e, 'normal', dir).map(({ tier, policies }) => ({
    tier,
    applicable: [...policies],
  }));
  byKey.set(key, chain);
  return chain;
}

const terminal = (q: RuleModel, sameTier: boolean) =>
  q.action === 'Allow' || q.action === 'Deny' || (sameTier && q.action === 'Pass');

/**
 * What decides a rule's packets before it in a chain: an earlier terminal rule that covers it
 * (`policy`'s rule `rule`), or the end of an earlier tier that drops (`tierEnd`).
 *
 * @example
 * ```ts
 * const b: Blocker = { kind: 'rule', policy, rule: policy.ingress[1] as RuleModel };
 * ```
 */
export type Blocker =
  | { readonly kind: 'rule'; readonly policy: PolicyModel; readonly rule: RuleModel }
  | { readonly kind: 'tierEnd'; readonly tier: string };

/**
 * What decides every packet matching `r` (a rule of `p`) before `r` in `e`'s chain: a covering
 * terminal rule earlier in the chain, or the end of an earlier tier that drops; else undefined.
 */
function decidedBefore(
  model: WorldModel,
  e: EndpointModel,
  p: PolicyModel,
  r: RuleModel,
  dir: 'ingress' | 'egress',
): Blocker | undefined {
  for (const { tier, applicable } of chainOf(model, e, dir)) {
    if (tier.name === p.tier) {
      // Within the tier, Pass also ends the packet's visit (it skips to the next tier).
      for (const q of applicable) {
        const rules = q === p ? q[dir].slice(0, q[dir].indexOf(r)) : q[dir];
        const x = q.staged ? undefined : rules.find((x) => terminal(x, true) && covers(x, r));
        if (x) return { kind: 'rule', policy: q, rule: x };
        if (q === p) return undefined;
      }
      return undefined;
    }
    if (applicable.length === 0) continue;
    const enforced = applicable.filter((q) => !q.staged);
    let escaped = false;
    for (const q of enforced) {
      for (const x of q[dir]) {
        if (terminal(x, false) && covers(x, r)) return { kind: 'rule', policy: q, rule: x };
        // A Pass hands packets to later tiers: nothing after it here is certain to see them.
        if (x.action === 'Pass') {
          escaped = true;
          break;
        }
      }
      if (escaped) break;
    }
    if (escaped) continue;
    // No Pass in this tier: whatever no rule decided is dropped at the end of the tier.
    if (enforced.length > 0 && tier.defaultAction === 'Deny') return { kind: 'tierEnd', tier: tier.name };
  }
  return undefined;
}

const sameBlocker = (a: Blocker, b: Blocker) =>
  a.kind === 'rule' ? b.kind === 'rule' && a.rule === b.rule : b.kind === 'tierEnd' && a.tier === b.tier;

/**
 * `p`'s `dir` rules that no packet reaches, on every endpoint `p` selects, by rule index: the
 * one thing that decides their packets first on every such endpoint, or `undefined` when that
 * differs between endpoints. Empty when `p` selects a host endpoint or is not a normal,
 * enforced policy.
 *
 * @example
 * ```ts
 * declare const model: WorldModel; declare const p: PolicyModel; declare const eps: EndpointModel[];
 * chainShadowed(model, p, eps, 'egress'); // e.g. Map { 0 => { kind: 'rule', … }, 1 => … } when an earlier policy allows all egress
 * ```
 */
export function chainShadowed(
  model: WorldModel,
  p: PolicyModel,
  eps: readonly EndpointModel[],
  dir: 'ingress' | 'egress',
): Map<number, Blocker | undefined> {
  const out = new Map<number, Blocker | undefined>();
  if (
    p.staged ||
    !policyInChain(p, 'normal', dir) ||
    eps.length === 0 ||
    eps.some((e) => e.kind !== 'WorkloadEndpoint')
  )
    return out;
  const distinct = [...new Map(eps.map((e) => [labelKey(e), e])).values()];
  for (const r of p[dir]) {
    const blockers: Blocker[] = [];
    for (const e of distinct) {
      const b = decidedBefore(model, e, p, r, dir);
      if (b === undefined) break;
      blockers.push(b);
    }
    if (blockers.length < distinct.length) continue;
    const [first] = blockers;
    out.set(r.index, first && blockers.every((b) => sameBlocker(first, b)) ? first : undefined);
  }
  return out;
}
