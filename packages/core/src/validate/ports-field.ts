import { formatPath } from '../result.js';
import { describeValue } from '../shape/checks.js';
import { formatPort, isNamedPort, type ParsedPort, parsePort, portNameProblem } from '../values/port.js';
import { readArray } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { JsonObject, Path } from './json.js';

/** `30000-32767`: a range written with a dash, which Calico reads as a (bad) port name. */
const DASHED_RANGE = /^(\d+)-(\d+)$/;

/** CRD `maxItems` of `ports` / `notPorts`. */
export const MAX_PORTS = 50;

/** A decoded `ports`/`notPorts` list: the entries that decoded, and the normalized output. */
export interface PortList {
  readonly parsed: readonly ParsedPort[];
  readonly out: readonly (number | string)[];
  /** Index of the first numeric (non-named) entry, for pointing at it. */
  readonly firstNumeric: number | undefined;
}

/**
 * Reads a `ports` / `notPorts` list: each entry must decode (numorstring), numeric ports must be
 * 1–65535 and names must be IANA port names (`validatePort`, `portName`).
 */
export function readPortList(
  ctx: IssueCollector,
  obj: JsonObject,
  key: string,
  path: Path,
): PortList | undefined {
  const list = readArray(ctx, obj, key, path, MAX_PORTS);
  if (list === undefined) return undefined;
  const parsed: ParsedPort[] = [];
  const out: (number | string)[] = [];
  let firstNumeric: number | undefined;
  list.forEach((entry, i) => {
    const at = [...path, key, i];
    if (typeof entry !== 'number' && typeof entry !== 'string') {
      ctx.report(
        'invalid_port',
        at,
        `${formatPath(at)} must be a port number, a "min:max" range or a port name, not ${describeValue(entry)}`,
      );
      return;
    }
    const r = parsePort(entry);
    if (!r.ok) {
      for (const issue of r.issues) ctx.report('invalid_port', at, issue.message);
      return;
    }
    const port = r.value;
    if (isNamedPort(port)) {
      const problem = portNameProblem(port.name);
      if (problem !== undefined) {
        const lower = port.name.toLowerCase().replace(/[^-a-z0-9]/g, '-');
        const range = DASHED_RANGE.exec(port.name);
        const hint = range
          ? `; a port range is written with a colon: write "${range[1]}:${range[2]}"`
          : lower !== port.name && portNameProblem(lower) === undefined
            ? `; did you mean "${lower}"?`
            : '';
        ctx.report(
          'invalid_port_name',
          at,
          `Invalid port name ${JSON.stringify(port.name)}: a port name ${problem} (IANA service name, at most 15 characters of a-z, 0-9 and "-")${hint}`,
        );
      }
    } else {
      firstNumeric ??= i;
      if (port.min < 1 || port.max < 1) {
        ctx.report(
          'port_out_of_range',
          at,
          `port range invalid, port number must be between 1 and 65535: ${JSON.stringify(entry)} includes port 0`,
        );
      }
    }
    parsed.push(port);
    out.push(formatPort(port));
  });
  return { parsed, out, firstNumeric };
}
