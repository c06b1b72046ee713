import type { CalicoResource } from '../resources/kinds.js';
import type { Result } from '../result.js';
import type { NameRequired } from './messages.js';
import type { RuleDraft } from './rule-draft.js';
import { RuleStepsImpl } from './rule-steps-impl.js';
import type { PolicyRuleEnd, RuleChain } from './rule-types.js';
import type { ProtocolState, ResourceOnce } from './type-state.js';

/**
 * What a rule of a policy needs from the policy it belongs to (the policy implementation
 * classes): the next rule, and the resource. `toResource()` has no `this` check here: the
 * name type-state is the public interface's business.
 */
export interface RuleOwner<P, R extends CalicoResource, N extends boolean>
  extends Pick<PolicyRuleEnd<P, R, N>, 'allow' | 'deny' | 'pass' | 'log' | 'build'> {
  toResource(): ResourceOnce<N, R, NameRequired>;
}

/**
 * A rule of a policy while it is built: the draft, and how to add it to the policy (`commit`).
 * Ending the rule (`.end()`, the next `.allow()`, `toResource()`) commits it.
 */
export class PolicyRuleImpl<
    P extends RuleOwner<P, R, N>,
    R extends CalicoResource,
    N extends boolean,
    S extends ProtocolState,
    T extends boolean,
  >
  extends RuleStepsImpl<PolicyRuleEnd<P, R, N>, S, T>
  implements PolicyRuleEnd<P, R, N>
{
  readonly #draft: RuleDraft;
  readonly #commit: (draft: RuleDraft) => P;

  constructor(draft: RuleDraft, commit: (draft: RuleDraft) => P) {
    super();
    this.#draft = draft;
    this.#commit = commit;
    Object.freeze(this);
  }

  get draft(): RuleDraft {
    return this.#draft;
  }
  protected next<S2 extends ProtocolState, T2 extends boolean>(
    draft: RuleDraft,
  ): PolicyRuleImpl<P, R, N, S2, T2> {
    return new PolicyRuleImpl<P, R, N, S2, T2>(draft, this.#commit);
  }

  end(): P {
    return this.#commit(this.#draft);
  }
  allow(): RuleChain<PolicyRuleEnd<P, R, N>> {
    return this.end().allow();
  }
  deny(): RuleChain<PolicyRuleEnd<P, R, N>> {
    return this.end().deny();
  }
  pass(): RuleChain<PolicyRuleEnd<P, R, N>> {
    return this.end().pass();
  }
  log(): RuleChain<PolicyRuleEnd<P, R, N>> {
    return this.end().log();
  }
  toResource(): ResourceOnce<N, R, NameRequired> {
    return this.end().toResource();
  }
  build(): Result<R> {
    return this.end().build();
  }
}
