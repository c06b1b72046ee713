/**
 * Reads a multi-document YAML text one document at a time and remembers each document's result,
 * so an edit re-reads only the document it touched (the tutorial world has ~30 documents). The
 * answer is the one `fromYaml` gives for the whole text (issue lines shifted to the whole text;
 * text with aliases or stream-level issues is read whole), which the tests check as a property.
 */
import type { Issue, Resource, Result } from '@calico-dsl/core';
import { createAliasBudget, fromYaml, YAML_ISSUE_CODES } from '@calico-dsl/yaml';
import { type LocatedResource, locateResources } from './rule-lines.js';

/**
 * A run of lines that holds whole YAML documents: it starts at a `---` line (or the text's start).
 *
 * @example
 * ```ts
 * splitDocuments('a: 1\n---\nb: 2\n'); // [{ text: 'a: 1\n', firstLine: 1 }, { text: '---\nb: 2\n', firstLine: 2 }]
 * ```
 */
export interface DocumentChunk {
  readonly text: string;
  /** 1-based line of the chunk's first line in the whole text. */
  readonly firstLine: number;
}

/** As many issues as `fromYaml` reports for one text (its default `maxIssues`): more, read whole. */
const MAX_ISSUES = 100;

const DOCUMENT_START = /^---(?:[ \t\r]|$)/;
// Directives (`%YAML`) and document-end markers (`...`) tie documents together: read such text whole.
const NOT_SPLITTABLE = /^(?:%|\.\.\.(?:[ \t]|$))/m;

/**
 * Splits a text at its document-start lines. A `---` at the start of a line always starts a
 * document in YAML 1.2 (even inside an unclosed quote or block scalar), so each chunk parses alone
 * as it does in the stream. `undefined` when the text uses directives or `...`.
 *
 * @example
 * ```ts
 * splitDocuments('%YAML 1.2\n---\na: 1\n'); // undefined
 * ```
 */
export function splitDocuments(text: string): DocumentChunk[] | undefined {
  if (NOT_SPLITTABLE.test(text)) return undefined;
  const chunks: DocumentChunk[] = [];
  let start = 0;
  let startLine = 1;
  let line = 1;
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const next = end < 0 ? text.length : end + 1;
    if (at > 0 && DOCUMENT_START.test(text.slice(at, Math.min(end < 0 ? text.length : end, at + 4)))) {
      chunks.push({ text: text.slice(start, at), firstLine: startLine });
      start = at;
      startLine = line;
    }
    at = next;
    line++;
  }
  chunks.push({ text: text.slice(start), firstLine: startLine });
  return chunks;
}

/** One chunk read: resources or issues, and where its resources are, lines relative to the chunk. */
interface ChunkRead {
  readonly result: Result<Resource[]>;
  readonly located: readonly LocatedResource[];
  /** Nodes its aliases expanded to: fromYaml's alias budget is one per stream, not per document. */
  readonly aliasNodes: number;
}

// Issues whose position or presence depends on the whole stream (the lexer's view of broken
// syntax, the stream's alias budget, the pre-scan's refusal, the issue cap): text with any of
// them is read whole.
const STREAM_CODES: ReadonlySet<string> = new Set([
  YAML_ISSUE_CODES.yamlSyntax,
  YAML_ISSUE_CODES.aliasLimit,
  YAML_ISSUE_CODES.tooDeep,
  YAML_ISSUE_CODES.tooLarge,
  YAML_ISSUE_CODES.tooManyIssues,
]);

/**
 * The text read: what `fromYaml` returns for it, and where each resource and rule is.
 *
 * @example
 * ```ts
 * const { result, located } = new DocumentCache().read(text);
 * ```
 */
export interface DocumentsRead {
  readonly result: Result<Resource[]>;
  readonly located: readonly LocatedResource[];
}

const shiftIssue = (issue: Issue, by: number): Issue =>
  issue.line === undefined || by === 0 ? issue : { ...issue, line: issue.line + by };

const shiftLocated = (r: LocatedResource, by: number): LocatedResource =>
  by === 0
    ? r
    : {
        ...r,
        lines: { from: r.lines.from + by, to: r.lines.to + by },
        rules: {
          ingress: r.rules.ingress.map((x) => ({ from: x.from + by, to: x.to + by })),
          egress: r.rules.egress.map((x) => ({ from: x.from + by, to: x.to + by })),
        },
      };

/**
 * A cache of documents read, keyed by their text; it keeps only the documents of the last text.
 *
 * @example
 * ```ts
 * const cache = new DocumentCache();
 * cache.read(text);
 * cache.read(`${text}# one more line\n`); // re-reads only the last document
 * ```
 */
export class DocumentCache {
  #chunks = new Map<string, ChunkRead>();
  readonly #maxLength: number;
  readonly #refused: ReadonlySet<string>;

  /**
   * @param maxLength - the longest text read (passed to `fromYaml`)
   * @param refused - issue codes after which the text is not parsed again to locate resources
   */
  constructor(maxLength: number, refused: ReadonlySet<string>) {
    this.#maxLength = maxLength;
    this.#refused = refused;
  }

  #readChunk(text: string): ChunkRead {
    const budget = createAliasBudget();
    const result = fromYaml(text, { maxLength: this.#maxLength, budget });
    const refused = !result.ok && result.issues.some((i) => this.#refused.has(i.code));
    return { result, located: refused ? [] : locateResources(text), aliasNodes: budget.used };
  }

  /** Reads the text, re-reading only documents not read in the previous call. */
  read(text: string): DocumentsRead {
    const chunks = text.length > this.#maxLength ? undefined : splitDocuments(text);
    if (chunks === undefined) {
      this.#chunks = new Map();
      return this.#readChunk(text);
    }
    const next = new Map<string, ChunkRead>();
    let aliasNodes = 0;
    const resources: Resource[] = [];
    const issues: Issue[] = [];
    const located: LocatedResource[] = [];
    for (const chunk of chunks) {
      const read = next.get(chunk.text) ?? this.#chunks.get(chunk.text) ?? this.#readChunk(chunk.text);
      next.set(chunk.text, read);
      aliasNodes += read.aliasNodes;
      const by = chunk.firstLine - 1;
      if (read.result.ok) resources.push(...read.result.value);
      else issues.push(...read.result.issues.map((i) => shiftIssue(i, by)));
      located.push(...read.located.map((r) => shiftLocated(r, by)));
    }
    this.#chunks = next;
    // Aliases (rare in manifests) or stream-level issues: the whole text gives fromYaml's answer.
    if (aliasNodes > 0 || issues.length > MAX_ISSUES || issues.some((i) => STREAM_CODES.has(i.code))) {
      // (Where the resources are is known from the documents already: no third parse.)
      return { result: fromYaml(text, { maxLength: this.#maxLength }), located };
    }
    const result: Result<Resource[]> =
      issues.length > 0 ? { ok: false, issues } : { ok: true, value: resources };
    return { result, located };
  }
}
