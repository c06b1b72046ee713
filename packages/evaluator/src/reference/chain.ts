/**
 * The chain interpreter: calico-semantics.md §3.1 line by line, with the class-specific
 * behaviour of §4.3 (end-of-tier drop and profiles only in normal chains; forward chains have
 * end-of-tier drop but no profiles; untracked/pre-DNAT tiers default to Pass).
 */
import type { ChainOutcome, ChainRequest, Engine } from '../engine.js';
import { ruleMatches } from '../match/rule-match.js';
import { policyRef } from '../result/policy-ref.js';
import type { PolicyRef, StepAction, TraceStep, UnsupportedUse } from '../result/types.js';
import type { RuleModel } from '../world/model.js';
import { DEFAULT_DROP_RULES, profileOf } from '../world/profiles.js';

const NOOP = (): void => {};

/** The chain-specific part of a trace step. */
interface StepFields {
  readonly tier?: string;
  readonly policy?: PolicyRef;
  readonly ruleIndex?: number;
  readonly action: StepAction;
  readonly reason?: string;
}

type Push = (s: StepFields) => void;

/** Appends steps stamped with the request's trace context (one fixed object shape). */
function stepSink(req: ChainRequest, steps: TraceStep[]): Push {
  const t = req.trace;
  const direction = req.direction;
  return (s) => {
    steps.push({
      path: t.path,
      stage: t.stage,
      endpoint: t.endpoint,
      direction,
      tier: s.tier,
      policy: s.policy,
      ruleIndex: s.ruleIndex,
      action: s.action,
      reason: s.reason,
    });
  };
}

type RulesOutcome =
  | { readonly kind: 'Allow' | 'Deny' | 'Pass'; readonly rule: RuleModel }
  | { readonly kind: 'none' };

/** §2.4: top-down; Allow/Deny/Pass end the policy; Log records and continues. */
function runRules(
  engine: Engine,
  rules: readonly RuleModel[],
  req: ChainRequest,
  onLog: (r: RuleModel) => void,
  onUnsupported: (r: RuleModel) => void,
): RulesOutcome {
  for (const rule of rules) {
    if (!ruleMatches(engine.match, rule, req.packet)) continue;
    if (rule.unsupported.length > 0) onUnsupported(rule);
    if (rule.action === 'Log') {
      onLog(rule);
      continue;
    }
    return { kind: rule.action, rule };
  }
  return { kind: 'none' };
}

/**
 * Evaluates one chain for one endpoint, direction and packet.
 *
 * @example
 * ```ts
 * runChain(engine, { endpoint, chain: 'normal', direction: 'ingress', packet, trace }).verdict;
 * ```
 */
export function runChain(engine: Engine, req: ChainRequest): ChainOutcome {
  const steps: TraceStep[] = [];
  const push = stepSink(req, steps);
  const unsupported: Omit<UnsupportedUse, 'direction'>[] = [];
  const dir = req.direction;
  // §3.1 step 3: only tiers with ≥1 applicable policy; others are skipped entirely.
  const tiers = engine.applicable(req.endpoint, req.chain, dir);
  for (const { tier, policies } of tiers) {
    let passed = false;
    let anyEnforced = false;
    // Whether a staged policy of the tier would act (for the staged end of tier, below).
    let stagedActs = false;
    for (const p of policies) {
      const policy = policyRef(p);
      // §2.5: staged policies are never enforced (but they count for tier applicability).
      if (p.staged) {
        // §2.5: report what it would have done (flow-log style), without enforcing it.
        const would = runRules(engine, dir === 'ingress' ? p.ingress : p.egress, req, NOOP, NOOP);
        if (would.kind !== 'none') stagedActs = true;
        push(
          would.kind === 'none'
            ? {
                tier: tier.name,
                policy,
                action: 'staged',
                reason: 'staged policy, not enforced: would not match',
              }
            : {
                tier: tier.name,
                policy,
                ruleIndex: would.rule.index,
                action: 'staged',
                reason: `staged policy, not enforced: would ${would.kind}`,
              },
        );
        continue;
      }
      anyEnforced = true;
      const rules = dir === 'ingress' ? p.ingress : p.egress;
      const out = runRules(
        engine,
        rules,
        req,
        (r) =>
          push({
            tier: tier.name,
            policy,
            ruleIndex: r.index,
            action: 'log',
            reason: 'Log is not terminal',
          }),
        (r) => {
          for (const feature of r.unsupported) unsupported.push({ policy, ruleIndex: r.index, feature });
        },
      );
      if (out.kind === 'none') {
        push({
          tier: tier.name,
          policy,
          action: 'no-match',
          reason: rules.length === 0 ? `no ${dir} rules` : 'no rule matched',
        });
        continue; // §2.4: fall through to the next policy of the tier.
      }
      const ruleIndex = out.rule.index;
      if (out.kind === 'Pass') {
        // §3.1: Pass skips the rest of this tier.
        push({
          tier: tier.name,
          policy,
          ruleIndex,
          action: 'pass',
          reason: 'Pass: skip to the next tier',
        });
        passed = true;
        break;
      }
      const action = out.kind === 'Allow' ? 'allow' : 'deny';
      push({ tier: tier.name, policy, ruleIndex, action });
      return {
        verdict: action,
        steps,
        decision: {
          policy,
          tier: tier.name,
          ruleIndex,
          direction: dir,
          reason: out.kind,
        },
        unsupported,
      };
    }
    if (passed) continue;
    // §3.1 end of tier; §4.4: untracked and pre-DNAT tiers are forced to Pass; §2.5: all-staged → Pass.
    const dropAtEnd =
      (req.chain === 'normal' || req.chain === 'forward') && anyEnforced && tier.defaultAction !== 'Pass';
    if (dropAtEnd) {
      const reason = `end of tier ${tier.name}: no policy allowed or passed the packet`;
      push({ tier: tier.name, action: 'end-of-tier-drop', reason });
      return { verdict: 'deny', steps, decision: { tier: tier.name, direction: dir, reason }, unsupported };
    }
    push({
      tier: tier.name,
      action: 'end-of-tier-pass',
      reason: !anyEnforced
        ? stagedEndOfTier(req.chain, tier.defaultAction, stagedActs)
        : req.chain === 'normal' || req.chain === 'forward'
          ? `tier ${tier.name} defaultAction Pass`
          : `no ${req.chain === 'preDnat' ? 'pre-DNAT' : 'untracked'} end-of-tier drop`,
    });
  }
  switch (req.chain) {
    case 'untracked':
    case 'preDnat':
      // §4.4: no match → continue to the next stage.
      return { verdict: 'none', steps, decision: undefined, unsupported };
    case 'forward': {
      // §4.5 / §11.1: no AoF policy at all → explicitly accepted; otherwise falls through to the
      // host's own FORWARD rules (normally accept). Both are Allow here.
      const reason =
        req.endpoint.kind === 'HostEndpoint' && !engine.hasForwardPolicies(req.endpoint)
          ? 'no applyOnForward policy applies to this host endpoint: forwarded traffic allowed (§4.5)'
          : 'no applyOnForward policy decided: falls through to the host FORWARD chain, which accepts (§4.5, §11.1)';
      push({ action: 'default-allow', reason });
      return { verdict: 'allow', steps, decision: { direction: dir, reason }, unsupported };
    }
    case 'normal':
      return runProfiles(engine, req, steps, push, unsupported);
  }
}

