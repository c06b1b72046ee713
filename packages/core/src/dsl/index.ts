export type { IssuePath, PortInput, SelectorLike, StringMap } from './inputs.js';
export type * from './messages.js';
export * from './policies.js';
export type * from './policy-types.js';
export * from './resource-factories.js';
export * from './resource-source.js';
export {
  type EntityInput,
  type ProtocolState,
  type ProtocolStateOf,
  type RuleBuilder,
  type RuleChain,
  type RuleEnd,
  type RuleInput,
  type RuleSteps,
  rule,
} from './rule-builder.js';
export type { EntityFields, EntityPortFields, HttpInput } from './rule-draft.js';
