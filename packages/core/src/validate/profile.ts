import { SPEC_KEYS } from '../resources/field-order.js';
import { type Ctx, mapToOut, type Out, put, readStringMap, readStruct } from './context.js';
import type { Json, Path } from './json.js';
import { checkLabels } from './metadata.js';
import { readRules } from './rule.js';

/**
 * Reads and checks a `Profile.spec`: ingress/egress rules (same rule checks as policies) and
 * `labelsToApply` (label keys and values).
 */
export function readProfileSpec(ctx: Ctx, v: Json | undefined, path: Path): Out {
  const spec = readStruct(ctx, v, path, SPEC_KEYS.Profile) ?? new Map<string, Json>();
  const out: Out = {};
  const ingress = readRules(ctx, spec, 'ingress', path);
  if (ingress !== undefined)
    put(
      out,
      'ingress',
      ingress.map((r) => r.out),
    );
  const egress = readRules(ctx, spec, 'egress', path);
  if (egress !== undefined)
    put(
      out,
      'egress',
      egress.map((r) => r.out),
    );
  const labels = readStringMap(ctx, spec, 'labelsToApply', path);
  if (labels !== undefined) {
    checkLabels(ctx, labels, [...path, 'labelsToApply']);
    put(out, 'labelsToApply', mapToOut(labels));
  }
  return out;
}
