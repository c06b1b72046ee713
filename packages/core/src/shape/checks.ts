/**
 * The one shape-checking core: small checks of JSON-shaped data (records, lists, strings,
 * numbers, enums, optional and required fields) that append issues with paths and the codes of
 * `ISSUE_CODES`. `fromYaml` checks the Kubernetes kinds with them, the evaluator the fields it
 * reads, and `validate` reads every field of a Calico resource through them. A message says what
 * the value must be and what it is (`must be a string, not number 1`); each caller names the
 * place its own way (a YAML line, a resource and path, a field path).
 */
import type { Issue } from '../result.js';
import { closestName } from './closest-name.js';

type Path = readonly (string | number)[];

/**
 * A shape check: appends an issue for every place `value` does not fit.
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * const port: ShapeCheck = shapeChecks.integer(1, 65535);
 * port(70000, ['spec', 'ports', 0, 'port'], issues);
 * // issues: [{ code: 'out_of_range', path: ['spec', 'ports', 0, 'port'], message: 'must be from 1 to 65535, not 70000' }]
 * ```
 */
export type ShapeCheck = (value: unknown, path: Path, issues: Issue[]) => void;

/**
 * A shape check that also tells TypeScript what `value` is when it fits (it returns `true`
 * exactly when it appended no issue), so a reader can check and narrow in one step.
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * const order: unknown = 100;
 * const isNumber: ShapeGuard<number> = shapeChecks.number;
 * if (isNumber(order, ['spec', 'order'], issues)) console.log(order.toFixed(1)); // '100.0'
 * ```
 */
export type ShapeGuard<T> = (value: unknown, path: Path, issues: Issue[]) => value is T;

const MAX_SHOWN = 40;

/**
 * What a value is, for messages: `string "web"`, `number 1`, `a list`, `a mapping`, `null`
 * (long strings are cut, so a huge input never makes a huge message).
 *
 * @example
 * ```ts
 * describeValue('tcp'); // 'string "tcp"'
 * describeValue([80]); // 'a list'
 * ```
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'string':
      return `string ${JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN - 3)}...` : value)}`;
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'symbol':
      return `${typeof value} ${String(value)}`;
    case 'function':
      return 'a function';
  }
  if (value === null) return 'null';
  try {
    return Array.isArray(value) ? 'a list' : 'a mapping';
  } catch {
    return 'a revoked Proxy'; // Array.isArray throws only for one
  }
}

/**
 * What an exception says, for messages: its message (long ones cut), whatever was thrown, and
 * never a throw itself (an exception whose message getter throws included).
 *
 * @example
 * ```ts
 * describeThrown(new Error('trap')); // 'trap'
 * describeThrown(42); // '42'
 * ```
 */
export function describeThrown(e: unknown): string {
  try {
    const m = e instanceof Error ? e.message : String(e);
    return m.length > 200 ? `${m.slice(0, 197)}...` : m;
  } catch {
    return 'an exception that cannot be shown';
  }
}

/**
 * Whether `value` has a method `name` (a builder's `toResource`, `toRule`); a Proxy that throws
 * on the question has none.
 *
 * @example
 * ```ts
 * hasMethod(tier('security'), 'toResource'); // true
 * ```
 */
export function hasMethod(value: unknown, name: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return typeof (value as Record<string, unknown>)[name] === 'function';
  } catch {
    return false;
  }
}

const wrongType = (path: Path, want: string, value: unknown, hint = ''): Issue => ({
  code: 'invalid_type',
  path,
  message: `must be ${want}, not ${describeValue(value)}${hint}`,
});

/** `; quote it: "1"` for a scalar where a string belongs (YAML read `1` or `true` as another type). */
const quoteHint = (value: unknown): string =>
  typeof value === 'number' || typeof value === 'boolean' ? `; quote it: "${String(value)}"` : '';

/** `; write it without quotes: 80` for a numeric string where a number belongs. */
const unquoteHint = (value: unknown): string =>
  typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
    ? `; write it without quotes: ${value.trim()}`
    : '';

/**
 * A string.
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * string(1, ['metadata', 'name'], issues);
 * // issues: [{ code: 'invalid_type', path: ['metadata', 'name'], message: 'must be a string, not number 1; quote it: "1"' }]
 * ```
 */
