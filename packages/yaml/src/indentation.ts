/**
 * An indentation mistake, said the way a person fixes it.
 *
 * @example
 * ```ts
 * const found: IndentationMistake = { line: 9, column: 6, offset: 180, path: ['spec', 'ingress', 0], message: '…' };
 * ```
 */
export interface IndentationMistake {
  /** 1-based line and column of the first character of the badly indented line. */
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  /** The path of the last block that is still read correctly (where the line belongs). */
  readonly path: (string | number)[];
  readonly message: string;
}

interface Level {
  readonly indent: number;
  readonly kind: 'map' | 'seq';
  /** The current key (map) or item index (seq). */
  at: string | number;
  /** Where the current key or item starts, for "like `x` on line n". */
  atLine: number;
}

interface Line {
  readonly number: number;
  readonly offset: number;
  readonly indent: number;
  /** Content without indentation and trailing comment. */
  readonly content: string;
}

const KEY =
  /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"[\]{},&*!|>%@`-][^#]*?|-[^\s#][^#]*?))\s*:(?:\s|$)/;
const MAX_LINES = 10_000;

/**
 * Finds the first line up to `untilLine` (1-based) whose indentation breaks the block
 * structure of simple YAML (keys and `-` items): a key indented more than the line above even
 * though that line already has a value, or indented to a column no open block uses. The `yaml`
 * parser reports such lines with messages about "compact mappings" and "implicit keys", often on
 * the line before, and with a path built from the misread text; this says which line is wrong,
 * by how much, and which block it probably belongs to. Returns `undefined` when the text uses
 * something this reading does not follow (multi-line flow collections or quoted strings), or
 * when no such line is found, so the caller keeps the parser's own message.
 *
 * @example
 * ```ts
 * const text = 'spec:\n  ingress:\n  - action: Allow\n    protocol: TCP\n     destination: {}\n';
 * diagnoseIndentation(text, 5)?.message;
 * // 'line 5 is indented 5 spaces, more than `protocol` on line 4 (4 spaces), which already has a value: …'
 * ```
 */
