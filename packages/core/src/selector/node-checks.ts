import type { Issue, Result } from '../result.js';
import { isSelectorLabel, MAX_SELECTOR_LABEL_LENGTH, type SelectorNode } from './ast.js';

/** The issue for a label key no selector can contain. */
export function labelIssue(label: string): Issue {
  return {
    code: 'invalid_selector',
    path: [],
    message: `Invalid selector label ${JSON.stringify(label)}: use 1–${MAX_SELECTOR_LABEL_LENGTH} characters of A-Z a-z 0-9 _ . / -`,
  };
}

/** The issue for a value no selector string literal can hold (no escapes exist). */
export function valueIssue(label: string, value: string): Issue {
  return {
    code: 'invalid_selector',
    path: [],
    message: `Selector value ${JSON.stringify(value)} for label ${JSON.stringify(label)} contains both ' and "; Calico selector strings have no escapes, so it cannot be written`,
  };
}

const shapeIssue = (message: string): Issue => ({ code: 'invalid_selector', path: [], message });

const LABEL_KINDS = new Set(['has', 'eq', 'neq', 'contains', 'startsWith', 'endsWith', 'in', 'notIn']);

/** Checks one node's own fields; pushes children to visit. Input is untrusted, so nothing is assumed. */
function checkOne(node: unknown, issues: Issue[], pending: unknown[]): void {
  if (node === null || typeof node !== 'object') {
    issues.push(shapeIssue(`Expected a selector node object, got ${node === null ? 'null' : typeof node}`));
    return;
  }
  const n = node as Record<string, unknown>;
  const kind = n.kind;
  if (kind === 'all' || kind === 'global') return;
  if (kind === 'not') {
    pending.push(n.operand);
    return;
  }
  if (kind === 'and' || kind === 'or') {
    if (!Array.isArray(n.operands)) {
      issues.push(shapeIssue(`A selector "${kind}" node needs an operands array`));
      return;
    }
    if (n.operands.length < 2) {
      issues.push(
        shapeIssue(`A selector "${kind}" group needs at least two operands, got ${n.operands.length}`),
      );
    }
    // Reversed so the LIFO walk reports issues in reading order.
    pending.push(...[...n.operands].reverse());
    return;
  }
  if (typeof kind !== 'string' || !LABEL_KINDS.has(kind)) {
    issues.push(shapeIssue(`Unknown selector node kind ${JSON.stringify(kind) ?? String(kind)}`));
    return;
  }
  const label = n.label;
  if (typeof label !== 'string') {
    issues.push(shapeIssue(`A selector "${kind}" node needs a string label`));
    return;
  }
  if (!isSelectorLabel(label)) issues.push(labelIssue(label));
  if (kind === 'has') return;
  const values = kind === 'in' || kind === 'notIn' ? n.values : [n.value];
  if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
    issues.push(
      shapeIssue(`A selector "${kind}" node on label ${JSON.stringify(label)} needs string value(s)`),
    );
    return;
  }
  for (const v of values as string[])
    if (v.includes('"') && v.includes("'")) issues.push(valueIssue(label, v));
}

/**
 * Checks that a hand-built {@link SelectorNode} can be written as selector text that parses back
 * to it: every label is a valid key (1–512 characters of `[A-Za-z0-9_./-]`), no value holds both
 * quote kinds, and every `and`/`or` group has at least two operands. Trees from
 * {@link parseSelector} and the {@link sel} builder always pass. Never throws, even on objects
 * of the wrong shape or with cycles.
 *
 * @example
 * ```ts
 * checkSelectorNode({ kind: 'eq', label: 'app name', value: 'web' }).ok; // false
 * checkSelectorNode({ kind: 'has', label: 'app' }).ok; // true
 * ```
 */
export function checkSelectorNode(node: SelectorNode): Result<SelectorNode> {
  const issues: Issue[] = [];
  const seen = new Set<unknown>();
  // Iterative walk: hand-built trees may be arbitrarily deep.
  const pending: unknown[] = [node];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'object' && next !== null) {
      if (seen.has(next)) {
        // Shared subtrees are fine; only a cycle makes printing impossible, and a cycle revisits.
        if (isAncestorCycle(node, next)) {
          issues.push(shapeIssue('A selector tree must not contain itself (cycle)'));
          break;
        }
        continue;
      }
      seen.add(next);
    }
    checkOne(next, issues, pending);
  }
  return issues.length === 0 ? { ok: true, value: node } : { ok: false, issues };
}

/** Whether `target` can reach itself through `operand`/`operands` links (bounded by the object count). */
function isAncestorCycle(_root: unknown, target: unknown): boolean {
  const stack: unknown[] = children(target);
  const visited = new Set<unknown>();
  while (stack.length > 0) {
    const n = stack.pop();
    if (n === target) return true;
    if (typeof n !== 'object' || n === null || visited.has(n)) continue;
    visited.add(n);
    stack.push(...children(n));
  }
  return false;
}

function children(n: unknown): unknown[] {
  if (typeof n !== 'object' || n === null) return [];
  const r = n as { kind?: unknown; operand?: unknown; operands?: unknown };
  if (r.kind === 'not') return [r.operand];
  if ((r.kind === 'and' || r.kind === 'or') && Array.isArray(r.operands)) return [...r.operands];
  return [];
}
