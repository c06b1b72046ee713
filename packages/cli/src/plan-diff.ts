/** Old → new values for each field a plan updates, from the same comparable forms the plan used. */
import { comparableForm, type PlanStep } from '@calico-dsl/calicoctl';

/**
 * One changed field: its path and the live (`before`) and desired (`after`) values; `undefined`
 * when the field is absent on that side.
 *
 * @example
 * ```ts
 * const c: FieldChange = { path: 'spec.order', before: 1000, after: 1100 };
 * ```
 */
export interface FieldChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// Keys with dots (label keys like ibm.role) are quoted so the path stays readable and exact.
const key = (path: string, k: string): string => {
  const part = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : JSON.stringify(k);
  return path === '' ? part : /^[A-Za-z_]/.test(part) ? `${path}.${part}` : `${path}[${part}]`;
};

function walk(a: unknown, b: unknown, path: string, out: FieldChange[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((v, i) => {
      walk(v, b[i], `${path}[${i}]`, out);
    });
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      walk(Object.hasOwn(a, k) ? a[k] : undefined, Object.hasOwn(b, k) ? b[k] : undefined, key(path, k), out);
    }
    return;
  }
  out.push({ path: path === '' ? '(root)' : path, before: a, after: b });
}

/**
 * The changed fields of an `update` step (empty for `create` and `unchanged`).
 *
 * @example
 * ```ts
 * declare const step: PlanStep;
 * fieldChanges(step); // [{ path: 'spec.order', before: 1000, after: 1100 }]
 * ```
 */
export function fieldChanges(step: PlanStep): FieldChange[] {
  if (step.action !== 'update') return [];
  const out: FieldChange[] = [];
  walk(comparableForm(step.live), comparableForm(step.desired), '', out);
  return out;
}

const MAX_VALUE = 80;

/**
 * A value as one short line: JSON, `(absent)`, long values cut with `…`.
 *
 * @example
 * ```ts
 * showValue(['30000:32767']); // '["30000:32767"]'
 * ```
 */
export function showValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}
