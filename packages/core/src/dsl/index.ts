export { clusterNetworkPolicy } from './cluster-network-policy.js';
export type {
  ClusterNetworkPolicyBuilder,
  ClusterNetworkPolicyStart,
  ClusterNetworkPolicySubjectStep,
  CnpEgressAction,
  CnpEgressPeers,
  CnpEgressRule,
  CnpEgressStart,
  CnpIngressAction,
  CnpIngressPeers,
  CnpIngressRule,
  CnpIngressStart,
  CnpPortInput,
  CnpRulePorts,
} from './cluster-network-policy-types.js';
export type { IssuePath, PortInput, SelectorLike, StringMap } from './inputs.js';
export type {
  DslError,
  IcmpCodeNeedsType,
  IcmpNeedsProtocol,
  OneProtocolPerRule,
  OnlyStagedPolicies,
  PortsNeedPortProtocol,
  PortsNeedProtocol,
  PreDnatExcludesDoNotTrack,
  PreDnatHasNoEgress,
} from './messages.js';
export * from './policies.js';
export type {
  GlobalNetworkPolicyBuilder,
  GlobalPolicyKind,
  NamespacedPolicyKind,
  NetworkPolicyBuilder,
  PolicyMode,
  ProfileBuilder,
  ResourceBuilder,
  StagedActionStep,
} from './policy-types.js';
export * from './resource-factories.js';
export * from './resource-source.js';
export {
  type EntityInput,
  type IcmpProtocol,
  type IcmpStart,
  type IcmpStep,
  type PortProtocol,
  type PortsStep,
  type ProtocolState,
  type ProtocolStateOf,
  type ProtocolStep,
  type RuleBuilder,
  type RuleChain,
  type RuleEnd,
  type RuleInput,
  type RuleSteps,
  rule,
} from './rule-builder.js';
export type { EntityFields, EntityPortFields, HttpInput } from './rule-draft.js';
