/**
 * The label-match operations that compare one label's value with a single string.
 *
 * @example
 * ```ts
 * // parseSelector gives one for each `label <op> "value"` (here `starts with`):
 * parseSelector('tier starts with "web"'); // { ok: true, value: { kind: 'startsWith', label: 'tier', value: 'web' } }
 * ```
 */
export type SelectorValueKind = 'eq' | 'neq' | 'contains' | 'startsWith' | 'endsWith';

/**
 * The label-match operations that compare one label's value with a set literal.
 *
 * @example
 * ```ts
 * // `in` / `not in` with a set literal (values de-duplicated and sorted, as upstream):
 * parseSelector("env not in {'test', 'dev', 'test'}"); // { ok: true, value: { kind: 'notIn', label: 'env', values: ['dev', 'test'] } }
 * ```
 */
export type SelectorSetKind = 'in' | 'notIn';

/**
 * A parsed Calico selector: a readonly tree that mirrors upstream's `parser` AST node for node.
 *
 * - `all` / `global`: `all()` / `global()` (both always true when evaluated).
 * - `has`: `has(label)`.
 * - `eq`, `neq`, `contains`, `startsWith`, `endsWith`: `label <op> "value"`.
 * - `in`, `notIn`: `label in {"a", "b"}`; `values` are de-duplicated and sorted bytewise (as upstream).
 * - `not`: one `!` in front of an operation or a parenthesised group.
 * - `and`, `or`: a `&&` / `||` chain of two or more operands, never flattened across parentheses.
 *
 * @example
 * ```ts
 * const node: SelectorNode = {
 *   kind: 'and',
 *   operands: [
 *     { kind: 'eq', label: 'ibm.role', value: 'worker_public' },
 *     { kind: 'not', operand: { kind: 'has', label: 'dedicated' } },
 *   ],
 * };
 * printSelector(node); // '(ibm.role == "worker_public" && !has(dedicated))'
 * ```
 */
export type SelectorNode =
  | { readonly kind: 'all' }
  | { readonly kind: 'global' }
  | { readonly kind: 'has'; readonly label: string }
  | { readonly kind: SelectorValueKind; readonly label: string; readonly value: string }
  | { readonly kind: SelectorSetKind; readonly label: string; readonly values: readonly string[] }
  | { readonly kind: 'not'; readonly operand: SelectorNode }
  | {
      readonly kind: 'and' | 'or';
      readonly operands: readonly [SelectorNode, SelectorNode, ...SelectorNode[]];
    };

/**
 * Every `kind` a {@link SelectorNode} can have.
 *
 * @example
 * ```ts
 * const r = parseSelector("env not in {'dev'}");
 * const k: SelectorKind | undefined = r.ok ? r.value.kind : undefined; // 'notIn'
 * ```
 */
export type SelectorKind = SelectorNode['kind'];

/**
 * The {@link SelectorNode} variant with the given `kind`.
 *
 * @example
 * ```ts
 * const n: SelectorNodeOf<'has'> = { kind: 'has', label: 'app' };
 * printSelector(n); // 'has(app)'
 * ```
 */
export type SelectorNodeOf<K extends SelectorKind> = Extract<SelectorNode, { readonly kind: K }>;

/**
 * The longest label key a selector accepts (upstream `tokenizer.MaxLabelLength`, in bytes; label
 * characters are ASCII so bytes and characters agree).
 *
 * @example
 * ```ts
 * isSelectorLabel('a'.repeat(MAX_SELECTOR_LABEL_LENGTH + 1)); // false
 * ```
 */
export const MAX_SELECTOR_LABEL_LENGTH = 512;

/** True for the bytes upstream's `identifierChar` accepts: `[A-Za-z0-9_./-]`. */
export function isLabelCharCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || // a-z
    (c >= 65 && c <= 90) || // A-Z
    (c >= 48 && c <= 57) || // 0-9
    c === 95 || // _
    c === 46 || // .
    c === 47 || // /
    c === 45 // -
  );
}

/**
 * Whether `key` can be written as a label in a selector: 1–512 characters of `[A-Za-z0-9_./-]`
 * (upstream `tokenizer.ValidLabel`).
 *
 * @example
 * ```ts
 * isSelectorLabel('projectcalico.org/namespace'); // true
 * isSelectorLabel('café'); // false
 * ```
 */
export function isSelectorLabel(key: string): boolean {
  if (key.length === 0 || key.length > MAX_SELECTOR_LABEL_LENGTH) return false;
  for (let i = 0; i < key.length; i++) if (!isLabelCharCode(key.charCodeAt(i))) return false;
  return true;
}

/**
 * Orders strings the way Go compares them: bytewise over UTF-8, which is code-point order.
 * JavaScript's default sort compares UTF-16 code units, which differs for characters above
 * U+E000 versus astral characters (surrogate pairs).
 */
export function compareBytewise(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Lift surrogates above the rest of the BMP so code-unit order becomes code-point order.
    if (x >= 0xd800) x += x <= 0xdfff ? 0x2000 : -0x800;
    if (y >= 0xd800) y += y <= 0xdfff ? 0x2000 : -0x800;
    return x - y;
  }
  return a.length - b.length;
}

/** De-duplicates and sorts set-literal members the way upstream `ConvertToStringSetInPlace` does. */
export function normalizeSelectorSet(values: readonly string[]): readonly string[] {
  const out = [...new Set(values)];
  out.sort(compareBytewise);
  return out;
}

/** Exhaustiveness guard for `switch` over {@link SelectorKind}. */
export function assertNeverSelector(x: never): never {
  throw new Error(`unexpected selector node ${JSON.stringify(x)}`);
}
