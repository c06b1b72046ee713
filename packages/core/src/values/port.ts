import { fail, ok, type Result } from '../result.js';
import { describeValue } from '../shape/checks.js';

/**
 * A decoded numeric port or inclusive port range (`min === max` for a single port).
 *
 * @example
 * ```ts
 * // parsePort decodes a number or a "min:max" range into one:
 * parsePort('30000:32767'); // { ok: true, value: { min: 30000, max: 32767 } }
 * parsePort(443); // { ok: true, value: { min: 443, max: 443 } }
 * ```
 */
export interface PortRange {
  readonly min: number;
  readonly max: number;
}

/**
 * A decoded named port, resolved later against the ports endpoints declare.
 *
 * @example
 * ```ts
 * // parsePort keeps a valid port name for later resolution:
 * parsePort('http'); // { ok: true, value: { name: 'http' } }
 * ```
 */
export interface NamedPort {
  readonly name: string;
}

/**
 * One decoded entry of a rule's `ports` / `notPorts` list.
 *
 * @example
 * ```ts
 * const r = parsePort('http');
 * const p: ParsedPort | undefined = r.ok ? r.value : undefined;
 * ```
 */
export type ParsedPort = PortRange | NamedPort;

const ALL_DIGITS = /^[0-9]+$/;
const PORT_RANGE = /^([0-9]+):([0-9]+)$/;
// numorstring's name regex: the only syntax check a named port gets while decoding.
const PORT_NAME_SYNTAX = /^[a-zA-Z0-9_.-]{1,128}$/;
const MAX_PORT = 65535;

/** Parses an all-digit string as a uint16 the way Go's `strconv.ParseUint(s, 10, 16)` does. */
function parseUint16(digits: string): number | undefined {
  const trimmed = digits.replace(/^0+(?=[0-9])/, '');
  if (trimmed.length > 5) return undefined;
  const n = Number(trimmed);
  return n <= MAX_PORT ? n : undefined;
}

function portIssue(input: number | string, message: string): Result<never> {
  return fail({
    code: 'invalid_port',
    path: [],
    message: `Invalid port ${JSON.stringify(input)}: ${message}`,
  });
}

/**
 * Decodes one entry of a rule's `ports` list exactly as Calico's `numorstring.Port` decoder does:
 * a number 0–65535, an all-digit string, a `"min:max"` range with `min <= max`, or any other
 * string matching `^[a-zA-Z0-9_.-]{1,128}$` as a named port. Range validity (port 0) and the IANA
 * port-name rules are validation, not decoding: see {@link isValidPortName} and `validate`.
 *
 * @example
 * ```ts
 * parsePort(80);            // { ok: true, value: { min: 80, max: 80 } }
 * parsePort('8000:9000');   // { ok: true, value: { min: 8000, max: 9000 } }
 * parsePort('http');        // { ok: true, value: { name: 'http' } }
 * parsePort('100:80').ok;   // false: minimum greater than maximum
 * ```
 */
export function parsePort(input: number | string): Result<ParsedPort> {
  if (typeof input === 'number') {
    if (!Number.isInteger(input) || input < 0 || input > MAX_PORT) {
      return portIssue(input, 'a port number must be an integer from 1 to 65535');
    }
    const n = input === 0 ? 0 : input; // normalise -0
    return ok({ min: n, max: n });
  }
  if (typeof input !== 'string') {
    return fail({
      code: 'invalid_type',
      path: [],
      message: `A port must be a number, a "min:max" range or a port name, not ${describeValue(input)}`,
    });
  }
  if (ALL_DIGITS.test(input)) {
    const n = parseUint16(input);
    return n === undefined
      ? portIssue(input, 'a port number must be from 1 to 65535')
      : ok({ min: n, max: n });
  }
  const range = PORT_RANGE.exec(input);
  if (range) {
    const min = parseUint16(range[1]!);
    if (min === undefined) return portIssue(input, 'the minimum port of the range must be from 1 to 65535');
    const max = parseUint16(range[2]!);
    if (max === undefined) return portIssue(input, 'the maximum port of the range must be from 1 to 65535');
    if (min > max) {
      return portIssue(
        input,
        `minimum port number (${min}) is greater than maximum port number (${max}) in port range: write "${max}:${min}"`,
      );
    }
    return ok({ min, max });
  }
  if (PORT_NAME_SYNTAX.test(input)) return ok({ name: input });
  return portIssue(
    input,
    'not a port number, a "min:max" range (colon, no spaces) or a port name of letters, digits, "-", "_" and "."',
  );
}

