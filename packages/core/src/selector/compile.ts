import { assertNeverSelector, type SelectorNode } from './ast.js';
import { isLabelMap, mapLabel, recordLabel, type SelectorLabels } from './labels.js';

/**
 * A selector compiled to closures by {@link compileSelector}: call it with a label map.
 *
 * @example
 * ```ts
 * const isPublic: CompiledSelector = compileSelector(sel.label('ibm.role').eq('worker_public').toNode());
 * isPublic({ 'ibm.role': 'worker_public' }); // true
 * ```
 */
export type CompiledSelector = (labels: SelectorLabels) => boolean;

type Test<L> = (labels: L) => boolean;
type Records = Readonly<Record<string, string>>;
type Maps = ReadonlyMap<string, string>;
type LeafNode = Exclude<SelectorNode, { readonly kind: 'all' | 'global' | 'not' | 'and' | 'or' }>;
type Leaf<L> = (node: LeafNode) => Test<L>;

const TRUE = (): boolean => true;
const FALSE = (): boolean => false;
const hasOwn = Object.hasOwn;
const NO_LABELS: SelectorLabels = Object.freeze(Object.create(null) as Record<string, string>);

/** One leaf over any representation, through a `get` that returns `undefined` for absent labels. */
function genericLeaf<L>(node: LeafNode, get: (labels: L, key: string) => string | undefined): Test<L> {
  const k = node.label;
  switch (node.kind) {
    case 'has':
      return (l) => get(l, k) !== undefined;
    case 'eq': {
      const v = node.value;
      return (l) => get(l, k) === v;
    }
    case 'neq': {
      const v = node.value;
      return (l) => get(l, k) !== v;
    }
    case 'contains': {
      const v = node.value;
      return (l) => get(l, k)?.includes(v) === true;
    }
    case 'startsWith': {
      const v = node.value;
      return (l) => get(l, k)?.startsWith(v) === true;
    }
    case 'endsWith': {
      const v = node.value;
      return (l) => get(l, k)?.endsWith(v) === true;
    }
    case 'in': {
      const set = new Set(node.values);
      return (l) => {
        const v = get(l, k);
        return v !== undefined && set.has(v);
      };
    }
    case 'notIn': {
      const set = new Set(node.values);
      return (l) => {
        const v = get(l, k);
        return v === undefined || !set.has(v);
      };
    }
    default:
      return assertNeverSelector(node);
  }
}

const mapLeaf: Leaf<Maps> = (node) => genericLeaf(node, mapLabel);

/**
 * Record leaves read the property once and call `Object.hasOwn` only when the value would decide
 * a match (inherited properties are never strings on ordinary or null-prototype objects); any
 * non-string value falls back to the generic lookup so the answer equals {@link matchSelector}'s.
 */
const recordLeaf: Leaf<Records> = (node) => {
  const k = node.label;
  const slow = genericLeaf<Records>(node, recordLabel);
  switch (node.kind) {
    case 'has':
      return (l) => l[k] !== undefined && hasOwn(l, k);
    case 'eq':
    case 'neq': {
      const v = node.value;
      const eq: Test<Records> = (l) => {
        const x = l[k];
        if (x === v) return hasOwn(l, k);
        return typeof x === 'string' || x === undefined ? false : recordLabel(l, k) === v;
      };
      return node.kind === 'eq' ? eq : (l) => !eq(l);
    }
    case 'in':
    case 'notIn': {
      const set = new Set(node.values);
      const isIn: Test<Records> = (l) => {
        const x = l[k];
        if (typeof x === 'string') return set.has(x) && hasOwn(l, k);
        if (x === undefined) return false;
        const y = recordLabel(l, k);
        return y !== undefined && set.has(y);
      };
      return node.kind === 'in' ? isIn : (l) => !isIn(l);
    }
    default:
      return (l) => {
        const x = l[k];
        if (typeof x === 'string') return hasOwn(l, k) && slow(l);
        return x !== undefined && slow(l);
      };
  }
};

/** Builds the closure tree for one label-map representation; constants are folded away. */
function build<L>(node: SelectorNode, leaf: Leaf<L>): Test<L> {
  switch (node.kind) {
    case 'all':
    case 'global':
      return TRUE;
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      // An empty operand matches every present value.
      return leaf(node.value === '' ? { kind: 'has', label: node.label } : node);
    case 'in':
    case 'notIn':
      if (node.values.length === 0) return node.kind === 'in' ? FALSE : TRUE;
      if (node.values.length === 1) {
        return leaf({ kind: node.kind === 'in' ? 'eq' : 'neq', label: node.label, value: node.values[0]! });
      }
      return leaf(node);
    case 'has':
    case 'eq':
    case 'neq':
      return leaf(node);
    case 'not': {
      const inner = build(node.operand, leaf);
      if (inner === TRUE) return FALSE;
      if (inner === FALSE) return TRUE;
      return (l) => !inner(l);
    }
    case 'and':
    case 'or': {
      const isAnd = node.kind === 'and';
      // The neutral constant drops out; the absorbing one decides the whole group.
      const neutral = isAnd ? TRUE : FALSE;
      const absorbing = isAnd ? FALSE : TRUE;
      const parts: Test<L>[] = [];
      for (const op of node.operands) {
        const t = build(op, leaf);
        if (t === absorbing) return absorbing;
        if (t !== neutral) parts.push(t);
      }
      return combine(parts, isAnd, neutral);
    }
    default:
      return assertNeverSelector(node);
  }
}

function combine<L>(parts: Test<L>[], isAnd: boolean, neutral: Test<L>): Test<L> {
  const [a, b, c] = parts;
  if (a === undefined) return neutral;
  if (b === undefined) return a;
  if (c === undefined) return isAnd ? (l) => a(l) && b(l) : (l) => a(l) || b(l);
  const n = parts.length;
  return isAnd
    ? (l) => {
        for (let i = 0; i < n; i++) if (!parts[i]!(l)) return false;
        return true;
      }
    : (l) => {
        for (let i = 0; i < n; i++) if (parts[i]!(l)) return true;
        return false;
      };
}

/**
 * Compiles a selector to a tree of closures for repeated evaluation: no AST walk or `switch` per
 * call, constant sub-expressions (`all()`, `in {}`) folded away, set literals as `Set`s. Gives the
 * same answer as {@link matchSelector} for every label map (property-tested).
 *
 * @example
 * ```ts
 * const r = parseSelector("ibm.role in {'worker_public', 'worker_private'}");
 * if (r.ok) {
 *   const onWorkers = compileSelector(r.value);
 *   onWorkers({ 'ibm.role': 'worker_private' }); // true
 *   onWorkers(new Map([['ibm.role', 'master']])); // false
 * }
 * ```
 */
export function compileSelector(node: SelectorNode): CompiledSelector {
  const forRecords = build(node, recordLeaf);
  let forMaps: Test<Maps> | undefined;
  return (given) => {
    // Untyped callers may pass null/undefined: no labels, not a crash.
    const labels: SelectorLabels = given ?? NO_LABELS;
    if (!isLabelMap(labels)) return forRecords(labels);
    forMaps ??= build(node, mapLeaf);
    return forMaps(labels);
  };
}
