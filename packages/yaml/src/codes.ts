import type { IssueCode } from '@calico-dsl/core';

/**
 * The issue codes `fromYaml` adds to the ones `validate` reports, by a camelCase name. Each is a
 * key of core's `ISSUE_CODES` (the one vocabulary, where each code is described); this is a view.
 *
 * @example
 * ```ts
 * const r = fromYaml('a: &a [1]\nb: *a');
 * const notAnObject = !r.ok && r.issues.some((i) => i.code === YAML_ISSUE_CODES.notAnObject);
 * ```
 */
export const YAML_ISSUE_CODES = {
  /** The text is not YAML (or JSON): bad indentation, tabs, unclosed brackets, stray characters. */
  yamlSyntax: 'yaml_syntax',
  /** A mapping names the same key twice (YAML requires unique keys; Calico would keep only one). */
  duplicateKey: 'duplicate_key',
  /** A tag such as `!!js/function` or `!!binary` that plain YAML 1.2 data cannot carry. */
  unknownTag: 'unknown_tag',
  /** Aliases expand to more nodes than the limit: the shape of a "billion laughs" bomb. */
  aliasLimit: 'alias_limit',
  /** An alias (`*name`) refers to an anchor that is not defined before it. */
  unresolvedAlias: 'unresolved_alias',
  /** Collections nest deeper than the limit. */
  tooDeep: 'too_deep',
  /** The text, or one value in it, is longer than the limit. */
  tooLarge: 'too_large',
  /** The input is not a string. */
  notText: 'not_text',
  /** A document (or list item) is a scalar or list where a resource object belongs. */
  notAnObject: 'not_an_object',
  /** A `__proto__`, `constructor` or `prototype` key: refused so no object can be polluted. */
  forbiddenKey: 'forbidden_key',
  /** A mapping key that is itself a mapping, list or null. */
  invalidKey: 'invalid_key',
  /** A document without `apiVersion` or `kind`. */
  missingKind: 'missing_kind',
  /** A kind this SDK does not read (for example BGPPeer, or a typo). */
  unknownKind: 'unknown_kind',
  /** An apiVersion that does not go with the kind (including `crd.projectcalico.org/v1`). */
  unknownApiVersion: 'unknown_api_version',
  /** An item of a `<Kind>List` that is another kind, or a list inside a list. */
  listItem: 'list_item',
  /** A Kubernetes field of the wrong type (for example a label value that is not a string). */
  invalidType: 'invalid_type',
  /** A Kubernetes field outside its allowed values. */
  invalidValue: 'invalid_value',
  /** A required Kubernetes field is missing. */
  required: 'required',
  /**
   * A plain scalar that calicoctl and kubectl (YAML 1.1 readers) read as another value than
   * YAML 1.2 does: `017` (octal 15 there), `on`/`yes`/`y` (booleans there), `1_000`, `0b101`.
   */
  ambiguousScalar: 'ambiguous_scalar',
  /** More issues than the limit: reading stopped, the rest were not reported. */
  tooManyIssues: 'too_many_issues',
  /** A bug in calico-dsl: a check itself failed. */
  internalError: 'internal_error',
} as const satisfies Readonly<Record<string, IssueCode>>;

/**
 * One of {@link YAML_ISSUE_CODES}.
 *
 * @example
 * ```ts
 * const r = fromYaml('a: &a [1]\nb: *b\n');
 * const codes: YamlIssueCode[] = [YAML_ISSUE_CODES.unresolvedAlias]; // ['unresolved_alias']
 * !r.ok && r.issues.some((i) => codes.includes(i.code as YamlIssueCode)); // true
 * ```
 */
export type YamlIssueCode = (typeof YAML_ISSUE_CODES)[keyof typeof YAML_ISSUE_CODES];
