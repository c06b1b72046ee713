import { fail, type Issue, ok, type Resource, type Result } from '@calico-dsl/core';
import { Composer, type CST, type Document, isScalar, LineCounter, Parser, type YAMLError } from 'yaml';
import { YAML_ISSUE_CODES } from './codes.js';
import { checkDocumentToken } from './cst-depth.js';
import { scanDepth } from './depth-scan.js';
import { diagnoseIndentation, type IndentationMistake } from './indentation.js';
import { type FromYamlOptions, type Limits, limitsOf, textTooLarge } from './limits.js';
import { anchorsOf, offsetOf, pathAt } from './locate.js';
import { readDocument, type Sink } from './resources.js';
import { toPlain } from './to-plain.js';

// YAML 1.2 core schema (no `!!js/…`, no merge keys, no 1.1 timestamps). Duplicate keys are
// found by toPlain in linear time: yaml's own uniqueKeys check compares every key with every
// earlier one, so one mapping of 50,000 keys would take half a minute.
export const COMPOSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  strict: true,
  uniqueKeys: false,
  merge: false,
} as const;

/**
 * Reads Calico and Kubernetes resources from YAML or JSON text: one or many documents (`---`),
 * `<Kind>List` and `v1 List` objects, or a top-level list of resources, flattened in order.
 * Empty documents are skipped, as kubectl does. Calico v3 kinds are checked with core's
 * `validate` (and returned as it returns them); the Kubernetes kinds the evaluator reads are
 * shape-checked. Every issue carries the 0-based `document` index, the `path` inside that
 * document, and the 1-based `line`/`column` of the offending node. Hostile input (alias bombs,
 * deep nesting, huge text, duplicate or `__proto__` keys, unknown tags, binary garbage) gives
 * issues: this function never throws and never returns shared or prototype-polluting objects.
 *
 * @example
 * ```ts
 * const r = fromYaml(`
 * apiVersion: projectcalico.org/v3
 * kind: GlobalNetworkPolicy
 * metadata:
 *   name: allow-ping
 * spec:
 *   selector: all()
 *   ingress:
 *   - action: Allow
 *     protocol: ICMP
 * `);
 * if (r.ok) r.value[0]?.kind; // 'GlobalNetworkPolicy'
 * else console.log(formatIssues(r.issues)); // e.g. 'spec.ingress[0].action (line 9, column 13): …'
 * ```
 */
export function fromYaml(text: string, options: FromYamlOptions = {}): Result<Resource[]> {
  const limits = limitsOf(options);
  if (typeof text !== 'string') {
    return fail({
      code: YAML_ISSUE_CODES.notText,
      path: [],
      message: `fromYaml reads text; got ${typeof text}`,
    });
  }
  const tooLarge = textTooLarge(text.length, limits.maxLength);
  if (tooLarge !== undefined) return fail(tooLarge);
  // Refused before parsing: the parser would hold every open level of 8 MB of `[` in memory.
  const deep = scanDepth(text, limits.maxDepth);
  if (deep !== undefined) {
    const { line, column, document } = deep;
    return fail({ ...tooDeepIssue(limits.maxDepth), line, column, document });
  }
  const reader = new StreamReader(text, limits);
  try {
    reader.read();
  } catch (error) {
    // Nothing above should throw; a stack overflow from some shape the depth check missed (or a
    // bug in the yaml package) still must not escape as an exception.
    const code = error instanceof RangeError ? YAML_ISSUE_CODES.tooDeep : YAML_ISSUE_CODES.yamlSyntax;
    reader.add({ code, path: [], message: `the YAML could not be read: ${String(error)}` }, 0, -1);
  }
  return reader.issues.length > 0 ? fail(...reader.issues) : ok(reader.resources);
}

// The parser's codes for lines indented where no block expects them.
const INDENTATION_ERRORS = new Set<string>(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);

class StreamReader {
  readonly resources: Resource[] = [];
  readonly issues: Issue[] = [];
  private readonly lines = new LineCounter();
  /** Set once this stream went past the alias budget: reading stops there. */
  private aliasBudgetSpent = false;

  constructor(
    private readonly text: string,
    private readonly limits: Limits,
  ) {}

