import { METADATA_KEYS, RESOURCE_KEYS, SPEC_KEYS } from '../resources/field-order.js';
import type { CalicoResourceOf } from '../resources/kinds.js';
import { CALICO_API_VERSION, type ObjectMeta } from '../resources/metadata.js';
import type { PolicyPerformanceHint, PolicyType, StagedAction } from '../resources/policy.js';
import type { Action } from '../resources/rule.js';
import { fail, type Issue, type Result, unwrap } from '../result.js';
import type { SelectorInput } from '../selector/builder.js';
import { checked, missingName } from './check.js';
import { copyStringMap, resolveSelectorText, type StringMap } from './inputs.js';
import { ordered } from './ir.js';
import { type RuleInput, RuleStepsImpl, ruleInputToDraft } from './rule-builder.js';
import { newRule, type RuleDraft, ruleToIR } from './rule-draft.js';

/** The kinds built from rules: the four Calico policy kinds and Profile. */
export type RuleHostKind =
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
interface SpecFields {
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

interface HostState {
  readonly kind: RuleHostKind;
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
  /** The rule the rule steps edit. */
  readonly cursor?: { readonly direction: PolicyType; readonly index: number };
}

const RULE_LIST = { Ingress: 'ingress', Egress: 'egress' } as const satisfies Record<PolicyType, string>;

function addGoverned(governs: readonly PolicyType[], direction: PolicyType): readonly PolicyType[] {
  return governs.includes(direction) ? governs : Object.freeze([...governs, direction]);
}

/** Calico's defaulting of `types` (calico-semantics §3.2), applied to the directions the user used. */
function defaultTypes(governs: readonly PolicyType[]): readonly PolicyType[] {
  const out: PolicyType[] = [];
  if (governs.includes('Ingress')) out.push('Ingress');
  if (governs.includes('Egress')) out.push('Egress');
  return out.length === 0 ? ['Ingress'] : out;
}

/**
 * The one implementation behind the policy and profile builder interfaces. Every method returns a
 * new frozen instance; rule steps edit the rule under the cursor.
 */
export class RuleHostImpl extends RuleStepsImpl {
  readonly #state: HostState;

  constructor(state: HostState) {
    super();
    this.#state = Object.freeze(state);
    Object.freeze(this);
  }

  static start(kind: RuleHostKind, factory: string, meta: MetaState, spec: SpecFields = {}): RuleHostImpl {
    return new RuleHostImpl({
      kind,
      factory,
      meta: Object.freeze(meta),
      spec: Object.freeze(spec),
      ingress: [],
      egress: [],
      governs: [],
      direction: 'Ingress',
    });
  }

  #with(patch: Partial<HostState>): RuleHostImpl {
    return new RuleHostImpl({ ...this.#state, ...patch });
  }
  #meta(patch: MetaState): RuleHostImpl {
    return this.#with({ meta: Object.freeze({ ...this.#state.meta, ...patch }) });
  }
  #spec(patch: SpecFields): RuleHostImpl {
    return this.#with({ spec: Object.freeze({ ...this.#state.spec, ...patch }) });
  }

  protected editRule(edit: (draft: RuleDraft) => RuleDraft): RuleHostImpl {
    const cursor = this.#state.cursor;
    if (cursor === undefined)
      throw new TypeError('no rule in progress: start one with .allow(), .deny(), .pass() or .log()');
    const key = RULE_LIST[cursor.direction];
    const list = [...this.#state[key]];
    list[cursor.index] = edit(list[cursor.index] as RuleDraft);
    return this.#with({ [key]: Object.freeze(list) });
  }

  end(): RuleHostImpl {
    return this;
  }

  // metadata
  name(name: string): RuleHostImpl {
    return this.#meta({ name });
  }
  namespace(namespace: string): RuleHostImpl {
    return this.#meta({ namespace });
  }
  labels(labels: StringMap): RuleHostImpl {
    return this.#meta({ labels: copyStringMap({ ...this.#state.meta.labels, ...labels }) });
  }
  annotations(annotations: StringMap): RuleHostImpl {
    return this.#meta({ annotations: copyStringMap({ ...this.#state.meta.annotations, ...annotations }) });
  }

  // spec
  tier(tier: string): RuleHostImpl {
    return this.#spec({ tier });
  }
  order(order: number): RuleHostImpl {
    return this.#spec({ order });
  }
  selector(selector: SelectorInput): RuleHostImpl {
    return this.#spec({ selector });
  }
  namespaceSelector(selector: SelectorInput): RuleHostImpl {
    return this.#spec({ namespaceSelector: selector });
  }
  serviceAccountSelector(selector: SelectorInput): RuleHostImpl {
    return this.#spec({ serviceAccountSelector: selector });
  }
  types(...types: PolicyType[]): RuleHostImpl {
    return this.#spec({ types: Object.freeze([...types]) });
  }
  applyOnForward(value = true): RuleHostImpl {
    return this.#spec({ applyOnForward: value });
  }
  performanceHints(...hints: PolicyPerformanceHint[]): RuleHostImpl {
    return this.#spec({ performanceHints: Object.freeze([...hints]) });
  }
  preDnat(): RuleHostImpl {
    return this.#spec({ preDNAT: true, applyOnForward: true, types: Object.freeze(['Ingress'] as const) });
  }
  doNotTrack(): RuleHostImpl {
    return this.#spec({ doNotTrack: true, applyOnForward: true });
  }
  stagedAction(action: StagedAction): RuleHostImpl {
    return this.#spec({ stagedAction: action });
  }
  labelsToApply(labels: StringMap): RuleHostImpl {
    return this.#spec({ labelsToApply: copyStringMap({ ...this.#state.spec.labelsToApply, ...labels }) });
  }

  // rules
  #addRules(direction: PolicyType, rules: readonly RuleInput[]): RuleHostImpl {
    const key = RULE_LIST[direction];
    return this.#with({
      direction,
      governs: addGoverned(this.#state.governs, direction),
      [key]: Object.freeze([...this.#state[key], ...rules.map(ruleInputToDraft)]),
    });
  }
  ingress(...rules: RuleInput[]): RuleHostImpl {
    return this.#addRules('Ingress', rules);
  }
  egress(...rules: RuleInput[]): RuleHostImpl {
    return this.#addRules('Egress', rules);
  }
  #start(action: Action): RuleHostImpl {
    const direction = this.#state.direction;
    const key = RULE_LIST[direction];
    return this.#with({
      governs: addGoverned(this.#state.governs, direction),
      [key]: Object.freeze([...this.#state[key], newRule(action)]),
      cursor: Object.freeze({ direction, index: this.#state[key].length }),
    });
  }
  allow(): RuleHostImpl {
    return this.#start('Allow');
  }
  deny(): RuleHostImpl {
    return this.#start('Deny');
  }
  pass(): RuleHostImpl {
    return this.#start('Pass');
  }
  log(): RuleHostImpl {
    return this.#start('Log');
  }

  // output
  #resource(issues: Issue[]): Record<string, unknown> {
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
        types: isProfile ? undefined : [...(s.spec.types ?? defaultTypes(s.governs))],
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

  build(): Result<CalicoResourceOf<RuleHostKind>> {
    if (this.#state.meta.name === undefined) return missingName(this.#state.factory);
    const issues: Issue[] = [];
    const resource = this.#resource(issues);
    if (issues.length > 0) return fail(...issues);
    return checked(resource as unknown as CalicoResourceOf<RuleHostKind>);
  }

  toResource(): CalicoResourceOf<RuleHostKind> {
    return unwrap(this.build());
  }
}
