/**
 * How many nodes alias expansion may still produce, shared by every document of one
 * `fromYaml` call, or by several calls that are given the same budget (one command reading
 * many files). It is spent as aliases are expanded, so a stream of documents that each stay
 * under the limit is still refused once they add up past it.
 *
 * @example
 * ```ts
 * const files = ['kind: Namespace\napiVersion: v1\nmetadata: {name: a}\n', 'a: &x [1]\nb: *x\n'];
 * const budget = createAliasBudget(100_000);
 * for (const file of files) fromYaml(file, { budget }); // one budget for every file
 * budget.used; // nodes produced by alias expansion so far
 * ```
 */
export interface AliasBudget {
  /** Most nodes alias expansion may produce in all, across every input read with this budget. */
  readonly limit: number;
  /** Nodes produced so far. */
  used: number;
}

/**
 * A fresh {@link AliasBudget}. Pass it to `fromYaml` as `{ budget }` for each input of one
 * command so that alias expansion is counted across all of them; without one, each `fromYaml`
 * call gets its own budget of `maxAliasNodes` (default 100,000) for its whole stream.
 *
 * @example
 * ```ts
 * const budget = createAliasBudget();
 * const a = fromYaml('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n', { budget });
 * const b = fromYaml('apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n', { budget }); // alias_limit if both together expand too much
 * ```
 */
export function createAliasBudget(limit = DEFAULT_MAX_ALIAS_NODES): AliasBudget {
  return { limit, used: 0 };
}

/**
 * The default alias budget: far more than any real manifest expands to (a Kubernetes object is
 * at most ~1.5 MB), far less than a "billion laughs" bomb.
 *
 * @example
 * ```ts
 * createAliasBudget(DEFAULT_MAX_ALIAS_NODES);
 * ```
 */
export const DEFAULT_MAX_ALIAS_NODES = 100_000;