  read(): void {
    const parser = new Parser(this.lines.addNewLine);
    const composer = new Composer(COMPOSE_OPTIONS);
    // The composer hands back each document only when the next one starts, so remember which
    // stream index each composed document has (too-deep ones never reach the composer).
    const composedIndex: number[] = [];
    let index = -1;
    let skipDocEnd = false;
    let next = 0;
    for (const token of parser.parse(this.text)) {
      if (this.issues.length > this.limits.maxIssues) return; // nothing more would be reported
      if (this.aliasBudgetSpent) return; // later documents' aliases could only fail too
      if (token.type === 'document') {
        index++;
        skipDocEnd = false;
        const problem = checkDocumentToken(
          token as CST.Document,
          this.limits.maxDepth,
          this.limits.maxScalarLength,
        );
        if (problem !== undefined) {
          this.add(
            problem.reason === 'tooDeep'
              ? tooDeepIssue(this.limits.maxDepth)
              : {
                  code: YAML_ISSUE_CODES.tooLarge,
                  path: [],
                  message: `a value is longer than ${this.limits.maxScalarLength} characters; no Calico or Kubernetes field holds that much (annotations are capped at 256 KiB)`,
                },
            index,
            problem.offset,
          );
          skipDocEnd = true;
          continue;
        }
        composedIndex.push(index);
      } else if (token.type === 'doc-end' && skipDocEnd) {
        skipDocEnd = false;
        continue;
      }
      for (const doc of composer.next(token)) this.readDocument(doc, composedIndex[next++] ?? index);
    }
    if (this.issues.length > this.limits.maxIssues || this.aliasBudgetSpent) return;
    for (const doc of composer.end(false, this.text.length))
      this.readDocument(doc, composedIndex[next++] ?? index);
  }

  add(issue: Issue, document: number, offset: number): void {
    if (this.issues.length >= this.limits.maxIssues) {
      if (this.issues.length === this.limits.maxIssues) {
        this.issues.push({
          code: YAML_ISSUE_CODES.tooManyIssues,
          path: [],
          message: `stopped after ${this.limits.maxIssues} issues; fix these and read the text again`,
        });
      }
      return;
    }
    if (offset < 0) {
      this.issues.push({ ...issue, document });
      return;
    }
    const { line, col } = this.lines.linePos(offset);
    this.issues.push({ ...issue, line, column: col, document });
  }

  /** The badly indented line behind the parser's first indentation error, if it can be found. */
  private indentationMistake(errors: readonly YAMLError[]): IndentationMistake | undefined {
    const first = errors.find((e) => INDENTATION_ERRORS.has(e.code));
    if (first === undefined) return undefined;
    return diagnoseIndentation(this.text, this.lines.linePos(first.pos[0]).line);
  }

  /** The path at `offset`, skipped once the issue list is full (garbage can raise thousands). */
  private pathAt(doc: Document.Parsed, offset: number, pending: number): (string | number)[] {
    return this.issues.length + pending < this.limits.maxIssues ? pathAt(doc.contents, offset) : [];
  }

  private readDocument(doc: Document.Parsed, index: number): void {
    const found = this.readResources(doc);
    // One document's issues in source order.
    found.sort((a, b) => a[1] - b[1]);
    for (const [issue, offset] of found) this.add(issue, index, offset);
  }

  /** Reads one document's resources into `resources`; returns its issues with source offsets. */
  private readResources(doc: Document.Parsed): [Issue, number][] {
    const found: [Issue, number][] = [];
    const mistake = this.indentationMistake(doc.errors);
    for (const error of doc.errors) {
      // Past a badly indented line the parser's messages follow from it: it alone is reported.
      if (mistake !== undefined && this.lines.linePos(error.pos[0]).line >= mistake.line - 1) continue;
      found.push([{ ...yamlIssue(error), path: this.pathAt(doc, error.pos[0], found.length) }, error.pos[0]]);
    }
    if (mistake !== undefined) {
      found.push([
        { code: YAML_ISSUE_CODES.yamlSyntax, path: mistake.path, message: mistake.message },
        mistake.offset,
      ]);
    }
    // Broken syntax: the composed nodes are guesses, so report the syntax and read no further.
    if (found.length > 0) return found;
    for (const warning of doc.warnings) {
      if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
      const issue: Issue = {
        code: YAML_ISSUE_CODES.unknownTag,
        path: this.pathAt(doc, warning.pos[0], found.length),
        message: `${warning.message}: only plain YAML data is read (tags such as !!js/function are never run); remove the tag`,
      };
      found.push([issue, warning.pos[0]]);
    }
    // Empty (or `null`) documents are skipped, as kubectl does.
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
      return found;
    }
    const plain = toPlain(doc.contents, this.limits);
    for (const { offset, ...issue } of plain.issues) {
      if (issue.code === YAML_ISSUE_CODES.aliasLimit) this.aliasBudgetSpent = true;
      found.push([issue, offset]);
    }
    if (found.length > 0) return found;
    const sink: Sink = { resources: this.resources, issues: [], maxIssues: this.limits.maxIssues };
    readDocument(plain.value, sink);
    if (sink.issues.length === 0) return found;
    const anchors = anchorsOf(doc.contents);
    for (const issue of sink.issues) found.push([issue, offsetOf(doc.contents, issue.path, anchors)]);
    return found;
  }
}

function tooDeepIssue(maxDepth: number): Issue {
  return {
    code: YAML_ISSUE_CODES.tooDeep,
    path: [],
    message: `collections nest deeper than ${maxDepth} levels; flatten the data`,
  };
}

function yamlIssue(error: YAMLError): Issue {
  const hint = error.code === 'TAB_AS_INDENT' ? '; indent with spaces, YAML does not allow tabs' : '';
  return { code: YAML_ISSUE_CODES.yamlSyntax, path: [], message: `${error.message.split('\n')[0]}${hint}` };
}
