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

/**
 * The data path of the deepest node that contains source `offset`: the inverse of
 * {@link offsetOf}, used to give YAML-level errors (duplicate keys, unknown tags) a field path.
 *
 * @example
 * ```ts
 * const doc = parseDocument('metadata:\n  name: a\n  name: b\n');
 * pathAt(doc.contents, 24); // ['metadata', 'name']
 * ```
 */
export function pathAt(root: Node | null, offset: number): (string | number)[] {
  const path: (string | number)[] = [];
  let node: unknown = root;
  for (;;) {
    let next: unknown;
    if (isMap(node)) {
      for (const pair of node.items) {
        const start = spanOf(pair.key)?.[0] ?? spanOf(pair.value)?.[0];
        const end = spanOf(pair.value)?.[1] ?? spanOf(pair.key)?.[1];
        if (start === undefined || end === undefined || offset < start || offset > end) continue;
        if (!isScalar(pair.key)) break;
        path.push(String(pair.key.value));
        next = pair.value;
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const span = spanOf(item);
        if (next === undefined && span && offset >= span[0] && offset <= span[1]) {
          path.push(i);
          next = item;
        }
      });
    }
    if (next === undefined || next === null) return path;
    node = next;
  }
}

/** A node's start offset and end offset (including trailing comments). */
function spanOf(node: unknown): readonly [number, number] | undefined {
  const range = (node as { range?: readonly number[] } | null)?.range;
  const start = range?.[0];
  const end = range?.[2] ?? range?.[1];
  return start === undefined || end === undefined ? undefined : [start, end];
}
