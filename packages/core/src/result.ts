import type { IssueCode } from './issue-codes.js';

/**
 * The fields every issue has, whatever its code.
 *
 * @example
 * ```ts
 * // validate reports what is wrong as issues; narrow on `code` to get the IssueOf of that code:
 * validate({ apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'x'.repeat(64) } }); // { ok: false, issues: [{ code: 'invalid_name', path: ['metadata', 'name'], message: 'Tier name is too long by 1 bytes: use at most 63 characters' }] }
 * ```
 */
export interface IssueOf<C extends IssueCode> {
  /** What is wrong, as a stable code: one key of {@link ISSUE_CODES}. */
  readonly code: C;
  /** Where: the path into the input that is at fault (`[]` for the input as a whole). */
  readonly path: readonly (string | number)[];
  /** What is wrong and how to fix it, in words. */
  readonly message: string;
  /** 1-based line of the offending YAML node (issues from YAML only). */
  readonly line?: number;
  /** 1-based column of the offending YAML node (issues from YAML only). */
  readonly column?: number;
  /** 0-based index of the document in a multi-document YAML stream. */
  readonly document?: number;
}

/**
 * One problem found in an input: a machine-readable `code`, the `path` into the input that is at
 * fault, and a `message` that says how to fix it. Issues from YAML also carry 1-based `line` and
 * `column` of the offending node, and `document` (0-based index in a multi-document stream).
 * A union keyed on `code` (as Zod's `$ZodIssue`): narrow on `issue.code`, and a code outside
 * {@link ISSUE_CODES} does not type-check.
 *
 * @example
 * ```ts
 * validate({ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'p' }, spec: { ingress: [{ action: 'Allow', source: { nets: ['10.0.0.1'] } }] } }); // { ok: false, issues: [{ code: 'invalid_cidr', path: ['spec', 'ingress', 0, 'source', 'nets', 0], message: 'Invalid CIDR "10.0.0.1": rules need a prefix length, e.g. "10.0.0.1/32"' }] }
 * ```
 */
export type Issue = { [C in IssueCode]: IssueOf<C> }[IssueCode];

/**
 * Makes an issue from a code that is only known as an {@link IssueCode} (a literal code can be
 * written as an object directly).
 *
 * @example
 * ```ts
 * issue('required', ['metadata', 'name'], 'metadata.name is required');
 * // { code: 'required', path: ['metadata', 'name'], message: 'metadata.name is required' }
 * ```
 */
export function issue(code: IssueCode, path: readonly (string | number)[], message: string): Issue {
  // The union has one member per code; TypeScript cannot relate a wide code to it by itself.
  return { code, path, message } as Issue;
}

/**
 * The outcome of parsing or validating: either the value, or every issue found.
 *
 * @example
 * ```ts
 * const r = parsePort('30000:32767');
 * if (r.ok) console.log(r.value); // { min: 30000, max: 32767 }
 * else console.log(r.issues.map((i) => i.message));
 * ```
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: Issue[] };

/**
 * Wraps a value as a successful {@link Result}.
 *
 * @example
 * ```ts
 * ok(42); // { ok: true, value: 42 }
 * ```
 */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * Makes a failed {@link Result} from one or more issues.
 *
 * @example
 * ```ts
 * fail({ code: 'required', path: ['metadata', 'name'], message: 'metadata.name is required' });
 * ```
 */
export function fail<T = never>(...issues: Issue[]): Result<T> {
  return { ok: false, issues };
}

/**
 * The one error class the `…OrThrow` helpers throw. It carries the same issues a {@link Result}
 * would have returned.
 *
 * @example
 * ```ts
 * try {
 *   validateOrThrow({ apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: {} });
 * } catch (e) {
 *   if (e instanceof CalicoValidationError) console.log(e.issues); // [{ code: 'required', path: ['metadata', 'name'], … }]
 * }
 * ```
 */
export class CalicoValidationError extends Error {
  override readonly name = 'CalicoValidationError';
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(formatIssues(issues));
    this.issues = issues;
  }
}

/**
 * Renders issues one per line as `path: message` (the form CLI output and error messages use).
 *
 * @example
 * ```ts
 * formatIssues([{ code: 'invalid_type', path: ['spec', 'order'], message: 'must be a number' }]);
 * // 'spec.order: must be a number'
 * ```
 */
export function formatIssues(issues: readonly Issue[]): string {
  return issues
    .map((i) => {
      const where =
        i.line !== undefined
          ? ` (line ${i.line}${i.column !== undefined ? `, column ${i.column}` : ''})`
          : '';
      return `${formatPath(i.path)}${where}: ${i.message}`;
    })
    .join('\n');
}

/**
 * Formats an issue path the way users write field references: `spec.ingress[0].destination.ports[1]`.
 *
 * @example
 * ```ts
 * formatPath(['spec', 'ingress', 0, 'action']); // 'spec.ingress[0].action'
 * ```
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out === '' ? '(root)' : out;
}

/**
 * Returns the value of a successful result or throws {@link CalicoValidationError}.
 *
 * @example
 * ```ts
 * const port = unwrap(parsePort(80)); // { min: 80, max: 80 }
 * ```
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new CalicoValidationError(result.issues);
}
