// Every row of the shared conformance data (copied from /work/shared/conformance/selectors.json,
// rows keep their `source`/`upstream` fields) and of the upstream cases it leaves out, against
// parseSelector / matchSelector / printSelector.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compileSelector,
  matchSelector,
  parseSelector,
  printSelector,
  selectorUniqueId,
} from '../src/selector/index.js';

interface MatchRow {
  selector: string;
  labels: Record<string, string>;
  expected: boolean;
  source: string;
  upstream?: string;
  note?: string;
}
interface InvalidRow {
  selector: string;
  source: string;
  upstream?: string;
  note?: string;
}
interface CanonicalRow {
  input: string;
  canonical: string;
  uid?: string;
  source: string;
  upstream?: string;
  note?: string;
}
interface SelectorData {
  matches: MatchRow[];
  invalid: InvalidRow[];
  canonical: CanonicalRow[];
}
const load = (file: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as SelectorData;
// The shared rows, and the upstream cases they leave out (selectors-upstream-extra.json, whose
// `about` says where they come from); the least each file must hold guards against a lost file.
const files: [string, SelectorData, number][] = [
  ['selectors.json', load('selectors.json'), 50],
  ['selectors-upstream-extra.json', load('selectors-upstream-extra.json'), 10],
];

const where = (r: { source: string; upstream?: string }) => r.upstream ?? r.source;

for (const [file, data, least] of files) {
  describe(`${file} matches`, () => {
    it('has rows', () => expect(data.matches.length).toBeGreaterThan(least));
    it.each(
      data.matches.map((r) => [JSON.stringify(r.selector), JSON.stringify(r.labels), where(r), r] as const),
    )('%s on %s (%s)', (_s, _l, _w, r) => {
      const p = parseSelector(r.selector);
      if (!p.ok) throw new Error(p.issues[0]?.message);
      // Record, null-prototype record and Map must all agree, in both matchers.
      const nullProto = Object.assign(Object.create(null) as Record<string, string>, r.labels);
      const map = new Map(Object.entries(r.labels));
      const compiled = compileSelector(p.value);
      expect(matchSelector(p.value, r.labels)).toBe(r.expected);
      expect(matchSelector(p.value, nullProto)).toBe(r.expected);
      expect(matchSelector(p.value, map)).toBe(r.expected);
      expect(compiled(r.labels)).toBe(r.expected);
      expect(compiled(map)).toBe(r.expected);
    });
  });

  describe(`${file} invalid`, () => {
    it('has rows', () => expect(data.invalid.length).toBeGreaterThan(least));
    it.each(data.invalid.map((r) => [JSON.stringify(r.selector), where(r), r] as const))(
      '%s (%s)',
      (_s, _w, r) => {
        const p = parseSelector(r.selector);
        expect(p.ok).toBe(false);
        if (p.ok) return;
        expect(p.issues).toHaveLength(1);
        expect(p.issues[0]).toMatchObject({ code: 'invalid_selector', path: [] });
        expect(p.issues[0]?.message).toMatch(/^Invalid selector .* at column \d+: /s);
      },
    );
  });

  describe(`${file} canonical`, () => {
    it('has rows', () => expect(data.canonical.length).toBeGreaterThan(least));
    it.each(data.canonical.map((r) => [JSON.stringify(r.input), where(r), r] as const))(
      '%s (%s)',
      (_s, _w, r) => {
        const p = parseSelector(r.input);
        if (!p.ok) throw new Error(p.issues[0]?.message);
        expect(printSelector(p.value)).toBe(r.canonical);
        if (r.uid !== undefined) expect(selectorUniqueId(p.value)).toBe(r.uid);
      },
    );
  });
}
