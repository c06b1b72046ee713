/**
 * The one module that reads the evaluator. Everything the analysis needs from it passes through
 * here, so a change of the evaluator's surface (e.g. a `./model` subpath) is a one-file change.
 */
export type {
  EndpointModel,
  EndpointRef,
  EntityMatchModel,
  EntityModel,
  EvaluationResult,
  Flow,
  PolicyModel,
  RuleModel,
  TraceStep,
  Verdict,
  WorldModel,
} from '@calico-dsl/evaluator';
export { World } from '@calico-dsl/evaluator';
