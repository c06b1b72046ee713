import { SPEC_KEYS } from '../resources/field-order.js';
import { type CanonicalObject, mapToCanonical, setOwn } from './canonical.js';
import { readStringMap, readStruct } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, Path } from './json.js';
import { checkLabels } from './metadata.js';
import { readRuleLists } from './rule.js';

/**
 * Reads and checks a `Profile.spec`: ingress/egress rules and `labelsToApply` (label keys and
 * values). Profile has no CRD: its rules get the Go validator's checks alone (`RuleChecks` `'go'`).
 */
export function readProfileSpec(ctx: IssueCollector, v: Json | undefined, path: Path): CanonicalObject {
  const spec = readStruct(ctx, v, path, SPEC_KEYS.Profile) ?? new Map<string, Json>();
  const out: CanonicalObject = {};
  readRuleLists(ctx, spec, path, out, 'go');
  const labels = readStringMap(ctx, spec, 'labelsToApply', path);
  if (labels !== undefined) {
    checkLabels(ctx, labels, [...path, 'labelsToApply']);
    setOwn(out, 'labelsToApply', mapToCanonical(labels));
  }
  return out;
}
