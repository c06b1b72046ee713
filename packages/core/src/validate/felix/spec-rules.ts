/**
 * The FelixConfiguration rules that span fields: the CRD's CEL `x-kubernetes-validations` on the
 * spec and on the whole object, and `validateFelixConfigSpec`'s route table count. The rules on
 * one field are in the FELIX_FIELDS table.
 */
import { formatPath } from '../../result.js';
import type { IssueCollector } from '../issue-collector.js';
import { isJsonArray, type JsonObject, type Path } from '../json.js';
import { checkRouteTableCount } from './route-table-ranges.js';

const isSet = (spec: JsonObject, key: string): boolean => {
  const v = spec.get(key);
  return v !== undefined && v !== null;
};

/**
 * CEL on FelixConfigurationSpec: `!has(self.routeTableRange) || !has(self.routeTableRanges)`
 * (FieldValueForbidden).
 *
 * @example
 * ```ts
 * checkRouteTableRangeExclusive(ctx, spec, ['spec']);
 * // with both set: [{ code: 'forbidden_field', path: ['spec', 'routeTableRange'], message: '...' }]
 * ```
 */
export function checkRouteTableRangeExclusive(ctx: IssueCollector, spec: JsonObject, path: Path): void {
  if (!isSet(spec, 'routeTableRange') || !isSet(spec, 'routeTableRanges')) return;
  ctx.report(
    'forbidden_field',
    [...path, 'routeTableRange'],
    `routeTableRange and routeTableRanges cannot both be set: remove ${formatPath([...path, 'routeTableRange'])} (deprecated) and keep routeTableRanges`,
  );
}

/**
 * CEL on FelixConfiguration: `self.metadata.name == 'default' ||
 * self.metadata.name.startsWith('node.') ? !has(self.spec.nodeSelector) : true`
 * (FieldValueForbidden). A selector-scoped configuration needs a name of its own.
 *
 * @example
 * ```ts
 * checkNodeSelectorScope(ctx, spec, ['spec'], 'default');
 * // with nodeSelector set: [{ code: 'forbidden_field', path: ['spec', 'nodeSelector'], message: '...' }]
 * ```
 */
export function checkNodeSelectorScope(
  ctx: IssueCollector,
  spec: JsonObject,
  path: Path,
  name: string,
): void {
  if (!isSet(spec, 'nodeSelector') || (name !== 'default' && !name.startsWith('node.'))) return;
  ctx.report(
    'forbidden_field',
    [...path, 'nodeSelector'],
    `nodeSelector must not be set on the 'default' or per-node ('node.*') FelixConfiguration: remove ${formatPath([...path, 'nodeSelector'])}, or put it on a FelixConfiguration with another name`,
  );
}

/**
 * Runs the cross-field rules on a FelixConfiguration spec (`name` is its `metadata.name`).
 *
 * @example
 * ```ts
 * checkFelixSpecRules(ctx, spec, ['spec'], 'default');
 * ```
 */
export function checkFelixSpecRules(ctx: IssueCollector, spec: JsonObject, path: Path, name: string): void {
  checkRouteTableRangeExclusive(ctx, spec, path);
  checkNodeSelectorScope(ctx, spec, path, name);
  const ranges = spec.get('routeTableRanges');
  if (isJsonArray(ranges)) checkRouteTableCount(ctx, ranges, [...path, 'routeTableRanges']);
}
