/**
 * networking.k8s.io/v1 NetworkPolicy → Calico policy fields, as upstream `conversion.go` does
 * (calico-semantics.md §2.3).
 */
import {
  type EntityRule,
  type K8sNetworkPolicyPeer,
  type K8sNetworkPolicyPort,
  type K8sNetworkPolicySpec,
  type LabelSelector,
  type PolicyType,
  parseCidr,
  type Rule,
} from '@calico-dsl/core';

const ORCHESTRATOR = "projectcalico.org/orchestrator == 'k8s'";

/** A CIDR Go's `net.ParseCIDR` reads (core's `parseCidr`): the kube-apiserver takes more, e.g. leading zeros. */
const goParsesCidr = (text: string): boolean => parseCidr(text).ok;

/** A Kubernetes label selector as a Calico selector (keys sorted; §2.3). */
export function k8sLabelSelector(sel: LabelSelector | undefined): string {
  if (!sel) return '';
  const terms: string[] = [];
  const ml = sel.matchLabels ?? {};
  for (const k of Object.keys(ml).sort()) terms.push(`${k} == '${ml[k]}'`);
  for (const e of sel.matchExpressions ?? []) {
    const values = (e.values ?? []).map((v) => `'${v}'`).join(', ');
    switch (e.operator) {
      case 'In':
        terms.push(`${e.key} in { ${values} }`);
        break;
      case 'NotIn':
        terms.push(`${e.key} not in { ${values} }`);
        break;
      case 'Exists':
        terms.push(`has(${e.key})`);
        break;
      case 'DoesNotExist':
        terms.push(`! has(${e.key})`);
        break;
    }
  }
  return terms.join(' && ');
}

/**
 * `k8sSelectorToCalico(s, SelectorPod)`: the orchestrator term (keeps host endpoints out), then
 * the label terms.
 *
 * @example
 * ```ts
 * podSelector({ matchLabels: { app: 'web' } }); // "projectcalico.org/orchestrator == 'k8s' && app == 'web'"
 * ```
 */
export function podSelector(sel: LabelSelector | undefined): string {
  const s = k8sLabelSelector(sel);
  return s === '' ? ORCHESTRATOR : `${ORCHESTRATOR} && ${s}`;
}

/**
 * `k8sSelectorToCalico(s, SelectorNamespace)`: no selector is `''`, an empty one `all()` (every
 * namespace).
 *
 * @example
 * ```ts
 * namespaceSelector({}); // 'all()'
 * ```
 */
export function namespaceSelector(sel: LabelSelector | undefined): string {
  if (sel === undefined) return '';
  const s = k8sLabelSelector(sel);
  return s === '' ? 'all()' : s;
}

function peerEntity(peer: K8sNetworkPolicyPeer, unparsed: string[]): EntityRule {
  if (peer.ipBlock) {
    // `k8sPeerToCalicoFields`: a CIDR Go cannot parse ends the peer's conversion there. Without
    // its cidr the peer has no criteria at all (it matches every peer); at an `except` entry the
    // ones after it are dropped.
    const cidr = peer.ipBlock.cidr;
    if (!goParsesCidr(cidr)) {
      unparsed.push(cidr);
      return {};
    }
    const except: string[] = [];
    for (const e of peer.ipBlock.except ?? []) {
      if (!goParsesCidr(e)) {
        unparsed.push(e);
        break;
      }
      except.push(e);
    }
    return except.length > 0 ? { nets: [cidr], notNets: except } : { nets: [cidr] };
  }
  const out: { selector: string; namespaceSelector?: string } = { selector: podSelector(peer.podSelector) };
  if (peer.namespaceSelector) out.namespaceSelector = namespaceSelector(peer.namespaceSelector);
  return out;
}

/**
 * Ports grouped by protocol (default TCP), protocols sorted by name, as Calico's converter does
 * (`conversion.go` `k8sRuleToCalico`: one rule per protocol, `sort.Strings`); an entry without a
 * port makes its protocol's list "all ports" (`[]`), whatever other entries name.
 */
