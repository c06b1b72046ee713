/**
 * The one checker over `FELIX_FIELDS`: reads a FelixConfiguration value the way Go decodes it
 * into its field type, then applies the field's constraints. Each kind of rule is one case.
 */
import { formatPath } from '../../result.js';
import { boolean, describeValue, mapping, number, string } from '../../shape/checks.js';
import { isNamedPort, parsePort, portNameProblem } from '../../values/port.js';
import { type CanonicalObject, jsonToCanonical, setOwn } from '../canonical.js';
import { integerIn, readItemStruct, readList } from '../field-readers.js';
import type { IssueCollector } from '../issue-collector.js';
import { isJsonObject, type Json, type Path } from '../json.js';
import type { DurationRule, FelixFieldRule, PortRule, StringRule, StructRule } from './field-rule.js';
import { formatGoDuration, parseGoDuration } from './go-duration.js';
import { readProtoPort } from './proto-port.js';
import { STRING_FORMATS } from './string-formats.js';

const UINT8 = integerIn(0, 255);
const aStringMapping = mapping('a mapping of strings');

function checkString(ctx: IssueCollector, rule: StringRule, value: string, at: Path): void {
  // A plain string field is omitempty: "" is unset for Go's validators and absent for the CRD.
  if (value === '' && rule.checkEmpty !== true) return;
  const where = formatPath(at);
  if (rule.maxLength !== undefined && [...value].length > rule.maxLength) {
    ctx.report('too_long', at, `${where} is longer than ${rule.maxLength} characters: shorten it`);
  }
  const shown = JSON.stringify(value);
  if (rule.oneOf !== undefined && !rule.oneOf.includes(value)) {
    const fixed = rule.oneOf.find((v) => v.toLowerCase() === value.toLowerCase());
    const fix =
      fixed !== undefined
        ? `values are case-sensitive, write "${fixed}"`
        : `use one of ${rule.oneOf.join(', ')}${value === '' ? ', or leave the field out' : ''}`;
    ctx.report('invalid_value', at, `Invalid ${where} ${shown}: ${fix}`);
    return;
  }
  if (rule.pattern !== undefined && !rule.pattern.test(value)) {
    const quoted = rule.pattern.source.startsWith('^(?i)') ? '' : ` (CRD pattern ${rule.pattern.source})`;
    ctx.report('invalid_value', at, `Invalid ${where} ${shown}${quoted}: ${rule.pattern.hint}`);
    return;
  }
  if (rule.format !== undefined) {
    const problem = STRING_FORMATS[rule.format](value);
    if (problem !== undefined) ctx.report(problem.code, at, `${where} ${shown} ${problem.message}`);
  }
}

function checkDuration(ctx: IssueCollector, rule: DurationRule, value: Json, at: Path): void {
  const where = formatPath(at);
  if (typeof value !== 'string') {
    const seconds = typeof value === 'number' ? `; for ${value} seconds write "${value}s"` : '';
    ctx.report(
      'invalid_type',
      at,
      `${where} must be a duration string like "90s" or "1m30s", not ${describeValue(value)}${seconds}`,
    );
    return;
  }
  const nanoseconds = parseGoDuration(value);
  if (nanoseconds === undefined) {
    const unit = /^[+-]?[0-9.]+$/.test(value) ? ` (a unit is required: "${value}s")` : '';
    ctx.report(
      'invalid_value',
      at,
      `Invalid ${where} ${JSON.stringify(value)}: not a Go duration${unit}; write a number with a unit (h, m, s, ms, us, ns), e.g. "90s", "1m30s" or "500ms"`,
    );
    return;
  }
  if (rule.nonNegative === true && nanoseconds < 0n) {
    ctx.report(
      'out_of_range',
      at,
      `${where} ${JSON.stringify(value)} must not be negative: write "0s" or more`,
    );
    return;
  }
  // Calico tests the CRD pattern on the text metav1.Duration marshals, not on the input.
  const marshalled = formatGoDuration(nanoseconds);
  if (rule.pattern !== undefined && !rule.pattern.test(marshalled)) {
    const rejected =
      marshalled === value
        ? `the CRD pattern ${rule.pattern.source} rejects it`
        : `Calico stores it as "${marshalled}", which the CRD pattern ${rule.pattern.source} rejects`;
    ctx.report(
      'invalid_value',
      at,
      `Invalid ${where} ${JSON.stringify(value)}: ${rejected}; ${rule.pattern.hint}`,
    );
  }
}

