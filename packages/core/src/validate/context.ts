import type { IssueCode } from '../issue-codes.js';
import { formatPath, type Issue, issue } from '../result.js';
import { describeJson, isJsonArray, isJsonObject, type Json, type JsonObject, type Path } from './json.js';

/** Collects the issues found while a resource is walked (`validate`'s one mutable piece). */
export class IssueCollector {
  readonly issues: Issue[] = [];

  /** Records one issue. */
  report(code: IssueCode, path: Path, message: string): void {
    this.issues.push(issue(code, [...path], message));
  }
}

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

function levenshtein(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** The allowed field closest to a misspelt one, if any is close. */
export function suggest(key: string, allowed: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const exact = allowed.find((a) => a.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestD = 3;
  for (const a of allowed) {
    const d = levenshtein(lower, a.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = a;
    }
  }
  return best;
}

/**
 * Reads `v` as a struct (mapping) with the `allowed` field names, as calicoctl's strict decoder
 * does: `null`/absent gives `undefined`; another type or an unknown field is an issue.
 */
export function readStruct(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
  allowed: readonly string[],
): JsonObject | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isJsonObject(v)) {
    ctx.report(
      'invalid_type',
      path,
      `${formatPath(path)} must be a mapping (object), not ${describeJson(v)}`,
    );
    return undefined;
  }
  for (const key of v.keys()) {
    if (allowed.includes(key)) continue;
    const hint = suggest(key, allowed);
    ctx.report(
      'unknown_field',
      [...path, key],
      `Unknown field "${key}" in ${formatPath(path)}${hint !== undefined ? `: did you mean "${hint}"?` : '.'} Allowed fields: ${allowed.join(', ')}`,
    );
  }
  return v;
}

/** Reads an optional string field (`null` counts as absent). */
export function readString(
  ctx: IssueCollector,
  obj: JsonObject,
  key: string,
  path: Path,
): string | undefined {
  const v = obj.get(key);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  ctx.report(
    'invalid_type',
    [...path, key],
    `${formatPath([...path, key])} must be a string, not ${describeJson(v)}`,
  );
  return undefined;
}

/** Reads an optional boolean field. */
export function readBool(ctx: IssueCollector, obj: JsonObject, key: string, path: Path): boolean | undefined {
  const v = obj.get(key);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  ctx.report(
    'invalid_type',
    [...path, key],
    `${formatPath([...path, key])} must be true or false, not ${describeJson(v)}`,
  );
  return undefined;
}

/** Reads an optional number field (any finite number). */
export function readNumber(
  ctx: IssueCollector,
  obj: JsonObject,
  key: string,
  path: Path,
): number | undefined {
  const v = obj.get(key);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v;
  ctx.report(
    'invalid_type',
    [...path, key],
    `${formatPath([...path, key])} must be a number${typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? ` (write ${v} without quotes)` : ''}, not ${describeJson(v)}`,
  );
  return undefined;
}

/** Reads an optional integer field within [min, max] (a decode error otherwise, like Go's int types). */
export function readInt(
  ctx: IssueCollector,
  obj: JsonObject,
  key: string,
  path: Path,
  min: number,
  max: number,
): number | undefined {
  const v = readNumber(ctx, obj, key, path);
  if (v === undefined) return undefined;
  if (!Number.isInteger(v)) {
    ctx.report(
      'invalid_type',
      [...path, key],
      `${formatPath([...path, key])} must be a whole number, not ${v}`,
    );
    return undefined;
  }
  if (v < min || v > max) {
    ctx.report(
      'out_of_range',
      [...path, key],
      `${formatPath([...path, key])} must be from ${min} to ${max}, not ${v}`,
    );
    return undefined;
  }
  return v;
}

/** Reads an optional list field; `maxItems` mirrors the CRD limit. */
export function readArray(
  ctx: IssueCollector,
  obj: JsonObject,
  key: string,
  path: Path,
  maxItems?: number,
): readonly Json[] | undefined {
  const v = obj.get(key);
  if (v === undefined || v === null) return undefined;
  if (!isJsonArray(v)) {
    ctx.report(
      'invalid_type',
      [...path, key],
      `${formatPath([...path, key])} must be a list, not ${describeJson(v)}`,
    );
    return undefined;
  }
  if (maxItems !== undefined && v.length > maxItems) {
    ctx.report(
      'too_many_items',
      [...path, key],
      `${formatPath([...path, key])} has ${v.length} items; Calico allows at most ${maxItems}: split it across several rules or policies`,
    );
  }
  return v;
}

/** Reads an optional list of strings. */
export function readStringList(
  ctx: IssueCollector,
  obj: JsonObject,
  key: string,
  path: Path,
  maxItems?: number,
): string[] | undefined {
  const arr = readArray(ctx, obj, key, path, maxItems);
  if (arr === undefined) return undefined;
  const out: string[] = [];
  arr.forEach((item, i) => {
    if (typeof item === 'string') out.push(item);
    else
      ctx.report(
        'invalid_type',
        [...path, key, i],
        `${formatPath([...path, key, i])} must be a string, not ${describeJson(item)}`,
      );
  });
  return out;
}

/** Reads an optional `map[string]string` (labels, annotations) into a null-prototype record. */
export function readStringMap(
  ctx: IssueCollector,
  obj: JsonObject,
  key: string,
  path: Path,
): Map<string, string> | undefined {
  const v = obj.get(key);
  if (v === undefined || v === null) return undefined;
  if (!isJsonObject(v)) {
    ctx.report(
      'invalid_type',
      [...path, key],
      `${formatPath([...path, key])} must be a mapping of strings, not ${describeJson(v)}`,
    );
    return undefined;
  }
  const out = new Map<string, string>();
  for (const [k, val] of v) {
    if (typeof val === 'string') out.set(k, val);
    else if (val !== null)
      ctx.report(
        'invalid_type',
        [...path, key, k],
        `${formatPath([...path, key, k])} must be a string${typeof val === 'number' || typeof val === 'boolean' ? ` (quote it: "${String(val)}")` : ''}, not ${describeJson(val)}`,
      );
    else out.set(k, '');
  }
  return out;
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
