/**
 * The print layout of `metadata` (ObjectMeta), shared by the Calico kinds (`shapes.ts`) and the
 * network-policy-api kinds (`npa-shapes.ts`): one ObjectMeta in Kubernetes, so one layout here.
 */
import { MANAGED_FIELDS_ENTRY_KEYS, METADATA_KEYS, OWNER_REFERENCE_KEYS } from '@calico-dsl/core';
import { ANY, list, MAP, object, type Shape } from './shape-layout.js';

/**
 * ObjectMeta, with the server-written OwnerReference and ManagedFieldsEntry structs printed in Go
 * struct order (fieldsV1 is raw JSON, printed as written).
 *
 * @example
 * ```ts
 * object(RESOURCE_KEYS, { metadata: METADATA, spec: ANY });
 * ```
 */
export const METADATA: Shape = object(METADATA_KEYS, {
  labels: MAP,
  annotations: MAP,
  ownerReferences: list(object(OWNER_REFERENCE_KEYS)),
  managedFields: list(object(MANAGED_FIELDS_ENTRY_KEYS, { fieldsV1: ANY })),
});
