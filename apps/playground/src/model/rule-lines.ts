/**
 * Where each policy and each of its rules sits in the editor's YAML text, so the deciding rule
 * can be highlighted. Read from the YAML node positions (yaml's CST ranges and a LineCounter),
 * never by searching the text.
 */
import { isMap, isSeq, LineCounter, type Node, parseAllDocuments, type YAMLMap } from 'yaml';

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

function rulesOf(spec: unknown, direction: 'ingress' | 'egress', lines: LineCounter): LineRange[] {
  if (!isMap(spec)) return [];
  const seq = spec.get(direction, true);
  if (!isSeq(seq)) return [];
  return seq.items.flatMap((item) => {
    const r = isMap(item) ? rangeOf(item, lines) : undefined;
    return r ? [r] : [];
  });
}

function locateMap(map: YAMLMap, lines: LineCounter, out: LocatedResource[]): void {
  const items = map.get('items', true);
  if (isSeq(items) && typeof map.get('kind') === 'string' && String(map.get('kind')).endsWith('List')) {
    for (const item of items.items) if (isMap(item)) locateMap(item, lines, out);
    return;
  }
  const kind = stringAt(map, 'kind');
  const metadata = map.get('metadata', true);
  const range = rangeOf(map, lines);
  if (kind === undefined || !isMap(metadata) || range === undefined) return;
  const spec = map.get('spec', true);
  out.push({
    kind,
    name: stringAt(metadata, 'name') ?? '',
    namespace: stringAt(metadata, 'namespace'),
    lines: range,
    rules: { ingress: rulesOf(spec, 'ingress', lines), egress: rulesOf(spec, 'egress', lines) },
  });
}

/**
 * Every resource of a (possibly broken) multi-document YAML text with its line ranges.
 * Documents that cannot be read are skipped: the editor's diagnostics report them.
 *
 * @example
 * ```ts
 * locateResources('kind: GlobalNetworkPolicy\nmetadata: {name: a}\nspec:\n  ingress:\n  - action: Allow\n')[0]?.rules.ingress;
 * // [{ from: 5, to: 5 }]
 * ```
 */
export function locateResources(text: string): LocatedResource[] {
  const lines = new LineCounter();
  const out: LocatedResource[] = [];
  try {
    for (const doc of parseAllDocuments(text, { lineCounter: lines, version: '1.2' })) {
      const root = doc.contents;
      if (isMap(root)) locateMap(root, lines, out);
      else if (isSeq(root)) for (const item of root.items) if (isMap(item)) locateMap(item, lines, out);
    }
  } catch {
    // Hostile or broken text: fromYaml reports it; nothing to highlight.
  }
  return out;
}

// The trace names converted Kubernetes policies `knp.default.<name>` (§2.3), staged ones by kind.
const KIND_IN_TEXT: Readonly<Record<string, string>> = {
  KubernetesNetworkPolicy: 'NetworkPolicy',
  StagedKubernetesNetworkPolicy: 'StagedKubernetesNetworkPolicy',
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
  const kind = KIND_IN_TEXT[query.kind] ?? query.kind;
  const name = query.kind.includes('KubernetesNetworkPolicy')
    ? query.name.replace(/^knp\.default\./, '')
    : query.name;
  const resource = located.find(
    (r) =>
      r.kind === kind &&
      r.name === name &&
      (query.namespace === undefined || r.namespace === undefined || r.namespace === query.namespace),
  );
  if (resource === undefined) return undefined;
  if (query.direction === undefined || query.ruleIndex === undefined) return resource.lines;
  return resource.rules[query.direction][query.ruleIndex] ?? resource.lines;
}
