/**
 * @calico-dsl/core: the `projectcalico.org/v3` resource model (IR), the fluent DSL, the selector
 * language, port/net/protocol values and Calico-exact validation.
 *
 * @packageDocumentation
 */

export * from './compare/comparable-form.js';
export * from './dsl/index.js';
export { ISSUE_CODES, type IssueCode } from './issue-codes.js';
export * from './resources/index.js';
export * from './result.js';
export * from './selector/index.js';
export * from './shape/index.js';
export * from './validate/index.js';
export * from './values/index.js';
