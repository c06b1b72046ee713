import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';

/**
 * The source offset of the YAML node a data path points at, walking maps by key and lists by
 * index from `root`. When the path runs past what the YAML holds (a missing field), the deepest
 * node that exists is used. A scalar or flow collection is located at its value; a block
 * collection at the key that introduces it, which is where a reader looks.
 *
 * @example
 * ```ts
 * const doc = parseDocument('spec:\n  ports: [80, 70000]\n');
 * offsetOf(doc.contents, ['spec', 'ports', 1], anchorsOf(doc)); // offset of `70000`
 * ```
 */
export function offsetOf(
  root: Node | null,
  path: readonly (string | number)[],
  anchors: ReadonlyMap<string, Node>,
): number {
  let node: unknown = root;
  let key: unknown;
  for (const segment of path) {
    if (isAlias(node)) node = anchors.get(node.source) ?? node;
    let next: unknown;
    let nextKey: unknown;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (pair) {
        next = pair.value ?? pair.key;
        nextKey = pair.key;
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (next === undefined || next === null) break;
    node = next;
    key = nextKey;
  }
  const blockCollection = isCollection(node) && !node.flow;
  const at = blockCollection && key ? key : node;
  return (at as { range?: readonly number[] } | null)?.range?.[0] ?? 0;
}

/**
 * Every anchor of a document by name (the last definition wins, which is what an alias after
 * all of them sees). Used only to locate issues, so it runs only on documents with issues.
 *
 * @example
 * ```ts
 * anchorsOf(parseDocument('a: &x 1')).get('x'); // the Scalar 1
 * ```
 */
export function anchorsOf(root: Node | null): Map<string, Node> {
  const anchors = new Map<string, Node>();
  const stack: unknown[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === null || typeof node !== 'object') continue;
    const anchor = (node as { anchor?: unknown }).anchor;
    if (typeof anchor === 'string' && !anchors.has(anchor)) anchors.set(anchor, node as Node);
    if (isMap(node)) for (const p of node.items) stack.push(p.value, p.key);
    else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return anchors;
}
