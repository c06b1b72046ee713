import { METADATA_KEYS, RESOURCE_KEYS, SPEC_KEYS } from '../resources/field-order.js';
import type { CalicoResourceOf } from '../resources/kinds.js';
import { CALICO_API_VERSION, type ObjectMeta } from '../resources/metadata.js';
import type { PolicyPerformanceHint, PolicyType, StagedAction } from '../resources/policy.js';
import { defaultPolicyTypes } from '../resources/policy-types-default.js';
import type { Action } from '../resources/rule.js';
import { fail, type Issue, type Result, unwrap } from '../result.js';
import type { SelectorInput } from '../selector/builder.js';
import { missingName, validated } from './build-checks.js';
import { mergeStringMap, resolveSelectorText, type StringMap } from './inputs.js';
import { frozenCopy, ordered } from './ir.js';
import type { NameRequired } from './messages.js';
import { PolicyRuleImpl, type RuleOwner } from './policy-rule.js';
import { ruleInputToDraft } from './rule-builder.js';
import { newRule, type RuleDraft, ruleToIR } from './rule-draft.js';
import type { PolicyRuleEnd, RuleChain, RuleInput } from './rule-types.js';
import type { ResourceOnce } from './type-state.js';

/** The kinds built from rules: the four Calico policy kinds and Profile. */
export type RulesKind =
  | 'GlobalNetworkPolicy'
  | 'StagedGlobalNetworkPolicy'
  | 'NetworkPolicy'
  | 'StagedNetworkPolicy'
  | 'Profile';

/** Metadata as builders keep it. */
export interface MetaState {
  readonly name?: string;
  readonly namespace?: string;
  readonly labels?: StringMap;
  readonly annotations?: StringMap;
}

/** Scalar spec fields as builders keep them (IR names; which apply depends on the kind). */
export interface SpecFields {
  readonly tier?: string;
  readonly order?: number;
  readonly selector?: SelectorInput;
  readonly types?: readonly PolicyType[];
  readonly doNotTrack?: boolean;
  readonly preDNAT?: boolean;
  readonly applyOnForward?: boolean;
  readonly serviceAccountSelector?: SelectorInput;
  readonly namespaceSelector?: SelectorInput;
  readonly performanceHints?: readonly PolicyPerformanceHint[];
  readonly stagedAction?: StagedAction;
  readonly labelsToApply?: StringMap;
}

/** Everything a policy or profile builder holds. */
export interface RulesState<K extends RulesKind> {
  readonly kind: K;
  /** The factory's name, for messages. */
  readonly factory: string;
  readonly meta: MetaState;
  readonly spec: SpecFields;
  readonly ingress: readonly RuleDraft[];
  readonly egress: readonly RuleDraft[];
  /** Directions the user asked for (rules or a bare `.ingress()`/`.egress()`), for default `types`. */
  readonly governs: readonly PolicyType[];
  /** The direction `.allow()` etc. add to. */
  readonly direction: PolicyType;
}

const RULE_LIST = { Ingress: 'ingress', Egress: 'egress' } as const satisfies Record<PolicyType, string>;

/** A first state: the kind, the factory's name and the metadata given to the factory. */
export function startState<K extends RulesKind>(kind: K, factory: string, meta: MetaState): RulesState<K> {
  return {
    kind,
    factory,
    meta: frozenCopy(meta),
    spec: Object.freeze({}),
    ingress: [],
    egress: [],
    governs: [],
    direction: 'Ingress',
  };
}

/**
 * What the policy and profile builders share: metadata, rules and the way out. Each method
 * returns a new frozen instance; `Self` is the concrete builder class (`make` builds one).
 */
export abstract class RulesImpl<
  Self extends RuleOwner<Self, CalicoResourceOf<K>, N>,
  K extends RulesKind,
  N extends boolean,
