/**
 * The one shape-checking core: small checks of JSON-shaped data (records, lists, strings,
 * numbers, enums, optional and required fields) that append issues with paths and the codes of
 * `ISSUE_CODES`. `fromYaml` checks the Kubernetes kinds with them, the evaluator the fields it
 * reads; `validate` walks Calico resources field by field with the same codes.
 */
import type { Issue } from '../result.js';

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

const describe = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'a mapping'
        : `${typeof value} ${JSON.stringify(value)}`;

const wrongType = (path: Path, want: string, value: unknown, hint = ''): Issue => ({
  code: 'invalid_type',
  path,
  message: `must be ${want}, not ${describe(value)}${hint}`,
});

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
export const string: ShapeCheck = (value, path, issues) => {
  if (typeof value !== 'string')
    issues.push(
      wrongType(
        path,
        'a string',
        value,
        typeof value === 'number' || typeof value === 'boolean' ? `; quote it: "${String(value)}"` : '',
      ),
    );
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
export const boolean: ShapeCheck = (value, path, issues) => {
  if (typeof value !== 'boolean') issues.push(wrongType(path, 'true or false', value));
};

/**
 * A finite number (integer or not).
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * number('100', ['spec', 'order'], issues);
 * // issues: [{ code: 'invalid_type', path: ['spec', 'order'], message: 'must be a number, not string "100"' }]
 * ```
 */
export const number: ShapeCheck = (value, path, issues) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) issues.push(wrongType(path, 'a number', value));
};

/**
 * An integer within `[min, max]`.
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * integer(1, 65535)(8080, ['port'], issues); // issues stays []
 * integer(1, 65535)(1.5, ['port'], issues);
 * // issues: [{ code: 'invalid_type', path: ['port'], message: 'must be an integer 1–65535, not number 1.5' }]
 * ```
 */
export function integer(min: number, max: number): ShapeCheck {
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isInteger(value))
      issues.push(wrongType(path, `an integer ${min}–${max}`, value));
    else if (value < min || value > max) {
      issues.push({ code: 'out_of_range', path, message: `must be from ${min} to ${max}, not ${value}` });
    }
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
        message: `must be one of ${allowed.join(', ')}, not ${describe(value)}`,
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
    if (!Array.isArray(value)) {
      issues.push(wrongType(path, 'a list', value));
      return;
    }
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
  if (!isObject(value)) {
    issues.push(wrongType(path, 'a mapping of strings', value));
    return;
  }
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
    if (!isObject(value)) {
      issues.push(wrongType(path, 'a mapping', value));
      return;
    }
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
