import { SPEC_KEYS } from '../resources/field-order.js';
import { BUILTIN_TIERS } from '../resources/tier.js';
import { type CanonicalObject, setOwn } from './canonical.js';
import { readNumber, readString, readStruct } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, Path } from './json.js';

const TIER_ACTIONS = ['Deny', 'Pass'] as const;

/**
 * Reads and checks a `Tier.spec`. `defaultAction` is Deny or Pass and defaults to Deny (the CRD
 * default, applied before the CEL rules); the built-in tiers must keep their order and action.
 */
export function readTierSpec(
  ctx: IssueCollector,
  name: string,
  v: Json | undefined,
  path: Path,
): CanonicalObject {
  const spec = readStruct(ctx, v, path, SPEC_KEYS.Tier) ?? new Map<string, Json>();
  const out: CanonicalObject = {};
  const order = readNumber(ctx, spec, 'order', path);
  setOwn(out, 'order', order);
  const action = readString(ctx, spec, 'defaultAction', path);
  if (action !== undefined && !(TIER_ACTIONS as readonly string[]).includes(action)) {
    const fixed = TIER_ACTIONS.find((a) => a.toLowerCase() === action.toLowerCase());
    ctx.report(
      'invalid_value',
      [...path, 'defaultAction'],
      `Invalid tier defaultAction ${JSON.stringify(action)}: ${fixed !== undefined ? `values are case-sensitive, write "${fixed}"` : 'a tier default action must be Deny or Pass'}`,
    );
  }
  setOwn(out, 'defaultAction', action);

  if (Object.hasOwn(BUILTIN_TIERS, name)) {
    const builtin = BUILTIN_TIERS[name as keyof typeof BUILTIN_TIERS];
    const effective = action ?? 'Deny';
    if (effective !== builtin.defaultAction) {
      ctx.report(
        'tier_builtin',
        [...path, 'defaultAction'],
        `The '${name}' tier must have default action '${builtin.defaultAction}': set spec.defaultAction: ${builtin.defaultAction}`,
      );
    }
    if (order !== builtin.order) {
      ctx.report(
        'tier_builtin',
        [...path, 'order'],
        `${name} tier order must be ${builtin.order}: set spec.order: ${builtin.order}`,
      );
    }
  }
  return out;
}
