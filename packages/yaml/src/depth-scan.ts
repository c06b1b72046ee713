/**
 * Where a text nests too deep, found before the `yaml` parser sees it.
 *
 * @example
 * ```ts
 * const found: DeepNesting = { offset: 64, line: 1, column: 65, document: 0 };
 * ```
 */
export interface DeepNesting {
  /** 0-based offset of the bracket, `-` or key that goes past the limit. */
  readonly offset: number;
  /** 1-based line and column of that character. */
  readonly line: number;
  readonly column: number;
  /** 0-based index of the document in the stream. */
  readonly document: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/**
 * A linear scan of YAML text for collections nested deeper than `maxDepth`: flow brackets
 * (`[`, `{`), block indentation under keys and `-` items, and compact `- - -` sequences. It
 * skips quoted scalars, comments, plain scalars (a `[` inside `has(a[0])` opens nothing) and
 * block scalars, and counts a level only where a collection surely starts, so the depth it
 * sees is never more than the depth the parser would build: it can miss odd shapes (the
 * parser's own depth check catches those), but it never refuses a text the parser would
 * accept. It exists because the `yaml` parser holds every open level in memory: 8 MB of `[`
 * would take a minute and gigabytes before any depth check could run.
 *
 * @returns the first place past `maxDepth`, or `undefined` when the text stays within it.
 * @example
 * ```ts
 * scanDepth('a: [[[1]]]\n', 2); // { offset: 4, line: 1, column: 5, document: 0 }
 * scanDepth('a: [[1]]\n', 3); // undefined
 * ```
 */
export function scanDepth(text: string, maxDepth: number): DeepNesting | undefined {
  return new DepthScan(text, maxDepth).run();
}

class DepthScan {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  private document = 0;
  private documentHasContent = false;
  /** Columns of the open block collections, strictly increasing. */
  private blocks: number[] = [];
  private flow = 0;
  /** The last content line ended where a child node must follow (`key:`, `-`, `?`). */
  private opened = false;
  private found: DeepNesting | undefined;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  run(): DeepNesting | undefined {
    const { text } = this;
    while (this.i < text.length && this.found === undefined) {
      if (this.flow === 0) {
        this.scanBlockLine();
        continue;
      }
      this.scanFlow();
      if (this.flow === 0 && this.found === undefined) {
        // A flow collection that spanned lines closed: nothing after it on its line opens a level.
        this.opened = false;
        this.skipLine();
      }
    }
    return this.found;
  }

  /** One line in block context, from its first character to past its line break. */
  private scanBlockLine(): void {
    const { text } = this;
    let i = this.i;
    while (i < text.length && text.charCodeAt(i) === SPACE) i++;
    const column = i - this.lineStart;
    const c = text.charCodeAt(i);
    if (i >= text.length || c === LF || c === CR || c === 0x23 /* # */ || c === TAB) {
      this.i = i;
      this.skipLine();
      return;
    }
    if (column === 0 && this.documentMarker(i)) return;
    if (column === 0 && c === 0x25 /* % directive */) {
      this.i = i;
      this.skipLine();
      return;
    }
    this.documentHasContent = true;
    while (this.blocks.length > 0 && (this.blocks.at(-1) ?? 0) > column) this.blocks.pop();
    const top = this.blocks.at(-1) ?? -1;
    if (column > top && !this.opened && this.blocks.length > 0) {
      // More indented than its parent but not under an empty `key:` or `-`: the continuation of
      // a multi-line plain scalar (or an error the parser reports); nothing in it opens a level.
      this.i = i;
      this.skipLine();
      return;
    }
    this.opened = false;
    this.i = i;
    this.scanNode(i);
  }

