/** Services as kube-proxy programs them: frontends and backends (calico-semantics.md §5). */
import type { Issue } from '@calico-dsl/core';
import { type Cidr, type Ip, parseCidr } from '../net/ip.js';
import { protocolNumber } from '../net/protocol.js';
import { duplicateEndpointIssues, endpointPicks } from './duplicate-endpoints.js';
import {
  addressLocator,
  type CandidateEndpoint,
  kubeProxyNode,
  type LocateAddress,
  proxiedSlices,
  SERVICE_NAME_LABEL,
  sliceCandidates,
  sliceMembers,
  slicesByService,
  unmatchedSliceIssues,
  unproxiedLabel,
} from './endpoint-slices.js';
import { hasMirroredSlices, mirroredSlices } from './endpoints-mirror.js';
import { type FrontendClaim, frontendWinner } from './frontend-conflicts.js';
import type {
  BackendModel,
  EndpointPick,
  FrontendKind,
  HostPortModel,
  ServiceMembersModel,
  ServicePortModel,
  WorkloadEndpointModel,
  WorldModel,
} from './model.js';
import { containerPorts, ips, type Loose, podIps, type ResourceIndex } from './read.js';

/**
 * What the EndpointSlice controller writes for a pod (`pkg/controller/endpointslice` `podToEndpoint`):
 * serving = the pod's Ready condition (`podutil.IsPodReady`: a Ready condition with status True),
 * terminating = a deletionTimestamp, ready = serving and not terminating (always, with
 * `publishNotReadyAddresses`). A pod written without `status.conditions` (a hand-written
 * manifest, as the tutorial's) counts as ready; one whose conditions have no Ready entry does not,
 * as in the controller (kubelet always writes Ready, so a live export has it).
 */
function podConditions(pod: Loose, publishNotReady: boolean): Omit<CandidateEndpoint, 'backend'> {
  const list: unknown = pod.status?.conditions;
  const serving = Array.isArray(list)
    ? (list as Loose[]).some((c) => c?.type === 'Ready' && c.status === 'True')
    : true;
  const terminating = pod.metadata.deletionTimestamp != null;
  return { ready: publishNotReady || (serving && !terminating), serving, terminating };
}

/** The port a `targetPort` names on one pod: a number, or a container port of that name and protocol. */
function targetPortOn(pod: Loose, target: unknown, protocol: number): number | undefined {
  if (typeof target === 'number' || /^\d+$/.test(String(target))) return Number(target);
  return containerPorts(pod, 'sidecars').find((cp) => cp.name === target && cp.protocol === protocol)?.port;
}

/**
 * The pods a Service selector picks, as the EndpointSlice controller does: pods of the namespace
 * whose own labels carry every selector pair, not Succeeded/Failed (hostNetwork pods included).
 */
function selectedPods(selector: Readonly<Record<string, unknown>>, pods: readonly Loose[]): Loose[] {
  return pods.filter((pod) => {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return false;
    const own: Record<string, unknown> = pod.metadata.labels ?? {};
    return Object.entries(selector).every(([k, v]) => Object.hasOwn(own, k) && own[k] === v);
  });
}

/**
 * The candidate endpoints of one Service port from its selected pods (what the controller would
 * write): each pod IP at the pod's `targetPort`; a hostNetwork pod's IP is its node's (a host
 * backend).
 */
function selectorCandidates(
  selected: readonly Loose[],
  target: unknown,
  protocol: number,
  publishNotReady: boolean,
  locate: LocateAddress,
  selectorAt: readonly (string | number)[],
): CandidateEndpoint[] {
  const out: CandidateEndpoint[] = [];
  for (const pod of selected) {
    const port = targetPortOn(pod, target, protocol);
    if (port === undefined) continue;
    const conditions = podConditions(pod, publishNotReady);
    const ref = { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name as string };
    const origin = { what: `pod ${ref.namespace}/${ref.name}`, at: selectorAt };
    for (const ip of podIps(pod)) out.push({ backend: locate(ip, port, ref), ...conditions, origin });
  }
  return out;
}

