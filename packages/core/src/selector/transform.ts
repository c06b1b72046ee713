import { assertNeverSelector, compareBytewise, type SelectorNode } from './ast.js';
import { printSelector } from './print.js';

function visitLabels(node: SelectorNode, out: Set<string>): void {
  switch (node.kind) {
    case 'all':
    case 'global':
      return;
    case 'not':
      visitLabels(node.operand, out);
      return;
    case 'and':
    case 'or':
      for (const op of node.operands) visitLabels(op, out);
      return;
    default:
      out.add(node.label);
  }
}

/**
 * The label keys a selector refers to, de-duplicated and sorted bytewise — e.g. to index
 * endpoints by the labels that can change a policy's selection.
 *
 * @example
 * ```ts
 * const r = parseSelector("app == 'web' || (has(tier) && app != 'db')");
 * if (r.ok) selectorLabels(r.value); // ['app', 'tier']
 * ```
 */
export function selectorLabels(node: SelectorNode): readonly string[] {
  const out = new Set<string>();
  visitLabels(node, out);
  return [...out].sort(compareBytewise);
}

/**
 * Rewrites every label key in a selector with `fn`, leaving structure and values alone (upstream's
 * `Visitor` over label nodes). Returns a new tree.
 *
 * @example
 * ```ts
 * const r = parseSelector('env == "prod"');
 * if (r.ok) printSelector(mapSelectorLabels(r.value, (k) => k.toUpperCase())); // 'ENV == "prod"'
 * ```
 */
export function mapSelectorLabels(node: SelectorNode, fn: (label: string) => string): SelectorNode {
  switch (node.kind) {
    case 'all':
    case 'global':
      return node;
    case 'has':
      return { kind: 'has', label: fn(node.label) };
    case 'eq':
    case 'neq':
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      return { kind: node.kind, label: fn(node.label), value: node.value };
    case 'in':
    case 'notIn':
      return { kind: node.kind, label: fn(node.label), values: node.values };
    case 'not':
      return { kind: 'not', operand: mapSelectorLabels(node.operand, fn) };
    case 'and':
    case 'or': {
      const [first, second, ...rest] = node.operands;
      return {
        kind: node.kind,
        operands: [
          mapSelectorLabels(first, fn),
          mapSelectorLabels(second, fn),
          ...rest.map((op) => mapSelectorLabels(op, fn)),
        ],
      };
    }
    default:
      return assertNeverSelector(node);
  }
}

/**
 * Prefixes every label key (upstream `PrefixVisitor`): how Calico turns a `namespaceSelector` into a
 * selector over the `pcns.`-prefixed namespace labels endpoints inherit, and a
 * `serviceAccountSelector` over `pcsa.` labels (calico-semantics §6.7, §6.8). `all()` and
 * `global()` are left alone; follow with {@link replaceSelectorCalls} as upstream does.
 *
 * @example
 * ```ts
 * const r = parseSelector("env in {'prod'} && !has(quarantine)");
 * if (r.ok) printSelector(prefixSelectorLabels(r.value, 'pcns.'));
 * // '(pcns.env in {"prod"} && !has(pcns.quarantine))'
 * ```
 */
export function prefixSelectorLabels(node: SelectorNode, prefix: string): SelectorNode {
  return mapSelectorLabels(node, (label) => prefix + label);
}

function replaceCall(
  node: SelectorNode,
  call: 'all' | 'global',
  replacement: SelectorNode,
  text: string,
): SelectorNode {
  const pattern = `${call}()`;
  switch (node.kind) {
    case 'all':
    case 'global':
      return node.kind === call ? replacement : node;
    case 'has':
      return node;
    case 'eq':
    case 'neq':
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      return node.value.includes(pattern) ? { ...node, value: node.value.replaceAll(pattern, text) } : node;
    case 'in':
    case 'notIn':
      return node.values.some((v) => v.includes(pattern))
        ? { kind: node.kind, label: node.label, values: node.values.map((v) => v.replaceAll(pattern, text)) }
        : node;
    case 'not':
      return { kind: 'not', operand: replaceCall(node.operand, call, replacement, text) };
    case 'and':
    case 'or': {
      const [first, second, ...rest] = node.operands;
      return {
        kind: node.kind,
        operands: [
          replaceCall(first, call, replacement, text),
          replaceCall(second, call, replacement, text),
          ...rest.map((op) => replaceCall(op, call, replacement, text)),
        ],
      };
    }
    default:
      return assertNeverSelector(node);
  }
}

/**
 * Replaces `all()` and/or `global()` in a selector — the AST equivalent of upstream's textual
 * `strings.Replace(sel.String(), "all()", …)` then `strings.Replace(…, "global()", …)` used when
 * Calico compiles namespace and service-account selectors (calico-semantics §6.7 step 1, §6.8).
 * Like the textual rewrite, it also rewrites `all()`/`global()` written inside quoted values, and
 * `all` is replaced before `global`.
 *
 * @example
 * ```ts
 * const ns = parseSelector('global()');
 * const notNamespaced = parseSelector('!has(projectcalico.org/namespace)');
 * if (ns.ok && notNamespaced.ok) {
 *   printSelector(replaceSelectorCalls(prefixSelectorLabels(ns.value, 'pcns.'), { global: notNamespaced.value }));
 *   // '!has(projectcalico.org/namespace)'
 * }
 * ```
 */
export function replaceSelectorCalls(
  node: SelectorNode,
  replacements: { readonly all?: SelectorNode; readonly global?: SelectorNode },
): SelectorNode {
  let out = node;
  if (replacements.all !== undefined) {
    out = replaceCall(out, 'all', replacements.all, printSelector(replacements.all));
  }
  if (replacements.global !== undefined) {
    out = replaceCall(out, 'global', replacements.global, printSelector(replacements.global));
  }
  return out;
}

/**
 * ANDs selectors the way Calico composes them as text (`(a) && (b)`): no operand is flattened, so
 * the result prints as upstream's combined selector does. No operands gives `all()`, one gives it
 * back unchanged.
 *
 * @example
 * ```ts
 * const a = parseSelector('has(app)');
 * const b = parseSelector("projectcalico.org/namespace == 'web'");
 * if (a.ok && b.ok) printSelector(andSelectors(b.value, a.value));
 * // '(projectcalico.org/namespace == "web" && has(app))'
 * ```
 */
export function andSelectors(...nodes: readonly SelectorNode[]): SelectorNode {
  return group('and', nodes);
}

/**
 * ORs selectors without flattening (the counterpart of {@link andSelectors}). No operands gives
 * `!all()` (matches nothing), one gives it back unchanged.
 *
 * @example
 * ```ts
 * const a = parseSelector('has(a)');
 * const b = parseSelector('has(b)');
 * if (a.ok && b.ok) printSelector(orSelectors(a.value, b.value)); // '(has(a) || has(b))'
 * ```
 */
export function orSelectors(...nodes: readonly SelectorNode[]): SelectorNode {
  return group('or', nodes);
}

function group(kind: 'and' | 'or', nodes: readonly SelectorNode[]): SelectorNode {
  const [first, second, ...rest] = nodes;
  if (first === undefined)
    return kind === 'and' ? { kind: 'all' } : { kind: 'not', operand: { kind: 'all' } };
  if (second === undefined) return first;
  return { kind, operands: [first, second, ...rest] };
}
