/**
 * `clusterNetworkPolicy(name)`: the ClusterNetworkPolicy (v1alpha2) builder. Immutable: every call
 * returns a new frozen instance holding deep copies of its arguments, so a shared base can be
 * branched safely. `toResource()` runs `validate` (the CRD's schema and CEL rules).
 */
import type {
  ClusterNetworkPolicy,
  ClusterNetworkPolicyAction,
  ClusterNetworkPolicyEgressPeer,
  ClusterNetworkPolicyEgressRule,
  ClusterNetworkPolicyIngressPeer,
  ClusterNetworkPolicyIngressRule,
  ClusterNetworkPolicyPort,
  ClusterNetworkPolicyProtocol,
  ClusterNetworkPolicySubject,
  ClusterNetworkPolicyTier,
  NamespacedPod,
} from '../resources/cluster-network-policy.js';
import { NETWORK_POLICY_API_V1ALPHA2 } from '../resources/cluster-network-policy.js';
import type { ObjectMeta } from '../resources/metadata.js';
import type { LabelSelector, LabelSelectorRequirement } from '../resources/policy.js';
import { fail, ok, type Result, unwrap } from '../result.js';
import { validated } from './build-checks.js';
import type {
  ClusterNetworkPolicyBuilder,
  ClusterNetworkPolicyStart,
  ClusterNetworkPolicySubjectStep,
  CnpEgressRule,
  CnpEgressStart,
  CnpIngressRule,
  CnpIngressStart,
  CnpPortInput,
} from './cluster-network-policy-types.js';
import { copyStringMap, mergeStringMap, type StringMap } from './inputs.js';
import { deepFreeze } from './ir.js';

/** A frozen deep copy of a label selector (only the fields the API has). */
function copySelector(sel: LabelSelector): LabelSelector {
  const out: {
    matchLabels?: Readonly<Record<string, string>>;
    matchExpressions?: LabelSelectorRequirement[];
  } = {};
  if (sel.matchLabels !== undefined) out.matchLabels = copyStringMap(sel.matchLabels);
  if (sel.matchExpressions !== undefined) {
    out.matchExpressions = sel.matchExpressions.map((e) =>
      e.values === undefined
        ? { key: e.key, operator: e.operator }
        : { key: e.key, operator: e.operator, values: [...e.values] },
    );
  }
  return deepFreeze(out);
}

function copyPods(namespaceSelector: LabelSelector, podSelector: LabelSelector): NamespacedPod {
  return { namespaceSelector: copySelector(namespaceSelector), podSelector: copySelector(podSelector) };
}

function copyPeer<P extends ClusterNetworkPolicyEgressPeer>(peer: P): ClusterNetworkPolicyEgressPeer {
  const out: {
    namespaces?: LabelSelector;
    pods?: NamespacedPod;
    nodes?: LabelSelector;
    networks?: readonly string[];
    domainNames?: readonly string[];
  } = {};
  if (peer.namespaces !== undefined) out.namespaces = copySelector(peer.namespaces);
  if (peer.pods !== undefined) out.pods = copyPods(peer.pods.namespaceSelector ?? {}, peer.pods.podSelector);
  if (peer.nodes !== undefined) out.nodes = copySelector(peer.nodes);
  if (peer.networks !== undefined) out.networks = [...peer.networks];
  if (peer.domainNames !== undefined) out.domainNames = [...peer.domainNames];
  return deepFreeze(out);
}

function destinationPort(p: CnpPortInput): ClusterNetworkPolicyPort {
  return typeof p === 'number' ? { number: p } : { range: { start: p.start, end: p.end } };
}

interface RuleState {
  readonly name: string | undefined;
  readonly action: ClusterNetworkPolicyAction | undefined;
  readonly peers: readonly ClusterNetworkPolicyEgressPeer[];
  readonly protocols: readonly ClusterNetworkPolicyProtocol[];
}

/**
 * One rule being written. The ingress and egress rule interfaces each expose only their own
 * peer methods; this class has both, and `validate` rejects an ingress `networks` peer anyway.
 */
class CnpRuleImpl implements CnpIngressStart, CnpIngressRule, CnpEgressStart, CnpEgressRule {
  readonly #state: RuleState;

  constructor(state: RuleState) {
    this.#state = deepFreeze(state);
    Object.freeze(this);
  }

  static start(): CnpRuleImpl {
    return new CnpRuleImpl({ name: undefined, action: undefined, peers: [], protocols: [] });
  }

