import { formatPath } from '../result.js';
import { describeValue } from '../shape/checks.js';
import { formatPort, isNamedPort, type ParsedPort, parsePort, portProblem } from '../values/port.js';
import { readArray } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { JsonObject, Path } from './json.js';
import { crdLimit, type RuleChecks } from './rule-checks.js';

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
 * 1–65535 and names must be IANA port names (`validatePort`, `portName`); the CRD allows at most
 * {@link MAX_PORTS}.
 */
export function readPortList(
  ctx: IssueCollector,
  obj: JsonObject,
  key: string,
  path: Path,
  checks: RuleChecks,
): PortList | undefined {
  const list = readArray(ctx, obj, key, path, crdLimit(checks, MAX_PORTS));
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
    if (!isNamedPort(port)) firstNumeric ??= i;
    const problem = portProblem(port);
    if (problem !== undefined) ctx.report(problem.code, at, problem.message);
    parsed.push(port);
    out.push(formatPort(port));
  });
  return { parsed, out, firstNumeric };
}
