/**
 * The issue codes the evaluator reports itself (snake_case, one list, so that they can move into
 * core's `ISSUE_CODES` vocabulary).
 *
 * @example
 * ```ts
 * result.issues.some((i) => i.code === EVALUATOR_ISSUE_CODES.unknownVia);
 * ```
 */
export const EVALUATOR_ISSUE_CODES = {
  /** A flow's `via` names a node or interface the world does not have. */
  unknownVia: 'unknown_via',
  /** A HostEndpoint on an IPIP/VXLAN/WireGuard tunnel device (out of scope, §4.8). */
  unsupportedTunnelHep: 'unsupported_tunnel_hep',
  /** FelixConfiguration `bpfEnabled: true`: the eBPF dataplane is out of scope (§5). */
  unsupportedEbpf: 'unsupported_ebpf',
  /** Several named HEPs of one node without expectedIPs: which carries the node's address is unknown (§4.1). */
  ambiguousHostEndpoint: 'ambiguous_host_endpoint',
} as const;