export function diagnoseIndentation(text: string, untilLine: number): IndentationMistake | undefined {
  const stack: Level[] = [];
  let opener: { indent: number; isKey: boolean } | undefined;
  let previous: Line | undefined;
  let blockScalarIndent = -1;
  let lineNumber = 0;
  let offset = 0;
  while (offset <= text.length) {
    lineNumber++;
    if (lineNumber > untilLine + 1 || lineNumber > MAX_LINES) return undefined;
    const start = offset;
    const end = text.indexOf('\n', start);
    const raw = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
    offset = end < 0 ? text.length + 1 : end + 1;
    const indent = raw.length - raw.trimStart().length;
    const content = stripComment(raw.trim());
    if (content === '') continue;
    if (blockScalarIndent >= 0) {
      if (indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(content)) {
      stack.length = 0;
      opener = undefined;
      previous = undefined;
      continue;
    }
    if (content.startsWith('%') || raw.startsWith('\t')) return undefined;
    const line: Line = { number: lineNumber, offset: start, indent, content };
    const mistake = placeLine(line, stack, opener, previous);
    if (mistake === 'continuation') continue;
    if (mistake !== undefined) return mistake;
    // Read the line's own structure: `- ` items, then maybe `key:`.
    let column = indent;
    let rest = content;
    let isKey = false;
    let empty = false;
    for (;;) {
      if (rest === '-' || rest.startsWith('- ')) {
        pushOrNext(stack, column, 'seq', 0, lineNumber);
        const after = rest.slice(1).trimStart();
        column += rest.length - after.length;
        rest = after;
        if (rest === '') {
          empty = true;
          break;
        }
        continue;
      }
      const key = KEY.exec(rest);
      if (key !== null) {
        const name = key[1] ?? key[2]?.replaceAll("''", "'") ?? key[3]?.trimEnd() ?? '';
        pushOrNext(stack, column, 'map', name, lineNumber);
        isKey = true;
        rest = rest.slice(key[0].length).trim();
        empty = rest === '';
      }
      break;
    }
    if (!empty && !balanced(rest)) return undefined; // a flow collection or quote spans lines
    if (/^[|>][-+0-9]*$/.test(rest)) blockScalarIndent = indent;
    opener = empty ? { indent: column, isKey } : undefined;
    previous = line;
  }
  return undefined;
}

/**
 * Checks where `line` sits against the open blocks and pops the ones it closes; a mistake, or
 * 'continuation' for a more indented line that continues a plain scalar, or `undefined`.
 */
function placeLine(
  line: Line,
  stack: Level[],
  opener: { indent: number; isKey: boolean } | undefined,
  previous: Line | undefined,
): IndentationMistake | 'continuation' | undefined {
  const { indent, content } = line;
  const item = content === '-' || content.startsWith('- ');
  const isKey = KEY.test(content);
  if (
    opener !== undefined &&
    (indent > opener.indent || (indent === opener.indent && opener.isKey && item))
  ) {
    return undefined; // the first line of the block the previous line opened
  }
  const top = stack.at(-1);
  if (top !== undefined && previous !== undefined && indent > top.indent && opener === undefined) {
    if (!isKey) return 'continuation';
    const name = keyName(content);
    const what = `line ${line.number} is indented ${spaces(indent)}, more than line ${previous.number} (\`${shortLine(previous.content)}\`), which already has a value: YAML reads \`${name}\` as part of that value`;
    let target = stack.length - 1;
    while (target >= 0 && stack[target]?.kind !== 'map') target--;
    const field = stack[target];
    if (field === undefined)
      return { ...at(line), path: [], message: `${what}. Indent it like line ${previous.number}` };
    return {
      ...at(line),
      path: pathOf(stack, target),
      message: `${what}. Indent \`${name}\` ${spaces(field.indent)} to make it a field of ${describe(stack, target)}, like \`${String(field.at)}\` on line ${field.atLine}`,
    };
  }
  let popped: Level | undefined;
  while ((stack.at(-1)?.indent ?? -1) > indent) popped = stack.pop();
  const level = stack.at(-1);
  if (level === undefined) return undefined;
  if (level.indent === indent) {
    if (level.kind === 'seq' && !item && isKey) {
      // A key at the column of list items: the map that holds the list may share the column.
      const below = stack.at(-2);
      if (below?.kind === 'map' && below.indent === indent) {
        stack.pop();
        return undefined;
      }
      const name = keyName(content);
      const inner = popped?.kind === 'map' ? popped : undefined;
      const fixes: string[] = [];
      if (inner !== undefined) {
        fixes.push(
          `indent it ${spaces(inner.indent)}, like \`${String(inner.at)}\` on line ${inner.atLine}, to make it a field of ${describe(stack, stack.length)}`,
        );
      }
      if (below?.kind === 'map') {
        fixes.push(
          `indent it ${spaces(below.indent)}, like \`${String(below.at)}\` on line ${below.atLine}, to make it a field of ${describe(stack, stack.length - 2)}`,
        );
      }
      if (fixes.length === 0) fixes.push('start it with `- ` to make it a new item');
      const fix = fixes.join(', or ');
      return {
        ...at(line),
        path: pathOf(stack, stack.length - 1),
        message: `line ${line.number}: \`${name}\` is indented ${spaces(indent)}, the column of the \`- \` items of ${describe(stack, stack.length - 1)}, but it is not an item; ${fix}`,
      };
    }
    if (level.kind === 'map' && item && popped?.kind === 'seq') {
      return {
        ...at(line),
        path: pathOf(stack, stack.length),
        message: `line ${line.number} is a \`- \` item indented ${spaces(indent)}, but the items before it in ${describe(stack, stack.length)} (like line ${popped.atLine}) are indented ${spaces(popped.indent)}; indent them all the same`,
      };
    }
    if (level.kind === 'map' && item) {
      return {
        ...at(line),
        path: pathOf(stack, stack.length - 1),
        message: `line ${line.number} is a \`- \` item at the column of the fields of ${describe(stack, stack.length - 1)} (${spaces(indent)}); put it under a key that ends with \`:\` on the line above`,
      };
    }
    return undefined;
  }
  // Between two levels: it lines up with no open block.
  const choices = [level, ...(popped === undefined ? [] : [popped])]
    .map((l) => `${spaces(l.indent)} (like \`${String(l.at)}\` on line ${l.atLine})`)
    .join(' or ');
  return {
    ...at(line),
    path: pathOf(stack, stack.length - 1),
    message: `line ${line.number} is indented ${spaces(indent)}, which lines up with no block around it; indent it ${choices}`,
  };
}

function pushOrNext(
  stack: Level[],
  indent: number,
  kind: Level['kind'],
  key: string | number,
  line: number,
): void {
  const top = stack.at(-1);
  if (top !== undefined && top.indent === indent && top.kind === kind) {
    top.at = kind === 'seq' ? Number(top.at) + 1 : key;
    top.atLine = line;
    return;
  }
  stack.push({ indent, kind, at: kind === 'seq' ? 0 : key, atLine: line });
}

/** The data path of the first `depth` levels (each level's current key or index). */
function pathOf(stack: readonly Level[], depth: number): (string | number)[] {
  return stack.slice(0, Math.max(0, depth)).map((l) => l.at);
}

function describe(stack: readonly Level[], depth: number): string {
  const path = pathOf(stack, depth);
  if (path.length === 0) return 'the document';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function at(line: Line): Pick<IndentationMistake, 'line' | 'column' | 'offset'> {
  return { line: line.number, column: line.indent + 1, offset: line.offset + line.indent };
}

function keyName(content: string): string {
  const key = KEY.exec(content.replace(/^(-\s+)+/, ''));
  return key === null ? shortLine(content) : (key[1] ?? key[2] ?? key[3]?.trimEnd() ?? '');
}

function shortLine(content: string): string {
  return content.length > 40 ? `${content.slice(0, 37)}...` : content;
}

function spaces(n: number): string {
  return n === 1 ? '1 space' : `${n} spaces`;
}

/** The line without a trailing ` # comment` (outside quotes). */
function stripComment(content: string): string {
  let quote = '';
  for (let i = 0; i < content.length; i++) {
    const c = content.charAt(i);
    if (quote !== '') {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:,[{-]/.test(content.charAt(i - 1))) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(content.charAt(i - 1)))) {
      return content.slice(0, i).trimEnd();
    }
  }
  return content;
}

/** True when brackets and quotes that start values close on the same line. */
function balanced(value: string): boolean {
  const first = value.charAt(0);
  if (first === '"') return /^"(?:[^"\\]|\\.)*"/.test(value);
  if (first === "'") return /^'(?:[^']|'')*'/.test(value);
  if (first !== '[' && first !== '{') return true;
  let depth = 0;
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (quote !== '') {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth <= 0 && quote === '';
}
