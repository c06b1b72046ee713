/**
 * One Felix policy chain over a set of flows: the evaluator's chain walk (§3.1, with the
 * class-specific rules of §4.3–§4.5, as `reference/chain.ts` states them) run on boxes. Each rule
 * splits the flows still walking into "matched this rule" and "fell through"; tiers and policies
 * come from the evaluator's own applicability (`applicableTiers`).
 */
import {
  applicableTiers,
  type ChainHook,
  type EndpointModel,
  type MatchContext,
  type PolicyModel,
  profileOf,
  type RuleModel,
} from '../evaluator-seam.js';
import { type Box, splitBoxes } from './boxes.js';
import { ruleBoxes, type View } from './rule-match.js';

/**
 * What decided a path, as the evaluator's `Decision` names it (its reason text aside).
 *
 * @example
 * ```ts
 * // world: pods web (10.0.0.1) and api (10.0.0.2) in prod; NetworkPolicy allow-web lets web reach api on TCP 8080
 * const ends = runPath(ctx.chain, plan, undefined, bind, original, [{ p: [[6, 6]], s: ALL_PORTS, d: ALL_PORTS }], undefined);
 * const decisions: LiftedDecision[] = ends.map((e) => e.decision);
 * // [{ stage: 'workloadIngress', policy: { kind: 'NetworkPolicy', namespace: 'prod', name: 'allow-web' },
 * //    tier: 'default', ruleIndex: 0, direction: 'ingress' },
 * //  { stage: 'workloadIngress', tier: 'default', direction: 'ingress' }]   (end of tier default)
 * ```
 */
export interface LiftedDecision {
  readonly stage: string;
  readonly policy?: { readonly kind: string; readonly namespace?: string; readonly name: string };
  readonly tier?: string;
  readonly ruleIndex?: number;
  readonly direction?: 'ingress' | 'egress';
}

/**
 * A decision as one comparable string.
 *
 * @example
 * ```ts
 * decisionKey({ stage: 'failsafe' }); // 'failsafe||||'
 * ```
 */
export function decisionKey(d: LiftedDecision): string {
  const p = d.policy;
  return `${d.stage}|${p ? `${p.kind}/${p.namespace ?? ''}/${p.name}` : ''}|${d.tier ?? ''}|${d.ruleIndex ?? ''}|${d.direction ?? ''}`;
}

/**
 * The part of a chain's input with one outcome.
 *
 * @example
 * ```ts
 * // world: pods web (10.0.0.1) and api (10.0.0.2) in prod; NetworkPolicy allow-web lets web reach api on TCP 8080
 * // hook: api's workloadIngress chain; view: web → api
 * const pieces: ChainPiece[] = liftChain(ctx.chain, hook, api, view, [{ p: [[6, 6]], s: ALL_PORTS, d: ALL_PORTS }]);
 * pieces.map((x) => [x.verdict, x.boxes[0]?.d, x.decision?.policy?.name]);
 * // [['allow', [[8080, 8080]], 'allow-web'], ['deny', [[0, 8079], [8081, 65535]], undefined]]
 * ```
 */
export interface ChainPiece {
  readonly boxes: Box[];
  readonly verdict: 'allow' | 'deny' | 'none';
  readonly decision: Omit<LiftedDecision, 'stage'> | undefined;
}

/**
 * What the lifted chain needs: the world's rule matching, and an optional note of every rule a
 * non-empty set of flows reaches and matches (a trace step with that rule: allow, deny, pass,
 * log or staged).
 *
 * @example
 * ```ts
 * // world: pods web (10.0.0.1) and api (10.0.0.2) in prod; NetworkPolicy allow-web lets web reach api on TCP 8080
 * const hits: string[] = [];
 * const ctx: ChainContext = {
 *   match: liftContext(world.model).chain.match,
 *   reached: (p, dir, i) => hits.push(`${p.name} ${dir} ${i}`),
 *   staged: undefined,
 * };
 * liftChain(ctx, hook, api, view, [{ p: [[6, 6]], s: ALL_PORTS, d: ALL_PORTS }]).map((x) => x.verdict); // ['allow', 'deny']
 * hits; // ['allow-web ingress 0']
 * ```
 */
