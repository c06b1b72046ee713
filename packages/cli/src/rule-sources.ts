/**
 * Where a policy and its rules are written: file, line and the rule's own YAML, read from the
 * YAML syntax tree of the files `fromYaml` already accepted (it keeps no positions per resource).
 */
import type { PolicyRef } from '@calico-dsl/evaluator';
import { resourceNodes } from '@calico-dsl/yaml';
import type { LineCounter, Node, YAMLMap } from 'yaml';
import type { LoadedFile } from './manifests.js';

/**
 * A policy (or one of its rules) in a manifest file.
 *
 * @example
 * ```ts
 * const s: RuleSource = { file: 'deny-nodeports.yaml', line: 9, text: '- action: Deny\n  protocol: TCP' };
 * ```
 */
export interface RuleSource {
  readonly file: string;
  readonly line: number;
  /** The rule's YAML as written (the policy's first line when no rule is asked for). */
  readonly text: string;
}

interface Located {
  readonly file: string;
  readonly text: string;
  readonly lines: LineCounter;
  readonly node: YAMLMap;
}

const keyOf = (kind: string, namespace: string | undefined, name: string): string =>
  `${kind}|${namespace ?? ''}|${name}`;

// The evaluator names Kubernetes NetworkPolicies apart from Calico's; in YAML both are `NetworkPolicy`.
function refKind(kind: string, apiVersion: string): string {
  if (apiVersion.startsWith('networking.k8s.io/'))
    return kind === 'NetworkPolicy' ? 'KubernetesNetworkPolicy' : kind;
  return kind;
}

function addResource(index: Map<string, Located>, node: YAMLMap, base: Omit<Located, 'node'>): void {
  const kind = node.get('kind');
  const apiVersion = node.get('apiVersion');
  const name = node.getIn(['metadata', 'name']);
  const namespace = node.getIn(['metadata', 'namespace']);
  if (typeof kind !== 'string' || typeof name !== 'string') return;
  const ns = typeof namespace === 'string' ? namespace : undefined;
  const k = refKind(kind, typeof apiVersion === 'string' ? apiVersion : '');
  index.set(keyOf(k, ns, name), { ...base, node });
  // Namespaced policies without metadata.namespace live in `default`.
  if (ns === undefined) index.set(keyOf(k, 'default', name), { ...base, node });
}

/**
 * Indexes every resource of the loaded files by kind, namespace and name.
 *
 * @example
 * ```ts
 * const sources = ruleSources(loaded.files);
 * sources({ kind: 'GlobalNetworkPolicy', name: 'deny-nodeports' }, 'ingress', 0)?.line; // 9
 * ```
 */
export function ruleSources(
  files: readonly LoadedFile[],
): (policy: PolicyRef, direction?: 'ingress' | 'egress', ruleIndex?: number) => RuleSource | undefined {
  let index: Map<string, Located> | undefined;
  const build = (): Map<string, Located> => {
    const out = new Map<string, Located>();
    for (const f of files) {
      if (f.text === undefined || f.issues.length > 0) continue;
      const { lines, nodes } = resourceNodes(f.text);
      for (const node of nodes) addResource(out, node, { file: f.file, text: f.text, lines });
    }
    return out;
  };
  return (policy, direction, ruleIndex) => {
    index ??= build();
    const found = index.get(keyOf(policy.kind, policy.namespace, policy.name));
    if (found === undefined) return undefined;
    const rule =
      direction !== undefined && ruleIndex !== undefined
        ? (found.node.getIn(['spec', direction, ruleIndex], true) as Node | undefined)
        : undefined;
    const node: Node = rule ?? found.node;
    const start = node.range?.[0] ?? 0;
    const line = found.lines.linePos(start).line;
    const text =
      rule !== undefined
        ? dedent(found.text.slice(start, node.range?.[1] ?? start))
        : (found.text.slice(start).split('\n')[0] ?? '');
    return { file: found.file, line, text };
  };
}

// The rule as a block of its own: trailing blank lines dropped, common indentation removed.
function dedent(text: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  const indents = lines
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l, i) => (i === 0 ? l : l.slice(cut))).join('\n');
}
