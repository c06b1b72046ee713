import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fromYaml, toYaml } from '../src/index.js';
import { escapedDoubleQuoted, needsEscape } from '../src/string-tag.js';

// Characters strict readers reject (DEL, C0/C1 controls, U+FFFE/FFFF, lone surrogates) or change
// (NEL, U+2028, U+2029 are line breaks for YAML 1.1; BOM).
function rawForbidden(out: string): string[] {
  const bad: string[] = [];
  for (const char of out) {
    const c = char.codePointAt(0) ?? 0;
    const control = (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f);
    const special = [0x2028, 0x2029, 0xfeff, 0xfffe, 0xffff].includes(c) || (c >= 0xd800 && c <= 0xdfff);
    if (control || special) bad.push(c.toString(16));
  }
  return bad;
}

const piece = fc.constantFrom(
  '\u007f',
  '\u0085',
  '\u0080',
  '\u009f',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffe',
  '\u0000',
  '\u001b',
  '\r',
  '\t',
  '\n',
  '\ud800',
  '\udc00',
  '😀',
  'é',
  '"',
  '\\',
  "'",
  '#',
  ': ',
  '- ',
  ' ',
  'a',
  'on',
  '017',
);
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
);

describe('escaping on output', () => {
  it('escapes what strict readers reject or change, and keeps the rest readable', () => {
    expect(escapedDoubleQuoted('a\u0085b\u2028c\u007f"\\😀\ud800')).toBe(
      '"a\\x85b\\u2028c\\x7F\\"\\\\😀\\uD800"',
    );
    expect(needsEscape('tab\tnew\nline é 😀')).toBe(false);
    expect(needsEscape('\udc00')).toBe(true);
  });

  it('property: every string survives toYaml, fromYaml and a strict reader, with nothing raw it would reject', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), text, { maxKeys: 5 }),
        text,
        (raw, name) => {
          const annotations = Object.fromEntries(
            Object.entries(raw).filter(([k]) => !['__proto__', 'constructor', 'prototype'].includes(k)),
          );
          const ns = {
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: { name: 'dev', annotations, labels: { name } },
          } as const;
          const out = toYaml(ns);
          expect(rawForbidden(out)).toEqual([]);
          expect(fromYaml(out)).toEqual({ ok: true, value: [ns] });
          expect(parse(out, { strict: true, prettyErrors: false })).toEqual(ns);
          expect(parse(out, { version: '1.1', strict: true })).toEqual(ns);
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);
});

describe('block scalars with blank-led lines', () => {
  it('a line that starts with or is only blanks survives the round trip (fast-check seed -54133427)', () => {
    for (const value of [' \n', 'a\n  b\n', '\t\nx', 'x\n \n', ' lead\nnext']) {
      const ns = {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'dev', annotations: { a: value } },
      } as const;
      const out = toYaml(ns);
      expect(fromYaml(out)).toEqual({ ok: true, value: [ns] });
      expect(parse(out, { strict: true, prettyErrors: false })).toEqual(ns);
    }
  });
});
