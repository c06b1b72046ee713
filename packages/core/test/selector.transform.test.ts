import { describe, expect, it } from 'vitest';
import {
  andSelectors,
  checkSelectorNode,
  mapSelectorLabels,
  orSelectors,
  parseSelector,
  prefixSelectorLabels,
  printSelector,
  replaceSelectorCalls,
  type SelectorNode,
  selectorLabels,
} from '../src/selector/index.js';

function p(text: string): SelectorNode {
  const r = parseSelector(text);
  if (!r.ok) throw new Error(r.issues[0]?.message);
  return r.value;
}

describe('prefixSelectorLabels (upstream PrefixVisitor table, parser_test.go:334-348)', () => {
  it.each([
    ["k == 'v'", 'visited/k == "v"'],
    ["k != 'v'", 'visited/k != "v"'],
    ["k contains 'v'", 'visited/k contains "v"'],
    ["k starts with 'v'", 'visited/k starts with "v"'],
    ["k ends with 'v'", 'visited/k ends with "v"'],
    ["k == 'v' && x == 'y'", '(visited/k == "v" && visited/x == "y")'],
    ["k == 'v' || has(x)", '(visited/k == "v" || has(visited/x))'],
    ["!(k == 'v')", '!visited/k == "v"'],
    ["k in {'v'}", 'visited/k in {"v"}'],
    ["k not in {'v'}", 'visited/k not in {"v"}'],
    [
      "!(!(k == 'v' && has(t) || all()) && (a in {'b', 'c'}))",
      '!(!((visited/k == "v" && has(visited/t)) || all()) && visited/a in {"b", "c"})',
    ],
  ])('%s', (input, expected) => {
    expect(printSelector(prefixSelectorLabels(p(input), 'visited/'))).toBe(expected);
  });
});

describe('replaceSelectorCalls (namespaceSelector compilation, calico-semantics §6.7)', () => {
  const hasNs = p('has(projectcalico.org/namespace)');
  const notNs = p('!has(projectcalico.org/namespace)');
  const compileNs = (text: string) =>
    printSelector(
      replaceSelectorCalls(prefixSelectorLabels(p(text), 'pcns.'), { all: hasNs, global: notNs }),
    );

  it('rewrites all() and global() like the textual replacement', () => {
    expect(compileNs('all()')).toBe('has(projectcalico.org/namespace)');
    expect(compileNs('global()')).toBe('!has(projectcalico.org/namespace)');
    expect(compileNs("env == 'prod'")).toBe('pcns.env == "prod"');
    expect(compileNs('!global()')).toBe('!!has(projectcalico.org/namespace)');
    expect(compileNs("all() && name != 'x'")).toBe('(has(projectcalico.org/namespace) && pcns.name != "x")');
  });

  it('also rewrites the text inside quoted values, as strings.Replace does', () => {
    expect(compileNs("a == 'x all() y' || a in {'global()'}")).toBe(
      '(pcns.a == "x has(projectcalico.org/namespace) y" || pcns.a in {"!has(projectcalico.org/namespace)"})',
    );
  });

  it('leaves a tree without all()/global() unchanged', () => {
    const n = p("a == 'b' && !has(c)");
    expect(replaceSelectorCalls(n, { all: hasNs })).toEqual(n);
  });
});

describe('selectorLabels / mapSelectorLabels / andSelectors / orSelectors / checkSelectorNode', () => {
  it('lists referenced labels sorted and de-duplicated', () => {
    expect(selectorLabels(p("b == 'x' || (has(a) && b in {'y'}) && !c contains 'z' || all()"))).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(selectorLabels(p(''))).toEqual([]);
  });

  it('maps labels', () => {
    expect(printSelector(mapSelectorLabels(p("a == 'x' && has(b)"), (k) => `${k}2`))).toBe(
      '(a2 == "x" && has(b2))',
    );
  });

  it('composes without flattening, like "(a) && (b)" text', () => {
    expect(printSelector(andSelectors(p('has(a) && has(b)'), p('has(c)')))).toBe(
      '((has(a) && has(b)) && has(c))',
    );
    expect(printSelector(andSelectors())).toBe('all()');
    expect(printSelector(andSelectors(p('has(a)')))).toBe('has(a)');
    expect(printSelector(orSelectors(p('has(a)'), p('has(b)')))).toBe('(has(a) || has(b))');
    expect(printSelector(orSelectors())).toBe('!all()');
  });

  it('checks hand-built trees', () => {
    expect(checkSelectorNode(p("a in {'x'} && !has(b)")).ok).toBe(true);
    const bad = checkSelectorNode({
      kind: 'or',
      operands: [
        { kind: 'eq', label: 'a b', value: 'x' },
        { kind: 'in', label: 'c', values: [`'"`] },
      ],
    });
    expect(bad.ok ? [] : bad.issues.map((i) => i.message)).toEqual([
      'Invalid selector label "a b": use 1–512 characters of A-Z a-z 0-9 _ . / -',
      `Selector value "'\\"" for label "c" contains both ' and "; Calico selector strings have no escapes, so it cannot be written`,
    ]);
  });

  it('checks trees of the wrong shape without throwing', () => {
    const bad = (x: unknown) => checkSelectorNode(x as SelectorNode).ok;
    expect(bad(null)).toBe(false);
    expect(bad({ kind: 'nope' })).toBe(false);
    expect(bad({ kind: 'eq', label: 'a' })).toBe(false);
    expect(bad({ kind: 'in', label: 'a', values: 'x' })).toBe(false);
    expect(bad({ kind: 'and', operands: 'x' })).toBe(false);
    expect(bad({ kind: 'not' })).toBe(false);
    const cyclic: { kind: 'not'; operand: unknown } = { kind: 'not', operand: undefined };
    cyclic.operand = cyclic;
    expect(bad(cyclic)).toBe(false);
    const shared: SelectorNode = { kind: 'has', label: 'a' };
    expect(bad({ kind: 'and', operands: [shared, shared] })).toBe(true);
    let deep: SelectorNode = { kind: 'all' };
    for (let i = 0; i < 100_000; i++) deep = { kind: 'not', operand: deep };
    expect(bad(deep)).toBe(true);
    expect(printSelector(deep)).toBe(`${'!'.repeat(100_000)}all()`);
  });

  it('printSelector refuses trees no text can express', () => {
    expect(() => printSelector({ kind: 'eq', label: 'a', value: `'"` })).toThrow(/both ' and "/);
    expect(() => printSelector({ kind: 'has', label: 'a b' })).toThrow(/not a valid label key/);
    // Prefixing may exceed 512 characters; upstream prints such labels, and so do we.
    expect(printSelector({ kind: 'has', label: 'a'.repeat(600) })).toBe(`has(${'a'.repeat(600)})`);
  });
});
