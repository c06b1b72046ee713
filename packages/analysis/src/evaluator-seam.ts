/**
 * The one module that reads the evaluator: the public API (`World`, flows, results) and the
 * `./model` subpath (the normalised world model and chain applicability). Everything the
 * analysis needs from the evaluator passes through here.
 */
export type { EndpointRef, EvaluationResult, Flow, TraceStep, Verdict } from '@calico-dsl/evaluator';
export { EvaluatorInputError, World } from '@calico-dsl/evaluator';
export type {
  BackendModel,
  ChainHook,
  Cidr,
  DestinationOwner,
  EncapHook,
  EndpointModel,
  EntityMatchModel,
  EntityModel,
  FailsafeHook,
  Hook,
  HostStaticHook,
  HostStaticRule,
  Ip,
  MatchContext,
  MatrixQuery,
  Packet,
  PathPlan,
  PolicyModel,
  RoleBinding,
  RuleModel,
  SourceOwner,
  Topology,
  WorkloadEndpointModel,
  WorldModel,
} from '@calico-dsl/evaluator/model';
export {
  addressOwner,
  applicableTiers,
  boundEndpoint,
  cidrContains,
  conntrackAccepts,
  decisionOfPath,
  destinationOwner,
  dnatRefusal,
  encapDrops,
  entitiesOwning,
  findEndpoint,
  hostStaticRules,
  INVALID_REPLY_PROTOCOLS,
  invalidReplyDrop,
  makeTopology,
  matrixQuery,
  nodeKey,
  parseIp,
  planPaths,
  policyInChain,
  serviceLoopDrops,
  sideMatches,
  snatRuleOf,
  sourceOwner,
} from '@calico-dsl/evaluator/model';