/**
 * Whether `name` is a valid Kubernetes/IANA port name (`IsValidPortName`): 1–15 characters of
 * lowercase letters, digits and `-`, at least one letter, no leading, trailing or double `-`.
 *
 * @example
 * ```ts
 * isValidPortName('http-alt'); // true
 * isValidPortName('HTTP');     // false (uppercase)
 * isValidPortName('80-90');    // false (no letter)
 * ```
 */
export function isValidPortName(name: string): boolean {
  return portNameProblem(name) === undefined;
}

/**
 * Explains why `name` is not a valid IANA port name, or returns `undefined` when it is.
 *
 * @example
 * ```ts
 * portNameProblem('my.port'); // 'may contain only lowercase letters, digits and "-"'
 * portNameProblem('web');     // undefined
 * ```
 */
export function portNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 15) return 'must be at most 15 characters';
  if (!/^[-a-z0-9]+$/.test(name)) return 'may contain only lowercase letters, digits and "-"';
  if (!/[a-z]/.test(name)) return 'must contain at least one letter';
  if (name.includes('--')) return 'must not contain "--"';
  if (name.startsWith('-') || name.endsWith('-')) return 'must not begin or end with "-"';
  return undefined;
}

/** `30000-32767`: a range written with a dash, which Calico reads as a (bad) port name. */
const DASHED_RANGE = /^(\d+)-(\d+)$/;

/**
 * Why Calico's validator refuses a decoded rule port (`validatePort`: a number or range that
 * includes port 0; the `portName` tag: a name that is not an IANA service name), with the issue
 * code `validate` gives it, or `undefined` for a port it takes. The one place for this rule: the
 * evaluator reads refused ports with it too.
 *
 * @example
 * ```ts
 * portProblem({ min: 0, max: 79 })?.code; // 'port_out_of_range'
 * portProblem({ name: '80-90' })?.code; // 'invalid_port_name' (the message says: write "80:90")
 * portProblem({ name: 'http' }); // undefined
 * ```
 */
export function portProblem(
  port: ParsedPort,
): { readonly code: 'invalid_port_name' | 'port_out_of_range'; readonly message: string } | undefined {
  if (!isNamedPort(port)) {
    return port.min < 1 || port.max < 1
      ? {
          code: 'port_out_of_range',
          message: `port range invalid, port number must be between 1 and 65535: ${JSON.stringify(formatPort(port))} includes port 0`,
        }
      : undefined;
  }
  const problem = portNameProblem(port.name);
  if (problem === undefined) return undefined;
  const lower = port.name.toLowerCase().replace(/[^-a-z0-9]/g, '-');
  const range = DASHED_RANGE.exec(port.name);
  const hint = range
    ? `; a port range is written with a colon: write "${range[1]}:${range[2]}"`
    : lower !== port.name && portNameProblem(lower) === undefined
      ? `; did you mean "${lower}"?`
      : '';
  return {
    code: 'invalid_port_name',
    message: `Invalid port name ${JSON.stringify(port.name)}: a port name ${problem} (IANA service name, at most 15 characters of a-z, 0-9 and "-")${hint}`,
  };
}

/**
 * Whether a decoded port is a named port.
 *
 * @example
 * ```ts
 * isNamedPort({ name: 'http' }); // true
 * ```
 */
export function isNamedPort(port: ParsedPort): port is NamedPort {
  return 'name' in port;
}

/**
 * Prints a decoded port the way Calico marshals it: a number for a single port, `"min:max"` for a
 * range, the name for a named port.
 *
 * @example
 * ```ts
 * formatPort({ min: 80, max: 80 });     // 80
 * formatPort({ min: 80, max: 90 });     // '80:90'
 * formatPort({ name: 'http' });         // 'http'
 * ```
 */
export function formatPort(port: ParsedPort): number | string {
  if (isNamedPort(port)) return port.name;
  return port.min === port.max ? port.min : `${port.min}:${port.max}`;
}
