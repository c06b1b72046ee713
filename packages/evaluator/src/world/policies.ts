/**
 * Policy normalisation: every policy kind becomes one {@link PolicyModel} (calico-semantics.md
 * §2.2, §2.3, §2.5, §3.2, §6.8).
 */
import { type Issue, type PolicyType, policyTypesOf, type Rule } from '@calico-dsl/core';
import { convertK8sNetworkPolicy } from './k8s-network-policy.js';
import type { PolicyKind, PolicyModel, RuleModel } from './model.js';
import { compileRules } from './rules.js';
import { MATCH_NONE, type Matcher, prefixSelector, type SelectorCache } from './selector.js';

/** Raw policy fields common to every kind, after K8s conversion. */
export interface RawPolicy {
  readonly kind: PolicyKind;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly tier: string | undefined;
  readonly order: number | undefined;
  readonly selector: string | undefined;
  readonly namespaceSelector: string | undefined;
  readonly serviceAccountSelector: string | undefined;
  readonly types: readonly PolicyType[] | undefined;
  readonly ingress: readonly Rule[];
  readonly egress: readonly Rule[];
  readonly preDNAT: boolean;
  readonly doNotTrack: boolean;
  readonly applyOnForward: boolean;
  readonly path: readonly (string | number)[];
}

/**
 * Calico releases whose equal-order tie-break differs (calico-semantics.md §0, §2.2).
 *
 * @example
 * ```ts
 * // Two policies of equal order on pod api: GlobalNetworkPolicy q and NetworkPolicy b (namespace x).
 * const resources = [
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api', namespace: 'x', labels: { app: 'api' } },
 *     status: { podIP: '10.0.0.2' } },
 *   globalNetworkPolicy('q').order(100).selector("app == 'api'").allow().tcp().ports(80),
 *   networkPolicy('b', 'x').order(100).selector("app == 'api'").allow().tcp().ports(80),
 * ];
 * const order = (calicoVersion: CalicoVersion) =>
 *   World.from(resources, { calicoVersion }).policiesFor({ namespace: 'x', name: 'api' })?.[0]?.policies.map((p) => p.policy.name);
 * order('v3.28'); // ['q', 'b']: Felix keys 'q' < 'x/b'
 * order('v3.32'); // ['b', 'q']: 'b/x/NetworkPolicy' < 'q//GlobalNetworkPolicy'
 * ```
 */
export type CalicoVersion = (typeof CALICO_VERSIONS)[number];

/**
 * The Calico releases whose equal-order tie-break the evaluator knows (`World.from`'s
 * `calicoVersion`), oldest first.
 *
 * @example
 * ```ts
 * CALICO_VERSIONS.includes('v3.32'); // true
 * ```
 */
export const CALICO_VERSIONS = ['v3.28', 'v3.31', 'v3.32'] as const;

/**
 * The name calicoctl (≤ 3.31) lists a policy under: `knp.default.<name>` for a converted
 * Kubernetes NetworkPolicy (§2.3), else its own name.
 *
 * @example
 * ```ts
 * calicoctlPolicyName({ kind: 'KubernetesNetworkPolicy', name: 'api' }); // 'knp.default.api'
 * calicoctlPolicyName({ kind: 'GlobalNetworkPolicy', name: 'deny-nodeports' }); // 'deny-nodeports'
 * ```
 */
export function calicoctlPolicyName(p: { readonly kind: string; readonly name: string }): string {
  const isKnp = p.kind === 'KubernetesNetworkPolicy' || p.kind === 'StagedKubernetesNetworkPolicy';
  return isKnp ? `knp.default.${p.name}` : p.name;
}

/**
 * The string Felix compares to order policies of equal `order` (§2.2): HEAD (≥ 3.32)
 * `name/namespace/kind`; earlier, the Felix key name (`name`, `ns/name`, `ns/knp.default.name`,
 * `staged:` prefixes), with 3.29–3.31 storing default-tier Calico policies as `default.<name>`.
 *
 * @example
 * ```ts
 * tieBreakKey(raw, 'v3.32'); // 'allow/prod/NetworkPolicy'
 * tieBreakKey(raw, 'v3.28'); // 'prod/allow'
 * ```
 */
export function tieBreakKey(
  raw: Pick<RawPolicy, 'kind' | 'name' | 'namespace' | 'tier'>,
  version: CalicoVersion,
): string {
  const ns = raw.namespace === '' ? undefined : raw.namespace;
  if (version === 'v3.32') return `${raw.name}/${ns ?? ''}/${raw.kind}`;
  let name = calicoctlPolicyName(raw);
  const k8s = name !== raw.name; // a converted Kubernetes policy: stored as knp.default.<name>
  const tier = raw.tier && raw.tier !== '' ? raw.tier : 'default';
  if (version === 'v3.31' && !k8s && tier === 'default' && !name.startsWith('default.'))
    name = `default.${name}`;
  if (STAGED.has(raw.kind)) name = `staged:${name}`;
  return ns === undefined ? name : `${ns}/${name}`;
}

