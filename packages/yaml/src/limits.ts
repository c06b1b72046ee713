import type { Issue } from '@calico-dsl/core';
import { type AliasBudget, createAliasBudget, DEFAULT_MAX_ALIAS_NODES } from './alias-budget.js';
import { YAML_ISSUE_CODES } from './codes.js';

/**
 * Limits that keep `fromYaml` fast and bounded on hostile input. The defaults are far above
 * anything a real manifest needs (a Kubernetes object is at most ~1.5 MB in etcd).
 *
 * @example
 * ```ts
 * const text = 'apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: security\n'; // e.g. an uploaded manifest
 * const r = fromYaml(text, { maxDepth: 32, maxLength: 1024 * 1024 });
 * ```
 */
export interface FromYamlOptions {
  /** Longest accepted text, in characters. Default 16 Mi. */
  readonly maxLength?: number;
  /** Deepest nesting of collections (and of alias expansion). Default 64. */
  readonly maxDepth?: number;
  /** Longest accepted scalar (one string), in characters. Default 1 Mi. */
  readonly maxScalarLength?: number;
  /**
   * Most nodes all alias expansions of the whole stream (every document) may produce together.
   * Default 100,000. Ignored when `budget` is given.
   */
  readonly maxAliasNodes?: number;
  /**
   * An alias budget shared with other `fromYaml` calls (see `createAliasBudget`): one command
   * reading several files passes the same budget to each, so expansion is counted across all.
   */
  readonly budget?: AliasBudget;
  /** Most issues reported; reading stops after them with one `too_many_issues`. Default 100. */
  readonly maxIssues?: number;
}

/**
 * The limits in force: every option filled in.
 *
 * @example
 * ```ts
 * const limits: Limits = limitsOf({});
 * ```
 */
export type Limits = Required<Omit<FromYamlOptions, 'budget'>> & { readonly budget: AliasBudget };

/**
 * Fills in default limits.
 *
 * @example
 * ```ts
 * limitsOf({ maxDepth: 10 }).maxAliasNodes; // 100000
 * ```
 */
export function limitsOf(options: FromYamlOptions): Limits {
  const budget = options.budget ?? createAliasBudget(options.maxAliasNodes ?? DEFAULT_MAX_ALIAS_NODES);
  return {
    maxLength: options.maxLength ?? DEFAULT_MAX_LENGTH,
    maxDepth: options.maxDepth ?? 64,
    maxScalarLength: options.maxScalarLength ?? 1024 * 1024,
    maxAliasNodes: budget.limit,
    maxIssues: options.maxIssues ?? 100,
    budget,
  };
}

/**
 * The longest text `fromYaml` reads by default: 16 MiB (in characters).
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array(1024);
 * if (bytes.length > DEFAULT_MAX_LENGTH) console.error('too large');
 * ```
 */
export const DEFAULT_MAX_LENGTH = 16 * 1024 * 1024;

/**
 * The issue `fromYaml` gives for a text over the size limit, or `undefined` when `size` is
 * within it: for a reader of files or stdin that stops at the limit, so it can refuse with the
 * same words before it has read everything. `unit` says what `size` counts.
 *
 * @example
 * ```ts
 * const issue = textTooLarge(20 * 1024 * 1024, DEFAULT_MAX_LENGTH, 'bytes');
 * issue?.message; // 'the text is 20971520 bytes, over the 16777216 limit; split it into smaller files'
 * ```
 */
export function textTooLarge(
  size: number,
  maxLength: number = DEFAULT_MAX_LENGTH,
  unit: 'characters' | 'bytes' = 'characters',
): Issue | undefined {
  if (size <= maxLength) return undefined;
  return {
    code: YAML_ISSUE_CODES.tooLarge,
    path: [],
    message: `the text is ${size} ${unit}, over the ${maxLength} limit; split it into smaller files`,
    line: 1,
    column: 1,
    document: 0,
  };
}