export const string: ShapeGuard<string> = (value, path, issues): value is string => {
  if (typeof value === 'string') return true;
  issues.push(wrongType(path, 'a string', value, quoteHint(value)));
  return false;
};

/**
 * A boolean.
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * boolean('yes', ['spec', 'hostNetwork'], issues);
 * // issues: [{ code: 'invalid_type', path: ['spec', 'hostNetwork'], message: 'must be true or false, not string "yes"' }]
 * ```
 */
export const boolean: ShapeGuard<boolean> = (value, path, issues): value is boolean => {
  if (typeof value === 'boolean') return true;
  issues.push(wrongType(path, 'true or false', value));
  return false;
};

/**
 * A finite number (integer or not).
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * number('100', ['spec', 'order'], issues);
 * // issues: [{ code: 'invalid_type', path: ['spec', 'order'], message: 'must be a number, not string "100"; write it without quotes: 100' }]
 * ```
 */
export const number: ShapeGuard<number> = (value, path, issues): value is number => {
  if (typeof value === 'number' && Number.isFinite(value)) return true;
  issues.push(wrongType(path, 'a number', value, unquoteHint(value)));
  return false;
};

/**
 * An integer within `[min, max]` (by default any safe integer, as Go's `int64` fields decode).
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * integer(1, 65535)(8080, ['port'], issues); // issues stays []
 * integer(1, 65535)(1.5, ['port'], issues);
 * // issues: [{ code: 'invalid_type', path: ['port'], message: 'must be an integer 1–65535, not number 1.5' }]
 * ```
 */
export function integer(
  min: number = Number.MIN_SAFE_INTEGER,
  max: number = Number.MAX_SAFE_INTEGER,
): ShapeGuard<number> {
  const want =
    min === Number.MIN_SAFE_INTEGER && max === Number.MAX_SAFE_INTEGER
      ? 'an integer'
      : `an integer ${min}–${max}`;
  return (value, path, issues): value is number => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      issues.push(wrongType(path, want, value, unquoteHint(value)));
      return false;
    }
    if (value < min || value > max) {
      issues.push({ code: 'out_of_range', path, message: `must be from ${min} to ${max}, not ${value}` });
      return false;
    }
    return true;
  };
}

/**
 * One of the given strings (case-sensitive, as Kubernetes decodes them).
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * oneOf('TCP', 'UDP', 'SCTP')('tcp', ['protocol'], issues);
 * // issues: [{ code: 'invalid_value', path: ['protocol'], message: 'must be one of TCP, UDP, SCTP, not string "tcp"' }]
 * ```
 */
export function oneOf(...allowed: readonly string[]): ShapeCheck {
  return (value, path, issues) => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      issues.push({
        code: 'invalid_value',
        path,
        message: `must be one of ${allowed.join(', ')}, not ${describeValue(value)}`,
      });
    }
  };
}

/**
 * Either of two checks (the first one's issues are reported when neither fits).
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * either(integer(1, 65535), string, 'a port number or a port name')(true, ['targetPort'], issues);
 * // issues: [{ code: 'invalid_type', path: ['targetPort'], message: 'must be a port number or a port name, not boolean true' }]
 * ```
 */
export function either(first: ShapeCheck, second: ShapeCheck, want: string): ShapeCheck {
  return (value, path, issues) => {
    const a: Issue[] = [];
    first(value, path, a);
    if (a.length === 0) return;
    const b: Issue[] = [];
    second(value, path, b);
    if (b.length === 0) return;
    issues.push(wrongType(path, want, value));
  };
}

/**
 * A list (`want` names what the list holds, for the message).
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * list('a list of rules')({ action: 'Allow' }, ['spec', 'ingress'], issues);
 * // issues: [{ code: 'invalid_type', path: ['spec', 'ingress'], message: 'must be a list of rules, not a mapping' }]
 * ```
 */
export function list(want = 'a list'): ShapeGuard<readonly unknown[]> {
  return (value, path, issues): value is readonly unknown[] => {
    if (Array.isArray(value)) return true;
    issues.push(wrongType(path, want, value));
    return false;
  };
}

