import { isJsonArray, isJsonObject, type Json } from './json.js';

/** The output `validate` builds: a plain object whose keys are added in Calico's printed order. */
export type CanonicalObject = Record<string, unknown>;

/** Sets `key` on `out` as an own data property (safe for any key, including `__proto__`). */
export function setOwn(out: CanonicalObject, key: string, value: unknown): void {
  if (value === undefined) return;
  // Plain assignment is fast and safe for every key but `__proto__`, which would set the prototype.
  if (key === '__proto__') {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    out[key] = value;
  }
}

/** Turns a string map into a plain output object. */
export function mapToCanonical(map: ReadonlyMap<string, string>): CanonicalObject {
  const out: CanonicalObject = {};
  for (const [k, v] of map) setOwn(out, k, v);
  return out;
}

/** Copies a snapshot value verbatim into plain output data (for pass-through fields). */
export function jsonToCanonical(v: Json): unknown {
  if (isJsonArray(v)) return v.map(jsonToCanonical);
  if (isJsonObject(v)) {
    const out: CanonicalObject = {};
    for (const [k, val] of v) setOwn(out, k, jsonToCanonical(val));
    return out;
  }
  return v;
}
