import { ICMP_KEYS } from '../resources/field-order.js';
import { formatPath } from '../result.js';
import { type CanonicalObject, setOwn } from './canonical.js';
import { readInt, readStruct } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, Path } from './json.js';
import type { RuleChecks } from './rule-checks.js';

/**
 * Reads an `icmp` / `notICMP` block: `type` 0–254, `code` 0–255 (struct tags), and a code needs
 * a type (the CRD's CEL rule). Returns the normalized block, or `undefined` when absent.
 */
export function readIcmp(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
  checks: RuleChecks,
): CanonicalObject | undefined {
  const obj = readStruct(ctx, v, path, ICMP_KEYS);
  if (obj === undefined) return undefined;
  const out: CanonicalObject = {};
  const type = readInt(ctx, obj, 'type', path, 0, 254);
  const code = readInt(ctx, obj, 'code', path, 0, 255);
  if (checks === 'crd' && obj.get('code') != null && obj.get('type') == null) {
    ctx.report(
      'icmp_code_without_type',
      [...path, 'code'],
      `ICMP code specified without an ICMP type: add ${formatPath([...path, 'type'])} (e.g. type: 3 for destination unreachable)`,
    );
  }
  setOwn(out, 'type', type);
  setOwn(out, 'code', code);
  return out;
}
