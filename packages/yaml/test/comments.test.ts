import { describe, expect, it } from 'vitest';
import { findComments } from '../src/index.js';

describe('findComments', () => {
  it('finds comments from tokens, with line and column', () => {
    const text = '# top\napiVersion: v1 # api\nkind: Namespace\n--- # doc\n[a, # in flow\n  b]\n';
    expect(findComments(text)).toEqual([
      { text: '# top', offset: 0, line: 1, column: 1 },
      { text: '# api', offset: 21, line: 2, column: 16 },
      { text: '# doc', offset: 47, line: 4, column: 5 },
      { text: '# in flow', offset: 57, line: 5, column: 5 },
    ]);
  });

  it.each([
    ['a double-quoted string', 'note: "see #42"\n'],
    ['a single-quoted string', "note: 'it''s #42'\n"],
    ['a plain scalar', 'selector: a#b\nurl: http://x/#frag\n'],
    ['a block scalar', 'script: |\n  # not a comment\n  echo\n'],
    ['a multi-line quoted string', 'a: "one\n  #two"\n'],
    ['JSON', '{"a": "#b", "c": ["#d"]}\n'],
  ])('sees no comment in %s', (_name, text) => {
    expect(findComments(text)).toEqual([]);
  });

  it('counts lines across CRLF, block scalars and quoted strings', () => {
    expect(findComments('a: |\r\n  x\r\nb: "y\r\n z" # here\r\n')).toEqual([
      { text: '# here', offset: 22, line: 4, column: 5 },
    ]);
  });
});
