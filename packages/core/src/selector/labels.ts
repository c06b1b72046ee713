/**
 * A label map a selector is evaluated against: a plain record (use `Object.create(null)` for
 * labels read from input) or a `Map`. Keys are looked up as own properties only, so keys such as
 * `__proto__` or `constructor` are ordinary labels.
 *
 * @example
 * ```ts
 * // A plain record or a Map; both are looked up as own keys only:
 * matchSelector(unwrap(parseSelector("ibm.role == 'worker_public'")), new Map([['ibm.role', 'worker_public']])); // true
 * matchSelector(unwrap(parseSelector('has(constructor)')), { app: 'webserver' }); // false
 * ```
 */
export type SelectorLabels = Readonly<Record<string, string>> | ReadonlyMap<string, string>;

/** True when `labels` is a Map (or Map-like with `get`/`has` methods), not a plain record. */
export function isLabelMap(labels: SelectorLabels): labels is ReadonlyMap<string, string> {
  if (labels instanceof Map) return true;
  const l = labels as { readonly get?: unknown; readonly has?: unknown };
  return typeof l.get === 'function' && typeof l.has === 'function';
}

// Label values from typed callers are strings. Untyped input may hold something else: `undefined`
// counts as absent, any other value is compared as its text (Go maps hold only strings).

/** The value of label `key` in a record, or `undefined` when the record has no such own key. */
export function recordLabel(labels: Readonly<Record<string, string>>, key: string): string | undefined {
  const v: unknown = labels[key];
  if (v === undefined || !Object.hasOwn(labels, key)) return undefined;
  return typeof v === 'string' ? v : String(v);
}

/** The value of label `key` in a Map, or `undefined` when the map has no such key. */
export function mapLabel(labels: ReadonlyMap<string, string>, key: string): string | undefined {
  const v: unknown = labels.get(key);
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : String(v);
}

/** The value of label `key`, or `undefined` when it is absent. */
export function labelValue(labels: SelectorLabels, key: string): string | undefined {
  return isLabelMap(labels) ? mapLabel(labels, key) : recordLabel(labels, key);
}
