/**
 * The YAML node of each resource of a manifest text, flattened as `fromYaml` flattens them
 * (documents, `<Kind>List` items, a top-level list): the positions `fromYaml` does not keep,
 * for tools that point at a resource's or a rule's lines (the CLI's rule sources, the
 * playground's highlighting).
 */
import { isMap, isSeq, LineCounter, parseAllDocuments, type YAMLMap } from 'yaml';
import { scanDepth } from './depth-scan.js';
import { COMPOSE_OPTIONS } from './from-yaml.js';
import { limitsOf, textTooLarge } from './limits.js';
import { isListKind } from './resources.js';

/**
 * A text's resource nodes, and the line counter their ranges are read with.
 *
 * @example
 * ```ts
 * const { nodes, lines } = resourceNodes('kind: Tier\nmetadata: {name: a}\n');
 * lines.linePos(nodes[0]?.range?.[0] ?? 0).line; // 1: the first resource's line
 * ```
 */
export interface ResourceNodes {
  readonly lines: LineCounter;
  readonly nodes: readonly YAMLMap[];
}

function collect(node: unknown, out: YAMLMap[]): void {
  if (isSeq(node)) {
    for (const item of node.items) collect(item, out);
    return;
  }
  if (!isMap(node)) return;
  const kind: unknown = node.get('kind');
  const items = node.get('items', true);
  if (typeof kind === 'string' && isListKind(kind, items !== undefined) && isSeq(items)) collect(items, out);
  else out.push(node);
}

/**
 * Every resource node of `text` in order, read with `fromYaml`'s YAML options. Never throws:
 * text `fromYaml` refuses before parsing (too large, too deep) has no nodes, and a broken
 * document gives the resources it holds.
 *
 * @example
 * ```ts
 * resourceNodes('kind: Tier\nmetadata: {name: a}\n---\nkind: TierList\nitems:\n- metadata: {name: b}\n').nodes.length; // 2
 * ```
 */
export function resourceNodes(text: string): ResourceNodes {
  const lines = new LineCounter();
  const nodes: YAMLMap[] = [];
  const limits = limitsOf({});
  if (
    textTooLarge(text.length, limits.maxLength) !== undefined ||
    scanDepth(text, limits.maxDepth) !== undefined
  )
    return { lines, nodes };
  try {
    for (const doc of parseAllDocuments(text, { ...COMPOSE_OPTIONS, lineCounter: lines })) {
      if ('contents' in doc) collect(doc.contents, nodes);
    }
  } catch {
    // A shape the depth scan missed: fromYaml reports it; no positions to give.
  }
  return { lines, nodes };
}

/**
 * The 1-based line where a resource node (or any node of it) starts.
 *
 * @example
 * ```ts
 * const { nodes, lines } = resourceNodes('kind: Tier\nmetadata: {name: a}\n---\nkind: Tier\nmetadata: {name: b}\n');
 * nodeLine(nodes[1] ?? {}, lines); // 4
 * ```
 */
export function nodeLine(
  node: { readonly range?: readonly number[] | null | undefined },
  lines: LineCounter,
): number {
  return lines.linePos(node.range?.[0] ?? 0).line;
}
