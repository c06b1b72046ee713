/**
 * @calico-dsl/testkit: vitest matchers over the evaluator (`expect(world).toAllow(flow)`),
 * builders for small worlds (pods, services, nodes, namespaces, the v1alpha1 admin policies; host
 * endpoints and ClusterNetworkPolicy come from core's DSL)
 * and the fake
 * calicoctl Runner.
 *
 * @packageDocumentation
 */
export { formatFlow, parseFlow } from '@calico-dsl/evaluator';
export { adminNetworkPolicy, baselineAdminNetworkPolicy } from './admin-policies.js';
export { calicoctlSays, createFakeRunner, type FakeReply, type FakeRunner } from './fake-runner.js';
export {
  type CalicoMatchers,
  calicoMatchers,
  type FlowInput,
  installCalicoMatchers,
  type VerdictOptions,
} from './matchers.js';
export {
  type NodeOptions,
  namespace,
  node,
  type PodOptions,
  pod,
  type ServiceOptions,
  service,
  type WorldPart,
  world,
  worldWith,
} from './world-builders.js';
