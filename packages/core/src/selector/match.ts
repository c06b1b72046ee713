import { assertNeverSelector, type SelectorNode } from './ast.js';
import { isLabelMap, mapLabel, recordLabel, type SelectorLabels } from './labels.js';

const NO_LABELS: SelectorLabels = Object.freeze(Object.create(null) as Record<string, string>);

type Get = (key: string) => string | undefined;

function evaluate(node: SelectorNode, get: Get): boolean {
  switch (node.kind) {
    case 'all':
    case 'global':
      return true;
    case 'has':
      return get(node.label) !== undefined;
    case 'eq':
      return get(node.label) === node.value;
    case 'neq':
      return get(node.label) !== node.value;
    case 'contains': {
      const v = get(node.label);
      return v?.includes(node.value) === true;
    }
    case 'startsWith': {
      const v = get(node.label);
      return v?.startsWith(node.value) === true;
    }
    case 'endsWith': {
      const v = get(node.label);
      return v?.endsWith(node.value) === true;
    }
    case 'in': {
      const v = get(node.label);
      return v !== undefined && node.values.includes(v);
    }
    case 'notIn': {
      const v = get(node.label);
      return v === undefined || !node.values.includes(v);
    }
    case 'not':
      return !evaluate(node.operand, get);
    case 'and':
      return node.operands.every((op) => evaluate(op, get));
    case 'or':
      return node.operands.some((op) => evaluate(op, get));
    default:
      return assertNeverSelector(node);
  }
}

/**
 * Evaluates a selector against a label map exactly as upstream's `Selector.Evaluate` does — the
 * plain reference interpreter (see {@link compileSelector} for the fast path). `==`, `in`,
 * `contains`, `starts with` and `ends with` are false when the label is absent; `!=` and `not in`
 * are true; `has()` is true for an empty value; `all()` and `global()` are always true.
 *
 * @example
 * ```ts
 * const r = parseSelector("env != 'prod' && has(app)");
 * if (r.ok) {
 *   matchSelector(r.value, { app: 'web' }); // true: env is absent, so != holds
 *   matchSelector(r.value, new Map([['app', 'web'], ['env', 'prod']])); // false
 * }
 * ```
 */
export function matchSelector(node: SelectorNode, labels: Readonly<Record<string, string>>): boolean;
/**
 * Evaluates a selector against labels held in a `Map` (as `fromYaml` and the evaluator keep them).
 *
 * @example
 * ```ts
 * const r = parseSelector("ibm.role == 'worker_public'");
 * if (r.ok) matchSelector(r.value, new Map([['ibm.role', 'worker_public']])); // true
 * ```
 */
export function matchSelector(node: SelectorNode, labels: ReadonlyMap<string, string>): boolean;
/**
 * Evaluates a selector against labels of either shape ({@link SelectorLabels}).
 *
 * @example
 * ```ts
 * declare const labels: SelectorLabels; // a plain record or a Map
 * const r = parseSelector('has(app)');
 * const selected = r.ok && matchSelector(r.value, labels);
 * ```
 */
export function matchSelector(node: SelectorNode, labels: SelectorLabels): boolean;
export function matchSelector(node: SelectorNode, given: SelectorLabels): boolean {
  // Untyped callers may pass null/undefined: no labels, not a crash.
  const labels: SelectorLabels = given ?? NO_LABELS;
  const get: Get = isLabelMap(labels) ? (key) => mapLabel(labels, key) : (key) => recordLabel(labels, key);
  return evaluate(node, get);
}