function portsByProtocol(
  ports: readonly K8sNetworkPolicyPort[] | undefined,
): [string | undefined, (string | number)[]][] {
  if (!ports || ports.length === 0) return [[undefined, []]];
  const groups = new Map<string, (string | number)[] | 'all'>();
  for (const p of ports) {
    const proto = p.protocol ?? 'TCP';
    const list = groups.get(proto) ?? [];
    if (list === 'all') continue;
    if (p.port === undefined) groups.set(proto, 'all');
    else groups.set(proto, [...list, p.endPort !== undefined ? `${p.port}:${p.endPort}` : p.port]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([proto, list]) => [proto, list === 'all' ? [] : list]);
}

function convertRules(
  items: readonly { ports?: readonly K8sNetworkPolicyPort[]; peers?: readonly K8sNetworkPolicyPeer[] }[],
  peerSide: 'source' | 'destination',
  unparsed: string[],
): Rule[] {
  const rules: Rule[] = [];
  for (const item of items) {
    for (const [protocol, ports] of portsByProtocol(item.ports)) {
      const peers =
        item.peers && item.peers.length > 0 ? item.peers.map((p) => peerEntity(p, unparsed)) : [undefined];
      for (const peer of peers) {
        const destination: EntityRule = {
          ...(peerSide === 'destination' && peer ? peer : {}),
          ...(ports.length > 0 ? { ports } : {}),
        };
        const rule: Rule = {
          action: 'Allow',
          ...(protocol !== undefined ? { protocol: protocol as 'TCP' | 'UDP' | 'SCTP' } : {}),
          ...(peerSide === 'source' && peer ? { source: peer } : {}),
          destination,
        };
        rules.push(rule);
      }
    }
  }
  return rules;
}

/** The Calico policy fields of a converted Kubernetes NetworkPolicy (order 1000, tier default). */
export interface ConvertedK8sPolicy {
  readonly selector: string;
  readonly types: readonly PolicyType[];
  readonly ingress: readonly Rule[];
  readonly egress: readonly Rule[];
  /** ipBlock CIDRs Calico's converter could not parse (see `peerEntity`), once per rule they reach. */
  readonly unparsedCidrs: readonly string[];
}

/**
 * The kube-apiserver's defaulting of an empty `policyTypes` (`SetDefaults_NetworkPolicySpec`):
 * Ingress, plus Egress when `spec.egress` is non-empty. A manifest with egress rules and no
 * `policyTypes` therefore isolates egress on a real cluster (§2.3).
 *
 * @example
 * ```ts
 * defaultPolicyTypes({ podSelector: {}, egress: [{}] }); // ['Ingress', 'Egress']
 * ```
 */
export function defaultPolicyTypes(spec: K8sNetworkPolicySpec): readonly PolicyType[] {
  return spec.egress !== undefined && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/**
 * Converts a Kubernetes NetworkPolicy spec the way Calico does (§2.3), its `policyTypes` as the
 * kube-apiserver stores them (defaulted) or, for a StagedKubernetesNetworkPolicy, as written.
 *
 * @example
 * ```ts
 * convertK8sNetworkPolicy({ podSelector: {} }).selector; // "projectcalico.org/orchestrator == 'k8s'"
 * ```
 */
export function convertK8sNetworkPolicy(
  spec: K8sNetworkPolicySpec,
  stored: 'apiserver' | 'as written' = 'apiserver',
): ConvertedK8sPolicy {
  // The kube-apiserver defaults a NetworkPolicy's `policyTypes`; nothing defaults a staged one,
  // which Calico's converter then reads as Ingress only (`conversion.go`: "no types … apply to
  // only ingress traffic").
  const types: readonly PolicyType[] =
    spec.policyTypes && spec.policyTypes.length > 0
      ? spec.policyTypes
      : stored === 'apiserver'
        ? defaultPolicyTypes(spec)
        : ['Ingress'];
  const unparsedCidrs: string[] = [];
  return {
    selector: podSelector(spec.podSelector),
    types,
    ingress: convertRules(
      (spec.ingress ?? []).map((r) => ({
        ...(r.ports ? { ports: r.ports } : {}),
        ...(r.from ? { peers: r.from } : {}),
      })),
      'source',
      unparsedCidrs,
    ),
    egress: convertRules(
      (spec.egress ?? []).map((r) => ({
        ...(r.ports ? { ports: r.ports } : {}),
        ...(r.to ? { peers: r.to } : {}),
      })),
      'destination',
      unparsedCidrs,
    ),
    unparsedCidrs: [...new Set(unparsedCidrs)],
  };
}
