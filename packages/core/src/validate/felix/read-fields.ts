import { type CanonicalObject, setOwn } from '../canonical.js';
import { readStruct } from '../field-readers.js';
import type { IssueCollector } from '../issue-collector.js';
import type { Json, JsonObject, Path } from '../json.js';

/** A spec struct as read: the input mapping (for the cross-field rules) and the fields kept. */
export interface ReadFields {
  readonly spec: JsonObject;
  readonly out: CanonicalObject;
}

/**
 * Reads a spec struct whose fields are checked one by one (FelixConfiguration's,
 * BGPConfiguration's) as calicoctl decodes it: a field the Go struct does not have is an issue,
 * `null` is unset (a pointer or `omitempty` field), and each present field is read by `read` and
 * kept in `keys` order. `undefined` when there is no spec mapping.
 *
 * @example
 * ```ts
 * readFields(ctx, v, ['spec'], SPEC_KEYS.FelixConfiguration, (key, value, at) => readFelixField(ctx, FELIX_FIELDS[key], value, at));
 * // { spec, out: { logSeverityScreen: 'Info' } } for spec: { logSeverityScreen: Info, bpfEnabled: null }
 * ```
 */
export function readFields<K extends string>(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
  keys: readonly K[],
  read: (key: K, value: Json, at: Path) => unknown,
): ReadFields | undefined {
  const spec = readStruct(ctx, v, path, keys);
  if (spec === undefined) return undefined;
  const out: CanonicalObject = {};
  for (const key of keys) {
    const value = spec.get(key);
    if (value !== undefined && value !== null) setOwn(out, key, read(key, value, [...path, key]));
  }
  return { spec, out };
}
