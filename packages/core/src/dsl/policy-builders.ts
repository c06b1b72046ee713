import type { PolicyPerformanceHint, PolicyType, StagedAction } from '../resources/policy.js';
import type { SelectorInput } from '../selector/builder.js';
import { mergeStringMap, type StringMap } from './inputs.js';
import { RulesImpl, type RulesState } from './policy-impl.js';
import type {
  GlobalNetworkPolicyBuilder,
  GlobalPolicyKind,
  NamespacedPolicyKind,
  NetworkPolicyBuilder,
  ProfileBuilder,
} from './policy-types.js';
import { ruleInputToDraft } from './rule-builder.js';
import type { RuleInput } from './rule-types.js';
import type { PolicyMode } from './type-state.js';

/** The GlobalNetworkPolicy / StagedGlobalNetworkPolicy builder, in every type-state. */
export class GlobalNetworkPolicyImpl<
    M extends PolicyMode,
    E extends boolean,
    K extends GlobalPolicyKind,
    N extends boolean,
  >
  extends RulesImpl<GlobalNetworkPolicyImpl<M, E, K, N>, K, N>
  implements GlobalNetworkPolicyBuilder<M, E, K, N>
{
  protected make(state: RulesState<K>): GlobalNetworkPolicyImpl<M, E, K, N> {
    return new GlobalNetworkPolicyImpl<M, E, K, N>(state);
  }
  name(name: string): GlobalNetworkPolicyImpl<M, E, K, true> {
    return new GlobalNetworkPolicyImpl<M, E, K, true>(this.withMeta({ name }));
  }
  tier(tier: string): GlobalNetworkPolicyImpl<M, E, K, N> {
    return this.make(this.withSpec({ tier }));
  }
  order(order: number): GlobalNetworkPolicyImpl<M, E, K, N> {
    return this.make(this.withSpec({ order }));
  }
  selector(selector: SelectorInput): GlobalNetworkPolicyImpl<M, E, K, N> {
    return this.make(this.withSpec({ selector }));
  }
  namespaceSelector(selector: SelectorInput): GlobalNetworkPolicyImpl<M, E, K, N> {
    return this.make(this.withSpec({ namespaceSelector: selector }));
  }
  serviceAccountSelector(selector: SelectorInput): GlobalNetworkPolicyImpl<M, E, K, N> {
    return this.make(this.withSpec({ serviceAccountSelector: selector }));
  }
  types(...types: PolicyType[]): GlobalNetworkPolicyImpl<M, E, K, N> {
    return this.make(this.withSpec({ types: Object.freeze([...types]) }));
  }
  applyOnForward(value = true): GlobalNetworkPolicyImpl<M, E, K, N> {
    return this.make(this.withSpec({ applyOnForward: value }));
  }
  performanceHints(...hints: PolicyPerformanceHint[]): GlobalNetworkPolicyImpl<M, E, K, N> {
    return this.make(this.withSpec({ performanceHints: Object.freeze([...hints]) }));
  }
  preDnat(): GlobalNetworkPolicyImpl<'preDnat', E, K, N> {
    // Types set before are kept, so that `validate` names a conflict rather than it vanishing.
    const types = this.state.spec.types ?? Object.freeze(['Ingress'] as const);
    return new GlobalNetworkPolicyImpl<'preDnat', E, K, N>(
      this.withSpec({ preDNAT: true, applyOnForward: true, types }),
    );
  }
  doNotTrack(): GlobalNetworkPolicyImpl<'doNotTrack', E, K, N> {
    return new GlobalNetworkPolicyImpl<'doNotTrack', E, K, N>(
      this.withSpec({ doNotTrack: true, applyOnForward: true }),
    );
  }
  stagedAction(action: StagedAction): GlobalNetworkPolicyImpl<M, E, K, N> {
    return this.make(this.withSpec({ stagedAction: action }));
  }
  egress(...rules: RuleInput[]): GlobalNetworkPolicyImpl<M, true, K, N> {
    return new GlobalNetworkPolicyImpl<M, true, K, N>(this.withRules('Egress', rules.map(ruleInputToDraft)));
  }
}

/** The NetworkPolicy / StagedNetworkPolicy builder. */
export class NetworkPolicyImpl<K extends NamespacedPolicyKind, N extends boolean>
  extends RulesImpl<NetworkPolicyImpl<K, N>, K, N>
  implements NetworkPolicyBuilder<K, N>
{
  protected make(state: RulesState<K>): NetworkPolicyImpl<K, N> {
    return new NetworkPolicyImpl<K, N>(state);
  }
  name(name: string): NetworkPolicyImpl<K, true> {
    return new NetworkPolicyImpl<K, true>(this.withMeta({ name }));
  }
  namespace(namespace: string): NetworkPolicyImpl<K, N> {
    return this.make(this.withMeta({ namespace }));
  }
  tier(tier: string): NetworkPolicyImpl<K, N> {
    return this.make(this.withSpec({ tier }));
  }
  order(order: number): NetworkPolicyImpl<K, N> {
    return this.make(this.withSpec({ order }));
  }
  selector(selector: SelectorInput): NetworkPolicyImpl<K, N> {
    return this.make(this.withSpec({ selector }));
  }
  serviceAccountSelector(selector: SelectorInput): NetworkPolicyImpl<K, N> {
    return this.make(this.withSpec({ serviceAccountSelector: selector }));
  }
  types(...types: PolicyType[]): NetworkPolicyImpl<K, N> {
    return this.make(this.withSpec({ types: Object.freeze([...types]) }));
  }
  performanceHints(...hints: PolicyPerformanceHint[]): NetworkPolicyImpl<K, N> {
    return this.make(this.withSpec({ performanceHints: Object.freeze([...hints]) }));
  }
  stagedAction(action: StagedAction): NetworkPolicyImpl<K, N> {
    return this.make(this.withSpec({ stagedAction: action }));
  }
  egress(...rules: RuleInput[]): NetworkPolicyImpl<K, N> {
    return this.make(this.withRules('Egress', rules.map(ruleInputToDraft)));
  }
}

/** The Profile builder. */
export class ProfileImpl extends RulesImpl<ProfileImpl, 'Profile', true> implements ProfileBuilder {
  protected make(state: RulesState<'Profile'>): ProfileImpl {
    return new ProfileImpl(state);
  }
  name(name: string): ProfileImpl {
    return this.make(this.withMeta({ name }));
  }
  labelsToApply(labels: StringMap): ProfileImpl {
    return this.make(this.withSpec({ labelsToApply: mergeStringMap(this.state.spec.labelsToApply, labels) }));
  }
  egress(...rules: RuleInput[]): ProfileImpl {
    return this.make(this.withRules('Egress', rules.map(ruleInputToDraft)));
  }
}
