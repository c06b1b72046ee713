import type { Shape } from './shape-layout.js';

/**
 * A copy of `value` laid out for printing: known keys first in upstream order, unknown keys after
 * them in input order, string maps sorted by `mapOrder` (byte-wise by default, as Go's JSON
 * encoder sorts them). `undefined` and `null` fields (and anything JSON
 * cannot hold) are dropped, as Go's `omitempty` and core's `validate` drop them. `__proto__` keys
 * are never copied, so printing cannot touch a prototype.
 *
 * @example
 * ```ts
 * canonicalize({ spec: { order: 1 }, kind: 'Tier' }, shapeOf('Tier', true));
 * // { kind: 'Tier', spec: { order: 1 } }: keys now in RESOURCE_KEYS order
 * ```
 */
export function canonicalize(value: unknown, shape: Shape, mapOrder: KeyOrder = byteOrder): unknown {
  if (Array.isArray(value)) {
    const item = shape.type === 'list' ? shape.item : ANY;
    const out: unknown[] = [];
    for (const entry of value) {
      const copy = canonicalize(entry, item, mapOrder);
      // JSON turns holes and functions in arrays into null; keep the list's length the same way.
      out.push(copy === undefined ? null : copy);
    }
    return out;
  }
  if (value === null || typeof value !== 'object') return printable(value) ? value : undefined;
  const source = value as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  switch (shape.type) {
    case 'object': {
      for (const key of shape.keys) {
        if (!Object.hasOwn(source, key)) continue;
        put(out, key, canonicalize(source[key], shape.fields[key] ?? ANY, mapOrder));
      }
      for (const key of Object.keys(source)) {
        if (!shape.known.has(key)) put(out, key, canonicalize(source[key], ANY, mapOrder));
      }
      return out;
    }
    case 'map': {
      for (const key of Object.keys(source).sort(mapOrder))
        put(out, key, canonicalize(source[key], ANY, mapOrder));
      return out;
    }
    case 'list':
    case 'any': {
      for (const key of Object.keys(source)) put(out, key, canonicalize(source[key], ANY, mapOrder));
      return out;
    }
  }
}

const ANY: Shape = { type: 'any' };

function put(out: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined || key === '__proto__') return;
  out[key] = value;
}

function printable(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    default:
      return false;
  }
}

/** How string-map keys are sorted: by bytes (Go's JSON encoder) or as go-yaml prints them. */
export type KeyOrder = (a: string, b: string) => number;

/** Go's JSON encoder's map key order (byte-wise). */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
