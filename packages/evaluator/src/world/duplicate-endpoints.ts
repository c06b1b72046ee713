/**
 * One Service endpoint (address and port) listed more than once: two EndpointSlices during a
 * rollover, a hand-written slice next to the controller's, or two pods with one IP. kube-proxy
 * keeps one copy per `address:port` (kubernetes `pkg/proxy/endpointslicecache.go`
 * `endpointInfoByServicePort` ranges over the slices by name, a Go map, and `addEndpoints` keeps
 * the first copy unless a later one is local to the node (1.28–1.34; since kubernetes PR
 * #135593, December 2025, unless a later one is not terminating): which copy survives depends on
 * map order. Copies that agree are one
 * endpoint; copies that differ (conditions, nodeName) give several possible picks, and the
 * evaluator evaluates every one of them, never one silently.
 */
import type { Issue } from '@calico-dsl/core';
import type { EvaluatorIssueCode } from '../issue-codes.js';
import { protocolName } from '../net/protocol.js';
import { type CandidateEndpoint, kubeProxyNode } from './endpoint-slices.js';

/** Beyond this many picks they are not enumerated: every copy counts, and so does no backend. */
const MAX_PICKS = 64;

/** What kube-proxy reads of a copy: two copies with the same are the same endpoint. */
function variantKey(c: CandidateEndpoint): string {
  return `${c.ready}|${c.serving}|${c.terminating}|${kubeProxyNode(c.backend) ?? ''}`;
}

/** The copies of each `address:port`, those that differ in what kube-proxy reads, in input order. */
function copiesByEndpoint(candidates: readonly CandidateEndpoint[]): CandidateEndpoint[][] {
  const groups = new Map<string, CandidateEndpoint[]>();
  for (const c of candidates) {
    const key = `${c.backend.ip.key}|${c.backend.port}`;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [c]);
    else if (!list.some((o) => variantKey(o) === variantKey(c))) list.push(c);
  }
  return [...groups.values()];
}

/**
 * The endpoint lists kube-proxy may end up with after it drops duplicates: one list when no
 * `address:port` has copies that differ, else one per combination of copies (`undefined` when
 * there would be more than {@link MAX_PICKS}: the caller then counts every copy and no backend).
 *
 * @example
 * ```ts
 * // 10.65.1.2:8080 ready in slice web-a, not ready in web-b
 * endpointPicks(candidates)?.map((pick) => pick.map((c) => c.ready)); // [[true], [false]]
 * ```
 */
export function endpointPicks(candidates: readonly CandidateEndpoint[]): CandidateEndpoint[][] | undefined {
  let picks: CandidateEndpoint[][] = [[]];
  for (const copies of copiesByEndpoint(candidates)) {
    if (picks.length * copies.length > MAX_PICKS) return undefined;
    picks = picks.flatMap((pick) => copies.map((c) => [...pick, c]));
  }
  return picks;
}

/** How a copy reads, for the issue: `ready, serving, terminating on node-1`. */
function describe(c: CandidateEndpoint): string {
  const node = kubeProxyNode(c.backend);
  return [
    c.ready ? 'ready' : 'not ready',
    c.serving ? 'serving' : 'not serving',
    ...(c.terminating ? ['terminating'] : []),
  ]
    .join(', ')
    .concat(node === undefined ? ', no nodeName' : `, nodeName ${node}`);
}

/**
 * One `duplicate_endpoint` issue per `address:port` of a Service port whose copies differ, at the
 * last copy's path.
 *
 * @example
 * ```ts
 * duplicateEndpointIssues(candidates, 'default/web', 'http', 6)[0]?.message;
 * // 'Service default/web port "http" (TCP): 10.65.1.2:8080 is listed 2 times with different conditions: …'
 * ```
 */
export function duplicateEndpointIssues(
  candidates: readonly CandidateEndpoint[],
  service: string,
  portName: string,
  protocol: number,
): Issue[] {
  const issues: Issue[] = [];
  for (const copies of copiesByEndpoint(candidates)) {
    const last = copies.at(-1);
    if (copies.length < 2 || last === undefined) continue;
    const { ip, port } = last.backend;
    const address = ip.version === 6 ? `[${ip.text}]:${port}` : `${ip.text}:${port}`;
    const each = copies.map((c) => `${c.origin?.what ?? 'a copy'} (${describe(c)})`).join('; ');
    issues.push({
      code: 'duplicate_endpoint' satisfies EvaluatorIssueCode,
      path: [...(last.origin?.at ?? [])],
      message: `Service ${service} port "${portName}" (${protocolName(protocol)}): ${address} is listed ${copies.length} times with different conditions or nodeName: ${each}. kube-proxy keeps one copy, and which depends on Go map order (endpointslicecache.go addEndpoints), so every pick is evaluated and verdicts may be Mixed. A slice rollover caught half-way (export the slices again), or a stale copy: remove it.`,
    });
  }
  return issues;
}
