/**
 * The fields a cluster writes and calicoctl prints back (`metadata.ownerReferences`,
 * `metadata.managedFields`, a Tier's or IPPool's `status`). They are kept so an export round-trips,
 * and read as calicoctl reads them: `yaml.UnmarshalStrict` into the Go structs (resourcemgr.go), so
 * an unknown field or a value of the wrong type is refused, and the keys come back in struct order.
 */

import {
  CONDITION_KEYS,
  MANAGED_FIELDS_ENTRY_KEYS,
  OWNER_REFERENCE_KEYS,
  STATUS_KEYS,
} from '../resources/field-order.js';
import { type CanonicalObject, jsonToCanonical, setOwn } from './canonical.js';
import {
  readArray,
  readBool,
  readInt,
  readItemStruct,
  readMapping,
  readString,
  readStruct,
} from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, JsonObject, Path } from './json.js';

/** Reads each item of the list `key` of `obj` as a struct with `keys`, copying its fields by `read`. */
function readStructList(
  ctx: IssueCollector,
  obj: JsonObject,
  key: string,
  path: Path,
  keys: readonly string[],
  want: string,
  read: (item: JsonObject, at: Path, out: CanonicalObject) => void,
): CanonicalObject[] | undefined {
  return readArray(ctx, obj, key, path)?.map((v, i) => {
    const at = [...path, key, i];
    const item = readItemStruct(ctx, v, at, keys, want);
    const out: CanonicalObject = {};
    if (item !== undefined) read(item, at, out);
    return out;
  });
}

function readStrings(
  ctx: IssueCollector,
  item: JsonObject,
  at: Path,
  out: CanonicalObject,
  keys: readonly string[],
): void {
  for (const k of keys) setOwn(out, k, readString(ctx, item, k, at));
}

/**
 * Reads `metadata.ownerReferences` (`metav1.OwnerReference`) and `metadata.managedFields`
 * (`metav1.ManagedFieldsEntry`; `fieldsV1` is raw JSON, kept as written) into `out`.
 *
 * @example
 * ```ts
 * // metadata: { name: 'x', ownerReferences: [{ uid: 'u', name: 'o', kind: 'Tier', apiVersion: 'v1' }] }
 * // → ownerReferences: [{ apiVersion: 'v1', kind: 'Tier', name: 'o', uid: 'u' }]
 * ```
 */
export function readServerMetadata(
  ctx: IssueCollector,
  meta: JsonObject,
  path: Path,
  out: CanonicalObject,
): void {
  setOwn(
    out,
    'ownerReferences',
    readStructList(
      ctx,
      meta,
      'ownerReferences',
      path,
      OWNER_REFERENCE_KEYS,
      'an owner reference like { apiVersion: v1, kind: Namespace, name: prod, uid: … }',
      (item, at, o) => {
        readStrings(ctx, item, at, o, ['apiVersion', 'kind', 'name', 'uid']);
        setOwn(o, 'controller', readBool(ctx, item, 'controller', at));
        setOwn(o, 'blockOwnerDeletion', readBool(ctx, item, 'blockOwnerDeletion', at));
      },
    ),
  );
  setOwn(
    out,
    'managedFields',
    readStructList(
      ctx,
      meta,
      'managedFields',
      path,
      MANAGED_FIELDS_ENTRY_KEYS,
      'a managed fields entry like { manager: kubectl, operation: Update, … }',
      (item, at, o) => {
        for (const k of MANAGED_FIELDS_ENTRY_KEYS) {
          if (k === 'fieldsV1') {
            const raw = readMapping(ctx, item.get(k), [...at, k]);
            if (raw !== undefined) setOwn(o, k, jsonToCanonical(raw));
          } else setOwn(o, k, readString(ctx, item, k, at));
        }
      },
    ),
  );
}

/**
 * Reads a Tier's or IPPool's `status` (`TierStatus` / `IPPoolStatus`: a list of `metav1.Condition`).
 *
 * @example
 * ```ts
 * // status: { conditions: [{ reason: 'OK', type: 'Ready', status: 'True' }] }
 * // → { conditions: [{ type: 'Ready', status: 'True', reason: 'OK' }] }; status: { phase: x } is an unknown field
 * ```
 */
export function readStatus(
  ctx: IssueCollector,
  v: Json | undefined,
  path: Path,
): CanonicalObject | undefined {
  const status = readStruct(ctx, v, path, STATUS_KEYS);
  if (status === undefined) return undefined;
  const out: CanonicalObject = {};
  setOwn(
    out,
    'conditions',
    readStructList(
      ctx,
      status,
      'conditions',
      path,
      CONDITION_KEYS,
      'a condition like { type: Ready, status: "True", reason: …, message: … }',
      (item, at, o) => {
        readStrings(ctx, item, at, o, ['type', 'status']);
        setOwn(
          o,
          'observedGeneration',
          readInt(ctx, item, 'observedGeneration', at, 0, Number.MAX_SAFE_INTEGER),
        );
        readStrings(ctx, item, at, o, ['lastTransitionTime', 'reason', 'message']);
      },
    ),
  );
  return out;
}
