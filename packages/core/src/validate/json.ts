/**
 * A safe, inert copy of untrusted input. Objects become `Map`s so that keys such as `__proto__`
 * are plain data, and nothing in the copy can run code (no getters, no Proxies).
 */
import { describeThrown } from '../shape/checks.js';

export type Json = null | boolean | number | string | readonly Json[] | JsonObject;

/** An object of a {@link Json} snapshot. */
export type JsonObject = ReadonlyMap<string, Json>;

/** A path into the input, as `Issue.path` holds it. */
export type Path = readonly (string | number)[];

/**
 * What {@link plainCopy} (and validation's snapshot) reports when the input is not plain
 * JSON-shaped data: an issue code of core's vocabulary, where, and why.
 *
 * @example
 * ```ts
 * const problem: SnapshotProblem | undefined = plainCopy({ spec: { order: Infinity } }).problems[0];
 * [problem?.code, problem?.path]; // ['invalid_type', ['spec', 'order']]
 * ```
 */
export interface SnapshotProblem {
  readonly code: 'unreadable' | 'cyclic' | 'too_deep' | 'too_large' | 'invalid_type';
  readonly path: readonly (string | number)[];
  readonly message: string;
}

const MAX_DEPTH = 64;
const MAX_NODES = 5_000_000;

/**
 * Copies `input` into a {@link Json} snapshot without ever throwing: getters that throw, Proxies,
 * cycles, functions, symbols, bigints, non-finite numbers and built-ins such as a Map or a RegExp
 * become problems at their path. As JSON reads them, `undefined` object values are dropped, a valid
 * `Date` becomes its ISO text and a class instance its own enumerable properties.
 *
 * @example
 * ```ts
 * snapshot({ spec: { order: 10n } }).problems[0]?.path; // ['spec', 'order']
 * ```
 */
export function snapshot(input: unknown): { value: Json | undefined; problems: SnapshotProblem[] } {
  return inertCopy(input, AS_MAPS) as { value: Json | undefined; problems: SnapshotProblem[] };
}

/**
 * The same copy as {@link snapshot} with objects as ordinary objects (each key an own data
 * property, so `__proto__` stays data): what code that reads plain objects takes from
 * untrusted input. Never throws.
 *
 * @example
 * ```ts
 * const cyclic: Record<string, unknown> = { kind: 'Pod' };
 * cyclic.self = cyclic;
 * plainCopy(cyclic); // { value: { kind: 'Pod' }, problems: [{ code: 'cyclic', path: ['self'], … }] }
 * plainCopy({ ports: [80, 8080n] }).value; // { ports: [80, null] }
 * ```
 */
export function plainCopy(input: unknown): { value: unknown; problems: SnapshotProblem[] } {
  return inertCopy(input, AS_OBJECTS);
}

/** How a copy builds its objects. */
interface ObjectBuilder {
  create(): unknown;
  set(object: unknown, key: string, value: unknown): void;
}

const AS_MAPS: ObjectBuilder = {
  create: () => new Map<string, Json>(),
  set: (o, key, value) => (o as Map<string, unknown>).set(key, value),
};

const AS_OBJECTS: ObjectBuilder = {
  create: () => ({}),
  set: (o, key, value) => {
    // Assignment would set the prototype for `__proto__`; a definition keeps it data.
    if (key === '__proto__')
      Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
    else (o as Record<string, unknown>)[key] = value;
  },
};

function inertCopy(input: unknown, objects: ObjectBuilder): { value: unknown; problems: SnapshotProblem[] } {
  const problems: SnapshotProblem[] = [];
  // The objects on the path to the one being copied (at most MAX_DEPTH: a scan beats a Set).
  const ancestors: object[] = [];
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

  const unreadable = (at: Step | undefined, e: unknown): undefined => {
    problems.push({
      code: 'unreadable',
      path: toPath(at),
      message: `Could not read this value: ${describeThrown(e)}`,
    });
    return undefined;
  };
  // One field: a getter or Proxy trap that throws is a problem at that field (read as absent).
  const read = (v: object, key: string | number, at: Step): unknown => {
    try {
      return (v as Record<string | number, unknown>)[key];
    } catch (e) {
      return unreadable(at, e);
    }
  };

  const visit = (v: unknown, at: Step | undefined, depth: number): unknown => {
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
          message: `A ${typeof v} is not plain data: use a string, number, boolean, list or mapping`,
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
    if (ancestors.includes(v)) {
      problems.push({
        code: 'cyclic',
        path: toPath(at),
        message: 'The input refers to itself (a cycle): it must be a tree of plain data',
      });
      return undefined;
    }
    ancestors.push(v);
    try {
      if (Array.isArray(v)) {
        const len = v.length;
        const out: unknown[] = [];
        for (let i = 0; i < len && !exhausted; i++) {
          const step = { parent: at, key: i };
          const item = visit(read(v, i, step), step, depth + 1);
          out.push(item === undefined ? null : item);
        }
        return out;
      }
      // A timestamp some YAML readers (js-yaml) give for `creationTimestamp: 2024-…Z`: the text
      // JSON gives it (Date#toJSON), as kubectl would have printed it.
      if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString();
      // Any other object reads as JSON reads it, its own enumerable properties (so a class instance
      // from a Kubernetes client library is a mapping), unless it is a built-in whose content JSON
      // would lose (a Map, a Set, a RegExp, an Error, a typed array).
      const tag = Object.prototype.toString.call(v).slice(8, -1);
      if (tag !== 'Object') {
        problems.push({
          code: 'invalid_type',
          path: toPath(at),
          message: `A ${tag} is not plain data: use a string, number, boolean, list or mapping`,
        });
        return undefined;
      }
      const out = objects.create();
      for (const key of Object.keys(v)) {
        if (exhausted) break;
        const step = { parent: at, key };
        const item = visit(read(v, key, step), step, depth + 1);
        if (item !== undefined) objects.set(out, key, item);
      }
      return out;
    } catch (e) {
      return unreadable(at, e);
    } finally {
      ancestors.pop();
    }
  };

  let value: unknown;
  try {
    value = visit(input, undefined, 0);
  } catch (e) {
    problems.push({
      code: 'unreadable',
      path: [],
      message: `Could not read the input: ${describeThrown(e)}`,
    });
    value = undefined;
  }
  return { value, problems };
}

/** Whether a snapshot value is an object (mapping). */
export function isJsonObject(v: Json | undefined): v is JsonObject {
  return v instanceof Map;
}

/** Whether a snapshot value is a list. */
export function isJsonArray(v: Json | undefined): v is readonly Json[] {
  return Array.isArray(v);
}
