/**
 * The issue codes the evaluator reports itself, with what each means (snake_case and keyed like
 * core's `ISSUE_CODES`, so that they can move into that one vocabulary).
 *
 * @example
 * ```ts
 * declare const result: EvaluationResult;
 * result.issues.filter((i) => i.code in EVALUATOR_ISSUE_CODES); // e.g. [{ code: 'unknown_via', … }]
 * ```
 */
export const EVALUATOR_ISSUE_CODES = {
  unknown_via:
    "A flow's `via` names a node, or an interface of that node's host endpoints, that the world does not have.",
  unsupported_tunnel_hep: 'A HostEndpoint is on an IPIP/VXLAN/WireGuard tunnel device (not modelled).',
  unsupported_ebpf:
    'FelixConfiguration enables the eBPF dataplane (only the iptables dataplane is modelled).',
  ambiguous_host_endpoint:
    "Several named host endpoints of one node have no expectedIPs: which carries the node's address is unknown.",
  not_enforced:
    'A ClusterNetworkPolicy / AdminNetworkPolicy / BaselineAdminNetworkPolicy the chosen Calico release does not enforce (or skips as malformed); it is left out.',
  unconvertible_rule:
    'A network-policy-api rule Calico cannot convert: replaced by a deny-all rule (Deny/Pass) or dropped (Accept/Allow), as Calico does.',
} as const;

/**
 * One of {@link EVALUATOR_ISSUE_CODES}.
 *
 * @example
 * ```ts
 * const code: EvaluatorIssueCode = 'unknown_via';
 * ```
 */
export type EvaluatorIssueCode = keyof typeof EVALUATOR_ISSUE_CODES;
