import { SPEC_KEYS } from '../resources/field-order.js';
import { type CanonicalObject, setOwn } from './canonical.js';
import { readStruct } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, Path } from './json.js';
import { readSetNets } from './nets-field.js';

/**
 * Reads and checks a `(Global)NetworkSet.spec`: `nets` holds IPs or CIDRs (host bits allowed).
 */
export function readNetworkSetSpec(ctx: IssueCollector, v: Json | undefined, path: Path): CanonicalObject {
  const spec = readStruct(ctx, v, path, SPEC_KEYS.NetworkSet) ?? new Map<string, Json>();
  const out: CanonicalObject = {};
  setOwn(out, 'nets', readSetNets(ctx, spec, 'nets', path));
  return out;
}