export interface ChainContext {
  readonly match: MatchContext;
  readonly reached: ((p: PolicyModel, direction: 'ingress' | 'egress', index: number) => void) | undefined;
  /** Hears what a staged policy would do to which flows (its first non-Log match, §2.5). */
  readonly staged: StagedNote | undefined;
}

/**
 * A note of a staged policy's would-be decision on a set of flows.
 *
 * @example
 * ```ts
 * // world: pods web (10.0.0.1) and api (10.0.0.2) in prod; NetworkPolicy allow-web lets web reach api on TCP 8080
 * // and StagedNetworkPolicy deny-all (api, ingress: Deny), after allow-web in name order
 * const notes: string[] = [];
 * const note: StagedNote = (p, dir, action, boxes) => notes.push(`${p.name} ${dir} ${action} ${JSON.stringify(boxes[0]?.d)}`);
 * liftPair(liftContext(world.model, undefined, note), web, api, universe(new Set([6]), undefined, undefined));
 * notes; // ['deny-all ingress Deny [[0,8079],[8081,65535]]']: the flows allow-web left to it
 * ```
 */
export type StagedNote = (
  p: PolicyModel,
  direction: 'ingress' | 'egress',
  action: 'Allow' | 'Deny' | 'Pass',
  boxes: Box[],
) => void;

const policyRef = (p: PolicyModel): NonNullable<LiftedDecision['policy']> =>
  p.namespace === undefined
    ? { kind: p.kind, name: p.name }
    : { kind: p.kind, namespace: p.namespace, name: p.name };

type Walk = { kind: 'Allow' | 'Deny' | 'Pass'; rule: RuleModel; boxes: Box[] };

/** §2.4 over boxes: top-down; Allow/Deny/Pass take their part out; Log notes and lets it go on. */
function walkRules(
  ctx: ChainContext,
  rules: readonly RuleModel[],
  view: View,
  boxes: Box[],
  onMatch: (r: RuleModel) => void,
): { decided: Walk[]; rest: Box[] } {
  const decided: Walk[] = [];
  let rest = boxes;
  for (const rule of rules) {
    if (rest.length === 0) break;
    const { hit, miss } = splitBoxes(rest, ruleBoxes(ctx.match, rule, view));
    if (hit.length === 0) continue;
    onMatch(rule);
    if (rule.action === 'Log') continue;
    decided.push({ kind: rule.action, rule, boxes: hit });
    rest = miss;
  }
  return { decided, rest };
}

const NOOP = (): void => {};

type Tiers = ReturnType<typeof applicableTiers>;
const applicable = new WeakMap<EndpointModel, (Tiers | undefined)[]>();
const CHAINS = ['untracked', 'preDnat', 'normal', 'forward'] as const;

/** The evaluator's `applicableTiers`, remembered per endpoint (endpoints belong to one world). */
function tiersOf(
  ctx: ChainContext,
  e: EndpointModel,
  chain: ChainHook['chain'],
  dir: 'ingress' | 'egress',
): Tiers {
  let byKey = applicable.get(e);
  if (byKey === undefined) {
    byKey = [];
    applicable.set(e, byKey);
  }
  const k = CHAINS.indexOf(chain) * 2 + (dir === 'ingress' ? 0 : 1);
  let tiers = byKey[k];
  if (tiers === undefined) {
    tiers = applicableTiers(ctx.match.world, e, chain, dir);
    byKey[k] = tiers;
  }
  return tiers;
}

/**
 * Runs one chain of `endpoint` (the hook's class and direction) over `boxes` seen as `view`.
 *
 * @example
 * ```ts
 * declare const ctx: ChainContext; declare const hook: ChainHook; declare const e: EndpointModel; declare const view: View;
 * liftChain(ctx, hook, e, view, [{ p: [[6, 6]], s: [[0, 65535]], d: [[0, 65535]] }]).map((x) => x.verdict);
 * ```
 */
