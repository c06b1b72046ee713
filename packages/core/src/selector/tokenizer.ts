/**
 * Selector tokenizer: a transliteration of the rules in upstream
 * `libcalico-go/lib/selector/tokenizer/tokenizer.go` (hand-written scanner, v3.30+), with the
 * input position of every token kept for error messages.
 */
import { isLabelCharCode, MAX_SELECTOR_LABEL_LENGTH } from './ast.js';

/** Token kinds; names follow upstream's `Tok…` constants. */
export type TokenKind =
  | 'label'
  | 'string'
  | 'lbrace'
  | 'rbrace'
  | 'comma'
  | 'eq'
  | 'ne'
  | 'in'
  | 'not'
  | 'notIn'
  | 'contains'
  | 'startsWith'
  | 'endsWith'
  | 'all'
  | 'has'
  | 'lparen'
  | 'rparen'
  | 'and'
  | 'or'
  | 'global'
  | 'eof';

/** One token: its kind, its text (label name or string contents) and its 0-based start offset. */
export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  readonly pos: number;
}

/** A tokenizer failure at a 0-based offset, with a message saying what was expected. */
export interface SyntaxFault {
  readonly pos: number;
  readonly message: string;
}

export type TokenizeResult =
  | { readonly ok: true; readonly tokens: readonly Token[] }
  | { readonly ok: false; readonly fault: SyntaxFault };

const SPACE = 32;
const TAB = 9;

/** Skips spaces and tabs only: upstream's `trimWhitespace` treats nothing else as blank. */
function skipBlanks(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c !== SPACE && c !== TAB) break;
    i++;
  }
  return i;
}

/** Upstream `isWordBoundary`: end of input or a character that cannot continue a label. */
function atWordBoundary(s: string, i: number): boolean {
  return i >= s.length || !isLabelCharCode(s.charCodeAt(i));
}

/** Matches `word` at `i` followed by a word boundary; returns the offset after it, or -1. */
function cutWord(s: string, i: number, word: string): number {
  if (!s.startsWith(word, i)) return -1;
  const end = i + word.length;
  return atWordBoundary(s, end) ? end : -1;
}

/**
 * Matches a two-word operator (`starts with`, `ends with`, `not in`): any run of blanks (or none)
 * may follow each word; only the last word must end at a word boundary.
 */
function cutWords(s: string, i: number, first: string, second: string): number {
  if (!s.startsWith(first, i)) return -1;
  let j = skipBlanks(s, i + first.length);
  if (!s.startsWith(second, j)) return -1;
  j = skipBlanks(s, j + second.length);
  return atWordBoundary(s, j) ? j : -1;
}