  #with(patch: Partial<RuleState>): CnpRuleImpl {
    return new CnpRuleImpl({ ...this.#state, ...patch });
  }
  #peer(peer: ClusterNetworkPolicyEgressPeer): CnpRuleImpl {
    return this.#with({ peers: [...this.#state.peers, copyPeer(peer)] });
  }
  #protocol(key: 'tcp' | 'udp' | 'sctp', ports: readonly CnpPortInput[]): CnpRuleImpl {
    // The CRD needs a destinationPort (`minProperties: 1`): "every port" is the range 1-65535.
    const list: readonly CnpPortInput[] = ports.length === 0 ? [{ start: 1, end: 65535 }] : ports;
    const entries = list.map(
      (p): ClusterNetworkPolicyProtocol => ({ [key]: { destinationPort: destinationPort(p) } }),
    );
    return this.#with({ protocols: [...this.#state.protocols, ...entries] });
  }

  named(name: string): CnpRuleImpl {
    return this.#with({ name });
  }
  accept(): CnpRuleImpl {
    return this.#with({ action: 'Accept' });
  }
  deny(): CnpRuleImpl {
    return this.#with({ action: 'Deny' });
  }
  pass(): CnpRuleImpl {
    return this.#with({ action: 'Pass' });
  }
  fromNamespaces(selector: LabelSelector = {}): CnpRuleImpl {
    return this.#peer({ namespaces: selector });
  }
  fromPods(namespaceSelector: LabelSelector, podSelector: LabelSelector): CnpRuleImpl {
    return this.#peer({ pods: { namespaceSelector, podSelector } });
  }
  from(...peers: ClusterNetworkPolicyIngressPeer[]): CnpRuleImpl {
    return peers.reduce<CnpRuleImpl>((r, p) => r.#peer(p), this);
  }
  toNamespaces(selector: LabelSelector = {}): CnpRuleImpl {
    return this.#peer({ namespaces: selector });
  }
  toPods(namespaceSelector: LabelSelector, podSelector: LabelSelector): CnpRuleImpl {
    return this.#peer({ pods: { namespaceSelector, podSelector } });
  }
  toNetworks(...cidrs: string[]): CnpRuleImpl {
    return this.#peer({ networks: cidrs });
  }
  to(...peers: ClusterNetworkPolicyEgressPeer[]): CnpRuleImpl {
    return peers.reduce<CnpRuleImpl>((r, p) => r.#peer(p), this);
  }
  tcp(...ports: CnpPortInput[]): CnpRuleImpl {
    return this.#protocol('tcp', ports);
  }
  udp(...ports: CnpPortInput[]): CnpRuleImpl {
    return this.#protocol('udp', ports);
  }
  sctp(...ports: CnpPortInput[]): CnpRuleImpl {
    return this.#protocol('sctp', ports);
  }
  namedPort(...names: string[]): CnpRuleImpl {
    return this.#with({
      protocols: [
        ...this.#state.protocols,
        ...names.map((destinationNamedPort) => ({ destinationNamedPort })),
      ],
    });
  }

  /** The rule in API form; the peers go under `from` (ingress) or `to` (egress). */
  toRule(direction: 'ingress'): ClusterNetworkPolicyIngressRule;
  toRule(direction: 'egress'): ClusterNetworkPolicyEgressRule;
  toRule(direction: 'ingress' | 'egress'): ClusterNetworkPolicyIngressRule | ClusterNetworkPolicyEgressRule {
    const s = this.#state;
    // An action is always set: the rule interfaces only reach peers through accept/deny/pass.
    const action = s.action ?? 'Deny';
    const named = s.name === undefined ? {} : { name: s.name };
    const protocols = s.protocols.length === 0 ? {} : { protocols: s.protocols };
    return direction === 'ingress'
      ? { ...named, action, from: s.peers, ...protocols }
      : { ...named, action, to: s.peers, ...protocols };
  }
}

/** A ClusterNetworkPolicy of tier `T` (what a builder of that tier yields). */
type ClusterNetworkPolicyOfTier<T extends ClusterNetworkPolicyTier> = ClusterNetworkPolicy & {
  readonly spec: { readonly tier: T };
};

function hasTier<T extends ClusterNetworkPolicyTier>(
  policy: ClusterNetworkPolicy,
  tier: T,
): policy is ClusterNetworkPolicyOfTier<T> {
  return policy.spec.tier === tier;
}

interface PolicyState<T extends ClusterNetworkPolicyTier> {
  readonly name: string;
  readonly tier: T;
  readonly priority: number;
  readonly subject: ClusterNetworkPolicySubject;
  readonly ingress: readonly ClusterNetworkPolicyIngressRule[];
  readonly egress: readonly ClusterNetworkPolicyEgressRule[];
  readonly labels: Readonly<Record<string, string>> | undefined;
  readonly annotations: Readonly<Record<string, string>> | undefined;
}

