/**
 * Helpers that turn builder state into IR objects: keys in upstream order, no `undefined` or empty
 * values, everything deep-frozen.
 */

import { CalicoValidationError } from '../result.js';
import { describeThrown } from '../shape/checks.js';

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

/** Puts keys in `order`, keeping empty objects that `ordered` would drop (a required `podSelector: {}`). */
export function inOrder(
  value: Readonly<Record<string, unknown>>,
  order: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) if (value[key] !== undefined) out[key] = value[key];
  return out;
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
 * objects are never frozen. Data that cannot be copied — a cycle, a getter or Proxy that throws —
 * throws {@link CalicoValidationError} with its path in the argument, never a stack overflow.
 */
export function frozenCopy<T>(value: T): T {
  const ancestors: object[] = [];
  const keys: (string | number)[] = []; // the path to the value being copied
  const refuse = (code: 'cyclic' | 'unreadable', message: string): never => {
    throw new CalicoValidationError([{ code, path: [...keys], message }]);
  };
  const child = (item: unknown, key: string | number): unknown => {
    keys.push(key);
    const out = copy(item);
    keys.pop();
    return out;
  };
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (ancestors.includes(v)) return refuse('cyclic', 'The argument refers to itself (a cycle)');
    ancestors.push(v);
    try {
      if (Array.isArray(v)) return Object.freeze(Array.from(v, child));
      if (!isPlainObject(v)) return v;
      // Object.fromEntries defines own data properties, so even a `__proto__` key stays plain data.
      return Object.freeze(Object.fromEntries(Object.entries(v).map(([k, item]) => [k, child(item, k)])));
    } catch (e) {
      if (e instanceof CalicoValidationError) throw e;
      return refuse('unreadable', `The argument could not be read: ${describeThrown(e)}`);
    } finally {
      ancestors.pop();
    }
  };
  return copy(value) as T;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
