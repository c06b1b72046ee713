import { isAlias, isMap, isPair, isScalar, isSeq, type Node, Scalar } from 'yaml';
import type { AliasBudget } from './alias-budget.js';
import { YAML_ISSUE_CODES, type YamlIssueCode } from './codes.js';
import { yaml11Difference } from './yaml11.js';

/**
 * A problem found while turning YAML nodes into data: where it is (offset) and what it is.
 *
 * @example
 * ```ts
 * const issue: NodeIssue = { code: 'forbidden_key', path: ['metadata', '__proto__'], message: '…', offset: 12 };
 * ```
 */
export interface NodeIssue {
  readonly code: YamlIssueCode;
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly offset: number;
}

/** Keys that would reach a prototype if a consumer assigned them into an ordinary object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface State {
  readonly anchors: Map<string, Node>;
  readonly issues: NodeIssue[];
  readonly path: (string | number)[];
  readonly maxDepth: number;
  readonly budget: AliasBudget;
  readonly maxIssues: number;
  expanding: number;
  /** The outermost alias being expanded and the path length where it sits. */
  outerAlias: { readonly source: string; readonly offset: number; readonly pathLength: number } | undefined;
  stopped: boolean;
}

/**
 * Turns one composed YAML document body into plain JSON-shaped data: ordinary objects and
 * arrays, strings, numbers, booleans, null. Aliases are expanded into copies (so nothing is
 * shared), spending the alias budget node by node so expansion stops as soon as the stream (or
 * several inputs sharing the budget) goes past it; `__proto__`-style keys, non-scalar keys, keys
 * that collide after conversion to strings, and plain scalars that calicoctl's YAML 1.1 reader
 * reads differently (`017`, `on`) become issues and are left out.
 *
 * @example
 * ```ts
 * const doc = parseDocument('a: &x [1]\nb: *x');
 * toPlain(doc.contents, { maxDepth: 64, budget: createAliasBudget(1000), maxIssues: 100 }); // { value: { a: [1], b: [1] }, issues: [] }
 * ```
 */
export function toPlain(
  node: Node | null,
  limits: { readonly maxDepth: number; readonly budget: AliasBudget; readonly maxIssues: number },
): { value: unknown; issues: NodeIssue[] } {
  const state: State = {
    anchors: new Map(),
    issues: [],
    path: [],
    maxDepth: limits.maxDepth,
    budget: limits.budget,
    maxIssues: limits.maxIssues,
    expanding: 0,
    outerAlias: undefined,
    stopped: false,
  };
  const value = convert(node, state, 0);
  return { value, issues: state.issues };
}

function convert(node: unknown, state: State, depth: number): unknown {
  if (state.stopped || node === null || node === undefined) return null;
  if (state.expanding > 0 && ++state.budget.used > state.budget.limit) {
    // Reported at the alias whose expansion went over, with its path, not inside the anchor.
    const alias = state.outerAlias;
    state.issues.push({
      code: YAML_ISSUE_CODES.aliasLimit,
      path: alias === undefined ? [...state.path] : state.path.slice(0, alias.pathLength),
      message: `aliases expand to more than ${state.budget.limit} nodes (counted over every document read together)${alias === undefined ? '' : `; *${alias.source} went past it`}; write the values out or reuse fewer anchors`,
      offset: alias?.offset ?? 0,
    });
    state.stopped = true;
    return null;
  }
  const anchor = (node as { anchor?: unknown }).anchor;
  if (typeof anchor === 'string' && state.expanding === 0) state.anchors.set(anchor, node as Node);
  if (isScalar(node)) {
    if (state.expanding === 0) checkYaml11(node, state);
    return scalarValue(node.value, state, node);
  }
  if (depth >= state.maxDepth) {
    return stop(
      state,
      node,
      'tooDeep',
      `data nests deeper than ${state.maxDepth} levels (counting alias expansion); flatten it`,
    );
  }
  if (isMap(node)) return convertMap(node.items, state, depth);
  if (isSeq(node)) {
    const out: unknown[] = [];
    for (let i = 0; i < node.items.length; i++) {
      state.path.push(i);
      out.push(convert(node.items[i], state, depth + 1));
      state.path.pop();
    }
    return out;
  }
  if (isAlias(node)) {
    const target = state.anchors.get(node.source);
    if (target === undefined) {
      return stop(
        state,
        node,
        'unresolvedAlias',
        `alias *${node.source} has no anchor &${node.source} before it; define the anchor first`,
      );
    }
    if (state.expanding === 0) {
      state.outerAlias = { source: node.source, offset: node.range?.[0] ?? 0, pathLength: state.path.length };
    }
    state.expanding++;
    const value = convert(target, state, depth + 1);
    state.expanding--;
    if (state.expanding === 0) state.outerAlias = undefined;
    return value;
  }
  return stop(state, node, 'yamlSyntax', 'unexpected YAML node; write plain mappings, lists and scalars');
}

