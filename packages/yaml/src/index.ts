/**
 * @calico-dsl/yaml: Calico v3 resources to YAML/JSON in calicoctl's field order, and YAML/JSON
 * back to validated resources with line/column issues, safe on hostile input.
 *
 * @packageDocumentation
 */
export { type AliasBudget, createAliasBudget, DEFAULT_MAX_ALIAS_NODES } from './alias-budget.js';
export { YAML_ISSUE_CODES, type YamlIssueCode } from './codes.js';
export { findComments, type YamlComment } from './comments.js';
export { fromYaml } from './from-yaml.js';
export type { PrintInput, PrintOptions } from './input.js';
export { DEFAULT_MAX_LENGTH, type FromYamlOptions, textTooLarge } from './limits.js';
export { nodeLine, type ResourceNodes, resourceNodes } from './resource-nodes.js';
export { toJson, toYaml } from './to-yaml.js';
