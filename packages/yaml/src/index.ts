/**
 * @calico-dsl/yaml: Calico v3 resources to YAML/JSON in calicoctl's field order, and YAML/JSON
 * back to validated resources with line/column issues, safe on hostile input.
 *
 * @packageDocumentation
 */
export { YAML_ISSUE_CODES, type YamlIssueCode } from './codes.js';
export { fromYaml } from './from-yaml.js';
export type { PrintInput, PrintOptions } from './input.js';
export type { FromYamlOptions } from './limits.js';
export { toJson, toYaml } from './to-yaml.js';
