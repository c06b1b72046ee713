/**
 * Connection tracking is per node. An untracked (doNotTrack) Allow leaves the connection
 * untracked on the node whose raw table allowed it; a node whose raw table did not (a failsafe
 * port accepted the packet first, or it has no untracked policy) tracks it as usual. On the
 * reply leg such a node accepts the reply as ESTABLISHED before Felix's mangle and filter
 * policy: every tracked Felix chain starts with the conntrack rules (`felix/rules/endpoints.go`
 * `appendConntrackRules`), ahead of the workload encapsulation drop and of the chain's policy,
 * and an ACCEPT there also ends the workload → host chain before DefaultEndpointToHostAction.
 * The raw table runs before conntrack, on every packet.
 */
import type { EndpointRef } from '../result/types.js';
import type { Hook } from './hooks.js';

/** The key of a node in the untracked-node lists (`''` for a pod without a node). */
export const nodeKey = (node: string | undefined): string => node ?? '';

/**
 * Whether a reply of an untracked connection skips hook `h` because `h`'s node tracked the
 * request (`untracked` lists the nodes that did not, by {@link nodeKey}). `endpointNode` is the
 * node of the endpoint a role-bound hook (the encapsulation drop) runs for.
 *
 * @example
 * ```ts
 * // hook: the normal egress chain of felix-1's eth0 host endpoint (filter table)
 * conntrackAccepts(hook, undefined, ['felix-0']); // true: felix-1 tracked the request
 * conntrackAccepts(hook, undefined, ['felix-0', 'felix-1']); // false: the reply meets the policy
 * ```
 */
export function conntrackAccepts(
  h: Hook,
  endpointNode: string | undefined,
  untracked: readonly string[],
): boolean {
  switch (h.kind) {
    case 'failsafe':
    case 'chain':
      return h.table !== 'raw' && !untracked.includes(nodeKey(h.node));
    case 'hostStatic':
    case 'serviceLoop':
      return !untracked.includes(nodeKey(h.node));
    case 'encap':
      return !untracked.includes(nodeKey(endpointNode));
    case 'outcome':
      return h.stage === 'endpointToHost' && !untracked.includes(nodeKey(nodeOf(h.endpoint)));
    case 'dnat':
    case 'snat':
      return false;
  }
}

function nodeOf(endpoint: EndpointRef | string | undefined): string | undefined {
  return typeof endpoint === 'object' ? endpoint.node : undefined;
}

/** The trace reason of a reply hook that conntrack took the place of. */
export const CONNTRACK_ACCEPTS =
  'reply of a connection this node tracked (its raw table did not leave the request untracked): conntrack accepts it as ESTABLISHED before policy (§4.4)';
