import type { Port } from '../resources/rule.js';
import type { Issue } from '../result.js';
import { CalicoValidationError } from '../result.js';
import { resolveSelector, type SelectorInput } from '../selector/builder.js';
import { printSelector } from '../selector/print.js';
import { describeValue } from '../shape/checks.js';
import { frozenCopy } from './ir.js';

/**
 * One entry of `ports`/`notPorts` as the DSL accepts it: a number, a `"min:max"` range, a numeric
 * string or a named port.
 *
 * @example
 * ```ts
 * // .ports() and .notPorts() take them; a numeric string prints as the number, as calicoctl prints it:
 * rule.allow().tcp().ports(80, '8080', '30000:32767', 'http').toRule(); // { action: 'Allow', protocol: 'TCP', destination: { ports: [80, 8080, '30000:32767', 'http'] } }
 * ```
 */
export type PortInput = number | string;

/**
 * A label or annotation map as the DSL accepts it.
 *
 * @example
 * ```ts
 * tier('security').labels({ 'ibm.role': 'worker_public' }).toResource().metadata; // { name: 'security', labels: { 'ibm.role': 'worker_public' } }
 * ```
 */
export type StringMap = Readonly<Record<string, string>>;

/**
 * Turns a selector input into its text at output time: text verbatim (validation parses it, with
 * positions in the user's own text), a builder or tree as its canonical print. A builder or tree
 * that is not a valid selector adds its issues (under `path`) instead, so builder methods never throw.
 */
export function resolveSelectorText(input: SelectorInput, path: IssuePath, issues: Issue[]): string {
  if (typeof input === 'string') return input;
  const node = resolveSelector(input);
  if (node.ok) return printSelector(node.value);
  for (const found of node.issues) issues.push({ ...found, path: [...path, ...found.path] });
  return '';
}

/**
 * A path into the resource a builder produces, as `Issue.path` has it.
 *
 * @example
 * ```ts
 * // A builder's issues point into the resource it would have produced:
 * globalNetworkPolicy('p').allow().tcp().ports(70000).build(); // { ok: false, issues: [{ code: 'invalid_port', path: ['spec', 'ingress', 0, 'destination', 'ports', 0], message: 'Invalid port 70000: a port number must be an integer from 1 to 65535' }] }
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

/**
 * Copies a label/annotation map into a fresh plain object of own string entries, keeping key
 * order (a map that cannot be read throws `CalicoValidationError`, as {@link frozenCopy} does).
 */
export function copyStringMap(input: StringMap): Readonly<Record<string, string>> {
  if (input === undefined || input === null) return Object.freeze({});
  if (typeof input !== 'object')
    throw new CalicoValidationError([
      {
        code: 'invalid_type',
        path: [],
        message: `A label map must be a mapping, not ${describeValue(input)}`,
      },
    ]);
  return Object.freeze(Object.fromEntries(Object.entries(frozenCopy(input))));
}

/** `base` with the entries of `input` added (later keys win), both copied as {@link copyStringMap}. */
export function mergeStringMap(
  base: StringMap | undefined,
  input: StringMap,
): Readonly<Record<string, string>> {
  return Object.freeze({ ...base, ...copyStringMap(input) });
}
