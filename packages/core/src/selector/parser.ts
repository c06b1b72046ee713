/**
 * Selector parser: the grammar of upstream `libcalico-go/lib/selector/parser/parser.go` as a
 * recursive-descent parser over {@link tokenize}'s tokens, with an explicit nesting limit.
 */
import type { Result } from '../result.js';
import { normalizeSelectorSet, type SelectorNode, type SelectorValueKind } from './ast.js';
import { type SyntaxFault, type Token, type TokenKind, tokenize } from './tokenizer.js';

/**
 * The deepest parenthesis nesting {@link parseSelector} accepts. Upstream has no limit (Go stacks
 * grow to 1 GB); we stop here so hostile input cannot overflow the JavaScript stack. Calico's CRD
 * caps selector fields at 1024 characters, which cannot nest deeper than about 510.
 *
 * @example
 * ```ts
 * parseSelector('('.repeat(MAX_SELECTOR_DEPTH + 1) + 'all()' + ')'.repeat(MAX_SELECTOR_DEPTH + 1)).ok; // false
 * ```
 */
export const MAX_SELECTOR_DEPTH = 1000;

const VALUE_OPS: Partial<Record<TokenKind, SelectorValueKind>> = {
  eq: 'eq',
  ne: 'neq',
  contains: 'contains',
  startsWith: 'startsWith',
  endsWith: 'endsWith',
};

const OP_TEXT: Record<TokenKind, string> = {
  label: 'label',
  string: 'string',
  lbrace: '{',
  rbrace: '}',
  comma: ',',
  eq: '==',
  ne: '!=',
  in: 'in',
  not: '!',
  notIn: 'not in',
  contains: 'contains',
  startsWith: 'starts with',
  endsWith: 'ends with',
  all: 'all()',
  has: 'has(…)',
  lparen: '(',
  rparen: ')',
  and: '&&',
  or: '||',
  global: 'global()',
  eof: 'end of selector',
};

function describeToken(t: Token): string {
  switch (t.kind) {
    case 'label':
      return `label ${JSON.stringify(t.value)}`;
    case 'string':
      return `string ${JSON.stringify(t.value)}`;
    case 'has':
      return `has(${t.value})`;
    case 'eof':
      return 'the end of the selector';
    default:
      return `"${OP_TEXT[t.kind]}"`;
  }
}

class ParseFault {
  constructor(readonly fault: SyntaxFault) {}
}

/** Recursive descent over a token list that always ends in `eof`. */
class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(offset = 0): Token {
    // The final eof token stands in for anything past the end.
    const t = this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
    return t!;
  }

  private fault(t: Token, message: string): never {
    throw new ParseFault({ pos: t.pos, message });
  }

  root(): SelectorNode {
    if (this.peek().kind === 'eof') return { kind: 'all' };
    const node = this.orExpression(0);
    const rest = this.peek();
    if (rest.kind !== 'eof') {
      this.fault(
        rest,
        `unexpected ${describeToken(rest)} after a complete selector: join terms with && or ||`,
      );
    }
    return node;
  }

  private orExpression(depth: number): SelectorNode {
    const first = this.andExpression(depth);
    if (this.peek().kind !== 'or') return first;
    const operands: SelectorNode[] = [first];
    while (this.peek().kind === 'or') {
      this.i++;
      operands.push(this.andExpression(depth));
    }
    return { kind: 'or', operands: operands as [SelectorNode, SelectorNode, ...SelectorNode[]] };
  }

  private andExpression(depth: number): SelectorNode {
    const first = this.operation(depth);
    if (this.peek().kind !== 'and') return first;
    const operands: SelectorNode[] = [first];
    while (this.peek().kind === 'and') {
      this.i++;
      operands.push(this.operation(depth));
    }
    return { kind: 'and', operands: operands as [SelectorNode, SelectorNode, ...SelectorNode[]] };
  }

  private operation(depth: number): SelectorNode {
    // A run of "!" collapses to its parity, as upstream does.
    let negated = false;
    while (this.peek().kind === 'not') {
      negated = !negated;
      this.i++;
    }
    const node = this.term(depth);
    return negated ? { kind: 'not', operand: node } : node;
  }

  private term(depth: number): SelectorNode {
    const t = this.peek();
    switch (t.kind) {
      case 'has':
        this.i++;
        return { kind: 'has', label: t.value };
      case 'all':
        this.i++;
        return { kind: 'all' };
      case 'global':
        this.i++;
        return { kind: 'global' };
      case 'label':
        return this.labelOperation(t);
      case 'lparen': {
        if (depth >= MAX_SELECTOR_DEPTH) {
          this.fault(t, `parentheses nest deeper than ${MAX_SELECTOR_DEPTH} levels`);
        }
        this.i++;
        const inner = this.orExpression(depth + 1);
        const close = this.peek();
        if (close.kind !== 'rparen') {
          this.fault(
            close,
            `expected ) to close the ( at column ${t.pos + 1}, found ${describeToken(close)}`,
          );
        }
        this.i++;
        return inner;
      }
      default:
        return this.fault(t, `expected ${EXPECTED_TERM}, found ${describeToken(t)}`);
    }
  }

  private labelOperation(labelTok: Token): SelectorNode {
    const label = labelTok.value;
    const op = this.peek(1);
    if (op.kind === 'eof') {
      this.fault(
        op,
        `expected an operator (==, !=, in, not in, contains, starts with, ends with) after label ${JSON.stringify(label)}, found the end of the selector`,
      );
    }
    const valueKind = VALUE_OPS[op.kind];
    const operand = this.peek(2);
    if (valueKind !== undefined) {
      if (operand.kind !== 'string') {
        this.fault(
          operand,
          `expected a quoted string after ${OP_TEXT[op.kind]}, found ${describeToken(operand)}`,
        );
      }
      this.i += 3;
      return { kind: valueKind, label, value: operand.value };
    }
    if (op.kind === 'in' || op.kind === 'notIn') {
      if (operand.kind !== 'lbrace') {
        this.fault(
          operand,
          `expected a set literal such as {"a", "b"} after ${OP_TEXT[op.kind]}, found ${describeToken(operand)}`,
        );
      }
      this.i += 3;
      const values: string[] = [];
      // Strings separated by commas; a trailing comma is allowed.
      for (let t = this.peek(); t.kind === 'string'; t = this.peek()) {
        values.push(t.value);
        this.i++;
        if (this.peek().kind !== 'comma') break;
        this.i++;
      }
      const close = this.peek();
      if (close.kind !== 'rbrace') {
        this.fault(close, `expected a quoted string or } in the set literal, found ${describeToken(close)}`);
      }
      this.i++;
      return { kind: op.kind, label, values: normalizeSelectorSet(values) };
    }
    return this.fault(
      op,
      `expected an operator (==, !=, in, not in, contains, starts with, ends with) after label ${JSON.stringify(label)}, found ${describeToken(op)}`,
    );
  }
}

