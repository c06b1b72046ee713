import type { Action, Rule } from '../resources/rule.js';
import { CalicoValidationError, type Issue } from '../result.js';
import { describeValue, hasMethod } from '../shape/checks.js';
import { frozenCopy } from './ir.js';
import { newRule, type RuleDraft, ruleToIR } from './rule-draft.js';
import { RuleStepsImpl } from './rule-steps-impl.js';
import type { RuleBuilder, RuleEnd, RuleInput } from './rule-types.js';
import type { ProtocolState } from './type-state.js';

/**
 * Turns a {@link RuleInput} into a draft: a standalone builder's own draft (so nothing is printed
 * yet), or a deep-frozen copy of an IR rule taken now, so the caller may go on changing theirs.
 */
export function ruleInputToDraft(input: RuleInput): RuleDraft {
  if (input instanceof RuleImpl) return input.draft;
  if (typeof input !== 'object' || input === null)
    throw new CalicoValidationError([
      {
        code: 'invalid_type',
        path: [],
        message: `A rule is a rule builder (rule.allow()…) or a rule object, not ${describeValue(input)}`,
      },
    ]);
  return frozenCopy(hasMethod(input, 'toRule') ? (input as RuleEnd).toRule() : (input as Rule));
}

class RuleImpl<S extends ProtocolState, T extends boolean>
  extends RuleStepsImpl<RuleEnd, S, T>
  implements RuleEnd
{
  readonly #draft: RuleDraft;
  constructor(draft: RuleDraft) {
    super();
    this.#draft = draft;
    Object.freeze(this);
  }
  get draft(): RuleDraft {
    return this.#draft;
  }
  protected next<S2 extends ProtocolState, T2 extends boolean>(draft: RuleDraft): RuleImpl<S2, T2> {
    return new RuleImpl<S2, T2>(draft);
  }
  toRule(): Rule {
    const issues: Issue[] = [];
    const out = ruleToIR(this.#draft, [], issues);
    if (issues.length > 0) throw new CalicoValidationError(issues);
    return out;
  }
}

function start(action: Action): RuleBuilder {
  return new RuleImpl<'none', false>(newRule(action));
}

/**
 * Starts standalone rules, for policies built with `.ingress(...rules)` / `.egress(...rules)` and
 * for rules shared between policies.
 *
 * @example
 * ```ts
 * const denyNodePorts = rule.deny().tcp().ports('30000:32767');
 * globalNetworkPolicy('a').ingress(denyNodePorts).toResource().spec.ingress;
 * // [{ action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } }]
 * ```
 */
export const rule: {
  /** A rule with action `Allow`. */
  readonly allow: () => RuleBuilder;
  /** A rule with action `Deny`. */
  readonly deny: () => RuleBuilder;
  /** A rule with action `Pass` (skip to the next tier). */
  readonly pass: () => RuleBuilder;
  /** A rule with action `Log` (log and continue). */
  readonly log: () => RuleBuilder;
} = Object.freeze({
  allow: () => start('Allow'),
  deny: () => start('Deny'),
  pass: () => start('Pass'),
  log: () => start('Log'),
});
