// Every row of the shared conformance data (copied from /work/shared/conformance/validation.json;
// rows keep their `source`/`upstream` fields), and the converted rows of Calico's own validator
// tests it does not hold (fixtures/validator-extra: validator_test.go and crd_validation_test.go
// at Calico 87c15906, FelixConfiguration and IPPool among them, and the IPPool cases of the API
// server tests in test/validation; see its NOTICE.md), against validate().
// `valid` is Calico's verdict.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';

interface ValidationRow {
  name: string;
  source: string;
  upstream?: string;
  resource: Record<string, unknown>;
  valid: boolean;
  reason?: string;
  note?: string;
}

const load = (file: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as ValidationRow[];
const shared = load('validation.json');
const extra = load('validator-extra/rows.json');

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

describe('row counts', () => {
  it('validation.json has the documented number of rows', () => {
    expect(shared.length).toBe(327);
  });
  it('validator-extra has 345 rows, 134 FelixConfiguration (half invalid) and 100 IPPool, each naming its upstream line', () => {
    expect(extra.length).toBe(345);
    const felix = extra.filter((r) => r.resource.kind === 'FelixConfiguration');
    expect(felix.length).toBe(134);
    expect(felix.filter((r) => !r.valid).length).toBe(67);
    const pools = extra.filter((r) => r.resource.kind === 'IPPool');
    expect(pools.length).toBe(100);
    expect(pools.filter((r) => !r.valid).length).toBe(59);
    for (const r of extra) {
      expect(r.upstream).toMatch(
        /^(libcalico-go\/lib\/validator\/v3\/\w+_test\.go|test\/validation\/ippool_test\.go):\d+$/,
      );
    }
  });
});

const label = (r: ValidationRow, i: number) => (r.upstream ? r.upstream.replace(/^.*\//, '') : `#${i}`);

for (const [file, rows] of [
  ['validation.json', shared],
  ['validator-extra', extra],
] as const) {
  describe(file, () => {
    it.each(rows.map((r, i) => [label(r, i), r.name, r] as const))('%s %s', (_where, _name, row) => {
      const input = structuredClone(row.resource);
      const r = validate(input);
      const why = row.reason ?? 'Calico rejects it';
      expect(r.ok, r.ok ? `accepted, want invalid: ${why}` : JSON.stringify(r.issues)).toBe(row.valid);
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
          // A FelixConfiguration or IPPool row is decided by its spec.
          if (row.resource.kind === 'FelixConfiguration' || row.resource.kind === 'IPPool')
            expect(issue.path[0], issue.message).toBe('spec');
          expect(
            parentExists(row.resource, issue.path),
            `implausible path ${JSON.stringify(issue.path)}`,
          ).toBe(true);
        }
      }
    });
  });
}
