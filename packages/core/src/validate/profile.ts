import { SPEC_KEYS } from '../resources/field-order.js';
import { type CanonicalObject, mapToCanonical, setOwn } from './canonical.js';
import { readStringMap, readStruct } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, Path } from './json.js';
import { checkLabels } from './metadata.js';
import { readRuleLists } from './rule.js';

/**
 * Reads and checks a `Profile.spec`: ingress/egress rules (same rule checks as policies) and
 * `labelsToApply` (label keys and values).
 */
export function readProfileSpec(ctx: IssueCollector, v: Json | undefined, path: Path): CanonicalObject {
  const spec = readStruct(ctx, v, path, SPEC_KEYS.Profile) ?? new Map<string, Json>();
  const out: CanonicalObject = {};
  readRuleLists(ctx, spec, path, out);
  const labels = readStringMap(ctx, spec, 'labelsToApply', path);
  if (labels !== undefined) {
    checkLabels(ctx, labels, [...path, 'labelsToApply']);
    setOwn(out, 'labelsToApply', mapToCanonical(labels));
  }
  return out;
}
