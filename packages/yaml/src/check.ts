import type { Issue } from '@calico-dsl/core';
import { YAML_ISSUE_CODES } from './codes.js';

type Path = readonly (string | number)[];

/**
 * A shape check: appends an issue for every place `value` does not fit.
 *
 * @example
 * ```ts
 * const port: Check = integer(1, 65535);
 * port(70000, ['spec', 'ports', 0, 'port'], issues); // issues gets one invalid_value
 * ```
 */
export type Check = (value: unknown, path: Path, issues: Issue[]) => void;

const describe = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'a mapping'
        : `${typeof value} ${JSON.stringify(value)}`;

const wrongType = (path: Path, want: string, value: unknown, hint = ''): Issue => ({
  code: YAML_ISSUE_CODES.invalidType,
  path,
  message: `must be ${want}, not ${describe(value)}${hint}`,
});

/**
 * A string.
 *
 * @example
 * ```ts
 * string('1', ['metadata', 'name'], issues); // ok
 * ```
 */
export const string: Check = (value, path, issues) => {
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
 * boolean(true, ['spec', 'hostNetwork'], issues); // ok
 * ```
 */
export const boolean: Check = (value, path, issues) => {
  if (typeof value !== 'boolean') issues.push(wrongType(path, 'true or false', value));
};

/**
 * An integer within `[min, max]`.
 *
 * @example
 * ```ts
 * integer(1, 65535)(8080, ['port'], issues); // ok
 * ```
 */
export function integer(min: number, max: number): Check {
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isInteger(value))
      issues.push(wrongType(path, `an integer ${min}–${max}`, value));
    else if (value < min || value > max) {
      issues.push({
        code: YAML_ISSUE_CODES.invalidValue,
        path,
        message: `must be between ${min} and ${max}, not ${value}`,
      });
    }
  };
}

/**
 * One of the given strings (case-sensitive, as Kubernetes decodes them).
 *
 * @example
 * ```ts
 * oneOf('TCP', 'UDP', 'SCTP')('TCP', ['protocol'], issues); // ok
 * ```
 */
export function oneOf(...allowed: readonly string[]): Check {
  return (value, path, issues) => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      issues.push({
        code: YAML_ISSUE_CODES.invalidValue,
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
 * either(integer(1, 65535), string)('http', ['targetPort'], issues); // ok
 * ```
 */
export function either(first: Check, second: Check, want: string): Check {
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
 * listOf(string)(['a', 'b'], ['spec', 'clusterIPs'], issues); // ok
 * ```
 */
export function listOf(item: Check): Check {
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
 * stringMap({ app: 'web' }, ['metadata', 'labels'], issues); // ok
 * ```
 */
export const stringMap: Check = (value, path, issues) => {
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
 * object({ port: integer(1, 65535) }, ['port'])({ port: 80 }, ['spec', 'ports', 0], issues); // ok
 * ```
 */
export function object(fields: Readonly<Record<string, Check>>, required: readonly string[] = []): Check {
  return (value, path, issues) => {
    if (!isObject(value)) {
      issues.push(wrongType(path, 'a mapping', value));
      return;
    }
    for (const name of required) {
      if (value[name] === undefined || value[name] === null) {
        issues.push({
          code: YAML_ISSUE_CODES.required,
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
