/**
 * A safe, inert copy of untrusted input. Objects become `Map`s so that keys such as `__proto__`
 * are plain data, and nothing in the copy can run code (no getters, no Proxies).
 */
export type Json = null | boolean | number | string | readonly Json[] | JsonObject;

/** An object of a {@link Json} snapshot. */
export type JsonObject = ReadonlyMap<string, Json>;

/** A path into the input, as `Issue.path` holds it. */
export type Path = readonly (string | number)[];

/** What {@link snapshot} reports when the input is not plain JSON-shaped data. */
export interface SnapshotProblem {
  readonly code: 'unreadable' | 'cyclic' | 'too_deep' | 'too_large' | 'invalid_type';
  readonly path: Path;
  readonly message: string;
}

const MAX_DEPTH = 64;
const MAX_NODES = 5_000_000;

/**
 * Copies `input` into a {@link Json} snapshot without ever throwing: getters that throw, Proxies,
 * cycles, functions, symbols, bigints and non-finite numbers become problems at their path.
 * `undefined` object values are dropped (as JSON does).
 */
export function snapshot(input: unknown): { value: Json | undefined; problems: SnapshotProblem[] } {
  const problems: SnapshotProblem[] = [];
  const ancestors = new Set<object>();
  let nodes = 0;
  let exhausted = false;

  // Paths are built only when a problem is reported: a linked list of steps is cheap to extend.
  interface Step {
    readonly parent: Step | undefined;
    readonly key: string | number;
  }
  const toPath = (step: Step | undefined): Path => {
    const out: (string | number)[] = [];
    for (let s = step; s !== undefined; s = s.parent) out.push(s.key);
    return out.reverse();
  };

  const visit = (v: unknown, at: Step | undefined, depth: number): Json | undefined => {
    if (exhausted) return undefined;
    if (++nodes > MAX_NODES) {
      exhausted = true;
      problems.push({
        code: 'too_large',
        path: toPath(at),
        message: `The input is too large (more than ${MAX_NODES} values)`,
      });
      return undefined;
    }
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        if (Number.isFinite(v)) return Object.is(v, -0) ? 0 : v;
        problems.push({
          code: 'invalid_type',
          path: toPath(at),
          message: `${String(v)} is not a valid number: use a finite number`,
        });
        return undefined;
      case 'undefined':
        return undefined;
      case 'object':
        break;
      default:
        problems.push({
          code: 'invalid_type',
          path: toPath(at),
          message: `A ${typeof v} cannot appear in a resource: use a string, number, boolean, list or mapping`,
        });
        return undefined;
    }
    if (v === null) return null;
    if (depth >= MAX_DEPTH) {
      problems.push({
        code: 'too_deep',
        path: toPath(at),
        message: `The input nests deeper than ${MAX_DEPTH} levels`,
      });
      return undefined;
    }
    if (ancestors.has(v)) {
      problems.push({
        code: 'cyclic',
        path: toPath(at),
        message: 'The input refers to itself (a cycle): resources must be trees',
      });
      return undefined;
    }
    ancestors.add(v);
    try {
      if (Array.isArray(v)) {
        const len = v.length;
        const out: Json[] = [];
        for (let i = 0; i < len && !exhausted; i++) {
          const item = visit(v[i], { parent: at, key: i }, depth + 1);
          out.push(item === undefined ? null : item);
        }
        return out;
      }
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        problems.push({
          code: 'invalid_type',
          path: toPath(at),
          message: 'Only plain objects (mappings) and arrays can appear in a resource, not class instances',
        });
        return undefined;
      }
      const out = new Map<string, Json>();
      for (const key of Object.keys(v)) {
        if (exhausted) break;
        const item = visit((v as Record<string, unknown>)[key], { parent: at, key }, depth + 1);
        if (item !== undefined) out.set(key, item);
      }
      return out;
    } catch (e) {
      problems.push({
        code: 'unreadable',
        path: toPath(at),
        message: `Could not read this value: ${describeError(e)}`,
      });
      return undefined;
    } finally {
      ancestors.delete(v);
    }
  };

  let value: Json | undefined;
  try {
    value = visit(input, undefined, 0);
  } catch (e) {
    problems.push({ code: 'unreadable', path: [], message: `Could not read the input: ${describeError(e)}` });
    value = undefined;
  }
  return { value, problems };
}

function describeError(e: unknown): string {
  try {
    const m = e instanceof Error ? e.message : String(e);
    return m.length > 200 ? `${m.slice(0, 197)}...` : m;
  } catch {
    return 'unknown error';
  }
}

/** Whether a snapshot value is an object (mapping). */
export function isJsonObject(v: Json | undefined): v is JsonObject {
  return v instanceof Map;
}

/** Whether a snapshot value is a list. */
export function isJsonArray(v: Json | undefined): v is readonly Json[] {
  return Array.isArray(v);
}
