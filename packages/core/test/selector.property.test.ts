// Property tests: print/parse round trip, compiled matcher = interpreter, parser fuzzing.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileSelector,
  matchSelector,
  parseSelector,
  printSelector,
  type SelectorNode,
  selectorUniqueId,
} from '../src/selector/index.js';

// Small pools so generated selectors and label maps meet often; keyword-like labels on purpose.
const LABELS = [
  'a',
  'b',
  'in',
  'not',
  'has',
  'all',
  'global',
  'contains',
  'notin',
  'k8s-app',
  'x.y/z',
  '_',
  '0',
  '__proto__',
  'constructor',
];
const valueArb = fc
  .oneof(
    fc.constantFrom('', 'a', 'b', 'ab', 'ba', 'all()', "'", '"', 'x y', '\\', 'é', '😀', '\uffff', '\n'),
    fc.string({ maxLength: 6 }),
    fc.string({ unit: 'binary', maxLength: 4 }),
  )
  .filter((v) => !(v.includes('"') && v.includes("'")));
const labelArb = fc.oneof(fc.constantFrom(...LABELS), fc.stringMatching(/^[A-Za-z0-9_./-]{1,12}$/));
const setArb = fc.array(valueArb, { maxLength: 4 }).map((vs) => [...new Set(vs)].sort(bytewise));

function bytewise(a: string, b: string): number {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return Buffer.compare(x, y);
}

type Gen = { node: SelectorNode; leaf: SelectorNode };
/** ASTs as parseSelector produces them; `allowDoubleNot` adds `not(not(x))`, which only `!!` can print. */
function nodeArb(allowDoubleNot: boolean): fc.Arbitrary<SelectorNode> {
  return fc.letrec<Gen>((tie) => ({
    leaf: fc.oneof(
      fc.constant<SelectorNode>({ kind: 'all' }),
      fc.constant<SelectorNode>({ kind: 'global' }),
      labelArb.map((label): SelectorNode => ({ kind: 'has', label })),
      fc
        .tuple(fc.constantFrom('eq', 'neq', 'contains', 'startsWith', 'endsWith'), labelArb, valueArb)
        .map(([kind, label, value]): SelectorNode => ({ kind, label, value })),
      fc
        .tuple(fc.constantFrom('in', 'notIn'), labelArb, setArb)
        .map(([kind, label, values]): SelectorNode => ({ kind, label, values })),
    ),
    node: fc.oneof(
      { maxDepth: 4, depthSize: 'small', withCrossShrink: true },
      tie('leaf'),
      tie('node')
        .filter((n) => allowDoubleNot || n.kind !== 'not')
        .map((operand): SelectorNode => ({ kind: 'not', operand })),
      fc.tuple(fc.constantFrom('and', 'or'), fc.array(tie('node'), { minLength: 2, maxLength: 4 })).map(
        ([kind, ops]): SelectorNode => ({
          kind,
          operands: ops as [SelectorNode, SelectorNode, ...SelectorNode[]],
        }),
      ),
    ),
  })).node;
}

const labelsArb = fc.dictionary(
  fc.constantFrom(...LABELS),
  fc.oneof(fc.constantFrom('', 'a', 'b', 'ab', 'all()', "'", '"'), valueArb),
  {
    maxKeys: 6,
  },
);

function parsed(text: string): SelectorNode {
  const r = parseSelector(text);
  if (!r.ok) throw new Error(`${JSON.stringify(text)}: ${r.issues[0]?.message}`);
  return r.value;
}

describe('printSelector / parseSelector round trip', () => {
  it('parse(print(a)) gives back a (ASTs without not(not(x)))', () => {
    fc.assert(
      fc.property(nodeArb(false), (node) => {
        const text = printSelector(node);
        expect(parsed(text)).toEqual(node);
        expect(printSelector(parsed(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('with not(not(x)) the text re-parses to an equivalent selector that is a fixed point after one round', () => {
    fc.assert(
      fc.property(nodeArb(true), labelsArb, (node, labels) => {
        const once = printSelector(parsed(printSelector(node)));
        expect(printSelector(parsed(once))).toBe(once);
        expect(matchSelector(parsed(printSelector(node)), labels)).toBe(matchSelector(node, labels));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('compileSelector agrees with matchSelector', () => {
  it('on random selectors and label maps (records, null-prototype records and Maps)', () => {
    fc.assert(
      fc.property(nodeArb(true), fc.array(labelsArb, { minLength: 1, maxLength: 5 }), (node, maps) => {
        const compiled = compileSelector(node);
        for (const labels of maps) {
          const expected = matchSelector(node, labels);
          const nullProto = Object.assign(Object.create(null) as Record<string, string>, labels);
          expect(compiled(labels)).toBe(expected);
          expect(compiled(nullProto)).toBe(expected);
          expect(compiled(new Map(Object.entries(labels)))).toBe(expected);
          expect(matchSelector(node, new Map(Object.entries(labels)))).toBe(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('selectorUniqueId', () => {
  it('is "s:" + base64url(SHA-224("s:" + canonical text)), as upstream hash.MakeUniqueID', () => {
    fc.assert(
      fc.property(nodeArb(true), (node) => {
        const text = printSelector(node);
        const expected = `s:${createHash('sha224').update(`s:${text}`, 'utf8').digest('base64url')}`;
        expect(selectorUniqueId(node)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseSelector fuzzing', () => {
  const FRAGMENTS = [
    'a',
    'b',
    'in',
    'not',
    'has(',
    'has(a)',
    'has( b )',
    'all()',
    'all( )',
    'global()',
    '(',
    ')',
    '{',
    '}',
    ',',
    '"x"',
    "'y'",
    '""',
    '"',
    "'",
    '==',
    '!=',
    '!',
    '&&',
    '||',
    'contains',
    'starts with',
    'startswith',
    'ends  with',
    'not in',
    'notin',
    ' ',
    ' ',
    '\t',
    '\n',
    '=',
    '&',
    '|',
    '%',
    'é',
  ];
  const textArb = fc.oneof(
    fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 14 }).map((parts) => parts.join('')),
    fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 14 }).map((parts) => parts.join(' ')),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );

  it('never throws and always returns a Result; what parses prints and re-parses', () => {
    let parsedCount = 0;
    fc.assert(
      fc.property(textArb, labelsArb, (text, labels) => {
        const r = parseSelector(text);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) {
          expect(r.issues).toHaveLength(1);
          expect(r.issues[0]?.code).toBe('invalid_selector');
          return;
        }
        parsedCount++;
        const again = parsed(printSelector(r.value));
        expect(matchSelector(again, labels)).toBe(matchSelector(r.value, labels));
      }),
      { numRuns: 5000 },
    );
    // The generator is useful only if a fair share of its output is valid.
    expect(parsedCount).toBeGreaterThan(200);
  });
});
