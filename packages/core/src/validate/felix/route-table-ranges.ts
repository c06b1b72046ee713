/**
 * The route table range checks of libcalico-go's validator.go (`validateRouteTableRange`,
 * `validateRouteTableIDRange`, and `validateFelixConfigSpec`'s table count), which the CRD's CEL
 * rules repeat.
 */
import { formatPath } from '../../result.js';
import type { IssueCollector } from '../issue-collector.js';
import { isJsonObject, type Json, type JsonObject, type Path } from '../json.js';

// validator.go:52-53.
const ROUTE_TABLE_MAX_LINUX = 0xffffffff;
const ROUTE_TABLE_RANGE_MAX_TABLES = 0xffff;

/** The integer at `key`, or `undefined` when it is missing or not an integer (reported elsewhere). */
function intAt(obj: JsonObject, key: string): number | undefined {
  const v = obj.get(key);
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/**
 * `validateRouteTableRange` (and the CRD rule `self.min >= 1 && self.max >= self.min &&
 * self.max <= 250`) on the deprecated `routeTableRange`.
 *
 * @example
 * ```ts
 * validateRouteTableRange(ctx, new Map([['min', 0], ['max', 250]]), ['spec', 'routeTableRange']);
 * // ctx.issues: [{ code: 'out_of_range', path: ['spec', 'routeTableRange'], message: '...' }]
 * ```
 */
export function validateRouteTableRange(ctx: IssueCollector, obj: JsonObject, path: Path): void {
  const min = intAt(obj, 'min');
  const max = intAt(obj, 'max');
  if (min === undefined || max === undefined) return;
  if (min >= 1 && max >= min && max <= 250) return;
  ctx.report(
    'out_of_range',
    path,
    `${formatPath(path)} { min: ${min}, max: ${max} } must be a range of route table indices within 1..250: set 1 <= min <= max <= 250, e.g. { min: 1, max: 250 }`,
  );
}

/**
 * `validateRouteTableIDRange` (and the CRD rules `self.min >= 1`, `self.min <= self.max`) on one
 * `routeTableRanges` entry.
 *
 * @example
 * ```ts
 * validateRouteTableIDRange(ctx, new Map([['min', 50], ['max', 45]]), ['spec', 'routeTableRanges', 0]);
 * // ctx.issues: [{ code: 'out_of_range', ..., message: 'spec.routeTableRanges[0] min 50 is greater than max 45: ...' }]
 * ```
 */
export function validateRouteTableIDRange(ctx: IssueCollector, obj: JsonObject, path: Path): void {
  const min = intAt(obj, 'min');
  const max = intAt(obj, 'max');
  if (min === undefined || max === undefined) return;
  const at = formatPath(path);
  if (min > max) {
    ctx.report('out_of_range', path, `${at} min ${min} is greater than max ${max}: swap them`);
  }
  if (min <= 0) {
    ctx.report(
      'out_of_range',
      [...path, 'min'],
      `${at}.min ${min} cannot target indices < 1: start at 1 or above`,
    );
  }
  if (max > ROUTE_TABLE_MAX_LINUX) {
    ctx.report(
      'out_of_range',
      [...path, 'max'],
      `${at}.max ${max} is above the highest Linux route table index ${ROUTE_TABLE_MAX_LINUX}: lower it`,
    );
  }
}

/**
 * `validateFelixConfigSpec`: `routeTableRanges` may designate at most 65535 tables in all
 * (`NumDesignatedTables`, max - min + 1 summed over the ranges).
 *
 * @example
 * ```ts
 * checkRouteTableCount(ctx, [new Map([['min', 1], ['max', 65536]])], ['spec', 'routeTableRanges']);
 * // ctx.issues: [{ code: 'out_of_range', ..., message: 'spec.routeTableRanges targets 65536 tables; ...' }]
 * ```
 */
export function checkRouteTableCount(ctx: IssueCollector, ranges: readonly Json[], path: Path): void {
  let tables = 0;
  for (const r of ranges) {
    if (!isJsonObject(r)) continue;
    const min = intAt(r, 'min');
    const max = intAt(r, 'max');
    if (min !== undefined && max !== undefined) tables += max - min + 1;
  }
  if (tables > ROUTE_TABLE_RANGE_MAX_TABLES) {
    ctx.report(
      'out_of_range',
      path,
      `${formatPath(path)} targets ${tables} tables; Calico allows at most ${ROUTE_TABLE_RANGE_MAX_TABLES}: narrow the ranges`,
    );
  }
}
