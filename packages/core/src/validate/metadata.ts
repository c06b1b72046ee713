import { METADATA_KEYS } from '../resources/field-order.js';
import { type CanonicalObject, mapToCanonical, setOwn } from './canonical.js';
import { readInt, readString, readStringList, readStringMap, readStruct } from './field-readers.js';
import type { IssueCollector } from './issue-collector.js';
import type { Json, Path } from './json.js';
import { labelValueProblem, namespaceNameProblem, qualifiedNameProblem, utf8Length } from './k8s-names.js';
import { checkResourceName, type NamedKind } from './names.js';
import { readServerMetadata } from './server-fields.js';

const ANNOTATIONS_LIMIT = 256 * 1024;

/**
 * Checks annotations as Calico's `validateObjectMetaAnnotations`: keys (lower-cased first) must be
 * qualified names and keys plus values may total at most 256 KiB.
 */
export function checkAnnotations(
  ctx: IssueCollector,
  annotations: ReadonlyMap<string, string>,
  path: Path,
): void {
  let total = 0;
  for (const [k, v] of annotations) {
    const problem = qualifiedNameProblem(k.toLowerCase());
    if (problem !== undefined) {
      ctx.report(
        'invalid_annotation',
        [...path, k],
        `Annotation key ${JSON.stringify(k)} is invalid: ${problem}`,
      );
    }
    total += utf8Length(k) + utf8Length(v);
  }
  if (total > ANNOTATIONS_LIMIT) {
    ctx.report(
      'invalid_annotation',
      path,
      `Total size of annotations is too large by ${total - ANNOTATIONS_LIMIT} bytes: keep keys and values under 256 KiB in total`,
    );
  }
}

/** Checks labels as Calico's `validateObjectMetaLabels`: qualified-name keys, label values. */
export function checkLabels(ctx: IssueCollector, labels: ReadonlyMap<string, string>, path: Path): void {
  for (const [k, v] of labels) {
    const keyProblem = qualifiedNameProblem(k);
    if (keyProblem !== undefined) {
      ctx.report('invalid_label', [...path, k], `Label key ${JSON.stringify(k)} is invalid: ${keyProblem}`);
    }
    const valueProblem = labelValueProblem(v);
    if (valueProblem !== undefined) {
      ctx.report(
        'invalid_label',
        [...path, k],
        `Label value ${JSON.stringify(v)} of "${k}" is invalid: ${valueProblem}`,
      );
    }
  }
}

/**
 * Reads and checks `metadata` for `kind` and returns its normalized copy (or `undefined` when it
 * is missing or not a mapping; an issue is recorded then).
 */
export function readMetadata(
  ctx: IssueCollector,
  kind: NamedKind,
  v: Json | undefined,
  path: Path,
): CanonicalObject | undefined {
  const meta = readStruct(ctx, v, path, METADATA_KEYS);
  if (meta === undefined) {
    ctx.report('required', [...path, 'name'], 'metadata.name is required: add metadata: { name: ... }');
    return undefined;
  }
  const out: CanonicalObject = {};
  const rawName = meta.get('name');
  const name = readString(ctx, meta, 'name', path) ?? '';
  // A name of the wrong type was reported by readString already.
  if (rawName === undefined || rawName === null || typeof rawName === 'string') {
    checkResourceName(ctx, kind, name, [...path, 'name']);
  }
  setOwn(out, 'name', name);
  for (const key of ['generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion'] as const) {
    setOwn(out, key, readString(ctx, meta, key, path));
  }
  // The kube-apiserver refuses a namespaced object whose namespace is no DNS-1123 label.
  const namespace = out.namespace;
  const nsProblem =
    typeof namespace === 'string' && namespace !== '' ? namespaceNameProblem(namespace) : undefined;
  if (nsProblem !== undefined)
    ctx.report(
      'invalid_name',
      [...path, 'namespace'],
      `Namespace ${JSON.stringify(namespace)} is invalid: it ${nsProblem}`,
    );
  setOwn(
    out,
    'generation',
    readInt(ctx, meta, 'generation', path, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  );
  setOwn(out, 'creationTimestamp', readString(ctx, meta, 'creationTimestamp', path));
  setOwn(out, 'deletionTimestamp', readString(ctx, meta, 'deletionTimestamp', path));
  setOwn(
    out,
    'deletionGracePeriodSeconds',
    readInt(ctx, meta, 'deletionGracePeriodSeconds', path, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  );
  const labels = readStringMap(ctx, meta, 'labels', path);
  if (labels !== undefined) {
    checkLabels(ctx, labels, [...path, 'labels']);
    if ((kind === 'GlobalNetworkSet' || kind === 'NetworkSet') && labels.has('projectcalico.org/namespace')) {
      ctx.report(
        'invalid_label',
        [...path, 'labels', 'projectcalico.org/namespace'],
        'projectcalico.org/namespace is not a valid label name: Calico reserves it; remove the label',
      );
    }
    setOwn(out, 'labels', mapToCanonical(labels));
  }
  const annotations = readStringMap(ctx, meta, 'annotations', path);
  if (annotations !== undefined) {
    checkAnnotations(ctx, annotations, [...path, 'annotations']);
    setOwn(out, 'annotations', mapToCanonical(annotations));
  }
  // Server-managed fields are kept so that resources read back from a cluster round-trip.
  const server: CanonicalObject = {};
  readServerMetadata(ctx, meta, path, server);
  setOwn(out, 'ownerReferences', server.ownerReferences);
  setOwn(out, 'finalizers', readStringList(ctx, meta, 'finalizers', path));
  setOwn(out, 'managedFields', server.managedFields);
  return out;
}
