/**
 * @calico-dsl/evaluator — an offline model of Felix and kube-proxy: would this packet get
 * through, and which rule decides?
 */
export type {
  ChainClass,
  ChainOutcome,
  ChainRequest,
  Direction,
  Engine,
  EngineName,
  StepContext,
  TierPolicies,
} from './engine.js';
export { EvaluatorInputError } from './errors.js';
export * from './flow/index.js';
export type { IcmpValue } from './flow/typeless-icmp.js';
export { EVALUATOR_ISSUE_CODES, type EvaluatorIssueCode } from './issue-codes.js';
export type { Packet } from './match/packet.js';
export type { Flow } from './path/flow.js';
export { decidingStep } from './result/deciding-step.js';
export {
  explainText,
  formatDecision,
  formatEndpoint,
  formatPolicy,
  formatStep,
} from './result/explain.js';
export { combineVerdicts } from './result/result.js';
export type {
  Decision,
  EndpointRef,
  EvaluationResult,
  PathResult,
  PolicyRef,
  Stage,
  StepAction,
  TraceStep,
  UnsupportedUse,
  Verdict,
} from './result/types.js';
export type { KubeProxyMode } from './world/build.js';
export type { CalicoVersion } from './world/policies.js';
export { calicoctlPolicyName } from './world/policies.js';
export type {
  AppliedChain,
  AppliedPolicy,
  ConnectivityMatrix,
  EndpointSelectorRef,
  WorldOptions,
} from './world-api.js';
export { World } from './world-api.js';
