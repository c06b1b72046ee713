export {
  type ASNumberInput,
  type BGPCommunityValue,
  type BGPConfigurationBuilder,
  bgpConfiguration,
} from './bgp-configuration.js';
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
export type { IssuePath, PortInput, StringMap } from './inputs.js';
export { type IPPoolBuilder, ipPool } from './ip-pool.js';
export { type KubernetesNetworkPolicyBuilder, kubernetesNetworkPolicy } from './kubernetes-network-policy.js';
export type {
  CidrRequired,
  DslError,
  IcmpCodeNeedsType,
  IcmpNeedsProtocol,
  NameRequired,
  OneProtocolPerRule,
  OnlyStagedPolicies,
  PortsNeedPortProtocol,
  PortsNeedProtocol,
  PreDnatExcludesDoNotTrack,
  PreDnatHasNoEgress,
  StagedDeleteHasNoSpec,
} from './messages.js';
export * from './policies.js';
export type {
  GlobalNetworkPolicyBuilder,
  GlobalPolicyKind,
  GlobalPolicyRule,
  GlobalStagedDeleteBuilder,
  NamespacedPolicyKind,
  NamespacedPolicyRule,
  NamespacedStagedDeleteBuilder,
  NetworkPolicyBuilder,
  ProfileBuilder,
  ProfileRule,
  ResourceBuilder,
  StagedDeleteRejects,
} from './policy-types.js';
export * from './resource-factories.js';
export * from './resource-source.js';
export { rule } from './rule-builder.js';
export type { EntityFields, EntityPortFields, HttpInput } from './rule-draft.js';
export type {
  EntityInput,
  EntityPorts,
  IcmpProtocol,
  PolicyRuleEnd,
  PortProtocol,
  ProtocolStateOf,
  RuleBuilder,
  RuleChain,
  RuleEnd,
  RuleInput,
  RuleSteps,
} from './rule-types.js';
export type {
  CidrThis,
  DoNotTrackThis,
  EgressThis,
  IcmpCodeThis,
  IcmpThis,
  NamedThis,
  PolicyMode,
  PortsThis,
  PreDnatThis,
  ProtocolState,
  ProtocolThis,
  ResourceOnce,
  StagedThis,
} from './type-state.js';
