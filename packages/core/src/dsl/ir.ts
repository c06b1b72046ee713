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