/** A policy from its tier on (subject chosen or not yet). */
class ClusterNetworkPolicyImpl<T extends ClusterNetworkPolicyTier>
  implements ClusterNetworkPolicySubjectStep<T>, ClusterNetworkPolicyBuilder<T>
{
  readonly #state: PolicyState<T>;

  constructor(state: PolicyState<T>) {
    this.#state = deepFreeze(state);
    Object.freeze(this);
  }

  #with(patch: Partial<PolicyState<T>>): ClusterNetworkPolicyImpl<T> {
    return new ClusterNetworkPolicyImpl<T>({ ...this.#state, ...patch });
  }

  namespaces(selector: LabelSelector = {}): ClusterNetworkPolicyImpl<T> {
    return this.#with({ subject: { namespaces: copySelector(selector) } });
  }
  pods(namespaceSelector: LabelSelector, podSelector: LabelSelector): ClusterNetworkPolicyImpl<T> {
    return this.#with({ subject: { pods: copyPods(namespaceSelector, podSelector) } });
  }
  ingress(rule: (start: CnpIngressStart) => CnpIngressRule): ClusterNetworkPolicyImpl<T> {
    const made = rule(CnpRuleImpl.start());
    if (!(made instanceof CnpRuleImpl))
      throw new TypeError('ingress(): return the rule the callback was given');
    return this.#with({ ingress: [...this.#state.ingress, made.toRule('ingress')] });
  }
  egress(rule: (start: CnpEgressStart) => CnpEgressRule): ClusterNetworkPolicyImpl<T> {
    const made = rule(CnpRuleImpl.start());
    if (!(made instanceof CnpRuleImpl))
      throw new TypeError('egress(): return the rule the callback was given');
    return this.#with({ egress: [...this.#state.egress, made.toRule('egress')] });
  }
  labels(labels: StringMap): ClusterNetworkPolicyImpl<T> {
    return this.#with({ labels: mergeStringMap(this.#state.labels, labels) });
  }
  annotations(annotations: StringMap): ClusterNetworkPolicyImpl<T> {
    return this.#with({ annotations: mergeStringMap(this.#state.annotations, annotations) });
  }

  build(): Result<ClusterNetworkPolicyOfTier<T>> {
    const s = this.#state;
    const metadata: ObjectMeta = {
      name: s.name,
      ...(s.labels !== undefined ? { labels: { ...s.labels } } : {}),
      ...(s.annotations !== undefined ? { annotations: { ...s.annotations } } : {}),
    };
    const resource: ClusterNetworkPolicyOfTier<T> = {
      apiVersion: NETWORK_POLICY_API_V1ALPHA2,
      kind: 'ClusterNetworkPolicy',
      metadata,
      spec: {
        tier: s.tier,
        priority: s.priority,
        subject: s.subject,
        ...(s.ingress.length > 0 ? { ingress: s.ingress } : {}),
        ...(s.egress.length > 0 ? { egress: s.egress } : {}),
      },
    };
    const result = validated(resource, 'ClusterNetworkPolicy');
    if (!result.ok) return result;
    if (hasTier(result.value, s.tier)) return ok(result.value);
    return fail({
      code: 'internal_error',
      path: ['spec', 'tier'],
      message: `a ${s.tier} ClusterNetworkPolicy builder produced tier ${result.value.spec.tier}`,
    });
  }
  toResource(): ClusterNetworkPolicyOfTier<T> {
    return unwrap(this.build());
  }
}

/** The first step: only the tier (with the priority) can be chosen. */
class ClusterNetworkPolicyStartImpl implements ClusterNetworkPolicyStart {
  readonly #name: string;

  constructor(name: string) {
    this.#name = name;
    Object.freeze(this);
  }

  #tier<T extends ClusterNetworkPolicyTier>(tier: T, priority: number): ClusterNetworkPolicyImpl<T> {
    return new ClusterNetworkPolicyImpl<T>({
      name: this.#name,
      tier,
      priority,
      subject: {},
      ingress: [],
      egress: [],
      labels: undefined,
      annotations: undefined,
    });
  }
  admin(priority: number): ClusterNetworkPolicyImpl<'Admin'> {
    return this.#tier('Admin', priority);
  }
  baseline(priority: number): ClusterNetworkPolicyImpl<'Baseline'> {
    return this.#tier('Baseline', priority);
  }
}

/**
 * Starts a Kubernetes ClusterNetworkPolicy (`policy.networking.k8s.io/v1alpha2`): tier and
 * priority first, then exactly one subject, then rules.
 *
 * @example
 * ```ts
 * clusterNetworkPolicy('no-metadata-service').admin(10).namespaces()
 *   .egress((r) => r.named('deny-imds').deny().toNetworks('169.254.169.254/32'))
 *   .toResource();
 * // apiVersion: policy.networking.k8s.io/v1alpha2
 * // kind: ClusterNetworkPolicy
 * // metadata:
 * //   name: no-metadata-service
 * // spec:
 * //   tier: Admin
 * //   priority: 10
 * //   subject:
 * //     namespaces: {}
 * //   egress:
 * //   - name: deny-imds
 * //     action: Deny
 * //     to:
 * //     - networks:
 * //       - 169.254.169.254/32
 * ```
 */
export function clusterNetworkPolicy(name: string): ClusterNetworkPolicyStart {
  return new ClusterNetworkPolicyStartImpl(name);
}