function convertMap(pairs: readonly unknown[], state: State, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    if (state.stopped || !isPair(pair)) continue;
    const keyNode = pair.key as unknown;
    let key: string;
    if (isScalar(keyNode) && keyNode.value !== null && typeof keyNode.value !== 'object') {
      const plain = keyNode.type === Scalar.PLAIN && keyNode.tag === undefined ? keyNode.source : undefined;
      if (plain === '<<') {
        // YAML 1.1 readers (go-yaml v2: calicoctl, kubectl) merge the mapping it names here.
        issue(
          state,
          keyNode,
          'ambiguousScalar',
          'the key << is a merge key for calicoctl and kubectl (YAML 1.1): they copy the anchored mapping into this one; write its keys out (merge keys are not read here)',
          '<<',
        );
        continue;
      }
      // An integer key past 2^53 keeps its digits (go-yaml reads it as an int64).
      key =
        typeof keyNode.value === 'number' &&
        !Number.isSafeInteger(keyNode.value) &&
        /^[-+]?[0-9]+$/.test(plain ?? '')
          ? BigInt(plain as string).toString()
          : String(keyNode.value);
      if (state.expanding === 0) checkYaml11(keyNode, state, key);
    } else {
      issue(
        state,
        keyNode ?? pair.value,
        'invalidKey',
        'mapping keys must be strings (or numbers/booleans); a list, mapping or empty key cannot name a field',
      );
      continue;
    }
    if (FORBIDDEN_KEYS.has(key)) {
      issue(
        state,
        keyNode,
        'forbiddenKey',
        `key "${key}" is refused (it could reach a JavaScript prototype); no Calico or Kubernetes field has this name, remove it`,
        key,
      );
      continue;
    }
    if (Object.hasOwn(out, key)) {
      issue(
        state,
        keyNode,
        'duplicateKey',
        `key "${clip(key)}" appears twice in this mapping; keep one`,
        key,
      );
      continue;
    }
    state.path.push(key);
    out[key] = convert(pair.value, state, depth + 1);
    state.path.pop();
  }
  return out;
}

/** A plain scalar calicoctl (YAML 1.1) would read as another value than YAML 1.2 does. */
function checkYaml11(node: Scalar, state: State, key?: string): void {
  if (node.type !== Scalar.PLAIN || typeof node.source !== 'string' || node.tag !== undefined) return;
  const difference = yaml11Difference(node.source, node.value);
  if (difference !== undefined) {
    issue(state, node, 'ambiguousScalar', key === undefined ? difference : `the key ${difference}`, key);
  }
}

function scalarValue(value: unknown, state: State, node: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
      return value;
    case 'bigint':
      return Number(value);
    default:
      if (value === null || value === undefined) return null;
      issue(
        state,
        node,
        'unknownTag',
        'this scalar is not a string, number, boolean or null; remove its tag',
      );
      return null;
  }
}

function issue(
  state: State,
  node: unknown,
  code: keyof typeof YAML_ISSUE_CODES,
  message: string,
  key?: string,
): void {
  const range = (node as { range?: readonly number[] } | null)?.range;
  state.issues.push({
    code: YAML_ISSUE_CODES[code],
    path: key === undefined ? [...state.path] : [...state.path, key],
    message,
    offset: range?.[0] ?? 0,
  });
  // Past the issue limit nothing more would be reported: stop walking instead of wasting time.
  if (state.issues.length > state.maxIssues) state.stopped = true;
}

function stop(state: State, node: unknown, code: keyof typeof YAML_ISSUE_CODES, message: string): null {
  issue(state, node, code, message);
  state.stopped = true;
  return null;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
