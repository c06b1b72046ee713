import { ISSUE_CODES, type IssueCode } from '@calico-dsl/core';

/**
 * The issue codes only the evaluator reports, with what each means: a view of core's
 * `ISSUE_CODES` (the one vocabulary, where they are written).
 *
 * @example
 * ```ts
 * declare const result: EvaluationResult;
 * result.issues.filter((i) => i.code in EVALUATOR_ISSUE_CODES); // e.g. [{ code: 'unknown_via', … }]
 * ```
 */
export const EVALUATOR_ISSUE_CODES = {
  unknown_via: ISSUE_CODES.unknown_via,
  unknown_endpoint: ISSUE_CODES.unknown_endpoint,
  unspecified_field: ISSUE_CODES.unspecified_field,
  unserved_service_port: ISSUE_CODES.unserved_service_port,
  loopback_node_port: ISSUE_CODES.loopback_node_port,
  unsupported_tunnel_hep: ISSUE_CODES.unsupported_tunnel_hep,
  unsupported_ebpf: ISSUE_CODES.unsupported_ebpf,
  unsupported_felix_setting: ISSUE_CODES.unsupported_felix_setting,
  ambiguous_host_endpoint: ISSUE_CODES.ambiguous_host_endpoint,
  shared_pod_address: ISSUE_CODES.shared_pod_address,
  address_outside_ip_pools: ISSUE_CODES.address_outside_ip_pools,
  not_enforced: ISSUE_CODES.not_enforced,
  unknown_profile: ISSUE_CODES.unknown_profile,
  unconvertible_rule: ISSUE_CODES.unconvertible_rule,
  ignored_field: ISSUE_CODES.ignored_field,
  endpoint_slice_unmatched: ISSUE_CODES.endpoint_slice_unmatched,
  duplicate_endpoint: ISSUE_CODES.duplicate_endpoint,
  service_frontend_conflict: ISSUE_CODES.service_frontend_conflict,
  unsupported_kube_proxy_mode: ISSUE_CODES.unsupported_kube_proxy_mode,
  unsupported_topology_routing: ISSUE_CODES.unsupported_topology_routing,
} as const satisfies Partial<Record<IssueCode, string>>;

/**
 * One of {@link EVALUATOR_ISSUE_CODES}.
 *
 * @example
 * ```ts
 * const world = World.from([]);
 * const flow = { protocol: 'TCP', srcIp: '10.0.0.1', dstIp: '10.0.0.2', dstPort: 80, via: { node: 'node-9' } } as const;
 * const code = world.evaluate(flow).issues[0]?.code as EvaluatorIssueCode | undefined; // 'unknown_via'
 * ```
 */
export type EvaluatorIssueCode = keyof typeof EVALUATOR_ISSUE_CODES;
