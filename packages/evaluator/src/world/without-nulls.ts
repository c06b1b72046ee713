/**
 * `field: null` in a manifest decodes as the field's zero value in Go, so Calico reads it as
 * absent; the shape checks (core's `shapeChecks`) already accept it as absent. Dropping such
 * fields once, where resources enter the world, keeps every reader from meeting a null.
 */

/**
 * The value with every null-valued mapping field removed, at any depth; parts without one are
 * returned as they are (nothing is copied when there is no null). List entries keep their places.
 *
 * @example
 * ```ts
 * withoutNulls({ spec: { ingress: [{ action: 'Deny', source: null }] } });
 * // { spec: { ingress: [{ action: 'Deny' }] } }
 * ```
 */
export function withoutNulls<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const next = withoutNulls(item);
      if (next === item) return;
      copy ??= [...value];
      copy[i] = next;
    });
    return (copy ?? value) as T;
  }
  let copy: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const next = item === null ? undefined : withoutNulls(item);
    if (next === item) continue;
    copy ??= Object.assign(Object.create(Object.getPrototypeOf(record)), record) as Record<string, unknown>;
    if (next === undefined) delete copy[key];
    else copy[key] = next;
  }
  return (copy ?? value) as T;
}