/** §6.8: the selector Felix evaluates to decide which endpoints a policy applies to. */
export function policySelector(raw: RawPolicy): string {
  let selector = raw.selector ?? '';
  const namespaced = raw.namespace !== undefined && raw.namespace !== '';
  if (namespaced) {
    const nsTerm = `projectcalico.org/namespace == '${raw.namespace}'`;
    selector = selector === '' ? nsTerm : `(${selector}) && ${nsTerm}`;
    return appendPrefixed(selector, raw.serviceAccountSelector, 'pcsa.');
  }
  if (raw.namespaceSelector) {
    selector = appendPrefixed(selector, raw.namespaceSelector, 'pcns.');
    selector = selector.replaceAll('all()', 'has(projectcalico.org/namespace)');
  }
  if (raw.serviceAccountSelector) {
    selector = appendPrefixed(selector, raw.serviceAccountSelector, 'pcsa.');
    selector = selector.replaceAll('all()', 'has(projectcalico.org/serviceaccount)');
  }
  return selector;
}

// Upstream `prefixAndAppendSelector`: note the appended part is not parenthesised.
function appendPrefixed(current: string, added: string | undefined, prefix: string): string {
  if (!added) return current;
  const prefixed = prefixSelector(added, prefix);
  if (prefixed === '') return current;
  return current === '' ? prefixed : `(${current}) && ${prefixed}`;
}

const STAGED: ReadonlySet<PolicyKind> = new Set([
  'StagedGlobalNetworkPolicy',
  'StagedNetworkPolicy',
  'StagedKubernetesNetworkPolicy',
]);

// The six boolean fields of a policy, packed into one small integer: 40 bytes less per policy
// object (worlds hold thousands of policies; the getters read the same as plain fields).
const INGRESS_TYPE = 1;
const EGRESS_TYPE = 2;
const PRE_DNAT = 4;
const DO_NOT_TRACK = 8;
const APPLY_ON_FORWARD = 16;
const STAGED_KIND = 32;
// The tie-break key is rebuilt on read from the fields and the Calico version (bits 6–7), not
// kept: a string per policy costs ~17 bytes per rule; sorting builds each key once itself.
const VERSION_SHIFT = 6;

type PolicyFields = Omit<
  PolicyModel,
  'ingressType' | 'egressType' | 'preDNAT' | 'doNotTrack' | 'applyOnForward' | 'staged' | 'sortKey'
>;

/** A {@link PolicyModel} with its booleans and Calico version packed in `#flags`. */
class NormalisedPolicy implements PolicyModel {
  readonly kind: PolicyKind;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly tier: string;
  readonly order: number;
  readonly selectorText: string;
  readonly selector: Matcher;
  readonly ingress: readonly RuleModel[];
  readonly egress: readonly RuleModel[];
  readonly #flags: number;

  constructor(fields: PolicyFields, flags: number) {
    this.kind = fields.kind;
    this.namespace = fields.namespace;
    this.name = fields.name;
    this.tier = fields.tier;
    this.order = fields.order;
    this.selectorText = fields.selectorText;
    this.selector = fields.selector;
    this.ingress = fields.ingress;
    this.egress = fields.egress;
    this.#flags = flags;
  }

