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
  /** Most nodes all alias expansions of one document may produce together. Default 100,000. */
  readonly maxAliasNodes?: number;
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
export type Limits = Required<FromYamlOptions>;

/**
 * Fills in default limits.
 *
 * @example
 * ```ts
 * limitsOf({ maxDepth: 10 }).maxAliasNodes; // 100000
 * ```
 */
export function limitsOf(options: FromYamlOptions): Limits {
  return {
    maxLength: options.maxLength ?? 16 * 1024 * 1024,
    maxDepth: options.maxDepth ?? 64,
    maxScalarLength: options.maxScalarLength ?? 1024 * 1024,
    maxAliasNodes: options.maxAliasNodes ?? 100_000,
    maxIssues: options.maxIssues ?? 100,
  };
}