/**
 * kube-proxy's choice among the candidates, per IP family (each family has its own proxier):
 * the ready ones, else the serving terminating ones (`pkg/proxy/topology.go`
 * `CategorizeEndpoints`; topology hints are not modelled).
 */
function select(candidates: readonly CandidateEndpoint[]): EndpointPick {
  const backends: BackendModel[] = [];
  const terminatingBackends: BackendModel[] = [];
  for (const version of [4, 6] as const) {
    const family = candidates.filter((c) => c.backend.ip.version === version);
    const ready = family.filter((c) => c.ready).map((c) => c.backend);
    const fallback = family.filter((c) => !c.ready && c.serving && c.terminating).map((c) => c.backend);
    backends.push(...(ready.length > 0 ? ready : fallback));
    terminatingBackends.push(...fallback);
  }
  return { backends, terminatingBackends };
}

/** A backend as kube-proxy tells it apart: where it is, and the node its slice names. */
function backendKey(b: BackendModel): string {
  return `${b.kind}|${b.ip.key}|${b.port}|${kubeProxyNode(b) ?? ''}`;
}

/** Each backend once, in order. */
function union(lists: readonly (readonly BackendModel[])[]): BackendModel[] {
  const out = new Map<string, BackendModel>();
  for (const list of lists) for (const b of list) if (!out.has(backendKey(b))) out.set(backendKey(b), b);
  return [...out.values()];
}

/**
 * {@link select} over every endpoint list kube-proxy may keep when an endpoint is listed twice
 * with different conditions (`endpointPicks`): one pick is the plain answer; several are kept as
 * `alternatives`, with their union as the backends. Too many to enumerate: every usable copy, and
 * a pick with none.
 */
