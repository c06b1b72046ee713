/**
 * EndpointSlices as kube-proxy reads them (calico-semantics.md §5): the slices of a Service (label
 * `kubernetes.io/service-name`, same namespace), their ports matched to the Service's ports by
 * name and protocol, and each endpoint's first address with its conditions. Source:
 * kubernetes `pkg/proxy/endpointslicecache.go` (`newEndpointSliceInfo`, `endpointInfoByServicePort`,
 * `addEndpoints`) and `pkg/proxy/endpointschangetracker.go` (FQDN slices are not proxied).
 */
import type { Issue } from '@calico-dsl/core';
import type { EvaluatorIssueCode } from '../issue-codes.js';
import { type Ip, parseIp } from '../net/ip.js';
import { protocolNumber } from '../net/protocol.js';
import type { BackendModel, ServiceMembersModel, WorkloadEndpointModel } from './model.js';
import type { Loose, ResourceIndex } from './read.js';

/** The label that ties a slice to its Service (`discovery.LabelServiceName`). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/**
 * Labels that hide a Service or EndpointSlice from kube-proxy: its informers list only objects
 * without them (`cmd/kube-proxy/app/server.go`: `noProxyName`, `noHeadlessEndpoints`).
 */
export const UNPROXIED_LABELS: readonly string[] = [
  'service.kubernetes.io/service-proxy-name',
  'service.kubernetes.io/headless',
];

/**
 * The label (of {@link UNPROXIED_LABELS}) that hides `r` from kube-proxy, if any.
 *
 * @example
 * ```ts
 * unproxiedLabel({ metadata: { labels: { 'service.kubernetes.io/headless': '' } } }); // 'service.kubernetes.io/headless'
 * ```
 */
export function unproxiedLabel(r: Loose): string | undefined {
  const labels: Record<string, unknown> = r.metadata?.labels ?? {};
  return UNPROXIED_LABELS.find((l) => Object.hasOwn(labels, l));
}

/**
 * The slices of a Service kube-proxy reads: those without an {@link unproxiedLabel} (the others
 * are reported; Felix still reads them for `services` rules, §6.9).
 *
 * @example
 * ```ts
 * proxiedSlices(slicesByService(index, issues).get('prod/web') ?? [], issues).length;
 * ```
 */
export function proxiedSlices(slices: readonly Slice[], issues: Issue[]): Slice[] {
  return slices.filter(({ resource: r, index: i }) => {
    const label = unproxiedLabel(r);
    if (label === undefined) return true;
    issues.push({
      code: 'endpoint_slice_unmatched' satisfies EvaluatorIssueCode,
      path: [i, 'metadata', 'labels', label],
      message: `${sliceKind(r)} ${r.metadata.namespace ?? 'default'}/${r.metadata.name} has label ${label}: kube-proxy does not read it, so its endpoints are no backends of Service ${r.metadata.labels?.[SERVICE_NAME_LABEL]} (Felix still matches them for services rules).`,
    });
    return false;
  });
}

/**
 * A Service endpoint before kube-proxy picks what to load-balance to: where it is and the
 * conditions kube-proxy reads (absent `ready`/`serving` read as true, absent `terminating` as
 * false, as `newEndpointSliceInfo` does).
 *
 * @example
 * ```ts
 * // slice db-1 (port 5432): endpoint 192.0.2.10 without conditions, 192.0.2.11 { ready: false, terminating: true }
 * const cs: CandidateEndpoint[] = sliceCandidates([{ resource: slice, index: 0 }], '', 6, locate, issues);
 * cs.map((c) => [c.backend.ip.text, c.ready, c.serving, c.terminating]);
 * // [['192.0.2.10', true, true, false], ['192.0.2.11', false, true, true]]: absent conditions read as ready, serving
 * ```
 */
export interface CandidateEndpoint {
  readonly backend: BackendModel;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  /** Where it was written, for issues: `EndpointSlice prod/web-1` and the input path. */
  readonly origin?: { readonly what: string; readonly at: readonly (string | number)[] };
}

/**
 * The node kube-proxy takes a backend to be on, for Local traffic policies: the EndpointSlice
 * endpoint's `nodeName` (`endpointslicecache.go`: `isLocal` compares it), which the controller
 * sets to the pod's node; `undefined` when a hand-written slice names none (local nowhere).
 *
 * @example
 * ```ts
 * kubeProxyNode(backend); // 'node-1'
 * ```
 */
export function kubeProxyNode(b: BackendModel): string | undefined {
  return b.sliceNode === undefined ? b.node : (b.sliceNode ?? undefined);
}

