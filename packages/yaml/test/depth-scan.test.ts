import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, type Node, parseAllDocuments, stringify } from 'yaml';
import { scanDepth } from '../src/depth-scan.js';
import { fromYaml } from '../src/index.js';
import { EXPECTED_KIND_YAML, EXPECTED_TUTORIAL_YAML } from './fixtures/expected-yaml.js';

/** The deepest nesting of collections the yaml parser builds (what the post-parse check counts). */
function parsedDepth(text: string): number {
  let max = 0;
  const walk = (node: unknown, depth: number): void => {
    if (isMap(node) || isSeq(node)) {
      max = Math.max(max, depth + 1);
      for (const item of node.items as unknown[]) {
        if (isMap(node)) {
          const pair = item as { key: Node | null; value: Node | null };
          walk(pair.key, depth + 1);
          walk(pair.value, depth + 1);
        } else walk(item, depth + 1);
      }
    }
  };
  for (const doc of parseAllDocuments(text) as { contents: unknown }[]) walk(doc.contents, 0);
  return max;
}

/** Every YAML text the package's tests and the shared conformance data hold. */
function corpus(): [string, string][] {
  const out: [string, string][] = [];
  const read = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) read(path);
      else if (/\.ya?ml$/.test(entry.name)) out.push([path, readFileSync(path, 'utf8')]);
    }
  };
  read(new URL('./fixtures', import.meta.url).pathname);
  // The hand-written expected output of every kind (it was a folder of golden files).
  for (const [kind, text] of Object.entries(EXPECTED_KIND_YAML))
    out.push([`expected-yaml.ts: ${kind}`, text]);
  for (const [name, text] of Object.entries(EXPECTED_TUTORIAL_YAML))
    out.push([`expected-yaml.ts: ${name}`, text]);
  return out;
}

const TRICKY = [
  'a: "[[[[" # [[[[\n',
  "a: '{{{{' # {{{\nb: x\n",
  'a: has(x[0]) && y[1]\n',
  'a: |\n  [[[[[\n  - - - - -\nb: 1\n',
  'a: >-\n  {{{{\n\n  {{{{\n',
  'a: abc\n  - def\n  - ghi\n',
  '# [[[[[\n- x # {{{{\n',
  'a: "multi\n  line [[[[ \\" [[["\nb: [1]\n',
  'key: &anchor\n  - a\n  - b\nother: *anchor\n',
  '--- [1, [2]]\n--- {a: {b: c}}\n...\n',
  '{"a": {"b": ["c", {"d": "[[["}]}}\n',
  '[a#b, "c]", \'d]\', e: [f]]\n',
  '? - - a\n: - - b\n',
  '- - - x\n    - y\n  - z\n- w\n',
  'a:\n  b:\n    c:\n      - d: [e]\n        f: {g: h}\n',
];

describe('scanDepth: the pre-parse depth scan', () => {
  it('refuses 8 MB of nested brackets before the parser sees them, at line and column', () => {
    const n = 4_000_000;
    const r = fromYaml(`${'['.repeat(n)}${']'.repeat(n)}`);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues).toEqual([
      {
        code: 'too_deep',
        path: [],
        message: 'collections nest deeper than 64 levels; flatten the data',
        line: 1,
        column: 65,
        document: 0,
      },
    ]);
  }, 60_000);

  it('refuses deep block nesting (compact sequences and indentation) with the same message', () => {
    const compact = fromYaml(`a: 1\n---\nb:\n${'- '.repeat(1_000_000)}x\n`);
    expect(!compact.ok && compact.issues[0]).toMatchObject({ code: 'too_deep', line: 4, document: 1 });
    let indented = '';
    for (let i = 0; i < 100; i++) indented += `${' '.repeat(i)}k${i}:\n`;
    const r = fromYaml(`${indented}${' '.repeat(100)}end: 1\n`);
    expect(!r.ok && r.issues[0]).toMatchObject({ code: 'too_deep', line: 65 });
    expect(!r.ok && r.issues[0]?.message).toBe('collections nest deeper than 64 levels; flatten the data');
  }, 60_000);

  it.each(TRICKY)('never counts brackets in quotes, comments, plain or block scalars: %j', (text) => {
    expect(scanDepth(text, parsedDepth(text))).toBeUndefined();
  });

  it('never refuses a fixture at its own parsed depth', () => {
    const files = corpus();
    expect(files.length).toBeGreaterThan(20);
    for (const [path, text] of files)
      expect([path, scanDepth(text, parsedDepth(text))]).toEqual([path, undefined]);
  });

  it('is exact on JSON: one level less than the parsed depth is refused', () => {
    const json = '{"a": [{"b": {"c": ["[{", 1]}}]}';
    expect(parsedDepth(json)).toBe(5);
    expect(scanDepth(json, 5)).toBeUndefined();
    expect(scanDepth(json, 4)).toMatchObject({ line: 1, column: 20 });
  });

  it('reads `:` and `?` before a non-blank in flow context as part of a plain scalar', () => {
    // Found by the property below: `{ :': 0 }` holds the plain key `:'`, not a quoted scalar.
    const text = `[ [ { :': 0 }, "'" ], [ [] ] ]\n`;
    expect(parsedDepth(text)).toBe(3);
    expect(scanDepth(text, 3)).toBeUndefined();
    expect(scanDepth("[ ?x, ?'a' ]\n", 1)).toBeUndefined();
    expect(scanDepth('{"a":[[1]]}\n', 2)).toMatchObject({ column: 7 });
  });

  it('property: never counts deeper than the parser, in block and flow layouts', () => {
    const scalar = fc.oneof(
      fc.constantFrom(
        '[',
        ']',
        '{a',
        '#x',
        'a: b',
        '- c',
        '|',
        '> x',
        '"q"',
        "'s'",
        'has(a[0])',
        '&x',
        '*y',
        '? k',
        '---',
      ),
      fc.string({ maxLength: 8 }),
      fc.integer(),
    );
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('value'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(value, fc.constantFrom('block', 'flow', 'json', 'indented'), (v, layout) => {
        const text =
          layout === 'json'
            ? JSON.stringify(v, null, 1)
            : stringify(v, {
                collectionStyle: layout === 'flow' ? 'flow' : 'block',
                indentSeq: layout === 'indented',
              });
        expect(scanDepth(text, parsedDepth(text))).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});