  /** `---` or `...` at column 0: a new document; returns false when it is neither. */
  private documentMarker(i: number): boolean {
    const { text } = this;
    const c = text.charCodeAt(i);
    if ((c !== 0x2d && c !== 0x2e) || text.charCodeAt(i + 1) !== c || text.charCodeAt(i + 2) !== c)
      return false;
    if (!this.isBlank(i + 3)) return false;
    if (c === 0x2d && this.documentHasContent) this.document++;
    this.documentHasContent = c === 0x2e ? false : this.documentHasContent;
    this.blocks = [];
    this.opened = false;
    if (c === 0x2e) {
      this.i = i + 3;
      this.skipLine();
      return true;
    }
    // `--- [` starts the document's node on the marker's line.
    this.documentHasContent = true;
    this.scanNode(i + 3);
    return true;
  }

  /** The rest of a block line from a node start at `from`. */
  private scanNode(from: number): void {
    const { text } = this;
    let i = from;
    let nodeColumn = -1;
    for (;;) {
      while (i < text.length && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
      if (i >= text.length) {
        this.i = i;
        return;
      }
      const c = text.charCodeAt(i);
      if (c === LF || c === CR || c === 0x23) {
        this.i = i;
        this.skipLine();
        return;
      }
      if ((c === 0x2d || c === 0x3f) /* - ? */ && this.isBlank(i + 1)) {
        // A block sequence item (or complex key): a collection at this column.
        if (!this.pushBlock(i - this.lineStart, i)) return;
        this.opened = true;
        i++;
        continue;
      }
      if (c === 0x3a /* : */ && this.isBlank(i + 1)) {
        this.opened = true;
        i++;
        continue;
      }
      if (c === 0x26 || c === 0x21) {
        // Anchor or tag: a property of the node that follows (maybe on the next line).
        while (i < text.length && !this.isBlank(i)) i++;
        continue;
      }
      this.opened = false;
      if (nodeColumn < 0) nodeColumn = i - this.lineStart;
      if (c === 0x5b || c === 0x7b) {
        // `[` / `{` at a node start: flow context until its bracket closes, maybe lines later.
        this.i = i;
        this.scanFlow();
        if (this.flow > 0 || this.found !== undefined) return;
        i = this.i;
        continue;
      }
      if (c === 0x2a) {
        // An alias: a token up to the next blank.
        while (i < text.length && !this.isBlank(i)) i++;
        continue;
      }
      if (c === 0x7c || c === 0x3e) {
        // `|` / `>`: a block scalar; its lines are indented more than this line.
        this.skipBlockScalar(i);
        return;
      }
      if (c === 0x22 || c === 0x27) {
        i = this.skipQuoted(i);
        if (this.found !== undefined || i < 0) return;
      } else {
        i = this.skipPlain(i);
      }
      // After a scalar: `: ` makes it a key, so the line holds a mapping at the node's column.
      while (i < text.length && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
      if (text.charCodeAt(i) === 0x3a && this.isBlank(i + 1)) {
        if (!this.pushBlock(nodeColumn, i)) return;
        this.opened = true;
        nodeColumn = -1;
        i++;
        continue;
      }
      this.i = i;
      this.skipLine();
      return;
    }
  }

  /** A plain scalar in block context: up to `: `, ` #` or the end of the line. */
  private skipPlain(from: number): number {
    const { text } = this;
    let i = from;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR) break;
      if (c === 0x3a && this.isBlank(i + 1)) break;
      if (c === 0x23 && i > from && this.isSpace(i - 1)) break;
      i++;
    }
    let end = i;
    while (end > from && this.isSpace(end - 1)) end--;
    return end;
  }

  /** Records a block collection at `column`; false (and `found`) when that is too deep. */
  private pushBlock(column: number, offset: number): boolean {
    const top = this.blocks.at(-1) ?? -1;
    if (column <= top) return true;
    this.blocks.push(column);
    return this.checkDepth(this.blocks.length, offset);
  }

