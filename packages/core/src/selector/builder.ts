import { CalicoValidationError, type Issue, type Result } from '../result.js';
import { isSelectorLabel, normalizeSelectorSet, type SelectorNode, type SelectorValueKind } from './ast.js';
import type { SelectorLabels } from './labels.js';
import { matchSelector } from './match.js';
import { checkSelectorNode, labelIssue, valueIssue } from './node-checks.js';
import { parseSelector } from './parser.js';
import { printSelector } from './print.js';

/**
 * What selector-taking APIs accept: a {@link SelectorBuilder}, a {@link SelectorNode}, or selector
 * text (parsed with {@link parseSelector}).
 *
 * @example
 * ```ts
 * const inputs: SelectorInput[] = [sel.has('app'), "role == 'db'", { kind: 'all' }];
 * ```
 */
export type SelectorInput = SelectorBuilder | SelectorNode | string;

/**
 * An immutable selector under construction. Mistakes (an invalid label key, a value with both
 * quote kinds, invalid {@link sel.raw} text) do not throw where they are made: the builder carries
 * them as issues, combinators propagate them, and they surface where the selector is used —
 * {@link SelectorBuilder.toResult} returns them as a failed `Result`, while
 * {@link SelectorBuilder.toString} and {@link SelectorBuilder.toNode} throw
 * {@link CalicoValidationError} with the same issues.
 *
 * @example
 * ```ts
 * const publicWorkers = sel.label('ibm.role').eq('worker_public').and(sel.has('ibm.zone'));
 * publicWorkers.toString(); // '(ibm.role == "worker_public" && has(ibm.zone))'
 * sel.raw('ibm.role = "x"').toResult().ok; // false: the issue says "expected ==" at column 10
 * ```
 */
export interface SelectorBuilder {
  /** The selector tree, or the issues that stop it being one. */
  toResult(): Result<SelectorNode>;
  /** The selector tree; throws {@link CalicoValidationError} if the builder carries issues. */
  toNode(): SelectorNode;
  /** Canonical selector text (as upstream prints it); throws {@link CalicoValidationError} if invalid. */
  toString(): string;
  /** Same as `toString()`, so a builder inside JSON/YAML data serialises as its selector text. */
  toJSON(): string;
  /** Issues carried by this builder (empty when valid). */
  readonly issues: readonly Issue[];
  /** `a && b && …`; nested `and` groups are flattened (same meaning, flatter text). */
  and(...others: readonly SelectorInput[]): SelectorBuilder;
  /** `a || b || …`; nested `or` groups are flattened. */
  or(...others: readonly SelectorInput[]): SelectorBuilder;
  /** `!a`; negating a negation gives back the original. */
  not(): SelectorBuilder;
  /** Evaluates against labels ({@link matchSelector}); throws {@link CalicoValidationError} if invalid. */
  matches(labels: SelectorLabels): boolean;
}

type Lower =
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'e'
  | 'f'
  | 'g'
  | 'h'
  | 'i'
  | 'j'
  | 'k'
  | 'l'
  | 'm'
  | 'n'
  | 'o'
  | 'p'
  | 'q'
  | 'r'
  | 's'
  | 't'
  | 'u'
  | 'v'
  | 'w'
  | 'x'
  | 'y'
  | 'z';
type LabelChar =
  | Lower
  | Uppercase<Lower>
  | '0'
  | '1'
  | '2'
  | '3'
  | '4'
  | '5'
  | '6'
  | '7'
  | '8'
  | '9'
  | '_'
  | '.'
  | '/'
  | '-';
type FirstBadChar<S extends string> = S extends `${infer C}${infer R}`
  ? C extends LabelChar
    ? FirstBadChar<R>
    : C
  : never;

/**
 * Compile-time check of a literal label key: `K` itself when every character is one of
 * `[A-Za-z0-9_./-]`, otherwise a message type naming the bad character (so the compiler error
 * reads as advice). Non-literal `string` keys pass and are checked at run time. Use as
 * `<K extends string>(key: K extends SelectorLabelKey<K> ? K : SelectorLabelKey<K>)`.
 *
 * @example
 * ```ts
 * type Ok = SelectorLabelKey<'ibm.role'>; // 'ibm.role'
 * type Bad = SelectorLabelKey<'app name'>;
 * // 'Error: selector label "app name" contains " "; use only A-Z a-z 0-9 _ . / -'
 * ```
 */
export type SelectorLabelKey<K extends string> = string extends K
  ? K
  : K extends ''
    ? 'Error: a selector label cannot be empty'
    : [FirstBadChar<K>] extends [never]
      ? K
      : `Error: selector label "${K}" contains "${FirstBadChar<K>}"; use only A-Z a-z 0-9 _ . / -`;