/**
 * A mapping: a plain object, or a `Map` (the inert copy `validate` reads). `want` names what the
 * mapping holds, for the message.
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * mapping()(['Ingress'], ['spec'], issues);
 * // issues: [{ code: 'invalid_type', path: ['spec'], message: 'must be a mapping, not a list' }]
 * ```
 */
export function mapping(want = 'a mapping'): ShapeGuard<object> {
  return (value, path, issues): value is object => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return true;
    issues.push(wrongType(path, want, value));
    return false;
  };
}

const aList = list();
const aMapping = mapping();
const aStringMapping = mapping('a mapping of strings');

/** Up to this many allowed names, an unknown-field message lists them all. */
const LISTED_FIELDS_MAX = 24;

/**
 * The field names of a mapping must be among `allowed`, as calicoctl's strict decoder wants
 * (`unknown_field`, with the closest allowed name when one is close).
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * knownFields(['order', 'defaultAction'])({ ordr: 1 }, ['spec'], issues);
 * // issues: [{ code: 'unknown_field', path: ['spec', 'ordr'],
 * //   message: 'is not a known field: did you mean "order"? Allowed fields: order, defaultAction' }]
 * ```
 */
export function knownFields(allowed: readonly string[]): ShapeCheck {
  // A struct as large as FelixConfigurationSpec would bury the message under its field list.
  const listed =
    allowed.length <= LISTED_FIELDS_MAX
      ? ` Allowed fields: ${allowed.join(', ')}`
      : ` Check its spelling and case against Calico's reference for this resource (${allowed.length} fields).`;
  return (value, path, issues) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const key of value instanceof Map ? value.keys() : Object.keys(value)) {
      if (typeof key !== 'string' || allowed.includes(key)) continue;
      const near = closestName(key, allowed);
      issues.push({
        code: 'unknown_field',
        path: [...path, key],
        message: `is not a known field${near !== undefined ? `: did you mean "${near}"?` : '.'}${listed}`,
      });
    }
  };
}

/**
 * A list whose every item passes `item`.
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * listOf(string)(['10.0.0.1', 7], ['spec', 'clusterIPs'], issues);
 * // issues: [{ code: 'invalid_type', path: ['spec', 'clusterIPs', 1], message: 'must be a string, not number 7; quote it: "7"' }]
 * ```
 */
export function listOf(item: ShapeCheck): ShapeCheck {
  return (value, path, issues) => {
    if (!aList(value, path, issues)) return;
    value.forEach((entry, i) => {
      item(entry, [...path, i], issues);
    });
  };
}

/**
 * A mapping from strings to strings (labels, annotations, selectors).
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * stringMap({ app: 'web', tier: 1 }, ['metadata', 'labels'], issues);
 * // issues: [{ code: 'invalid_type', path: ['metadata', 'labels', 'tier'], message: 'must be a string, not number 1; quote it: "1"' }]
 * ```
 */
export const stringMap: ShapeCheck = (value, path, issues) => {
  if (!aStringMapping(value, path, issues) || !isObject(value)) return;
  for (const [key, entry] of Object.entries(value)) string(entry, [...path, key], issues);
};

/**
 * A mapping with the given fields checked where present; `required` ones must be present.
 * Other fields are allowed (Kubernetes objects carry many the SDK does not read).
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * object({ port: integer(1, 65535) }, ['port'])({ name: 'http' }, ['spec', 'ports', 0], issues);
 * // issues: [{ code: 'required', path: ['spec', 'ports', 0, 'port'], message: 'port is required' }]
 * ```
 */
export function object(
  fields: Readonly<Record<string, ShapeCheck>>,
  required: readonly string[] = [],
): ShapeCheck {
  return (value, path, issues) => {
    if (!aMapping(value, path, issues) || !isObject(value)) return;
    for (const name of required) {
      if (value[name] === undefined || value[name] === null) {
        issues.push({
          code: 'required',
          path: [...path, name],
          message: `${name} is required`,
        });
      }
    }
    for (const [name, check] of Object.entries(fields)) {
      const field = value[name];
      if (field !== undefined && field !== null) check(field, [...path, name], issues);
    }
  };
}

/**
 * Whether `value` is a mapping (not a list, not null).
 *
 * @example
 * ```ts
 * isObject({}); // true
 * isObject([]); // false
 * ```
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
