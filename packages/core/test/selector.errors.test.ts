// Error messages, positions and pathological input for parseSelector.
import { describe, expect, it } from 'vitest';
import {
  compileSelector,
  MAX_SELECTOR_DEPTH,
  matchSelector,
  parseSelector,
  printSelector,
  selectorLabels,
} from '../src/selector/index.js';

function message(text: string): string {
  const r = parseSelector(text);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to fail`);
  expect(r.issues).toHaveLength(1);
  expect(r.issues[0]).toMatchObject({ code: 'invalid_selector', path: [] });
  return r.issues[0]!.message;
}

describe('parseSelector error messages', () => {
  it.each([
    ['a == b', 'Invalid selector "a == b" at column 6: expected a quoted string after ==, found label "b"'],
    ['a = "b"', `Invalid selector 'a = "b"' at column 3: expected == (a single = is not an operator)`],
    [
      'a == "b" & c == "d"',
      `Invalid selector 'a == "b" & c == "d"' at column 10: expected && (a single & is not an operator)`,
    ],
    [
      'a == "b" | c',
      `Invalid selector 'a == "b" | c' at column 10: expected || (a single | is not an operator)`,
    ],
    ['a == "b', `Invalid selector 'a == "b' at column 6: unterminated string: add the closing "`],
    [
      'a in "x"',
      `Invalid selector 'a in "x"' at column 6: expected a set literal such as {"a", "b"} after in, found string "x"`,
    ],
    [
      'a in {"x" "y"}',
      `Invalid selector 'a in {"x" "y"}' at column 11: expected a quoted string or } in the set literal, found string "y"`,
    ],
    [
      'a b',
      'Invalid selector "a b" at column 3: expected an operator (==, !=, in, not in, contains, starts with, ends with) after label "a", found "b"',
    ],
    [
      'a',
      'Invalid selector "a" at column 2: expected an operator (==, !=, in, not in, contains, starts with, ends with) after label "a", found the end of the selector',
    ],
    [
      '(a == "x"',
      `Invalid selector '(a == "x"' at column 10: expected ) to close the ( at column 1, found the end of the selector`,
    ],
    [
      ')',
      'Invalid selector ")" at column 1: expected a label, has(…), all(), global(), "(" or "!", found ")"',
    ],
    [
      '!',
      'Invalid selector "!" at column 2: expected a label, has(…), all(), global(), "(" or "!", found the end of the selector',
    ],
    [
      'a == "b" c == "d"',
      `Invalid selector 'a == "b" c == "d"' at column 10: unexpected label "c" after a complete selector: join terms with && or ||`,
    ],
    [
      'has (a)',
      'Invalid selector "has (a)" at column 5: expected an operator (==, !=, in, not in, contains, starts with, ends with) after label "has", found "("',
    ],
    ['has(a', 'Invalid selector "has(a" at column 6: expected ) to close has(a'],
    ['all(x)', 'Invalid selector "all(x)" at column 5: expected ) after all( (all() takes no arguments)'],
    [
      'café == "x"',
      `Invalid selector 'café == "x"' at column 4: expected an operator (==, !=, in, not in, contains, starts with, ends with) after label "caf", found "é"`,
    ],
  ])('%s', (text, expected) => {
    expect(message(text)).toBe(expected);
  });

  it('names newlines and carriage returns', () => {
    expect(message('a == "b"\n')).toBe(
      'Invalid selector "a == \\"b\\"\\n" at column 9: expected a label, has(…), all(), global(), "(" or "!", found a newline (only spaces and tabs may separate tokens)',
    );
    expect(message('\ra == "b"')).toMatch(/at column 1: .*carriage return/);
  });

  it('reports an over-long label with its length', () => {
    expect(message(`has(${'a'.repeat(513)})`)).toMatch(
      /at column 5: label is 513 characters long; Calico allows at most 512$/,
    );
    expect(parseSelector(`has(${'a'.repeat(512)})`).ok).toBe(true);
  });

  it('shortens very long selectors in messages', () => {
    const m = message(`${'a == "b" && '.repeat(50)}%`);
    expect(m.length).toBeLessThan(300);
    expect(m).toContain("…' at column 601:");
  });

  it('returns an issue for non-string input instead of throwing', () => {
    const r = parseSelector(undefined as unknown as string);
    expect(r.ok).toBe(false);
  });
});

describe('pathological input', () => {
  it('rejects nesting deeper than MAX_SELECTOR_DEPTH without overflowing the stack', () => {
    const n = MAX_SELECTOR_DEPTH + 1;
    expect(message(`${'('.repeat(n)}all()${')'.repeat(n)}`)).toContain(
      `parentheses nest deeper than ${MAX_SELECTOR_DEPTH} levels`,
    );
    expect(parseSelector('('.repeat(200_000)).ok).toBe(false);
  });

  it('accepts nesting up to the limit, and every helper copes with the resulting tree', () => {
    const d = MAX_SELECTOR_DEPTH;
    const nested = `${'a == "x" && ('.repeat(d)}has(b)${')'.repeat(d)}`;
    const r = parseSelector(nested);
    if (!r.ok) throw new Error(r.issues[0]?.message);
    expect(matchSelector(r.value, { a: 'x', b: '' })).toBe(true);
    expect(compileSelector(r.value)({ a: 'x' })).toBe(false);
    expect(selectorLabels(r.value)).toEqual(['a', 'b']);
    const printed = printSelector(r.value);
    expect(printSelector((parseSelector(printed) as { ok: true; value: never }).value)).toBe(printed);

    const negations = `${'!('.repeat(d)}has(a)${')'.repeat(d)}`;
    const n = parseSelector(negations);
    if (!n.ok) throw new Error(n.issues[0]?.message);
    expect(matchSelector(n.value, { a: '1' })).toBe(d % 2 === 0);
  });

  it('handles long flat inputs', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `l${i} == "v${i}"`).join(' || ');
    const r = parseSelector(many);
    if (!r.ok) throw new Error(r.issues[0]?.message);
    expect(r.value.kind).toBe('or');
    expect(matchSelector(r.value, { l19999: 'v19999' })).toBe(true);
    expect(parseSelector(`${'!'.repeat(1_000_001)}has(a)`)).toEqual({
      ok: true,
      value: { kind: 'not', operand: { kind: 'has', label: 'a' } },
    });
    expect(parseSelector('a'.repeat(1_000_000)).ok).toBe(false);
    expect(parseSelector(`a == "${'x'.repeat(1_000_000)}`).ok).toBe(false);
  });
});