/**
 * The operations on one label, started with {@link sel.label}.
 *
 * @example
 * ```ts
 * const env: LabelSelectorBuilder = sel.label('env');
 * env.notIn(['dev', 'test']).toString(); // 'env not in {"dev", "test"}'
 * ```
 */
export interface LabelSelectorBuilder {
  /** `label == "value"` — false when the label is absent. */
  eq(value: string): SelectorBuilder;
  /** `label != "value"` — true when the label is absent. */
  neq(value: string): SelectorBuilder;
  /** `label in {…}` — false when the label is absent; `in([])` matches nothing. */
  in(values: readonly string[]): SelectorBuilder;
  /** `label not in {…}` — true when the label is absent. */
  notIn(values: readonly string[]): SelectorBuilder;
  /** `has(label)` — true whenever the label is present, even with an empty value. */
  has(): SelectorBuilder;
  /** `label contains "s"`. */
  contains(value: string): SelectorBuilder;
  /** `label starts with "s"`. */
  startsWith(value: string): SelectorBuilder;
  /** `label ends with "s"`. */
  endsWith(value: string): SelectorBuilder;
}

class SelectorBuilderImpl implements SelectorBuilder {
  readonly issues: readonly Issue[];
  constructor(private readonly result: Result<SelectorNode>) {
    this.issues = result.ok ? [] : result.issues;
    Object.freeze(this);
  }
  toResult(): Result<SelectorNode> {
    return this.result;
  }
  toNode(): SelectorNode {
    if (this.result.ok) return this.result.value;
    throw new CalicoValidationError(this.result.issues);
  }
  toString(): string {
    return printSelector(this.toNode());
  }
  toJSON(): string {
    return this.toString();
  }
  and(...others: readonly SelectorInput[]): SelectorBuilder {
    return combine('and', [this, ...others]);
  }
  or(...others: readonly SelectorInput[]): SelectorBuilder {
    return combine('or', [this, ...others]);
  }
  not(): SelectorBuilder {
    if (!this.result.ok) return this;
    const node = this.result.value;
    return built(node.kind === 'not' ? node.operand : { kind: 'not', operand: node });
  }
  matches(labels: SelectorLabels): boolean {
    return matchSelector(this.toNode(), labels);
  }
}

function built(node: SelectorNode): SelectorBuilder {
  return new SelectorBuilderImpl({ ok: true, value: node });
}

function failed(issues: Issue[]): SelectorBuilder {
  return new SelectorBuilderImpl({ ok: false, issues });
}

/**
 * Whether `x` is a selector made with {@link sel}.
 *
 * @example
 * ```ts
 * isSelectorBuilder(sel.all()); // true
 * isSelectorBuilder('all()'); // false
 * ```
 */
export function isSelectorBuilder(x: unknown): x is SelectorBuilder {
  return x instanceof SelectorBuilderImpl;
}

/**
 * Turns any {@link SelectorInput} into a checked {@link SelectorNode}: text is parsed, builders
 * give their result, hand-built trees go through {@link checkSelectorNode}. Never throws.
 *
 * @example
 * ```ts
 * const r = resolveSelector(sel.label('app').eq('web'));
 * if (r.ok) printSelector(r.value); // 'app == "web"'
 * resolveSelector('app = "web"').ok; // false
 * ```
 */
export function resolveSelector(input: SelectorInput): Result<SelectorNode> {
  if (typeof input === 'string') return parseSelector(input);
  if (isSelectorBuilder(input)) return input.toResult();
  if (input === null || typeof input !== 'object' || typeof (input as { kind?: unknown }).kind !== 'string') {
    return {
      ok: false,
      issues: [
        {
          code: 'invalid_selector',
          path: [],
          message: 'Expected selector text, a sel builder or a SelectorNode',
        },
      ],
    };
  }
  return checkSelectorNode(input);
}

function combine(kind: 'and' | 'or', inputs: readonly SelectorInput[]): SelectorBuilder {
  const issues: Issue[] = [];
  const operands: SelectorNode[] = [];
  for (const input of inputs) {
    const r = resolveSelector(input);
    if (!r.ok) issues.push(...r.issues);
    else if (r.value.kind === kind) operands.push(...r.value.operands);
    else operands.push(r.value);
  }
  if (issues.length > 0) return failed(issues);
  const [first, second, ...rest] = operands;
  if (first === undefined)
    return kind === 'and' ? built({ kind: 'all' }) : built({ kind: 'not', operand: { kind: 'all' } });
  if (second === undefined) return built(first);
  return built({ kind, operands: [first, second, ...rest] });
}

