import { Lexer } from 'yaml';

/**
 * One comment in YAML text.
 *
 * @example
 * ```ts
 * // findComments lists them (fromYaml keeps comments out of the resources it returns):
 * findComments('metadata:\n  name: web # owned by team-a\n'); // [{ text: '# owned by team-a', offset: 22, line: 2, column: 13 }]
 * ```
 */
export interface YamlComment {
  /** The comment as written, from `#` to the end of its line. */
  readonly text: string;
  /** 0-based offset of its `#`. */
  readonly offset: number;
  /** 1-based line and column of its `#`. */
  readonly line: number;
  readonly column: number;
}

// The lexer's markers that stand for no source text (document start, flow error end, scalar).
const MARKERS = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * Every comment in YAML (or JSON) text, found from the `yaml` package's tokens, not a regular
 * expression: a `#` inside a quoted string, a plain scalar (`a#b`) or a block scalar is not a
 * comment. For `fmt`, which must not silently drop comments when it rewrites a file.
 *
 * @example
 * ```ts
 * findComments('note: "see #42" # why\n'); // [{ text: '# why', offset: 16, line: 1, column: 17 }]
 * findComments('note: "see #42"\n'); // []
 * ```
 */
export function findComments(text: string): YamlComment[] {
  const comments: YamlComment[] = [];
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) {
      scalarNext = token === '\u001f';
      continue;
    }
    if (!scalarNext && token.startsWith('#')) {
      comments.push({ text: token, offset, line, column: offset - lineStart + 1 });
    }
    scalarNext = false;
    for (let i = token.indexOf('\n'); i >= 0; i = token.indexOf('\n', i + 1)) {
      line++;
      lineStart = offset + i + 1;
    }
    offset += token.length;
  }
  return comments;
}