function describeChar(s: string, i: number): string {
  const cp = s.codePointAt(i) ?? 0;
  if (cp === 10) return 'a newline (only spaces and tabs may separate tokens)';
  if (cp === 13) return 'a carriage return (only spaces and tabs may separate tokens)';
  if (cp < 32 || cp === 127) return `control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return JSON.stringify(String.fromCodePoint(cp));
}

type Cut =
  | { readonly ok: true; readonly ident: string; readonly end: number }
  | { readonly ok: false; readonly fault: SyntaxFault };

/** Upstream `cutIdentifier`: the longest run of label characters, 1–512 long. */
function cutIdentifier(s: string, i: number, what: string): Cut {
  let end = i;
  while (end < s.length && isLabelCharCode(s.charCodeAt(end))) end++;
  if (end === i) {
    const found = i >= s.length ? 'the end of the selector' : describeChar(s, i);
    return { ok: false, fault: { pos: i, message: `expected ${what}, found ${found}` } };
  }
  if (end - i > MAX_SELECTOR_LABEL_LENGTH) {
    return {
      ok: false,
      fault: {
        pos: i,
        message: `label is ${end - i} characters long; Calico allows at most ${MAX_SELECTOR_LABEL_LENGTH}`,
      },
    };
  }
  return { ok: true, ident: s.slice(i, end), end };
}

/** Operator words in upstream's order of trial; `null` second word = single-word operator. */
const OPERATOR_WORDS: readonly (readonly [TokenKind, string, string | null])[] = [
  ['contains', 'contains', null],
  ['startsWith', 'starts', 'with'],
  ['endsWith', 'ends', 'with'],
  ['notIn', 'not', 'in'],
  ['in', 'in', null],
];

function cutOperator(s: string, i: number): { readonly kind: TokenKind; readonly end: number } | undefined {
  for (const [kind, first, second] of OPERATOR_WORDS) {
    const end = second === null ? cutWord(s, i, first) : cutWords(s, i, first, second);
    if (end >= 0) return { kind, end };
  }
  return undefined;
}

const EXPECTED_TERM = 'a label, has(…), all(), global(), "(" or "!"';

/**
 * Splits selector text into tokens, ending with an `eof` token; fails on the first lexical error,
 * exactly where upstream's `tokenizer.Tokenize` does.
 */
export function tokenize(s: string): TokenizeResult {
  const tokens: Token[] = [];
  const fail = (pos: number, message: string): TokenizeResult => ({ ok: false, fault: { pos, message } });
  const push = (kind: TokenKind, pos: number, value = ''): void => {
    tokens.push({ kind, value, pos });
  };
  let i = 0;
  for (;;) {
    i = skipBlanks(s, i);
    if (i >= s.length) {
      push('eof', i);
      return { ok: true, tokens };
    }
    const start = i;
    const c = s[i];
    switch (c) {
      case '(':
        push('lparen', start);
        i++;
        continue;
      case ')':
        push('rparen', start);
        i++;
        continue;
      case '{':
        push('lbrace', start);
        i++;
        continue;
      case '}':
        push('rbrace', start);
        i++;
        continue;
      case ',':
        push('comma', start);
        i++;
        continue;
      case '"':
      case "'": {
        // No escapes: the literal runs to the next quote of the same kind.
        const close = s.indexOf(c, i + 1);
        if (close === -1) return fail(start, `unterminated string: add the closing ${c}`);
        push('string', start, s.slice(i + 1, close));
        i = close + 1;
        continue;
      }
      case '=':
        if (s.startsWith('==', i)) {
          push('eq', start);
          i += 2;
          continue;
        }
        return fail(start, 'expected == (a single = is not an operator)');
      case '!':
        if (s.startsWith('!=', i)) {
          push('ne', start);
          i += 2;
        } else {
          push('not', start);
          i++;
        }
        continue;
      case '&':
        if (s.startsWith('&&', i)) {
          push('and', start);
          i += 2;
          continue;
        }
        return fail(start, 'expected && (a single & is not an operator)');
      case '|':
        if (s.startsWith('||', i)) {
          push('or', start);
          i += 2;
          continue;
        }
        return fail(start, 'expected || (a single | is not an operator)');
      default:
        break;
    }
    const last = tokens[tokens.length - 1];
    if (last !== undefined && last.kind === 'label') {
      // Straight after a label only an operator word may follow.
      const op = cutOperator(s, i);
      if (op === undefined) {
        return fail(
          start,
          `expected an operator (==, !=, in, not in, contains, starts with, ends with) after label ${JSON.stringify(last.value)}, found ${describeChar(s, i)}`,
        );
      }
      push(op.kind, start);
      i = op.end;
      continue;
    }
    if (s.startsWith('has(', i)) {
      const cut = cutIdentifier(s, skipBlanks(s, i + 4), 'a label inside has(…)');
      if (!cut.ok) return { ok: false, fault: cut.fault };
      const j = skipBlanks(s, cut.end);
      if (s[j] !== ')') return fail(j, `expected ) to close has(${cut.ident}`);
      push('has', start, cut.ident);
      i = j + 1;
      continue;
    }
    if (s.startsWith('all(', i) || s.startsWith('global(', i)) {
      const word = s[i] === 'a' ? 'all' : 'global';
      const j = skipBlanks(s, i + word.length + 1);
      if (s[j] !== ')') return fail(j, `expected ) after ${word}( (${word}() takes no arguments)`);
      push(word, start);
      i = j + 1;
      continue;
    }
    const cut = cutIdentifier(s, i, EXPECTED_TERM);
    if (!cut.ok) return { ok: false, fault: cut.fault };
    push('label', start, cut.ident);
    i = cut.end;
  }
}