/**
 * Where an address goes after DNAT: a pod's workload endpoint, a node's host namespace (a
 * hostNetwork pod, a node address), or outside the model.
 *
 * @example
 * ```ts
 * // no pods; node-1 owns 10.0.0.11
 * const locate: LocateAddress = addressLocator([], new Map([[parseIp('10.0.0.11')!.key, 'node-1']]));
 * locate(parseIp('10.0.0.11')!, 10250, undefined).kind; // 'host'
 * locate(parseIp('192.0.2.10')!, 5432, undefined); // { kind: 'external', endpoint: undefined, node: undefined, ip: <192.0.2.10>, port: 5432 }
 * ```
 */
export type LocateAddress = (
  ip: Ip,
  port: number,
  pod: { readonly namespace: string; readonly name: string } | undefined,
) => BackendModel;

/**
 * A locator over the world's pods and node addresses: a pod IP is that pod; a node address is
 * that node's host namespace; anything else is outside the model.
 *
 * @example
 * ```ts
 * addressLocator(workloads, nodeByIp)(parseIp('10.0.0.5')!, 10250, undefined).kind; // 'host'
 * ```
 */
export function addressLocator(
  workloads: readonly WorkloadEndpointModel[],
  nodeByIp: ReadonlyMap<string, string>,
): LocateAddress {
  const byIp = new Map<string, WorkloadEndpointModel>();
  for (const w of workloads) for (const ip of w.ips) if (!byIp.has(ip.key)) byIp.set(ip.key, w);
  return (ip, port, pod) => {
    const wep = byIp.get(ip.key);
    if (wep) return { kind: 'pod', endpoint: wep, node: wep.node, ip, port };
    const node = nodeByIp.get(ip.key);
    if (node !== undefined) return { kind: 'host', endpoint: undefined, node, ip, port, pod };
    return { kind: 'external', endpoint: undefined, node: undefined, ip, port };
  };
}

/** How issues name a slice: an EndpointSlice, or Endpoints mirrored into one. */
function sliceKind(r: Loose): string {
  return r.kind === 'Endpoints' ? 'Endpoints (mirrored to an EndpointSlice)' : 'EndpointSlice';
}

/** One EndpointSlice (or mirrored Endpoints subset) with its input index. */
interface Slice {
  readonly resource: Loose;
  readonly index: number;
}

/**
 * The slices kube-proxy proxies, by `namespace/service`. A slice without the service-name label
 * is ignored by kube-proxy and reported; FQDN slices are not proxied (skipped).
 *
 * @example
 * ```ts
 * slicesByService(index, issues).get('prod/web')?.length;
 * ```
 */
export function slicesByService(index: ResourceIndex, issues: Issue[]): Map<string, Slice[]> {
  const out = new Map<string, Slice[]>();
  for (const [r, i] of index.of('EndpointSlice')) {
    const ns: string = r.metadata.namespace ?? 'default';
    const service = r.metadata.labels?.[SERVICE_NAME_LABEL];
    if (typeof service !== 'string' || service === '') {
      issues.push({
        code: 'endpoint_slice_unmatched' satisfies EvaluatorIssueCode,
        path: [i, 'metadata', 'labels', SERVICE_NAME_LABEL],
        message: `EndpointSlice ${ns}/${r.metadata.name} has no ${SERVICE_NAME_LABEL} label: kube-proxy ignores it; label it with its Service's name.`,
      });
      continue;
    }
    if (r.addressType === 'FQDN') continue;
    const key = `${ns}/${service}`;
    const list = out.get(key);
    if (list) list.push({ resource: r, index: i });
    else out.set(key, [{ resource: r, index: i }]);
  }
  return out;
}

/**
 * The candidate endpoints of one Service port from its slices: every slice port with the same
 * name (absent = `""`) and protocol (absent = TCP) contributes each endpoint's first address at
 * that port (ports absent or 0 are ignored, as kube-proxy does). An address and port listed
 * twice stays twice: which copy kube-proxy keeps is `duplicate-endpoints.ts`'s question.
 *
 * @example
 * ```ts
 * sliceCandidates(slices, 'http', 6, locate, issues).map((c) => c.backend.ip.text);
 * ```
 */
