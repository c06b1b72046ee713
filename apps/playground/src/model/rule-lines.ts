/**
 * Where each policy and each of its rules sits in the editor's YAML text, so the deciding rule
 * can be highlighted. Read from the YAML node positions (yaml's CST ranges and a LineCounter),
 * never by searching the text.
 */
import { resourceNodes } from '@calico-dsl/yaml';
import { isMap, isSeq, type LineCounter, type Node, type YAMLMap } from 'yaml';

/**
 * 1-based, inclusive line range in the manifests text.
 *
 * @example
 * ```ts
 * const r: LineRange = { from: 12, to: 17 };
 * ```
 */
export interface LineRange {
  readonly from: number;
  readonly to: number;
}

/**
 * A policy (or any resource) in the text: its lines and its rules' lines per direction.
 *
 * @example
 * ```ts
 * locateResources(text).find((r) => r.name === 'whitelist')?.rules.ingress[0]; // { from: 14, to: 22 }
 * ```
 */
export interface LocatedResource {
  readonly kind: string;
  /** A Kubernetes API object (`networking.k8s.io`), not Calico's kind of the same name. */
  readonly kubernetes: boolean;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly lines: LineRange;
  readonly rules: { readonly ingress: readonly LineRange[]; readonly egress: readonly LineRange[] };
}

/**
 * What to find: a policy as the evaluator's trace names it, and optionally one rule.
 *
 * @example
 * ```ts
 * const q: RuleQuery = { kind: 'GlobalNetworkPolicy', name: 'whitelist', direction: 'ingress', ruleIndex: 0 };
 * ```
 */
export interface RuleQuery {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string | undefined;
  readonly direction?: 'ingress' | 'egress' | undefined;
  readonly ruleIndex?: number | undefined;
}

const stringAt = (map: YAMLMap, key: string): string | undefined => {
  const v: unknown = map.get(key);
  return typeof v === 'string' ? v : undefined;
};

function rangeOf(node: Node, lines: LineCounter): LineRange | undefined {
  const range = node.range;
  if (!range) return undefined;
  // range[1] is the end of the value; a trailing newline belongs to the previous line.
  const end = Math.max(range[0], range[1] - 1);
  return { from: lines.linePos(range[0]).line, to: lines.linePos(end).line };
}

/**
 * How many Calico rules Calico's converter makes of one Kubernetes NetworkPolicy rule
 * (`conversion.go` `k8sRuleToCalico`): one per protocol of its ports (one without ports) and peer
 * (one without peers), so the trace's rule index can be mapped back to the rule of the text.
 */
function convertedCount(item: YAMLMap, direction: 'ingress' | 'egress'): number {
  const ports = item.get('ports', true);
  const protocols = new Set(
    isSeq(ports) ? ports.items.map((p) => (isMap(p) ? String(p.get('protocol') ?? 'TCP') : 'TCP')) : [],
  );
  const peers = item.get(direction === 'ingress' ? 'from' : 'to', true);
  const peerCount = isSeq(peers) ? peers.items.length : 0;
  return Math.max(1, protocols.size) * Math.max(1, peerCount);
}

function rulesOf(
  spec: unknown,
  direction: 'ingress' | 'egress',
  lines: LineCounter,
  kubernetesRules: boolean,
): LineRange[] {
  if (!isMap(spec)) return [];
  const seq = spec.get(direction, true);
  if (!isSeq(seq)) return [];
  return seq.items.flatMap((item) => {
    const r = isMap(item) ? rangeOf(item, lines) : undefined;
    if (!r || !isMap(item)) return [];
    return kubernetesRules ? Array.from({ length: convertedCount(item, direction) }, () => r) : [r];
  });
}

function locateMap(map: YAMLMap, lines: LineCounter, out: LocatedResource[]): void {
  const kind = stringAt(map, 'kind');
  const metadata = map.get('metadata', true);
  const range = rangeOf(map, lines);
  if (kind === undefined || !isMap(metadata) || range === undefined) return;
  const spec = map.get('spec', true);
  const apiVersion = stringAt(map, 'apiVersion') ?? '';
  // Kubernetes NetworkPolicy rules (also in Calico's staged variant) convert into several each.
  const kubernetesRules =
    (kind === 'NetworkPolicy' && apiVersion.startsWith('networking.k8s.io')) ||
    kind === 'StagedKubernetesNetworkPolicy';
  out.push({
    kind,
    kubernetes: apiVersion.includes('networking.k8s.io'),
    name: stringAt(metadata, 'name') ?? '',
    namespace: stringAt(metadata, 'namespace'),
    lines: range,
    rules: {
      ingress: rulesOf(spec, 'ingress', lines, kubernetesRules),
      egress: rulesOf(spec, 'egress', lines, kubernetesRules),
    },
  });
}

/**
 * Every resource of a (possibly broken) multi-document YAML text with its line ranges, found
 * as `fromYaml` finds them (`resourceNodes`). Documents that cannot be read are skipped: the
 * editor's diagnostics report them.
 *
 * @example
 * ```ts
 * locateResources('kind: GlobalNetworkPolicy\nmetadata: {name: a}\nspec:\n  ingress:\n  - action: Allow\n')[0]?.rules.ingress;
 * // [{ from: 5, to: 5 }]
 * ```
 */
export function locateResources(text: string): LocatedResource[] {
  const { lines, nodes } = resourceNodes(text);
  const out: LocatedResource[] = [];
  for (const node of nodes) locateMap(node, lines, out);
  return out;
}

// How the trace names the kinds Calico converts from Kubernetes' (§2.3): the kind in the text,
// whether it is a Kubernetes object, and whether its rule indexes map to the text's rules
// (NetworkPolicy rules are located as converted, `convertedCount`; a ClusterNetworkPolicy's
// conversion is not followed here, so its whole policy is highlighted).
const CONVERTED: Readonly<
  Record<string, { readonly kind: string; readonly kubernetes: boolean; readonly ruleLines: boolean }>
> = {
  KubernetesNetworkPolicy: { kind: 'NetworkPolicy', kubernetes: true, ruleLines: true },
  StagedKubernetesNetworkPolicy: {
    kind: 'StagedKubernetesNetworkPolicy',
    kubernetes: false,
    ruleLines: true,
  },
  KubernetesClusterNetworkPolicy: { kind: 'ClusterNetworkPolicy', kubernetes: true, ruleLines: false },
};

/**
 * The lines to highlight for a policy or one of its rules; `undefined` when the text does not
 * hold it (a profile such as `kns.default` comes from a Namespace, not from a policy document).
 *
 * @example
 * ```ts
 * findRuleLines(located, { kind: 'GlobalNetworkPolicy', name: 'deny-nodeports', direction: 'ingress', ruleIndex: 0 });
 * ```
 */
export function findRuleLines(located: readonly LocatedResource[], query: RuleQuery): LineRange | undefined {
  const converted = CONVERTED[query.kind];
  const kind = converted?.kind ?? query.kind;
  const kubernetes = converted?.kubernetes ?? false;
  const name = query.kind.includes('KubernetesNetworkPolicy')
    ? query.name.replace(/^knp\.default\./, '')
    : query.name;
  const resource = located.find(
    (r) =>
      r.kind === kind &&
      r.kubernetes === kubernetes &&
      r.name === name &&
      (query.namespace === undefined || r.namespace === undefined || r.namespace === query.namespace),
  );
  if (resource === undefined) return undefined;
  if (converted?.ruleLines === false || query.direction === undefined || query.ruleIndex === undefined)
    return resource.lines;
  return resource.rules[query.direction][query.ruleIndex] ?? resource.lines;
}