function selectPicks(candidates: readonly CandidateEndpoint[]): EndpointPick & {
  alternatives?: EndpointPick[];
} {
  const picks = endpointPicks(candidates);
  if (picks?.length === 1 && picks[0] !== undefined) return select(picks[0]);
  const alternatives: EndpointPick[] = [];
  const seen = new Set<string>();
  const each: EndpointPick[] =
    picks?.map(select) ??
    (() => {
      const all = select(candidates);
      return [
        {
          backends: union([all.backends, all.terminatingBackends]),
          terminatingBackends: all.terminatingBackends,
        },
        { backends: [], terminatingBackends: [] },
      ];
    })();
  for (const pick of each) {
    const key = `${pick.backends.map(backendKey).join(',')}/${pick.terminatingBackends.map(backendKey).join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    alternatives.push(pick);
  }
  const backends = union(alternatives.map((a) => a.backends));
  const terminatingBackends = union(alternatives.map((a) => a.terminatingBackends));
  return alternatives.length === 1
    ? { backends, terminatingBackends }
    : { backends, terminatingBackends, alternatives };
}

/**
 * One {@link ServicePortModel} per service port, with its backends: from the Service's
 * EndpointSlices when the world has any for it (what kube-proxy reads), else from its selector
 * (what the EndpointSlice controller would write). Pod addresses are those pods; node addresses
 * (hostNetwork pods) are host backends; other addresses are outside the model.
 *
 * Also the members `services` rules match (§6.9), by `namespace/name`: from the slices (every
 * slice, also of Services the world lacks), else what the controller would write (every selected
 * pod, ready or not).
 *
 * @example
 * ```ts
 * buildServicePorts(index, pods, workloads, nodeByIp, issues).servicePorts.map((sp) => sp.backends.length);
 * ```
 */
export function buildServicePorts(
  index: ResourceIndex,
  pods: readonly Loose[],
  workloads: readonly WorkloadEndpointModel[],
  nodeByIp: ReadonlyMap<string, string>,
  issues: Issue[],
): { servicePorts: ServicePortModel[]; serviceMembers: Map<string, ServiceMembersModel> } {
  const locate = addressLocator(workloads, nodeByIp);
  const slices = slicesByService(index, issues);
  // A selectorless Service gets its Endpoints mirrored (the controller's copy, next to its own
  // slices). An empty selector is none: the API server stores none, so the controllers read nil.
  for (const [r] of index.of('Service')) {
    const key = `${r.metadata.namespace ?? 'default'}/${r.metadata.name}`;
    const selector: unknown = r.spec?.selector;
    const selects = typeof selector === 'object' && selector !== null && Object.keys(selector).length > 0;
    // Not again when the world has the controller's slices already (a live cluster's export).
    const own = slices.get(key) ?? [];
    if (r.spec?.type === 'ExternalName' || selects || hasMirroredSlices(own)) continue;
    const mirrored = mirroredSlices(index, key);
    if (mirrored) slices.set(key, [...own, ...mirrored]);
  }
  const serviceMembers = new Map<string, ServiceMembersModel>();
  for (const [key, list] of slices) serviceMembers.set(key, sliceMembers(list));
  const portsByService = new Map<string, { name: string; protocol: number }[]>();
  const podsByNamespace = new Map<string, Loose[]>();
  for (const pod of pods) {
    const ns: string = pod.metadata.namespace ?? 'default';
    const list = podsByNamespace.get(ns);
    if (list) list.push(pod);
    else podsByNamespace.set(ns, [pod]);
  }
  const servicePorts: ServicePortModel[] = [];
  for (const [r, i] of index.of('Service')) {
    const spec = r.spec ?? {};
    const ns: string = r.metadata.namespace ?? 'default';
    if (spec.type === 'ExternalName') continue;
    const key = `${ns}/${r.metadata.name}`;
    const own = slices.get(key);
    const selector: Record<string, string> | undefined = spec.selector;
    const fromSelector = !own && selector !== undefined && Object.keys(selector).length > 0;
    if (!own && !fromSelector) {
      issues.push({
        code: 'service_without_selector',
        path: [i, 'spec', 'selector'],
        message: `Service ${key} has no selector and the world has no EndpointSlice for it (label ${SERVICE_NAME_LABEL}: ${r.metadata.name}): it has no backends, so its traffic is rejected; add its EndpointSlices (or Endpoints).`,
      });
    }
    // kube-proxy watches no Service labelled for another proxy or headless, and skips a Service
    // without a cluster IP (`cmd/kube-proxy/app/server.go` label selector, `proxyutil.
    // ShouldSkipService`): none of its addresses is DNAT'd. A hand-written Service that leaves
    // `clusterIP` out is taken to have one; `None` is headless. Its members still count (§6.9).
    const unproxied = unproxiedLabel(r);
    const proxied = unproxied === undefined && spec.clusterIP !== 'None';
    if (unproxied !== undefined)
      issues.push({
        code: 'service_not_proxied',
        path: [i, 'metadata', 'labels', unproxied],
        message: `Service ${key} has label ${unproxied}: kube-proxy does not program it, so its cluster, node port, external and load balancer addresses are not DNAT'd (policy sees them as they are).`,
      });
    const clusterIPs = ips([...(spec.clusterIPs ?? []), spec.clusterIP].filter((x) => x && x !== 'None'));
    // A single-stack Service has no proxier in the other family: nothing of it is programmed
    // there (`ServiceChangeTracker` skips a family without a cluster IP; `newBaseServiceInfo`
    // drops external and load balancer IPs of another family; the controller writes no slice).
    const families = serviceFamilies(spec.ipFamilies, clusterIPs);
    const inFamily = (list: readonly Ip[]) => list.filter((ip) => families.includes(ip.version));
    // kube-proxy programs the status' VIP-style ingress only (`IsVIPMode`: no ipMode, or VIP); a
    // Proxy-mode load balancer sends its traffic to the node ports instead. It never reads
    // `spec.loadBalancerIP` (a request to the cloud): that is taken as granted only for a Service
    // written without `status.loadBalancer`, a hand-written world (a live one has it, `{}` while
    // pending).
    const granted = r.status?.loadBalancer;
    const lbIPs = ips(
      granted === undefined || granted === null
        ? [spec.loadBalancerIP]
        : ((granted.ingress ?? []) as Loose[])
            .filter((x) => x?.ipMode === undefined || x?.ipMode === 'VIP')
            .map((x) => x?.ip),
    );
    const sourceRanges = loadBalancerSourceRanges(spec.loadBalancerSourceRanges, key, i, issues);
    const etp: 'Cluster' | 'Local' = spec.externalTrafficPolicy === 'Local' ? 'Local' : 'Cluster';
    const selected = fromSelector ? selectedPods(selector, podsByNamespace.get(ns) ?? []) : [];
    const readable = own && proxied ? proxiedSlices(own, issues) : undefined;
    const named: { name: string; protocol: number }[] = [];
    const derived = { addresses: new Map<string, Ip>(), ports: [] as ServiceMembersModel['ports'][number][] };
    for (const sp of (spec.ports ?? []) as Loose[]) {
      const protocol = protocolNumber(sp.protocol ?? 'TCP') ?? 6;
      named.push({ name: sp.name ?? '', protocol });
      const candidates = own
        ? sliceCandidates(readable ?? [], sp.name ?? '', protocol, locate, issues)
        : fromSelector
          ? selectorCandidates(
              selected,
              sp.targetPort ?? sp.port,
              protocol,
              spec.publishNotReadyAddresses === true,
              locate,
              [i, 'spec', 'selector'],
            )
          : [];
      if (!own)
        for (const c of candidates) {
          const { ip, port } = c.backend;
          derived.addresses.set(ip.key, ip);
          derived.ports.push({ ip, port, protocol });
        }
      if (!proxied) continue;
      const inFamilies = candidates.filter((c) => families.includes(c.backend.ip.version));
      issues.push(...duplicateEndpointIssues(inFamilies, key, sp.name ?? '', protocol));
      servicePorts.push({
        service: { name: r.metadata.name, namespace: ns },
        protocol,
        port: sp.port,
        nodePort: spec.type === 'NodePort' || spec.type === 'LoadBalancer' ? sp.nodePort : undefined,
        families,
        clusterIPs,
        loadBalancerIPs: spec.type === 'LoadBalancer' ? inFamily(lbIPs) : [],
        externalIPs: inFamily(ips(spec.externalIPs)),
        externalTrafficPolicy: etp,
        loadBalancerSourceRanges: sourceRanges,
        internalTrafficPolicy: spec.internalTrafficPolicy === 'Local' ? 'Local' : 'Cluster',
        ...selectPicks(inFamilies),
        endpointSource: own ? 'endpointSlices' : fromSelector ? 'selector' : 'none',
      });
    }
    portsByService.set(key, named);
    if (!own) serviceMembers.set(key, { addresses: [...derived.addresses.values()], ports: derived.ports });
  }
  issues.push(...unmatchedSliceIssues(slices, portsByService));
  return { servicePorts, serviceMembers };
}