  /** Flow context from `this.i` until the outermost bracket closes (or the text ends). */
  private scanFlow(): void {
    const { text } = this;
    let i = this.i;
    let nodeStart = true;
    // The last token was a quoted scalar or a closed collection: a `:` right after it is the
    // value indicator even without a blank (JSON's `"a":1`).
    let afterJsonNode = false;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === LF) {
        this.newLine(i + 1);
        i++;
        continue;
      }
      if (c === SPACE || c === TAB || c === CR) {
        i++;
        continue;
      }
      if (c === 0x23 && (i === 0 || this.isBlank(i - 1))) {
        while (i < text.length && text.charCodeAt(i) !== LF) i++;
        continue;
      }
      const jsonKeyEnd = afterJsonNode;
      afterJsonNode = false;
      if (c === 0x5b || c === 0x7b) {
        this.flow++;
        if (!this.checkDepth(this.blocks.length + this.flow, i)) return;
        nodeStart = true;
        i++;
        continue;
      }
      if (c === 0x5d || c === 0x7d) {
        if (this.flow > 0) this.flow--;
        i++;
        nodeStart = false;
        afterJsonNode = true;
        if (this.flow === 0) {
          this.i = i;
          return;
        }
        continue;
      }
      // `,` always separates; `:` and `?` are indicators only before a blank, a flow indicator or
      // the end (or `:` right after a JSON node): else they start or continue a plain scalar, in
      // which a quote is just a character (`{ :': 0 }` holds the key `:'`).
      if (
        c === 0x2c ||
        ((c === 0x3a || c === 0x3f) && (this.flowIndicatorFollows(i) || (c === 0x3a && jsonKeyEnd)))
      ) {
        nodeStart = true;
        i++;
        continue;
      }
      if ((c === 0x22 || c === 0x27) && nodeStart) {
        i = this.skipQuoted(i);
        if (i < 0) return;
        nodeStart = false;
        afterJsonNode = true;
        continue;
      }
      // Anything else: part of a plain scalar, anchor, tag or alias.
      nodeStart = c === 0x26 || c === 0x21 ? nodeStart : false;
      i++;
    }
    this.i = i;
  }

  /** Whether the character after `i` ends a flow token: a blank, a flow indicator or the end. */
  private flowIndicatorFollows(i: number): boolean {
    const next = this.text.charCodeAt(i + 1);
    return (
      this.isBlank(i + 1) || next === 0x2c || next === 0x5b || next === 0x5d || next === 0x7b || next === 0x7d
    );
  }

  /** Skips a quoted scalar starting at `from`; returns the offset after it, -1 at end of text. */
  private skipQuoted(from: number): number {
    const { text } = this;
    const quote = text.charCodeAt(from);
    let i = from + 1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === LF) this.newLine(i + 1);
      else if (quote === 0x22 && c === 0x5c /* \ */) {
        if (text.charCodeAt(i + 1) === LF) this.newLine(i + 2);
        i += 2;
        continue;
      } else if (c === quote) {
        if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    this.i = text.length;
    return -1;
  }

  /** Skips the header line of a block scalar and every following line indented more. */
  private skipBlockScalar(from: number): void {
    const indent = this.firstColumn(this.lineStart);
    this.i = from;
    this.skipLine();
    const { text } = this;
    while (this.i < text.length) {
      const column = this.firstColumn(this.i);
      const c = text.charCodeAt(this.i + column);
      const blank = this.i + column >= text.length || c === LF || c === CR;
      if (!blank && column <= indent) return;
      this.skipLine();
    }
    this.opened = false;
  }

  private firstColumn(lineStart: number): number {
    let i = lineStart;
    while (i < this.text.length && this.text.charCodeAt(i) === SPACE) i++;
    return i - lineStart;
  }

  private skipLine(): void {
    const next = this.text.indexOf('\n', this.i);
    if (next < 0) this.i = this.text.length;
    else this.newLine(next + 1);
  }

  private newLine(start: number): void {
    this.i = start;
    this.line++;
    this.lineStart = start;
  }

  private checkDepth(depth: number, offset: number): boolean {
    if (depth <= this.maxDepth) return true;
    this.found = { offset, line: this.line, column: offset - this.lineStart + 1, document: this.document };
    return false;
  }

  private isBlank(i: number): boolean {
    if (i >= this.text.length) return true;
    const c = this.text.charCodeAt(i);
    return c === SPACE || c === TAB || c === LF || c === CR;
  }

  private isSpace(i: number): boolean {
    const c = this.text.charCodeAt(i);
    return c === SPACE || c === TAB;
  }
}
