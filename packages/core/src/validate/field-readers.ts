/**
 * Reads the fields of a resource snapshot the way calicoctl's strict decoder does: `null` or
 * absent gives `undefined`, a value of the wrong type or an unknown field is an issue. The type
 * part is the shared shape checks' (one wording and code for "must be a string, not …"); what
 * is Calico's own (CRD list limits, `null` label values) is here.
 */

import { formatPath } from '../result.js';
import {
  boolean,
  integer,
  knownFields,
  list,
  mapping,
  number,
  type ShapeCheck,
  type ShapeGuard,
  string,
} from '../shape/checks.js';
import type { IssueCollector } from './issue-collector.js';
import { isJsonArray, isJsonObject, type Json, type JsonObject, type Path } from './json.js';

const aMapping = mapping();
const aList = list();
const aStringMapping = mapping('a mapping of strings');

// One check per field list and per integer range, made once (validate reads many resources).
const knownFieldChecks = new WeakMap<readonly string[], ShapeCheck>();
const integerGuards = new Map<string, ShapeGuard<number>>();

function knownFieldsOf(allowed: readonly string[]): ShapeCheck {
  let check = knownFieldChecks.get(allowed);
  if (check === undefined) {
    check = knownFields(allowed);
    knownFieldChecks.set(allowed, check);
  }
  return check;
}

/**
 * The integer guard for `[min, max]` (by default any safe integer, as Go's int64 fields decode;
 * larger JSON numbers cannot be told apart), made once per range.
 */
export function integerIn(
  min: number = Number.MIN_SAFE_INTEGER,
  max: number = Number.MAX_SAFE_INTEGER,
): ShapeGuard<number> {
  const key = `${min}:${max}`;
  let guard = integerGuards.get(key);
  if (guard === undefined) {
    guard = integer(min, max);
    integerGuards.set(key, guard);
  }
  return guard;
}

/**
 * Reads `v` as a struct (mapping) with the `allowed` field names: `null`/absent gives
 * `undefined`; another type or an unknown field is an issue.
 */
export function readStruct(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
  allowed: readonly string[],
): JsonObject | undefined {
  if (v === undefined || v === null) return undefined;
  if (!ctx.fits(aMapping, v, path) || !isJsonObject(v)) return undefined;
  ctx.shape(knownFieldsOf(allowed), v, path);
  return v;
}

/** Reads an optional field with a shape guard (`null` counts as absent). */
function readField<T>(
  ctx: IssueCollector,
  guard: ShapeGuard<T>,
  obj: JsonObject,
  key: string,
  path: Path,
): T | undefined {
  const v = obj.get(key);
  if (v === undefined || v === null) return undefined;
  return ctx.fits(guard, v, path, key) ? v : undefined;
}

/** Reads an optional string field. */
export function readString(
  ctx: IssueCollector,
  obj: JsonObject,
  key: string,
  path: Path,
): string | undefined {
  return readField(ctx, string, obj, key, path);
}

/** Reads an optional boolean field. */
export function readBool(ctx: IssueCollector, obj: JsonObject, key: string, path: Path): boolean | undefined {
  return readField(ctx, boolean, obj, key, path);
}

/** Reads an optional number field (any finite number). */
export function readNumber(
  ctx: IssueCollector,
  obj: JsonObject,
  key: string,
  path: Path,
): number | undefined {
  return readField(ctx, number, obj, key, path);
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
  return readField(ctx, integerIn(min, max), obj, key, path);
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
  const at = [...path, key];
  if (!ctx.fits(aList, v, at) || !isJsonArray(v)) return undefined;
  if (maxItems !== undefined && v.length > maxItems) {
    ctx.report(
      'too_many_items',
      at,
      `${formatPath(at)} has ${v.length} items; Calico allows at most ${maxItems}: split it across several rules or policies`,
    );
  }
  return v;
}

/** Reads an optional list of strings (the items that are not strings are issues, and left out). */
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
    if (ctx.fits(string, item, [...path, key], i)) out.push(item);
  });
  return out;
}

/**
 * Reads an optional `map[string]string` (labels, annotations). A `null` value reads as `""`, as
 * Go decodes it into a string map.
 */
export function readStringMap(
  ctx: IssueCollector,
  obj: JsonObject,
  key: string,
  path: Path,
): Map<string, string> | undefined {
  const v = obj.get(key);
  if (v === undefined || v === null) return undefined;
  const at = [...path, key];
  if (!ctx.fits(aStringMapping, v, at) || !isJsonObject(v)) return undefined;
  const out = new Map<string, string>();
  for (const [k, val] of v) {
    if (val === null) out.set(k, '');
    else if (ctx.fits(string, val, at, k)) out.set(k, val);
  }
  return out;
}

/**
 * Reads a list item as a struct. Unlike a field, a `null` item is not absent but a value of the
 * wrong type; `want` says what belongs there (`a rule like { action: Allow }`).
 */
export function readItemStruct(
  ctx: IssueCollector,
  v: Json,
  path: Path,
  allowed: readonly string[],
  want: string,
): JsonObject | undefined {
  if (v !== null) return readStruct(ctx, v, path, allowed);
  ctx.shape(mapping(want), v, path);
  return undefined;
}

/** Reads an optional mapping that is kept verbatim (a `status`, Felix's unchecked fields). */
export function readMapping(ctx: IssueCollector, v: Json | undefined, path: Path): JsonObject | undefined {
  if (v === undefined || v === null) return undefined;
  return ctx.fits(aMapping, v, path) && isJsonObject(v) ? v : undefined;
}

/** Reads an optional list (`want` names what it holds: `a list of rules`). */
export function readList(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
  want = 'a list',
): readonly Json[] | undefined {
  if (v === undefined || v === null) return undefined;
  return ctx.fits(want === 'a list' ? aList : list(want), v, path) && isJsonArray(v) ? v : undefined;
}