export function liftChain(
  ctx: ChainContext,
  hook: ChainHook,
  endpoint: EndpointModel,
  view: View,
  boxes: Box[],
): ChainPiece[] {
  const dir = hook.direction;
  const out: ChainPiece[] = [];
  let live = boxes;
  // §3.1 step 3: only tiers with ≥1 applicable policy.
  for (const { tier, policies } of tiersOf(ctx, endpoint, hook.chain, dir)) {
    if (live.length === 0) break;
    let cur = live;
    const passed: Box[] = [];
    let anyEnforced = false;
    for (const p of policies) {
      const rules = dir === 'ingress' ? p.ingress : p.egress;
      const note = ctx.reached ? (r: RuleModel) => ctx.reached?.(p, dir, r.index) : NOOP;
      if (p.staged) {
        // §2.5: what it would do is only noted (the first non-Log match); nothing changes.
        const staged = walkRules(ctx, rules, view, cur, NOOP);
        if (ctx.reached) for (const w of staged.decided) note(w.rule);
        if (ctx.staged) for (const w of staged.decided) ctx.staged(p, dir, w.kind, w.boxes);
        continue;
      }
      anyEnforced = true;
      const { decided, rest } = walkRules(ctx, rules, view, cur, note);
      for (const w of decided) {
        if (w.kind === 'Pass') {
          passed.push(...w.boxes); // §3.1: Pass skips the rest of this tier.
          continue;
        }
        out.push({
          boxes: w.boxes,
          verdict: w.kind === 'Allow' ? 'allow' : 'deny',
          decision: { policy: policyRef(p), tier: tier.name, ruleIndex: w.rule.index, direction: dir },
        });
      }
      cur = rest; // §2.4: no match → the next policy of the tier.
      if (cur.length === 0) break;
    }
    // §3.1 end of tier; §4.4: untracked and pre-DNAT tiers pass; §2.5: all-staged → Pass.
    const dropAtEnd =
      (hook.chain === 'normal' || hook.chain === 'forward') && anyEnforced && tier.defaultAction !== 'Pass';
    if (dropAtEnd && cur.length > 0)
      out.push({ boxes: cur, verdict: 'deny', decision: { tier: tier.name, direction: dir } });
    live = dropAtEnd ? passed : [...passed, ...cur];
  }
  if (live.length === 0) return out;
  switch (hook.chain) {
    case 'untracked':
    case 'preDnat':
      out.push({ boxes: live, verdict: 'none', decision: undefined });
      return out;
    case 'forward':
      out.push({ boxes: live, verdict: 'allow', decision: { direction: dir } });
      return out;
    case 'normal':
      return [...out, ...liftProfiles(ctx, endpoint, dir, view, live)];
  }
}

/** §3.1 steps 4–5: profiles in order (Pass: next profile), then drop. */
function liftProfiles(
  ctx: ChainContext,
  endpoint: EndpointModel,
  dir: 'ingress' | 'egress',
  view: View,
  boxes: Box[],
): ChainPiece[] {
  const out: ChainPiece[] = [];
  let live = boxes;
  for (const name of endpoint.profiles) {
    if (live.length === 0) return out;
    const profile = profileOf(ctx.match.world, name);
    const { decided, rest } = walkRules(
      ctx,
      dir === 'ingress' ? profile.ingress : profile.egress,
      view,
      live,
      NOOP,
    );
    const next = [...rest];
    for (const w of decided) {
      if (w.kind === 'Pass') {
        next.push(...w.boxes);
        continue;
      }
      out.push({
        boxes: w.boxes,
        verdict: w.kind === 'Allow' ? 'allow' : 'deny',
        decision: { policy: { kind: 'Profile', name }, ruleIndex: w.rule.index, direction: dir },
      });
    }
    live = next;
  }
  if (live.length > 0) out.push({ boxes: live, verdict: 'deny', decision: { direction: dir } });
  return out;
}
