import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromYaml } from '../src/index.js';

/** The invariants every fromYaml result keeps, whatever the input. */
function expectSane(text: string): void {
  let result: ReturnType<typeof fromYaml> | undefined;
  expect(() => {
    result = fromYaml(text);
  }).not.toThrow();
  if (result === undefined) return;
  if (result.ok) {
    expect(Array.isArray(result.value)).toBe(true);
    expect(() => JSON.stringify(result)).not.toThrow();
  } else {
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(typeof issue.code).toBe('string');
      expect(Array.isArray(issue.path)).toBe(true);
      expect(issue.message.length).toBeGreaterThan(0);
    }
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
}

const gnp = (meta: string, spec = '  selector: all()') =>
  `apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n${meta}\nspec:\n${spec}\n`;

describe('fromYaml on hostile input', () => {
  it.each([
    ['alias bomb in annotations', gnp(`  name: bomb\n  annotations:\n${bomb('    ')}`)],
    ['top-level alias bomb', bomb('')],
    ['10k-deep flow sequence', `${'['.repeat(10000)}${']'.repeat(10000)}\n`],
    ['10k-deep flow mapping', `${'{a: '.repeat(10000)}1${'}'.repeat(10000)}\n`],
    ['10k-deep compact block sequence', `${'- '.repeat(10000)}x\n`],
    [
      'deep flow inside spec',
      gnp('  name: deep', `  selector: all()\n  ingress: ${'['.repeat(10000)}${']'.repeat(10000)}`),
    ],
    ['5 MB scalar', gnp(`  name: big\n  annotations:\n    big: "${'x'.repeat(5 * 1024 * 1024)}"`)],
    [
      '__proto__ and constructor keys',
      `__proto__:\n  polluted: yes\n${gnp('  name: p\n  __proto__: {polluted: yes}', '  constructor: {prototype: {polluted: yes}}')}`,
    ],
    ['!!js/function tags', gnp("  name: !!js/function 'function(){ globalThis.pwned = 1 }'")],
    ['unclosed quote', 'a: "abc\n'],
    ['only a BOM', '\uFEFF'],
    ['NUL bytes', '\u0000\u0000\u0000'],
    ['self-referencing anchor', 'a: &a [*a]\n'],
    ['directive soup', '%YAML 1.1\n%TAG ! tag:x,2000:\n--- !foo\na: !bar 1\n...\n%YAML 9.9\n---\n'],
  ])('%s', (_name, text) => {
    expectSane(text);
  });

  it('binary garbage', () => {
    let seed = 12345;
    let text = '';
    for (let i = 0; i < 65536; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      text += String.fromCharCode(seed % 256);
    }
    expectSane(text);
  });

  it('fuzz: arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), expectSane), { numRuns: 500 });
  }, 60_000);

  it('fuzz: strings made of YAML syntax', () => {
    const piece = fc.constantFrom(
      '[',
      ']',
      '{',
      '}',
      ',',
      ':',
      ': ',
      '- ',
      '? ',
      '&a ',
      '*a',
      '&b ',
      '*b',
      '!!str ',
      '!!js/function ',
      '!x ',
      '"',
      "'",
      '|',
      '>',
      '#',
      '\n',
      '  ',
      '\t',
      '---\n',
      '...\n',
      '%YAML 1.2\n',
      '__proto__',
      'constructor',
      'apiVersion: projectcalico.org/v3\n',
      'kind: GlobalNetworkPolicy\n',
      'kind: List\n',
      'items:\n',
      'metadata:\n',
      '  name: x\n',
      'spec:\n',
      'apiVersion: v1\n',
      'kind: Pod\n',
      '<<: ',
      '~',
      'null',
      '1',
      '0x1F',
      '.inf',
      'yes',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => expectSane(pieces.join(''))),
      { numRuns: 1000 },
    );
  }, 60_000);
});

function bomb(indent: string): string {
  let text = `${indent}a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
  for (let i = 1; i < 10; i++)
    text += `${indent}a${i}: &a${i} [${Array(9)
      .fill(`*a${i - 1}`)
      .join(',')}]\n`;
  return text.replace(/\n$/, '');
}