/** `spec.ipFamilies` (IPv4 / IPv6), else the cluster IPs' versions, else both. */
function serviceFamilies(ipFamilies: unknown, clusterIPs: readonly Ip[]): (4 | 6)[] {
  const named = Array.isArray(ipFamilies)
    ? ([4, 6] as const).filter((v) => ipFamilies.includes(`IPv${v}`))
    : [];
  if (named.length > 0) return named;
  const own = ([4, 6] as const).filter((v) => clusterIPs.some((ip) => ip.version === v));
  return own.length > 0 ? own : [4, 6];
}

/**
 * A Service's `spec.loadBalancerSourceRanges` as kube-proxy reads them (each entry trimmed,
 * `pkg/proxy/serviceport.go`); an entry that is not a CIDR is reported (`invalid_cidr`) and left
 * out, as kube-proxy leaves out what it cannot parse.
 */
function loadBalancerSourceRanges(list: unknown, service: string, at: number, issues: Issue[]): Cidr[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    issues.push({
      code: 'invalid_cidr',
      path: [at, 'spec', 'loadBalancerSourceRanges'],
      message: `Service ${service}: loadBalancerSourceRanges must be a list of CIDRs (e.g. ["198.51.100.0/24"]), not ${JSON.stringify(list)}; it is left out.`,
    });
    return [];
  }
  const out: Cidr[] = [];
  list.forEach((entry: unknown, k) => {
    const text = typeof entry === 'string' ? entry.trim() : '';
    const cidr = text.includes('/') ? parseCidr(text) : undefined;
    if (cidr) out.push(cidr);
    else
      issues.push({
        code: 'invalid_cidr',
        path: [at, 'spec', 'loadBalancerSourceRanges', k],
        message: `Service ${service}: loadBalancerSourceRanges entry ${JSON.stringify(entry)} is not a CIDR (e.g. "198.51.100.0/24"); kube-proxy leaves it out.`,
      });
  });
  return out;
}