  get ingressType(): boolean {
    return (this.#flags & INGRESS_TYPE) !== 0;
  }
  get egressType(): boolean {
    return (this.#flags & EGRESS_TYPE) !== 0;
  }
  get preDNAT(): boolean {
    return (this.#flags & PRE_DNAT) !== 0;
  }
  get doNotTrack(): boolean {
    return (this.#flags & DO_NOT_TRACK) !== 0;
  }
  get applyOnForward(): boolean {
    return (this.#flags & APPLY_ON_FORWARD) !== 0;
  }
  get staged(): boolean {
    return (this.#flags & STAGED_KIND) !== 0;
  }
  get sortKey(): string {
    return tieBreakKey(this, CALICO_VERSIONS[this.#flags >> VERSION_SHIFT] ?? 'v3.32');
  }

  /** Every field, the packed ones too (what compares two policies as data, e.g. the analysis diff). */
  toJSON(): object {
    // The plain fields as they are, and the packed ones read out.
    return {
      ...this,
      ingressType: this.ingressType,
      egressType: this.egressType,
      preDNAT: this.preDNAT,
      doNotTrack: this.doNotTrack,
      applyOnForward: this.applyOnForward,
      staged: this.staged,
      sortKey: this.sortKey,
    };
  }
}

/**
 * Builds the normalised policy.
 *
 * @example
 * ```ts
 * const p = normalisePolicy(raw, selectors);
 * p.tier; // 'default' when spec.tier is empty (§2.1)
 * ```
 */
export function normalisePolicy(
  raw: RawPolicy,
  sc: SelectorCache,
  version: CalicoVersion = 'v3.32',
): PolicyModel {
  const types = policyTypesOf(raw); // §3.2
  // A namespace or service account selector that does not parse: Calico's validator refuses the
  // policy, and the update processor would drop the term (`prefixAndAppendSelector`), widening
  // it. Like a selector that does not parse, the policy then applies to no endpoint.
  const invalid = sc.firstInvalid([
    [raw.namespaceSelector, [...raw.path, 'spec', 'namespaceSelector']],
    [raw.serviceAccountSelector, [...raw.path, 'spec', 'serviceAccountSelector']],
  ]);
  const selectorText = invalid ?? policySelector(raw);
  const ns = raw.namespace === '' ? undefined : raw.namespace;
  const flags =
    (types.includes('Ingress') ? INGRESS_TYPE : 0) |
    (types.includes('Egress') ? EGRESS_TYPE : 0) |
    (raw.preDNAT ? PRE_DNAT : 0) |
    (raw.doNotTrack ? DO_NOT_TRACK : 0) |
    (raw.applyOnForward ? APPLY_ON_FORWARD : 0) |
    (STAGED.has(raw.kind) ? STAGED_KIND : 0) |
    (CALICO_VERSIONS.indexOf(version) << VERSION_SHIFT);
  return new NormalisedPolicy(
    {
      kind: raw.kind,
      namespace: ns,
      name: raw.name,
      tier: raw.tier && raw.tier !== '' ? raw.tier : 'default',
      order: raw.order ?? Number.POSITIVE_INFINITY,
      selectorText: selectorText === '' ? 'all()' : selectorText,
      selector:
        invalid !== undefined ? MATCH_NONE : sc.compile(selectorText, [...raw.path, 'spec', 'selector']),
      ingress: compileRules(raw.ingress, ns, sc, [...raw.path, 'spec', 'ingress']),
      egress: compileRules(raw.egress, ns, sc, [...raw.path, 'spec', 'egress']),
    },
    flags,
  );
}

/** Spec shape shared by Calico policy kinds (read loosely: the world does not re-validate). */
interface CalicoPolicySpecLike {
  readonly tier?: string;
  readonly order?: number;
  readonly selector?: string;
  readonly namespaceSelector?: string;
  readonly serviceAccountSelector?: string;
  readonly types?: readonly PolicyType[];
  readonly ingress?: readonly Rule[];
  readonly egress?: readonly Rule[];
  readonly preDNAT?: boolean;
  readonly doNotTrack?: boolean;
  readonly applyOnForward?: boolean;
  readonly stagedAction?: string;
}

/** Raw fields of a Calico (G)NP or staged (G)NP. */
export function rawCalicoPolicy(
  kind: PolicyKind,
  meta: { readonly name: string; readonly namespace?: string | undefined },
  spec: CalicoPolicySpecLike,
  path: readonly (string | number)[],
): RawPolicy {
  const global = kind === 'GlobalNetworkPolicy' || kind === 'StagedGlobalNetworkPolicy';
  return {
    kind,
    name: meta.name,
    namespace: global ? undefined : (meta.namespace ?? 'default'),
    tier: spec.tier,
    order: spec.order,
    selector: spec.selector,
    namespaceSelector: global ? spec.namespaceSelector : undefined,
    serviceAccountSelector: spec.serviceAccountSelector,
    types: spec.types,
    ingress: spec.ingress ?? [],
    egress: spec.egress ?? [],
    preDNAT: global && spec.preDNAT === true,
    doNotTrack: global && spec.doNotTrack === true,
    applyOnForward: global && spec.applyOnForward === true,
    path,
  };
}

/**
 * Raw fields of a (staged) Kubernetes NetworkPolicy after §2.3 conversion; an ipBlock CIDR
 * Calico's converter cannot parse is reported in `issues` (it changes what the rule matches).
 */
export function rawK8sPolicy(
  kind: 'KubernetesNetworkPolicy' | 'StagedKubernetesNetworkPolicy',
  meta: { readonly name: string; readonly namespace?: string | undefined },
  spec: Parameters<typeof convertK8sNetworkPolicy>[0],
  path: readonly (string | number)[],
  issues: Issue[],
): RawPolicy {
  const c = convertK8sNetworkPolicy(spec, kind === 'KubernetesNetworkPolicy' ? 'apiserver' : 'as written');
  for (const cidr of c.unparsedCidrs)
    issues.push({
      code: 'unconvertible_rule',
      path: [...path, 'spec'],
      message: `${kind} "${meta.namespace ?? 'default'}/${meta.name}": Calico cannot parse the ipBlock CIDR "${cidr}" (Go's net.ParseCIDR refuses it; the kube-apiserver took it). Its converter stops there: without the cidr the peer matches every source or destination, and from a failed except on the later excepts are dropped (conversion.go k8sPeerToCalicoFields). Write it as Go reads it, e.g. without leading zeros.`,
    });
  return {
    kind,
    name: meta.name,
    namespace: meta.namespace ?? 'default',
    tier: 'default',
    order: 1000,
    selector: c.selector,
    namespaceSelector: undefined,
    serviceAccountSelector: undefined,
    types: c.types,
    ingress: c.ingress,
    egress: c.egress,
    preDNAT: false,
    doNotTrack: false,
    applyOnForward: false,
    path,
  };
}
