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

function collect(node: SelectorNode, issues: Issue[]): void {
  switch (node.kind) {
    case 'all':
    case 'global':
      return;
    case 'not':
      collect(node.operand, issues);
      return;
    case 'and':
    case 'or':
      if (node.operands.length < 2) {
        issues.push({
          code: 'invalid_selector',
          path: [],
          message: `A selector "${node.kind}" group needs at least two operands, got ${node.operands.length}`,
        });
      }
      for (const op of node.operands) collect(op, issues);
      return;
    default: {
      if (!isSelectorLabel(node.label)) issues.push(labelIssue(node.label));
      let values: readonly string[] = [];
      if ('values' in node) values = node.values;
      else if ('value' in node) values = [node.value];
      for (const v of values) if (v.includes('"') && v.includes("'")) issues.push(valueIssue(node.label, v));
    }
  }
}

/**
 * Checks that a hand-built {@link SelectorNode} can be written as selector text that parses back
 * to it: every label is a valid key (1–512 characters of `[A-Za-z0-9_./-]`), no value holds both
 * quote kinds, and every `and`/`or` group has at least two operands. Trees from
 * {@link parseSelector} and the {@link sel} builder always pass.
 *
 * @example
 * ```ts
 * checkSelectorNode({ kind: 'eq', label: 'app name', value: 'web' }).ok; // false
 * checkSelectorNode({ kind: 'has', label: 'app' }).ok; // true
 * ```
 */
export function checkSelectorNode(node: SelectorNode): Result<SelectorNode> {
  const issues: Issue[] = [];
  collect(node, issues);
  return issues.length === 0 ? { ok: true, value: node } : { ok: false, issues };
}