function checkPort(ctx: IssueCollector, rule: PortRule, value: Json, at: Path): void {
  const where = formatPath(at);
  if (typeof value !== 'number' && typeof value !== 'string') {
    const want = rule.named
      ? 'a port number, a "min:max" range or a port name'
      : 'a port number or a "min:max" range';
    ctx.report('invalid_type', at, `${where} must be ${want}, not ${describeValue(value)}`);
    return;
  }
  const port = parsePort(value);
  if (!port.ok) {
    for (const i of port.issues) ctx.report(i.code, at, `${where}: ${i.message}`);
    return;
  }
  if (isNamedPort(port.value)) {
    if (!rule.named) {
      // validateFelixConfigSpec: kubeNodePortRanges hold numbers only.
      ctx.report(
        'invalid_port',
        at,
        `${where} ${JSON.stringify(value)} is a named port; node port ranges take a number or a "min:max" range, e.g. "30000:32767"`,
      );
      return;
    }
    const problem = portNameProblem(port.value.name);
    if (problem !== undefined) {
      ctx.report('invalid_port_name', at, `${where} port name ${JSON.stringify(port.value.name)} ${problem}`);
    }
  } else if (port.value.min === 0) {
    // validatePort: a port number must be between 1 and 65535.
    ctx.report(
      'port_out_of_range',
      at,
      `${where} ${JSON.stringify(value)} includes port 0: ports are 1-65535`,
    );
  }
}

function readStructField(ctx: IssueCollector, rule: StructRule, value: Json, at: Path): unknown {
  const obj = readItemStruct(ctx, value, at, rule.keys, rule.want);
  if (obj === undefined) return undefined;
  for (const key of rule.keys) {
    const v = obj.get(key);
    const field = rule.fields[key];
    if (v === undefined || v === null) {
      const example = rule.required?.[key];
      if (example !== undefined) {
        ctx.report(
          'required',
          [...at, key],
          `${formatPath([...at, key])} is required: set it, e.g. ${key}: ${example}`,
        );
      }
    } else if (field !== undefined) readFelixField(ctx, field, v, [...at, key]);
  }
  rule.check?.(ctx, obj, at);
  return jsonToCanonical(value);
}

/**
 * Checks one FelixConfiguration value (not `null`: a null field is unset) against its rule and
 * returns what `validate` keeps: the value as given, or a failsafe port in Go field order.
 *
 * @example
 * ```ts
 * const ctx = new IssueCollector();
 * readFelixField(ctx, FELIX_FIELDS.wireguardListeningPort, 99999, ['spec', 'wireguardListeningPort']);
 * // ctx.issues: [{ code: 'out_of_range', path: ['spec', 'wireguardListeningPort'],
 * //   message: 'spec.wireguardListeningPort must be from 1 to 65535, not 99999' }]
 * ```
 */
export function readFelixField(ctx: IssueCollector, rule: FelixFieldRule, value: Json, at: Path): unknown {
  switch (rule.kind) {
    case 'bool':
      ctx.shape(boolean, value, at);
      return value;
    case 'int':
      ctx.fits(integerIn(rule.min, rule.max), value, at);
      return value;
    case 'string':
      if (ctx.fits(string, value, at)) checkString(ctx, rule, value, at);
      return value;
    case 'duration':
      checkDuration(ctx, rule, value, at);
      return value;
    case 'port':
      checkPort(ctx, rule, value, at);
      return value;
    case 'dscp':
      // numorstring.DSCP: a uint8, or a string (Calico's validator does not look inside).
      if (typeof value !== 'string' && ctx.fits(number, value, at)) ctx.fits(UINT8, value, at);
      return value;
    case 'list': {
      const items = readList(ctx, value, at, rule.want);
      if (items === undefined) return undefined;
      if (rule.maxItems !== undefined && items.length > rule.maxItems) {
        ctx.report(
          'too_many_items',
          at,
          `${formatPath(at)} has ${items.length} items; Calico allows at most ${rule.maxItems}: merge or drop some`,
        );
      }
      return items.map((item, i) => readFelixField(ctx, rule.item, item, [...at, i]));
    }
    case 'stringMap': {
      if (!ctx.fits(aStringMapping, value, at) || !isJsonObject(value)) return undefined;
      const out: CanonicalObject = {};
      for (const [key, v] of value) {
        // A null value decodes as "" in a Go string map.
        if (v === null) setOwn(out, key, '');
        else if (ctx.fits(string, v, at, key)) setOwn(out, key, v);
        const problem = STRING_FORMATS[rule.key](key);
        if (problem !== undefined) {
          ctx.report(
            problem.code,
            [...at, key],
            `${formatPath(at)} key ${JSON.stringify(key)} ${problem.message}`,
          );
        }
      }
      return out;
    }
    case 'struct':
      return readStructField(ctx, rule, value, at);
    case 'protoPort':
      return readProtoPort(ctx, value, at);
    default:
      return assertNever(rule);
  }
}

function assertNever(rule: never): never {
  throw new Error(`unknown FelixConfiguration field rule ${JSON.stringify(rule)}`);
}
