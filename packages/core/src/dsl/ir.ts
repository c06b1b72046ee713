/**
 * Helpers that turn builder state into IR objects: keys in upstream order, no `undefined` or empty
 * values, everything deep-frozen.
 */

/** Whether a value carries no information (and so is omitted from the IR, as Go's `omitempty`). */
function isEmpty(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length === 0;
  return false;
}

/**
 * Builds an object with the keys of `order` that `source` has set (non-empty), in that order.
 * Keys of `source` not in `order` are dropped: the tables in field-order.ts list every IR field.
 */
export function ordered<T>(source: Readonly<Record<string, unknown>>, order: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of order) {
    const value = source[key];
    if (!isEmpty(value)) out[key] = value;
  }
  return out as T;
}

/** Freezes an IR value and everything reachable from it, returning it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * A deep-frozen copy of caller data (plain objects and arrays; other values as they are), taken at
 * call time so that later changes to the caller's objects never reach a builder, and the caller's
 * objects are never frozen.
 */
export function frozenCopy<T>(value: T): T {
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as T;
  if (typeof value === 'object' && value !== null && isPlainObject(value)) {
    // Object.fromEntries defines own data properties, so even a `__proto__` key stays plain data.
    return Object.freeze(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frozenCopy(v)]))) as T;
  }
  return value;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