/**
 * Indexes frontends (Services', then pods' hostPorts) so a flow finds its service port with one
 * lookup. A frontend two Services claim goes to the one kube-proxy would DNAT to, when that is
 * known (`frontendWinner`), and is reported (`service_frontend_conflict`).
 *
 * @example
 * ```ts
 * frontendIndex(servicePorts, hostPorts, issues).frontends.get(`${ip.key}|6|80`)?.kind; // 'clusterIP'
 * ```
 */
export function frontendIndex(
  servicePorts: readonly ServicePortModel[],
  hostPorts: readonly HostPortModel[],
  issues: Issue[],
): Pick<WorldModel, 'frontends' | 'frontendIps' | 'nodePorts'> {
  const frontends = new Map<string, FrontendClaim & { readonly rivals?: readonly FrontendClaim[] }>();
  const frontendIps = new Set<string>();
  const nodePorts = new Map<string, ServicePortModel>();
  const claims = new Map<string, { ip: Ip; list: FrontendClaim[] }>();
  const nodePortClaims = new Map<string, FrontendClaim[]>();
  const add = (sp: ServicePortModel, kind: FrontendKind, list: readonly Ip[]) => {
    for (const ip of list) {
      frontendIps.add(ip.key);
      const key = `${ip.key}|${sp.protocol}|${sp.port}`;
      const entry = claims.get(key) ?? { ip, list: [] };
      if (!entry.list.some((c) => c.servicePort === sp)) entry.list.push({ servicePort: sp, kind });
      claims.set(key, entry);
    }
  };
  for (const sp of servicePorts) {
    // In the order of kube-proxy's rules for one Service (proxier.go syncProxyRules: cluster IP,
    // external IPs, load balancer ingress): an address listed twice is the first kind.
    add(sp, 'clusterIP', sp.clusterIPs);
    add(sp, 'externalIP', sp.externalIPs);
    add(sp, 'loadBalancer', sp.loadBalancerIPs);
    if (sp.nodePort === undefined) continue;
    const np = `${sp.protocol}|${sp.nodePort}`;
    nodePortClaims.set(np, [...(nodePortClaims.get(np) ?? []), { servicePort: sp, kind: 'nodePort' }]);
  }
  for (const [key, { ip, list }] of claims) {
    const address = ip.version === 6 ? `[${ip.text}]` : ip.text;
    const { winner, rivals, issue } = frontendWinner(
      list,
      `${address}:${list[0]?.servicePort.port}`,
      ip.version,
      false,
    );
    frontends.set(key, rivals.length > 0 ? { ...winner, rivals } : winner);
    if (issue) issues.push(issue);
  }
  for (const [key, list] of nodePortClaims) {
    const { winner, issue } = frontendWinner(
      list,
      `node port ${list[0]?.servicePort.nodePort}`,
      undefined,
      true,
    );
    nodePorts.set(key, winner.servicePort);
    if (issue) issues.push(issue);
  }
  // After the Services (kube-proxy's KUBE-SERVICES jump comes before portmap's in nat
  // PREROUTING); a node port on the same port and node address is not looked for first.
  for (const h of hostPorts)
    for (const ip of h.ips) {
      frontendIps.add(ip.key);
      const key = `${ip.key}|${h.servicePort.protocol}|${h.servicePort.port}`;
      if (!frontends.has(key)) frontends.set(key, { servicePort: h.servicePort, kind: 'hostPort' });
    }
  return { frontends, frontendIps, nodePorts };
}