const EXPECTED_TERM = 'a label, has(…), all(), global(), "(" or "!"';

/** Quotes selector text for a message: readable when possible, escaped when it must be. */
function quoteForMessage(text: string): string {
  const shown = text.length > 120 ? `${text.slice(0, 100)}…` : text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for
  if (/[\u0000-\u001f\u007f]/.test(shown) || (shown.includes('"') && shown.includes("'"))) {
    return JSON.stringify(shown);
  }
  return shown.includes('"') ? `'${shown}'` : `"${shown}"`;
}

function selectorIssue(text: string, fault: SyntaxFault): Result<never> {
  return {
    ok: false,
    issues: [
      {
        code: 'invalid_selector',
        path: [],
        message: `Invalid selector ${quoteForMessage(text)} at column ${fault.pos + 1}: ${fault.message}`,
      },
    ],
  };
}

/**
 * Parses Calico selector text into a {@link SelectorNode}, accepting exactly what upstream
 * `parser.Parse` accepts (empty or blank text means `all()`), except parentheses nested deeper
 * than {@link MAX_SELECTOR_DEPTH}, which Go parses and a 1024-character selector field cannot
 * hold (it bounds the JavaScript stack). Never throws: a syntax error is an
 * issue with code `invalid_selector`, an empty `path` (callers prefix the field path) and a message
 * giving the 1-based column and what was expected there.
 *
 * @example
 * ```ts
 * const r = parseSelector("ibm.role in {'worker_public', 'worker_private'} && !has(dedicated)");
 * if (r.ok) printSelector(r.value);
 * // '(ibm.role in {"worker_private", "worker_public"} && !has(dedicated))'
 *
 * parseSelector('a == b');
 * // { ok: false, issues: [{ code: 'invalid_selector', path: [],
 * //   message: 'Invalid selector "a == b" at column 6: expected a quoted string after ==, found label "b"' }] }
 * ```
 */
export function parseSelector(text: string): Result<SelectorNode> {
  if (typeof text !== 'string') {
    return {
      ok: false,
      issues: [
        {
          code: 'invalid_selector',
          path: [],
          message: `A selector must be a string, got ${text === null ? 'null' : typeof text}`,
        },
      ],
    };
  }
  const lexed = tokenize(text);
  if (!lexed.ok) return selectorIssue(text, lexed.fault);
  try {
    return { ok: true, value: new Parser(lexed.tokens).root() };
  } catch (e) {
    if (e instanceof ParseFault) return selectorIssue(text, e.fault);
    // Safety net: a stack overflow below the nesting limit (tiny stacks) is still an issue, not a crash.
    if (e instanceof RangeError) {
      return selectorIssue(text, { pos: 0, message: 'selector is nested too deeply to parse' });
    }
    throw e;
  }
}