function valueOp(kind: SelectorValueKind, label: string, value: string): SelectorBuilder {
  const issues: Issue[] = [];
  if (!isSelectorLabel(label)) issues.push(labelIssue(label));
  if (typeof value !== 'string') {
    issues.push({
      code: 'invalid_selector',
      path: [],
      message: `Selector value for label ${JSON.stringify(label)} must be a string`,
    });
  } else if (value.includes('"') && value.includes("'")) issues.push(valueIssue(label, value));
  return issues.length > 0 ? failed(issues) : built({ kind, label, value });
}

function setOp(kind: 'in' | 'notIn', label: string, values: readonly string[]): SelectorBuilder {
  const issues: Issue[] = [];
  if (!isSelectorLabel(label)) issues.push(labelIssue(label));
  if (!Array.isArray(values)) {
    issues.push({
      code: 'invalid_selector',
      path: [],
      message: `Selector set for label ${JSON.stringify(label)} must be an array of strings`,
    });
    return failed(issues);
  }
  for (const v of values) {
    if (typeof v !== 'string') {
      issues.push({
        code: 'invalid_selector',
        path: [],
        message: `Selector set for label ${JSON.stringify(label)} must hold only strings`,
      });
    } else if (v.includes('"') && v.includes("'")) issues.push(valueIssue(label, v));
  }
  return issues.length > 0 ? failed(issues) : built({ kind, label, values: normalizeSelectorSet(values) });
}

function labelBuilder(label: string): LabelSelectorBuilder {
  return Object.freeze({
    eq: (value: string) => valueOp('eq', label, value),
    neq: (value: string) => valueOp('neq', label, value),
    contains: (value: string) => valueOp('contains', label, value),
    startsWith: (value: string) => valueOp('startsWith', label, value),
    endsWith: (value: string) => valueOp('endsWith', label, value),
    in: (values: readonly string[]) => setOp('in', label, values),
    notIn: (values: readonly string[]) => setOp('notIn', label, values),
    has: () => (isSelectorLabel(label) ? built({ kind: 'has', label }) : failed([labelIssue(label)])),
  });
}

/**
 * The typed selector builder. Every method returns an immutable {@link SelectorBuilder} that
 * prints Calico's canonical text; values are quoted for you.
 *
 * - `sel.label(k)` → `.eq/.neq/.in/.notIn/.has/.contains/.startsWith/.endsWith`
 * - `sel.has(k)`, `sel.all()`, `sel.global()`
 * - `sel.and(…)`, `sel.or(…)`, `sel.not(x)` (also chainable: `a.and(b)`, `a.not()`)
 * - `sel.raw(text)`: the escape hatch; the text is parsed now, and a syntax error is carried as
 *   an issue (see {@link SelectorBuilder}) rather than thrown.
 *
 * @example
 * ```ts
 * const s = sel.and(
 *   sel.label('ibm.role').in(['worker_public', 'worker_private']),
 *   sel.not(sel.has('dedicated')),
 *   sel.raw("k8s-app starts with 'calico'"),
 * );
 * s.toString();
 * // '(ibm.role in {"worker_private", "worker_public"} && !has(dedicated) && k8s-app starts with "calico")'
 * ```
 */
export const sel = Object.freeze({
  /**
   * Starts an operation on label `key` (1–512 characters of `[A-Za-z0-9_./-]`; a literal key with
   * another character is a compile-time error, see {@link SelectorLabelKey}).
   */
  label: <K extends string>(
    key: K extends SelectorLabelKey<K> ? K : SelectorLabelKey<K>,
  ): LabelSelectorBuilder => labelBuilder(key),
  /** `has(key)`. */
  has: <K extends string>(key: K extends SelectorLabelKey<K> ? K : SelectorLabelKey<K>): SelectorBuilder =>
    labelBuilder(key).has(),
  /** `all()`: every endpoint. */
  all: (): SelectorBuilder => built({ kind: 'all' }),
  /** `global()`: only meaningful as a whole rule `namespaceSelector` (non-namespaced entities). */
  global: (): SelectorBuilder => built({ kind: 'global' }),
  /** Selector text, parsed now; a syntax error becomes the builder's issue. */
  raw: (text: string): SelectorBuilder => new SelectorBuilderImpl(parseSelector(text)),
  /** A builder around an existing tree (checked with {@link checkSelectorNode}). */
  from: (input: SelectorInput): SelectorBuilder =>
    isSelectorBuilder(input) ? input : new SelectorBuilderImpl(resolveSelector(input)),
  /** ANDs all operands (flattening nested `and`s); no operands gives `all()`. */
  and: (...operands: readonly SelectorInput[]): SelectorBuilder => combine('and', operands),
  /** ORs all operands (flattening nested `or`s); no operands gives `!all()`. */
  or: (...operands: readonly SelectorInput[]): SelectorBuilder => combine('or', operands),
  /** Negates one operand. */
  not: (operand: SelectorInput): SelectorBuilder => sel.from(operand).not(),
});
