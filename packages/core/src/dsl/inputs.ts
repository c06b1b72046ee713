import type { Port } from '../resources/rule.js';
import { CalicoValidationError, type Issue } from '../result.js';

/**
 * A selector as the DSL accepts it: Calico selector text, or any object whose `toString()` prints
 * canonical selector text (such as a selector builder from `sel`).
 *
 * @example
 * ```ts
 * const a: SelectorLike = "ibm.role == 'worker_public'";
 * const b: SelectorLike = { toString: () => 'all()' };
 * ```
 */
export type SelectorLike = string | { toString(): string };

/**
 * One entry of `ports`/`notPorts` as the DSL accepts it: a number, a `"min:max"` range, a numeric
 * string or a named port.
 *
 * @example
 * ```ts
 * const ports: PortInput[] = [80, '30000:32767', 'http'];
 * ```
 */
export type PortInput = number | string;

/**
 * A label or annotation map as the DSL accepts it.
 *
 * @example
 * ```ts
 * const labels: StringMap = { 'ibm.role': 'worker_public' };
 * ```
 */
export type StringMap = Readonly<Record<string, string>>;

/**
 * Turns a selector input into its text at output time: strings verbatim, objects through
 * `toString()`. A selector builder that carries issues throws `CalicoValidationError` from
 * `toString()`; its issues are collected (under `path`) instead, so builder methods never throw.
 */
export function resolveSelectorText(input: SelectorLike, path: IssuePath, issues: Issue[]): string {
  if (typeof input === 'string') return input;
  try {
    return String(input);
  } catch (error) {
    if (error instanceof CalicoValidationError) {
      for (const issue of error.issues) issues.push({ ...issue, path: [...path, ...issue.path] });
    } else {
      const reason = error instanceof Error ? error.message : String(error);
      issues.push({
        code: 'invalid_selector',
        path: [...path],
        message: `the selector could not be printed: ${reason}`,
      });
    }
    return '';
  }
}

/**
 * A path into the resource a builder produces, as `Issue.path` has it.
 *
 * @example
 * ```ts
 * const at: IssuePath = ['spec', 'ingress', 0, 'destination', 'ports', 0];
 * ```
 */
export type IssuePath = readonly (string | number)[];

const DIGITS = /^\d+$/;
const RANGE = /^(\d+):(\d+)$/;
const MAX_PORT = 65535;

/**
 * The form calicoctl prints a port in (numorstring `MarshalJSON`): a single port as a number, a
 * range as `"min:max"`, a name as is. Entries that do not decode are kept verbatim so that
 * validation reports them with the user's own text.
 */
export function canonicalPort(input: PortInput): Port {
  if (typeof input === 'number') return input;
  if (DIGITS.test(input)) {
    const n = Number(input);
    return n <= MAX_PORT ? n : input;
  }
  const range = RANGE.exec(input);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    if (min > MAX_PORT || max > MAX_PORT || min > max) return input;
    return min === max ? min : `${min}:${max}`;
  }
  return input;
}

/** Copies a label/annotation map into a fresh plain object of own string entries, keeping key order. */
export function copyStringMap(input: StringMap): Readonly<Record<string, string>> {
  return Object.freeze(Object.fromEntries(Object.entries(input)));
}
