// Every row of the shared conformance data (copied from /work/shared/conformance/validation.json;
// rows keep their `source`/`upstream` fields) against validate().
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';

interface ValidationRow {
  name: string;
  source: string;
  upstream?: string;
  resource: Record<string, unknown>;
  valid: boolean;
  reason: string;
  note?: string;
}

const rows = JSON.parse(
  readFileSync(new URL('./fixtures/validation.json', import.meta.url), 'utf8'),
) as ValidationRow[];

/** Follows `path` into `value`; returns whether the path's parent exists (the field may be missing). */
function parentExists(value: unknown, path: readonly (string | number)[]): boolean {
  let cur: unknown = value;
  for (const step of path.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return false;
    cur = (cur as Record<string | number, unknown>)[step];
  }
  return cur !== null && typeof cur === 'object';
}

function isDeeplyFrozen(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  return Object.isFrozen(v) && Object.values(v).every(isDeeplyFrozen);
}

describe('validation.json', () => {
  it('has the documented number of rows', () => {
    expect(rows.length).toBe(327);
  });

  it.each(rows.map((r, i) => [i, r.name, r] as const))('#%i %s', (_i, _name, row) => {
    const input = structuredClone(row.resource);
    const r = validate(input);
    expect(r.ok, r.ok ? `accepted, want invalid: ${row.reason}` : JSON.stringify(r.issues)).toBe(row.valid);
    // validate never mutates its input
    expect(input).toEqual(row.resource);
    if (r.ok) {
      expect(isDeeplyFrozen(r.value)).toBe(true);
      expect(r.value).not.toBe(input);
      // idempotent: the normalized value validates to itself
      const again = validate(r.value);
      expect(again.ok && again.value).toEqual(r.value);
    } else {
      expect(r.issues.length).toBeGreaterThan(0);
      for (const issue of r.issues) {
        expect(typeof issue.code).toBe('string');
        expect(issue.message.length).toBeGreaterThan(10);
        expect(issue.path.length, `empty path for ${issue.code}`).toBeGreaterThan(0);
        expect(parentExists(row.resource, issue.path), `implausible path ${JSON.stringify(issue.path)}`).toBe(
          true,
        );
      }
    }
  });
});
