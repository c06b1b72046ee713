/**
 * `@calico-dsl/evaluator/model` — the evaluator's internal model, for the analysis package.
 * **Unstable:** these types and functions change with the evaluator, without a major version.
 *
 * - the normalised world (`WorldModel`, endpoints, policies, rules: `RuleModel`, …) and
 *   `buildModel`;
 * - the chain-applicability lookup (`applicableTiers`, `policyInChain`) and rule-side matching
 *   (`sideMatches`, `entitiesOwning`, `parseIp`, `parseCidr`, `cidrContains`), for the lifted engine;
 * - the packet path as data: `Topology` (`topologyOf`, `ownerRegions`, `frontendRegions`,
 *   `enumerateTopologies`), `PathPlan` / `Hook` and `planPaths`, and how a path's decision and
 *   plan roles are read (`decisionOfPath`, `pickDecision`, `boundEndpoint`), and the
 *   encapsulation drops of workload egress (`encapDrops`), Felix's static filter rules ahead of
 *   host policy (`hostStaticRuleOf`: tunnels, WireGuard), the source NAT rule a packet meets (`snatRuleOf`), and which hooks a reply of an untracked connection skips
 *   on a node that tracked it (`conntrackAccepts`), where conntrack's INVALID drop applies
 *   (`invalidDrop`) and which ICMP first packets it takes (`icmpFirstPacket`, `firstPacketInvalid`),
 *   and the ICMP types the rules name (`namedIcmpTypes`);
 * - endpoint queries (`findEndpoint`, `matrixQuery`: a matrix's options checked against a world)
 *   and which node addresses serve node ports (`servesNodePorts`: kube-proxy's nodePortAddresses);
 * - flows the model cannot place (`loopbackNodePortIssue`: a packet to 127.0.0.0/8 on a node port).
 */

export { findEndpoint, type MatrixQuery, matrixAddress, matrixQuery } from './endpoint-query.js';
export type { ChainClass, Direction, TierPolicies } from './engine.js';
export { namedIcmpTypes } from './flow/typeless-icmp.js';
export { entitiesOwning } from './match/owners.js';
export type { Packet } from './match/packet.js';
export { type MatchContext, sideMatches } from './match/rule-match.js';
export type { Cidr, Ip } from './net/ip.js';
export { cidrContains, parseCidr, parseIp } from './net/ip.js';
export {
  conntrackAccepts,
  firstPacketInvalid,
  ICMP_NEW_TYPES,
  ICMP_REQUEST_REPLY,
  ICMPV6_NEW_TYPES,
  ICMPV6_UNTRACKED_TYPES,
  INVALID_REPLY_PROTOCOLS,
  icmpFirstPacket,
  invalidDrop,
  nodeKey,
} from './path/conntrack.js';
export { boundEndpoint, type DecisionLike, decisionOfPath, pickDecision } from './path/decided-by.js';
export { dnatRefusal } from './path/dnat-refusal.js';
export { encapDrops } from './path/encap.js';
export type {
  ChainHook,
  DnatHook,
  EncapDrop,
  EncapHook,
  EndpointRole,
  FailsafeHook,
  Hook,
  HookTable,
  HostStaticHook,
  HostStaticRule,
  IfMarked,
  OutcomeHook,
  PacketView,
  PathPlan,
  RoleBinding,
  ServiceLoopHook,
  SnatHook,
  SnatRule,
} from './path/hooks.js';
export { hostStaticRuleOf, hostStaticRules, WORKLOAD_TO_HOST_ICMPV6_TYPES } from './path/host-static.js';
export { replyVia } from './path/interpret.js';
export { loopbackNodePortIssue } from './path/loopback-node-port.js';
export { servesNodePorts } from './path/node-port-addresses.js';
export { viaChoices } from './path/paths.js';
export { entries, externalPlans, hostPlans, planPaths, podPlans } from './path/plan/index.js';
export { serviceLoopDrops } from './path/service-loop.js';
export { natOutgoingRules, snatRuleOf } from './path/snat.js';
export type { Frontend } from './path/targets.js';
export type {
  DestinationOwner,
  FrontendRegion,
  OwnerRegion,
  SourceOwner,
  Topology,
} from './path/topology.js';
export {
  addressOwner,
  destinationOwner,
  enumerateTopologies,
  frontendRegions,
  makeTopology,
  ownerRegions,
  sourceOwner,
  topologyOf,
} from './path/topology.js';
export { applicableTiers, policyInChain } from './reference/applicability.js';
export { type BuildOptions, buildModel, type KubeProxyMode } from './world/build.js';
export type * from './world/model.js';
export { profileOf } from './world/profiles.js';
export { worldRules } from './world/rules.js';