/**
 * The end-of-tier reason for a tier of staged policies alone: it passes (§2.5). When none of them
 * would act, it also says how the tier would end were they enforced, as Felix's flow logs record
 * it among the pending policies (`…|deny|-1`, `…|pass|-1`): its default action, in the chains that
 * drop at the end of a tier.
 *
 * @example
 * ```ts
 * stagedEndOfTier('normal', 'Deny', false); // 'only staged policies: tier behaves as Pass (enforced, the tier would end in a drop)'
 * ```
 */
function stagedEndOfTier(
  chain: ChainRequest['chain'],
  defaultAction: 'Deny' | 'Pass',
  stagedActs: boolean,
): string {
  const base = 'only staged policies: tier behaves as Pass';
  if (stagedActs || (chain !== 'normal' && chain !== 'forward')) return base;
  return `${base} (enforced, the tier would end in ${defaultAction === 'Pass' ? 'Pass' : 'a drop'})`;
}

/** §3.1 steps 4–5: profiles in order, then drop. */
function runProfiles(
  engine: Engine,
  req: ChainRequest,
  steps: TraceStep[],
  push: Push,
  unsupported: Omit<UnsupportedUse, 'direction'>[],
): ChainOutcome {
  const dir = req.direction;
  for (const name of req.endpoint.profiles) {
    const profile = profileOf(engine.world, name);
    const policy: PolicyRef = { kind: 'Profile', name };
    const rules = dir === 'ingress' ? profile.ingress : profile.egress;
    const out = runRules(
      engine,
      rules,
      req,
      (r) => push({ policy, ruleIndex: r.index, action: 'log', reason: 'Log is not terminal' }),
      (r) => {
        for (const feature of r.unsupported) unsupported.push({ policy, ruleIndex: r.index, feature });
      },
    );
    if (out.kind === 'none' || out.kind === 'Pass') {
      push({
        policy,
        action: out.kind === 'Pass' ? 'pass' : 'no-match',
        ...(out.kind === 'Pass' ? { ruleIndex: out.rule.index } : {}),
        reason:
          out.kind === 'Pass'
            ? 'Pass in a profile: next profile'
            : rules.length === 0
              ? `no ${dir} rules`
              : 'no rule matched',
      });
      continue;
    }
    const ruleIndex = out.rule.index;
    const action = out.kind === 'Allow' ? 'allow' : 'deny';
    push({
      policy,
      ruleIndex,
      action,
      ...(rules === DEFAULT_DROP_RULES
        ? { reason: 'profile does not exist: Felix programs a default-drop profile in its place' }
        : {}),
    });
    return {
      verdict: action,
      steps,
      decision: {
        policy,
        ruleIndex,
        direction: dir,
        reason: out.kind,
      },
      unsupported,
    };
  }
  const reason =
    req.endpoint.profiles.length === 0
      ? 'no policy decided and the endpoint has no profiles: default drop'
      : 'no policy or profile allowed the packet: default drop';
  push({ action: 'no-profile-match', reason });
  return { verdict: 'deny', steps, decision: { direction: dir, reason }, unsupported };
}