> {
  readonly #state: RulesState<K>;

  constructor(state: RulesState<K>) {
    this.#state = Object.freeze(state);
    Object.freeze(this);
  }

  /** A builder of the same class and type-state over `state`. */
  protected abstract make(state: RulesState<K>): Self;

  protected get state(): RulesState<K> {
    return this.#state;
  }
  protected withMeta(patch: MetaState): RulesState<K> {
    return { ...this.#state, meta: Object.freeze({ ...this.#state.meta, ...frozenCopy(patch) }) };
  }
  protected withSpec(patch: SpecFields): RulesState<K> {
    // A copy taken now: a SelectorNode or list the caller changes later does not reach the policy.
    return { ...this.#state, spec: Object.freeze({ ...this.#state.spec, ...frozenCopy(patch) }) };
  }
  protected withRules(direction: PolicyType, rules: readonly RuleDraft[]): RulesState<K> {
    const s = this.#state;
    const key = RULE_LIST[direction];
    return {
      ...s,
      direction,
      governs: s.governs.includes(direction) ? s.governs : Object.freeze([...s.governs, direction]),
      [key]: Object.freeze([...s[key], ...rules]),
    };
  }

  labels(labels: StringMap): Self {
    return this.make(this.withMeta({ labels: mergeStringMap(this.#state.meta.labels, labels) }));
  }
  annotations(annotations: StringMap): Self {
    return this.make(
      this.withMeta({ annotations: mergeStringMap(this.#state.meta.annotations, annotations) }),
    );
  }
  ingress(...rules: RuleInput[]): Self {
    return this.make(this.withRules('Ingress', rules.map(ruleInputToDraft)));
  }

  #start(action: Action): RuleChain<PolicyRuleEnd<Self, CalicoResourceOf<K>, N>> {
    const direction = this.#state.direction;
    return new PolicyRuleImpl<Self, CalicoResourceOf<K>, N, 'none', false>(newRule(action), (draft) =>
      this.make(this.withRules(direction, [draft])),
    );
  }
  allow(): RuleChain<PolicyRuleEnd<Self, CalicoResourceOf<K>, N>> {
    return this.#start('Allow');
  }
  deny(): RuleChain<PolicyRuleEnd<Self, CalicoResourceOf<K>, N>> {
    return this.#start('Deny');
  }
  pass(): RuleChain<PolicyRuleEnd<Self, CalicoResourceOf<K>, N>> {
    return this.#start('Pass');
  }
  log(): RuleChain<PolicyRuleEnd<Self, CalicoResourceOf<K>, N>> {
    return this.#start('Log');
  }

  #resource(issues: Issue[]): object {
    const s = this.#state;
    const isProfile = s.kind === 'Profile';
    const text = (input: SelectorInput | undefined, field: string) =>
      input === undefined ? undefined : resolveSelectorText(input, ['spec', field], issues);
    const spec = ordered<Record<string, unknown>>(
      {
        ...s.spec,
        selector: text(s.spec.selector, 'selector'),
        namespaceSelector: text(s.spec.namespaceSelector, 'namespaceSelector'),
        serviceAccountSelector: text(s.spec.serviceAccountSelector, 'serviceAccountSelector'),
        labelsToApply: s.spec.labelsToApply && { ...s.spec.labelsToApply },
        performanceHints: s.spec.performanceHints && [...s.spec.performanceHints],
        types: isProfile ? undefined : this.#types(),
        ingress: s.ingress.map((r, i) => ruleToIR(r, ['spec', 'ingress', i], issues)),
        egress: s.egress.map((r, i) => ruleToIR(r, ['spec', 'egress', i], issues)),
      },
      SPEC_KEYS[s.kind],
    );
    const metadata = ordered<ObjectMeta>(
      {
        ...s.meta,
        labels: s.meta.labels && { ...s.meta.labels },
        annotations: s.meta.annotations && { ...s.meta.annotations },
      },
      METADATA_KEYS,
    );
    // `spec` is always present, even when empty, as calicoctl prints it.
    return { ...ordered({ apiVersion: CALICO_API_VERSION, kind: s.kind, metadata }, RESOURCE_KEYS), spec };
  }

  /**
   * `spec.types`: as set, else defaulted from the directions used (§3.2). A staged Delete gets no
   * default: Calico's client clears `types` on one (clientv3 `stagedGlobalNetworkPolicies.Create`)
   * and its validator rejects any spec field but `tier` there.
   */
  #types(): PolicyType[] | undefined {
    const s = this.#state;
    if (s.spec.types !== undefined) return [...s.spec.types];
    if (s.spec.stagedAction === 'Delete') return undefined;
    return [
      ...defaultPolicyTypes({ ingress: s.governs.includes('Ingress'), egress: s.governs.includes('Egress') }),
    ];
  }

  build(): Result<CalicoResourceOf<K>> {
    if (this.#state.meta.name === undefined) return missingName(this.#state.factory);
    const issues: Issue[] = [];
    const resource = this.#resource(issues);
    if (issues.length > 0) return fail(...issues);
    return validated(resource, this.#state.kind);
  }

  toResource(): ResourceOnce<N, CalicoResourceOf<K>, NameRequired> {
    // The public types let only a named builder call this; at run time `build()` says the name
    // is missing (`missing_name`), and `unwrap` throws that.
    return unwrap(this.build()) as ResourceOnce<N, CalicoResourceOf<K>, NameRequired>;
  }
}
