import { fromYaml } from '@calico-dsl/yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentCache, splitDocuments } from '../src/model/documents.js';
import { lessonPresets } from '../src/model/presets.js';
import { locateResources } from '../src/model/rule-lines.js';

const cache = () => new DocumentCache(2 * 1024 * 1024, new Set(['too_deep', 'too_large']));
// Chunks number their documents from 0; the playground shows lines, never document indexes.
const withoutDocument = <T extends { ok: boolean }>(r: T) =>
  r.ok
    ? r
    : {
        ...r,
        issues: (r as unknown as { issues: { document?: number }[] }).issues.map(
          ({ document: _, ...i }) => i,
        ),
      };

describe('splitting at document starts', () => {
  it('splits at --- lines only', () => {
    expect(splitDocuments('a: 1\n---\nb: 2\n--- # c\nc: 3\n----\n')).toEqual([
      { text: 'a: 1\n', firstLine: 1 },
      { text: '---\nb: 2\n', firstLine: 2 },
      { text: '--- # c\nc: 3\n----\n', firstLine: 4 },
    ]);
    expect(splitDocuments('---\na: 1')).toEqual([{ text: '---\na: 1', firstLine: 1 }]);
    expect(splitDocuments('')).toEqual([{ text: '', firstLine: 1 }]);
  });

  it('leaves texts with directives or document-end markers whole', () => {
    expect(splitDocuments('%YAML 1.2\n---\na: 1\n')).toBeUndefined();
    expect(splitDocuments('a: 1\n...\n---\nb: 2\n')).toBeUndefined();
  });
});

// Lines an edit may insert: valid, invalid, block scalars holding '---', flow collections.
const SNIPPETS = [
  '---',
  '--- # next',
  '  labels: {a: b}',
  'kind: GlobalNetworkPolicy',
  'metadata:',
  '  name: x',
  'description: |',
  '  text',
  '"unterminated',
  '- item',
  'key: [1, 2',
  '',
  '# comment',
  'a: &x 1',
  'b: *x',
  'c: &big [*x, *x, *x, *x]',
  'x: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
  'yes: no',
  'apiVersion: v1',
  '  - action: Deny',
  '\t',
];

describe('reading document by document', () => {
  const base = lessonPresets()[2]?.manifests ?? '';

  it('gives what fromYaml gives for the whole text, on the tutorial world and edits of it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SNIPPETS)), { maxLength: 4 }), (edits) => {
        const lines = base.split('\n');
        for (const [at, snippet] of edits) lines.splice(at % (lines.length + 1), 0, snippet);
        const text = lines.join('\n');
        const read = cache().read(text);
        expect(withoutDocument(read.result)).toEqual(withoutDocument(fromYaml(text)));
        // Where resources are matters when the text reads (highlights, lint); broken text has no
        // world, and documents fromYaml refuses are not parsed a second time.
        if (read.result.ok) expect(read.located).toEqual(locateResources(text));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('a cache that saw earlier texts answers as a fresh one', () => {
    const reader = cache();
    let text = base;
    for (const edit of ['# a\n', 'apiVersion: v1\nkind: [\n', '---\nkind: Pod\n', '']) {
      text = edit === '' ? base : `${text}${edit}`;
      expect(reader.read(text)).toEqual(cache().read(text));
    }
  }, 60_000);
});
