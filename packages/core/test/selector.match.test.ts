import { describe, expect, it } from 'vitest';
import { compileSelector, matchSelector, parseSelector, type SelectorNode } from '../src/selector/index.js';

function p(text: string): SelectorNode {
  const r = parseSelector(text);
  if (!r.ok) throw new Error(r.issues[0]?.message);
  return r.value;
}

describe('label lookup uses own keys only', () => {
  const cases: [string, Record<string, string>, boolean][] = [
    ['has(constructor)', {}, false],
    ['has(toString)', {}, false],
    ['has(__proto__)', {}, false],
    ['__proto__ == "x"', JSON.parse('{"__proto__": "x"}'), true],
    ['__proto__ != "x"', {}, true],
    ['constructor not in {"x"}', {}, true],
    ['constructor in {"x"}', { constructor: 'x' }, true],
    ['hasOwnProperty contains ""', {}, false],
  ];
  it.each(cases)('%s on %j', (text, labels, expected) => {
    const node = p(text);
    expect(matchSelector(node, labels)).toBe(expected);
    expect(matchSelector(node, structuredClone(labels))).toBe(expected);
    expect(matchSelector(node, new Map(Object.entries(labels)))).toBe(expected);
    expect(compileSelector(node)(labels)).toBe(expected);
  });

  it('treats missing labels (untyped callers) as no labels', () => {
    expect(matchSelector(p('!has(a)'), undefined as never)).toBe(true);
    expect(compileSelector(p('a != "b"'))(null as never)).toBe(true);
  });

  it('does not modify the label map', () => {
    const labels = Object.freeze({ a: 'b' });
    expect(matchSelector(p('a == "b"'), labels)).toBe(true);
  });
});

describe('calico-semantics §12.1-13 checklist', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['', { a: 'b' }, true], // 1
    [' \t ', {}, true], // 1
    ['k == "v"', {}, false], // 5
    ['k != "v"', {}, true], // 5
    ['k in {}', { k: 'v' }, false], // 6
    ['k not in {}', { k: 'v' }, true], // 6
    ['k contains ""', { k: '' }, true], // 7
    ['k starts with ""', {}, false], // 7
    ['has(k)', { k: '' }, true], // 8
    ['has( k )', { k: 'x' }, true], // 8
    ['k startswith "a" && k endswith "z" && k notin {"az"} && k not   in {"a"}', { k: 'abz' }, true], // 9
    ['!a == "b" || c == "d"', { a: 'b', c: 'd' }, true], // 10
    ['!!! has(a)', { a: 'b' }, false], // 10
    ['k in {"x",}', { k: 'x' }, true], // 11
    ['global()', {}, true], // 13
    ['!all()', {}, false],
    ['A == "b"', { a: 'b' }, false], // 3: case-sensitive keys
  ])('%j on %j', (text, labels, expected) => {
    expect(matchSelector(p(text), labels)).toBe(expected);
  });

  it.each([
    'has (k)',
    'a == "b"\n',
    'a\r== "b"',
    `has(${'k'.repeat(513)})`,
    'a == "b',
    "a == 'b",
    'a in {"x" "y"}',
  ])('rejects %j', (text) => {
    expect(parseSelector(text).ok).toBe(false);
  });
});
