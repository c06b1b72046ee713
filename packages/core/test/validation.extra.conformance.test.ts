// The converted rows of Calico's own validator tests that validation.json does not hold
// (fixtures/validator-extra: 245 rows of validator_test.go and crd_validation_test.go at Calico
// 87c15906, 134 of them FelixConfiguration; see its NOTICE.md) against validate(). `valid` is
// Calico's verdict; each test is named by its upstream file:line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';

interface ExtraRow {
  name: string;
  source: string;
  upstream: string;
  resource: Record<string, unknown>;
  valid: boolean;
  note?: string;
}

const rows = JSON.parse(
  readFileSync(new URL('./fixtures/validator-extra/rows.json', import.meta.url), 'utf8'),
) as ExtraRow[];

const where = (row: ExtraRow) => row.upstream.replace(/^.*\//, '');

/** Whether `path` leads to a place inside `value` (its parent exists). */
function parentExists(value: unknown, path: readonly (string | number)[]): boolean {
  let cur: unknown = value;
  for (const step of path.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return false;
    cur = (cur as Record<string | number, unknown>)[step];
  }
  return cur !== null && typeof cur === 'object';
}

describe('validator-extra rows (Calico validator_test.go / crd_validation_test.go)', () => {
  it('has the documented rows: 245, 134 FelixConfiguration, both verdicts', () => {
    expect(rows.length).toBe(245);
    const felix = rows.filter((r) => r.resource.kind === 'FelixConfiguration');
    expect(felix.length).toBe(134);
    expect(felix.filter((r) => !r.valid).length).toBe(67);
    for (const r of rows) expect(r.upstream).toMatch(/^libcalico-go\/lib\/validator\/v3\/\w+_test\.go:\d+$/);
  });

  it.each(rows.map((r) => [where(r), r.name, r] as const))('%s %s', (_where, _name, row) => {
    const input = structuredClone(row.resource);
    const r = validate(input);
    expect(r.ok, r.ok ? 'accepted, Calico rejects it' : JSON.stringify(r.issues)).toBe(row.valid);
    expect(input).toEqual(row.resource);
    if (r.ok) {
      // Idempotent: the normalized value validates to itself.
      const again = validate(r.value);
      expect(again.ok && again.value).toEqual(r.value);
    } else {
      for (const issue of r.issues) {
        expect(issue.message.length).toBeGreaterThan(10);
        // Every FelixConfiguration row is decided by its spec.
        if (row.resource.kind === 'FelixConfiguration') expect(issue.path[0], issue.message).toBe('spec');
        expect(parentExists(row.resource, issue.path), `implausible path ${JSON.stringify(issue.path)}`).toBe(
          true,
        );
      }
    }
  });
});
