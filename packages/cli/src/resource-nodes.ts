/**
 * The YAML node of each resource of a manifest text, flattened as `fromYaml` flattens them
 * (documents, `<Kind>List` items, a top-level list): the positions `fromYaml` does not keep.
 */
import { isMap, isSeq, LineCounter, parseAllDocuments, type YAMLMap } from 'yaml';

/**
 * A text's resource nodes, and the line counter their ranges are read with.
 *
 * @example
 * ```ts
 * const { nodes, lines } = resourceNodes(text);
 * lines.linePos(nodes[0]?.range?.[0] ?? 0).line; // the first resource's line
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
  const kind = node.get('kind');
  const items = node.get('items', true);
  if (typeof kind === 'string' && kind.endsWith('List') && isSeq(items)) collect(items, out);
  else out.push(node);
}

/**
 * Every resource node of `text` in order; call it only for text `fromYaml` accepted.
 *
 * @example
 * ```ts
 * resourceNodes('kind: Tier\nmetadata: {name: a}\n---\nkind: Tier\nmetadata: {name: b}\n').nodes.length; // 2
 * ```
 */
export function resourceNodes(text: string): ResourceNodes {
  const lines = new LineCounter();
  const nodes: YAMLMap[] = [];
  for (const doc of parseAllDocuments(text, { lineCounter: lines })) {
    if ('contents' in doc) collect(doc.contents, nodes);
  }
  return { lines, nodes };
}

/**
 * The line where a resource node starts.
 *
 * @example
 * ```ts
 * const { nodes, lines } = resourceNodes(text);
 * nodeLine(nodes[1], lines); // e.g. 12
 * ```
 */
export function nodeLine(node: YAMLMap, lines: LineCounter): number {
  return lines.linePos(node.range?.[0] ?? 0).line;
}
