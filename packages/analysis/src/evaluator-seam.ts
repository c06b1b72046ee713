/**
 * The one module that reads the evaluator: the public API (`World`, flows, results) and the
 * `./model` subpath (the normalised world model and chain applicability). Everything the
 * analysis needs from the evaluator passes through here.
 */
export type { EndpointRef, EvaluationResult, Flow, TraceStep, Verdict } from '@calico-dsl/evaluator';
export { World } from '@calico-dsl/evaluator';
export type {
  EndpointModel,
  EntityMatchModel,
  EntityModel,
  PolicyModel,
  RuleModel,
  WorldModel,
} from '@calico-dsl/evaluator/model';
export { applicableTiers, policyInChain } from '@calico-dsl/evaluator/model';