export function sliceCandidates(
  slices: readonly Slice[],
  portName: string,
  protocol: number,
  locate: LocateAddress,
  issues: Issue[],
): CandidateEndpoint[] {
  const out: CandidateEndpoint[] = [];
  for (const { resource: r, index: i } of slices) {
    const ns: string = r.metadata.namespace ?? 'default';
    for (const p of (r.ports ?? []) as Loose[]) {
      if ((p.name ?? '') !== portName || (protocolNumber(p.protocol ?? 'TCP') ?? 6) !== protocol) continue;
      if (typeof p.port !== 'number' || p.port === 0) continue;
      ((r.endpoints ?? []) as Loose[]).forEach((e, k) => {
        const text = e.addresses?.[0];
        if (typeof text !== 'string') return;
        const ip = parseIp(text);
        if (!ip) {
          issues.push({
            code: 'invalid_ip',
            path: e.at ?? [i, 'endpoints', k, 'addresses', 0],
            message: `${sliceKind(r)} ${ns}/${r.metadata.name}: endpoint address ${JSON.stringify(text)} is not an IP address; the endpoint is ignored.`,
          });
          return;
        }
        const ref = e.targetRef;
        const pod =
          ref?.kind === 'Pod' && typeof ref.name === 'string'
            ? { namespace: typeof ref.namespace === 'string' ? ref.namespace : ns, name: ref.name }
            : undefined;
        const c = e.conditions ?? {};
        const located = locate(ip, p.port, pod);
        // kube-proxy's Local policies go by the slice's nodeName, not where the address lives.
        const named: string | null = typeof e.nodeName === 'string' ? e.nodeName : null;
        out.push({
          backend: named === (located.node ?? null) ? located : { ...located, sliceNode: named },
          ready: c.ready !== false,
          serving: c.serving !== false,
          terminating: c.terminating === true,
          origin: {
            what: `${sliceKind(r)} ${ns}/${r.metadata.name}`,
            at: e.at ?? [i, 'endpoints', k, 'conditions'],
          },
        });
      });
    }
  }
  return out;
}

/**
 * Slice ports no port of the Service has (name and protocol), and slices of a Service the world
 * does not have: kube-proxy ignores them, so they are reported.
 *
 * @example
 * ```ts
 * unmatchedSliceIssues(slicesByService(index, issues), servicePortsByKey);
 * ```
 */
export function unmatchedSliceIssues(
  slices: ReadonlyMap<string, readonly Slice[]>,
  servicePorts: ReadonlyMap<string, readonly { readonly name: string; readonly protocol: number }[]>,
): Issue[] {
  const issues: Issue[] = [];
  for (const [key, list] of slices) {
    const ports = servicePorts.get(key);
    for (const { resource: r, index: i } of list) {
      const name = `${r.metadata.namespace ?? 'default'}/${r.metadata.name}`;
      if (!ports) {
        issues.push({
          code: 'endpoint_slice_unmatched' satisfies EvaluatorIssueCode,
          path: [i, 'metadata', 'labels', SERVICE_NAME_LABEL],
          message: `EndpointSlice ${name} belongs to Service ${key}, which the world does not have (or is ExternalName): kube-proxy makes its endpoints backends of nothing (Felix still matches them for services rules); add the Service or fix the label.`,
        });
        continue;
      }
      ((r.ports ?? []) as Loose[]).forEach((p, j) => {
        const pn: string = p.name ?? '';
        const proto = protocolNumber(p.protocol ?? 'TCP') ?? 6;
        if (ports.some((sp) => sp.name === pn && sp.protocol === proto)) return;
        const known = ports.map((sp) => `"${sp.name}"`).join(', ');
        issues.push({
          code: 'endpoint_slice_unmatched' satisfies EvaluatorIssueCode,
          path: [...(p.at ?? [i, 'ports', j]), 'name'],
          message: `${sliceKind(r)} ${name}: port "${pn}" (${String(p.protocol ?? 'TCP')}) matches no port of Service ${key} (ports by name: ${known || 'none'}); kube-proxy ignores it: use the Service port's name.`,
        });
      });
    }
  }
  return issues;
}

/**
 * §6.9: the members a `services` rule matches, from a Service's slices as Felix's service index
 * reads them: every IP address of every endpoint (any conditions), with each slice port that
 * has a number (protocol default TCP); FQDN and non-IP addresses are skipped.
 *
 * @example
 * ```ts
 * sliceMembers(slicesByService(index, issues).get('prod/web') ?? []).ports.length;
 * ```
 */
export function sliceMembers(slices: readonly Slice[]): ServiceMembersModel {
  const addresses: Ip[] = [];
  const ports: { ip: Ip; port: number; protocol: number }[] = [];
  for (const { resource: r } of slices) {
    const numbered = ((r.ports ?? []) as Loose[]).filter((p) => typeof p.port === 'number');
    for (const e of (r.endpoints ?? []) as Loose[]) {
      for (const text of (e.addresses ?? []) as unknown[]) {
        const ip = typeof text === 'string' ? parseIp(text) : undefined;
        if (!ip) continue;
        addresses.push(ip);
        for (const p of numbered)
          ports.push({ ip, port: p.port, protocol: protocolNumber(p.protocol ?? 'TCP') ?? 6 });
      }
    }
  }
  return { addresses, ports };
}
