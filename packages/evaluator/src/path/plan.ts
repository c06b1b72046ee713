/**
 * The planner: a flow's topology → the hook lists of its paths. Each exported `*Plans`
 * function below is one group of rows of the §4.8 table (calico-semantics.md), in Felix's
 * table order: raw PREROUTING/OUTPUT → mangle PREROUTING → nat PREROUTING/OUTPUT (DNAT) →
 * filter INPUT/FORWARD/OUTPUT → mangle POSTROUTING → nat POSTROUTING (SNAT), then the next node.
 * Sources: `felix/rules/static.go` (Static{Raw,Mangle}{Prerouting,Output}Chain,
 * filterInputChain, StaticFilterForwardChains, filterOutputChain, StaticManglePostroutingChain)
 * and `felix/rules/dispatch.go` `hostDispatchChains` (the `*` HEP is the fallback of every
 * dispatch chain except raw, workload `cali*` interfaces included).
 */
import type { EndpointRef } from '../result/types.js';
import type {
  BackendModel,
  HostEndpointModel,
  ServicePortModel,
  WorkloadEndpointModel,
  WorldModel,
} from '../world/model.js';
import { encapHook } from './encap.js';
import type {
  ChainHook,
  EndpointRole,
  FailsafeHook,
  Hook,
  OutcomeHook,
  PacketView,
  PathPlan,
  SnatHook,
  SnatRule,
} from './hooks.js';
import {
  egressHep,
  fabricHep,
  hepForInterface,
  hepOwningIp,
  vipEntryHep,
  wildcardHep,
} from './host-endpoints.js';
import { hostStaticHook } from './host-static.js';
import { endpointRef, hostRef } from './recorder.js';
import { serviceLoopHook } from './service-loop.js';
import { natOutgoingRules, snatHook } from './snat.js';
import { backendsFor, type Frontend, nodeAddress, usesLocalEndpoints } from './targets.js';
import type { DestinationOwner, Topology } from './topology.js';

type Via = Topology['via'];
/** Where a packet goes after DNAT; a pod may be `'backend'` (the backend a run is for) on `node`. */
type PostDnat =
  | {
      readonly kind: 'pod';
      readonly wep: 'backend' | 'destination';
      readonly node: string | undefined;
    }
  | Exclude<DestinationOwner, { kind: 'frontend' | 'pod' }>;

/** A destination pod becomes the `'destination'` role on its node: plans are per node, not per pod. */
function postDnat(dst: Exclude<DestinationOwner, { kind: 'frontend' }>): PostDnat {
  return dst.kind === 'pod' ? { kind: 'pod', wep: 'destination', node: dst.wep.node } : dst;
}

const UNPOLICED = 'not policed by Calico';

// ---------------------------------------------------------------- hook constructors (one per Felix chain)

/** raw PREROUTING/OUTPUT failsafe (§4.6): also accepts replies (source port of the other list). */
function rawFailsafe(
  node: string,
  hep: HostEndpointModel,
  direction: 'in' | 'out',
  view: PacketView,
): FailsafeHook {
  const [own, other] =
    direction === 'in' ? (['inbound', 'outbound'] as const) : (['outbound', 'inbound'] as const);
  return {
    kind: 'failsafe',
    node,
    endpoint: hep,
    direction,
    table: 'raw',
    view,
    ifMarked: 'run',
    matches: [
      { list: own, port: 'dst' },
      { list: other, port: 'src' },
    ],
    onHit: 'continue',
  };
}

/** A failsafe in mangle (pre-DNAT in, DNAT'd host egress out) or filter (INPUT/OUTPUT). */
function failsafe(
  node: string,
  hep: HostEndpointModel,
  direction: 'in' | 'out',
  table: 'mangle' | 'filter',
  view: PacketView,
): FailsafeHook {
  return {
    kind: 'failsafe',
    node,
    endpoint: hep,
    direction,
    table,
    view,
    ifMarked: 'skip',
    matches: [{ list: direction === 'in' ? 'inbound' : 'outbound', port: 'dst' }],
    // In filter (and mangle POSTROUTING) the failsafe accepts for good; in mangle PREROUTING it
    // only ends pre-DNAT processing (§4.6).
    onHit: table === 'filter' || direction === 'out' ? 'allow' : 'continue',
  };
}

/** Untracked policy (raw): Allow = NOTRACK + accept mark; no verdict = go on (§4.4). */
function untracked(
  node: string,
  hep: HostEndpointModel,
  direction: 'ingress' | 'egress',
  view: PacketView,
): ChainHook {
  return {
    kind: 'chain',
    stage: 'untracked',
    node,
    table: 'raw',
    endpoint: hep,
    chain: 'untracked',
    direction,
    view,
    ifMarked: 'run',
    onAllow: 'notrack',
    onNone: 'continue',
  };
}

/** Pre-DNAT policy (mangle PREROUTING): original destination; Allow sets the accept mark (§4.4). */
function preDnat(node: string, hep: HostEndpointModel, view: PacketView): ChainHook {
  return {
    kind: 'chain',
    stage: 'preDnat',
    node,
    table: 'mangle',
    endpoint: hep,
    chain: 'preDnat',
    direction: 'ingress',
    view,
    ifMarked: 'skip',
    onAllow: 'mark',
    onNone: 'continue',
  };
}

/** applyOnForward policy (filter FORWARD `cali-from/to-hep-forward`, §4.5); in is skipped once accepted. */
function forward(
  node: string,
  hep: HostEndpointModel,
  direction: 'ingress' | 'egress',
  view: PacketView,
): ChainHook {
  return {
    kind: 'chain',
    stage: 'forward',
    node,
    table: 'filter',
    endpoint: hep,
    chain: 'forward',
    direction,
    view,
    ifMarked: direction === 'ingress' ? 'skip' : 'run',
    onAllow: 'continue',
    onNone: 'continue',
  };
}

/** Normal HEP policy for host-bound (filter INPUT) or host-originated (filter OUTPUT / mangle POSTROUTING) traffic. */
function hostNormal(
  node: string,
  hep: HostEndpointModel,
  direction: 'ingress' | 'egress',
  table: 'mangle' | 'filter',
  view: PacketView,
): ChainHook {
  return {
    kind: 'chain',
    stage: direction === 'ingress' ? 'hostIngress' : 'hostEgress',
    node,
    table,
    endpoint: hep,
    chain: 'normal',
    direction,
    view,
    ifMarked: 'skip',
    onAllow: 'continue',
    onNone: 'deny',
  };
}

/** Workload policy (filter FORWARD/INPUT from-/to-workload dispatch, §3.3). */
function workload(wep: EndpointRole, direction: 'ingress' | 'egress', view: PacketView): ChainHook {
  return {
    kind: 'chain',
    stage: direction === 'ingress' ? 'workloadIngress' : 'workloadEgress',
    // The bound pod's node; roles make the plan independent of it (marks never apply here).
    node: undefined,
    table: 'filter',
    endpoint: wep,
    chain: 'normal',
    direction,
    view,
    ifMarked: 'run',
    onAllow: 'continue',
    onNone: 'deny',
  };
}

/**
 * The source pod's from-workload chain (`cali-fw-*`): Felix's drop of VXLAN/IPIP packets
 * (unless FelixConfiguration allows them), then its egress policy (§3.3).
 */
function fromWorkload(world: WorldModel, view: PacketView): Hook[] {
  return [...encapHook(world, view), workload('source', 'egress', view)];
}

function note(stage: OutcomeHook['stage'], reason: string, endpoint?: EndpointRef): OutcomeHook {
  return {
    kind: 'outcome',
    stage,
    action: 'continue',
    verdict: undefined,
    decides: 'never',
    reason,
    ...(endpoint ? { endpoint } : {}),
  };
}

function unpoliced(stage: OutcomeHook['stage'], reason: string, endpoint: EndpointRef): OutcomeHook {
  return {
    kind: 'outcome',
    stage,
    action: 'default-allow',
    verdict: undefined,
    decides: 'never',
    reason,
    endpoint,
  };
}

const EXIT: OutcomeHook = {
  kind: 'outcome',
  stage: 'exit',
  action: 'allow',
  verdict: 'Allow',
  decides: 'ifUndecided',
  reason: 'destination is outside the cluster model: allowed once the source side allows',
  endpoint: { kind: 'External', name: 'outside' },
};

/**
 * A pod's packet to its own address: the pod's network namespace routes it through its loopback
 * device, so it never reaches the pod's host-side interface and no Calico chain sees it.
 * Kubernetes' NetworkPolicy e2e tests expect it allowed whatever the policy ("loopback logic
 * follows no policy", `test/e2e/network/netpol/reachability.go` `AllowLoopback`).
 */
const LOOPBACK: OutcomeHook = {
  kind: 'outcome',
  stage: 'loopback',
  action: 'allow',
  verdict: 'Allow',
  decides: 'always',
  reason:
    "a pod's packet to its own address stays in its network namespace (loopback): no Calico chain sees it",
  endpoint: 'source',
};

/** §4.1: a HEP picked for its node's addresses by interface name alone says so in the trace. */
function unaddressed(hep: HostEndpointModel): Hook[] {
  if (hep.interfaceName === '*' || hep.expectedIPs.length > 0) return [];
  return [
    note(
      'interface',
      `host endpoint ${hep.name} (${hep.interfaceName ?? '?'}) has no expectedIPs: taken for ${hep.node}'s addresses as its only named host endpoint (§4.1)`,
      endpointRef(hep),
    ),
  ];
}

/**
 * The kernel's routing step on a node that would forward the packet (before filter FORWARD).
 * With FelixConfiguration `ipForwarding: Disabled` Felix leaves `net.ipv4.ip_forward` to the
 * host (`int_dataplane.go` `configureKernel`); Calico documents the setting for hosts that use
 * it for host protection only, and Felix's FV test of it (`hostendpoints_test.go` "with IP
 * forwarding disabled") runs them with forwarding off: host ↔ host and host → own pod connect,
 * nothing a node must forward does. `node` is a role when plans are shared between nodes.
 */
function notForwarded(world: WorldModel, node: EndpointRef | EndpointRole): Hook[] {
  if (world.ipForwarding === 'Enabled') return [];
  return [
    {
      kind: 'outcome',
      stage: 'forward',
      action: 'deny',
      verdict: 'Deny',
      decides: 'always',
      reason:
        "the node does not forward: FelixConfiguration ipForwarding Disabled leaves net.ipv4.ip_forward to the host; taken as off, as in Felix's FV test of the setting",
      endpoint: node,
    },
  ];
}

// ---------------------------------------------------------------- per-node segments

/**
 * A packet arriving at `node` from outside it through `hep` (an external client or another
 * node): raw PREROUTING (failsafe, untracked — never for `*` HEPs) and mangle PREROUTING
 * (failsafe, pre-DNAT).
 */
function arrival(
  node: string | undefined,
  hep: HostEndpointModel | undefined,
  view: PacketView,
  byName = false,
): Hook[] {
  if (node === undefined || !hep) return [];
  // §4.1: untracked policy is ignored on `*` HEPs (raw dispatch has no `*` fallback).
  const raw: Hook[] =
    hep.interfaceName === '*'
      ? []
      : [rawFailsafe(node, hep, 'in', view), untracked(node, hep, 'ingress', view)];
  // A HEP picked by `via.interface` is named, not inferred from an address.
  const why = byName ? [] : unaddressed(hep);
  return [...why, ...raw, failsafe(node, hep, 'in', 'mangle', view), preDnat(node, hep, view)];
}

/** filter INPUT for a packet through `hep` to `node`'s host namespace (§4.8 "external → host process"). */
function intoHost(
  world: WorldModel,
  node: string,
  hep: HostEndpointModel | undefined,
  view: PacketView,
): Hook[] {
  if (!hep)
    return [
      // filter INPUT's static rules run whether or not a host endpoint governs the interface.
      ...hostStaticHook(world, node, 'hostIngress', view, 1),
      unpoliced(
        'hostIngress',
        `no host endpoint governs the interface on ${node}: ${UNPOLICED} (§4.1, §12.42)`,
        hostRef(node),
      ),
    ];
  return hostPolicy(world, node, hep, 'ingress', 'filter', view);
}

/**
 * A host endpoint's normal policy in `table` behind its failsafe check; in filter INPUT/OUTPUT,
 * Felix's static rules (tunnels, WireGuard) come first, and an accept there passes over both.
 * (DNAT'd host traffic meets its policy in mangle POSTROUTING, after the accept in filter OUTPUT
 * has ended only that table.)
 */
function hostPolicy(
  world: WorldModel,
  node: string,
  hep: HostEndpointModel,
  direction: 'ingress' | 'egress',
  table: 'mangle' | 'filter',
  view: PacketView,
): Hook[] {
  const policy = [
    failsafe(node, hep, direction === 'ingress' ? 'in' : 'out', table, view),
    hostNormal(node, hep, direction, table, view),
  ];
  if (table !== 'filter') return policy;
  const stage = direction === 'ingress' ? 'hostIngress' : 'hostEgress';
  return [...hostStaticHook(world, node, stage, view, policy.length), ...policy];
}

/** Forwarded into a pod of its own node: AoF in, workload ingress, AoF out of the `*` HEP (cali out). */
function intoLocalPod(
  node: string | undefined,
  inHep: HostEndpointModel | undefined,
  pod: Extract<PostDnat, { kind: 'pod' }>,
  world: WorldModel,
  view: PacketView,
): Hook[] {
  const out: Hook[] = notForwarded(world, pod.wep);
  if (out.length > 0) return out;
  if (node !== undefined && inHep) out.push(forward(node, inHep, 'ingress', view));
  out.push(workload(pod.wep, 'ingress', view));
  const star = node === undefined ? undefined : wildcardHep(world, node);
  if (node !== undefined && star) out.push(forward(node, star, 'egress', view));
  return out;
}

/** A packet forwarded out of `node` through `hep` (AoF egress, `cali-to-hep-forward`). */
function forwardOut(node: string | undefined, hep: HostEndpointModel | undefined, view: PacketView): Hook[] {
  return node !== undefined && hep ? [forward(node, hep, 'egress', view)] : [];
}

/** A packet from another node arriving on the pod's node through its fabric interface, into the pod. */
function intoRemotePod(world: WorldModel, pod: Extract<PostDnat, { kind: 'pod' }>, view: PacketView): Hook[] {
  const node = pod.node;
  const hep = node === undefined ? undefined : fabricHep(world, node);
  return [...arrival(node, hep, view), ...intoLocalPod(node, hep, pod, world, view)];
}

/** A packet from another node arriving at `dst`: a pod through its node's fabric interface, or a host. */
function intoRemote(
  world: WorldModel,
  dst: Exclude<PostDnat, { kind: 'external' }>,
  view: PacketView,
): Hook[] {
  return dst.kind === 'pod'
    ? intoRemotePod(world, dst, view)
    : intoRemoteHost(world, dst.node, dst.hep, view);
}

/** A packet from another node (or forwarded through an entry node) to `node`'s host namespace. */
function intoRemoteHost(
  world: WorldModel,
  node: string,
  hep: HostEndpointModel | undefined,
  view: PacketView,
): Hook[] {
  const h = hep ?? wildcardHep(world, node);
  return [...arrival(node, h, view), ...intoHost(world, node, h, view)];
}

function dnatHook(node: string | undefined, frontend: Frontend): Hook {
  return { kind: 'dnat', node, frontend };
}

/**
 * Where a backend is after DNAT: a pod (the `'backend'` role on its node), a node's host
 * namespace through the HEP owning its address (a hostNetwork pod: host endpoint policy applies,
 * as for any packet to a host address, §4.8), or outside the model.
 */
function backendTarget(world: WorldModel, b: BackendModel): PostDnat {
  switch (b.kind) {
    case 'pod':
      return { kind: 'pod', wep: 'backend', node: b.node };
    case 'host':
      return { kind: 'node', node: b.node, hep: hepOwningIp(world, b.ip, b.node) };
    case 'external':
      return { kind: 'external' };
  }
}

function targetKey(t: PostDnat): string {
  switch (t.kind) {
    case 'pod':
      return `p|${t.node ?? ''}`;
    case 'node':
      return `n|${t.node}|${t.hep?.id ?? ''}`;
    case 'external':
      return 'x';
  }
}

/** Backends that share a plan: the same target (hooks differ only in the backend itself). */
function groupBackends(
  world: WorldModel,
  list: readonly BackendModel[],
): { target: PostDnat; backends: BackendModel[] }[] {
  const groups = new Map<string, { target: PostDnat; backends: BackendModel[] }>();
  for (const b of list) {
    const target = backendTarget(world, b);
    const k = targetKey(target);
    const g = groups.get(k);
    if (g) g.backends.push(b);
    else groups.set(k, { target, backends: [b] });
  }
  return [...groups.values()];
}

const WHY_NO_BACKENDS: Readonly<Record<ServicePortModel['endpointSource'], string>> = {
  endpointSlices: 'no ready or serving-terminating endpoint in its EndpointSlices for this port',
  selector: 'its selector picks no ready pod with this port',
  none: 'no selector and no EndpointSlices',
};

function noBackends(
  frontend: Frontend,
  node: string | undefined,
  origin: 'inCluster' | 'external',
  dst: string,
  entry: EndpointRef | EndpointRole,
): OutcomeHook {
  const s = frontend.servicePort.service;
  const local = usesLocalEndpoints(frontend, node, origin);
  const policy = frontend.kind === 'clusterIP' ? 'internalTrafficPolicy' : 'externalTrafficPolicy';
  return {
    kind: 'outcome',
    stage: 'dnat',
    action: 'deny',
    verdict: 'Deny',
    decides: 'always',
    reason: local
      ? `service ${s.namespace}/${s.name} has ${policy} Local and no backend on ${node}: kube-proxy drops (§5)`
      : `service ${s.namespace}/${s.name} has no ready backend for ${dst} (${WHY_NO_BACKENDS[frontend.servicePort.endpointSource]}): kube-proxy rejects`,
    endpoint: entry,
  };
}

function frontendText(f: Frontend): string {
  return `${f.servicePort.service.namespace}/${f.servicePort.service.name}:${f.servicePort.port}`;
}

/** Backends of a frontend for a packet from `origin` on `node`, of the frontend's IP version. */
function backends(
  frontend: Frontend,
  node: string | undefined,
  origin: 'inCluster' | 'external',
  version: 4 | 6,
): readonly BackendModel[] {
  return backendsFor(frontend, node, origin).filter((b) => b.ip.version === version);
}

const NO_BACKENDS: readonly BackendModel[] = Object.freeze([]);

function plan(
  entry: PathPlan['entry'],
  hooks: readonly Hook[],
  backends: readonly BackendModel[] = NO_BACKENDS,
  entryNode?: string,
  entryHep?: HostEndpointModel,
): PathPlan {
  return { entry, entryNode, entryHep, backends, hooks };
}

// ---------------------------------------------------------------- §4.8 rows

/**
 * §4.8 rows "local pod → own host", "pod → pod", "local pod → external via B", "pod → anything,
 * node has a `*` HEP": mangle PREROUTING dispatches the pod's packet to the `*` HEP's pre-DNAT
 * policy (original destination, even for pod → own host); then DNAT; then filter INPUT
 * (`cali-wl-to-host`: workload egress, DefaultEndpointToHostAction, §4.7) or filter FORWARD
 * (AoF in of `*` unless accepted, workload egress, [local pod's ingress], AoF out of the
 * outgoing HEP) and, for another node, that node's arrival hooks. Workload egress is the
 * from-workload chain: Felix's VXLAN/IPIP drop (unless FelixConfiguration allows them), then
 * the pod's egress policy.
 *
 * @example
 * ```ts
 * podPlans(world.model, wep, { kind: 'external' }).length; // 1
 * ```
 */
export function podPlans(world: WorldModel, src: WorkloadEndpointModel, dst: DestinationOwner): PathPlan[] {
  if (dst.kind === 'pod' && dst.wep === src) return [plan('source', [LOOPBACK])];
  const node = src.node;
  const star = node === undefined ? undefined : wildcardHep(world, node);
  const entry = 'source' as const;
  const pre: Hook[] =
    node !== undefined && star
      ? [failsafe(node, star, 'in', 'mangle', 'original'), preDnat(node, star, 'original')]
      : [];
  if (dst.kind !== 'frontend')
    return [plan(entry, [...pre, ...podRouted(world, src, star, postDnat(dst), 'original')])];
  const f = dst.frontend;
  // kube-proxy DNATs a node port only for the node's own addresses (KUBE-NODEPORTS sits behind
  // `-m addrtype --dst-type LOCAL`): another node's node port is routed to that node as to its
  // address and DNAT'd there, where the pod counts as in-cluster (eTP Local is bypassed for it).
  const at = f.kind === 'nodePort' && dst.node !== undefined && dst.node !== node ? dst.node : node;
  // In-cluster sources reach every backend (externalTrafficPolicy is for external traffic),
  // or only their node's with internalTrafficPolicy Local; a masqueraded pod is external there.
  const origin = at !== node && podsMasqueraded(world, dst.version) ? 'external' : 'inCluster';
  const list = backends(f, at, origin, dst.version);
  if (list.length === 0) return [plan(entry, [...pre, noBackends(f, at, origin, frontendText(f), entry)])];
  if (at !== undefined && at !== node)
    return nodePortElsewhere(world, dst, at, list, entry, (relay, there) => [
      ...pre,
      ...podRouted(world, src, star, relay, 'original', undefined, there),
    ]);
  return groupBackends(world, list).map((group) => {
    const backendNode = group.target.kind === 'external' ? undefined : group.target.node;
    const snat = node === undefined ? undefined : masquerade(world, node, dst, 'inCluster', backendNode);
    return plan(
      entry,
      [...pre, dnatHook(node, f), ...podRouted(world, src, star, group.target, 'postDnat', snat)],
      group.backends,
    );
  });
}

/**
 * The plans of a packet to another node's node port (one per backend group): `leave` writes the
 * sender's hooks towards `relay` (that node's address), ending with `there`: on arrival the node
 * runs its raw/mangle hooks, DNATs (§5), and goes on as for outside traffic.
 */
function nodePortElsewhere(
  world: WorldModel,
  dst: Extract<DestinationOwner, { kind: 'frontend' }>,
  at: string,
  list: readonly BackendModel[],
  entry: PathPlan['entry'],
  leave: (relay: PostDnat, there: (view: PacketView) => Hook[]) => Hook[],
): PathPlan[] {
  const relay = { kind: 'node', node: at, hep: dst.hep } as const;
  const hep = dst.hep ?? wildcardHep(world, at);
  const memo = new Map<string, Hook[]>();
  return groupBackends(world, list).map((group) => {
    const there = (view: PacketView): Hook[] => [
      ...arrival(at, hep, view),
      dnatHook(at, dst.frontend),
      ...entryRouted(world, at, hep, group.target, 'postDnat', dst, memo),
    ];
    return plan(entry, leave(relay, there), group.backends);
  });
}

/**
 * kube-proxy's masquerade (nat POSTROUTING, after filter FORWARD) of a DNAT'd packet leaving
 * `node` for a backend on another node (§5, §12.88; `pkg/proxy/iptables/proxier.go`): ClusterIP
 * traffic not from a pod (KUBE-SVC `! -s <pod CIDR>`), or all of it with `masqueradeAll`, and all
 * traffic to an external frontend (node port, load balancer, external IP) with
 * externalTrafficPolicy Cluster, a pod's included
 * (KUBE-EXT "masquerade traffic for … external destinations"). The source becomes the node's
 * address.
 */
function masquerade(
  world: WorldModel,
  node: string,
  dst: Extract<DestinationOwner, { kind: 'frontend' }>,
  origin: 'inCluster' | 'external',
  backendNode: string | undefined,
): SnatRule | undefined {
  const sp = dst.frontend.servicePort;
  const masquerades =
    dst.frontend.kind === 'clusterIP'
      ? origin === 'external' || world.kubeProxyMasqueradeAll
      : sp.externalTrafficPolicy === 'Cluster';
  const address = masquerades ? nodeAddress(world, node, dst.version) : undefined;
  if (!address) return undefined;
  return {
    address,
    reason: `kube-proxy SNAT: backend on ${backendNode ?? 'another node'}, ${dst.frontend.kind === 'clusterIP' && origin === 'inCluster' ? 'masqueradeAll' : `externalTrafficPolicy ${sp.externalTrafficPolicy}`}: source becomes ${address.text} (node ${node}) (§5)`,
  };
}

/**
 * nat POSTROUTING as a packet leaves `node` for `dst` (see {@link SnatHook}): Felix's natOutgoing
 * rules, except towards a pod (pods' addresses are pool addresses, never masqueraded), then
 * kube-proxy's `masquerade` of a DNAT'd packet. Undefined when no rule may apply.
 */
function leaving(
  world: WorldModel,
  node: string | undefined,
  dst: PostDnat,
  masquerade: SnatRule | undefined,
): SnatHook | undefined {
  if (node === undefined) return undefined;
  const rules = dst.kind === 'pod' ? [] : natOutgoingRules(world, node);
  return snatHook(node, masquerade ? [...rules, masquerade] : rules);
}

/**
 * Whether a pod's packet of IP `version` to another node's address arrives there with its node's
 * address as source: a natOutgoing IPPool of that version masquerades it (the pod's address is
 * taken to be in that pool), and that node's kube-proxy then counts it as external.
 */
function podsMasqueraded(world: WorldModel, version: 4 | 6): boolean {
  return world.natOutgoing?.pools.some((p) => p.cidr.version === version) === true;
}

/**
 * After routing, for a pod's packet (see {@link podPlans}). For another node or outside, the
 * packet leaves through nat POSTROUTING ({@link leaving}: natOutgoing, and `masquerade`,
 * kube-proxy's SNAT; later hooks see `postSnat`), and `there` replaces what happens on arrival
 * (a node port DNAT'd on that node).
 */
function podRouted(
  world: WorldModel,
  src: WorkloadEndpointModel,
  star: HostEndpointModel | undefined,
  dst: PostDnat,
  view: PacketView,
  masquerade?: SnatRule,
  there?: (view: PacketView) => Hook[],
): Hook[] {
  const node = src.node;
  const egress = fromWorkload(world, view);
  if (dst.kind === 'node' && dst.node === node) {
    // filter INPUT from cali+: goto cali-wl-to-host (workload egress, then the configured action).
    const action = world.endpointToHostAction;
    const reason = `DefaultEndpointToHostAction ${action}${action === 'Return' ? ' (handed to the host INPUT chain; not policed by Calico)' : ''} (§4.7)`;
    // filter INPUT's static rules (tunnels, WireGuard) come before the cali+ dispatch (egress
    // and action).
    const statics =
      node === undefined ? [] : hostStaticHook(world, node, 'hostIngress', view, egress.length + 1);
    return [
      ...statics,
      ...egress,
      {
        kind: 'outcome',
        stage: 'endpointToHost',
        action: action === 'Drop' ? 'deny' : 'allow',
        verdict: action === 'Drop' ? 'Deny' : 'Allow',
        decides: 'always',
        reason,
        endpoint: hostRef(node),
      },
    ];
  }
  const hooks: Hook[] = notForwarded(world, 'source');
  if (hooks.length > 0) return hooks;
  if (node !== undefined && star) hooks.push(forward(node, star, 'ingress', view));
  hooks.push(...egress);
  if (dst.kind === 'pod' && dst.node === node)
    return [...hooks, workload(dst.wep, 'ingress', view), ...forwardOut(node, star, view)];
  if (dst.kind === 'external') {
    hooks.push(...forwardOut(node, node === undefined ? undefined : egressHep(world, node), view));
    hooks.push(...serviceLoopHook(world, node, view));
    const snat = leaving(world, node, dst, undefined);
    return [...hooks, ...(snat ? [snat] : []), EXIT];
  }
  hooks.push(...forwardOut(node, node === undefined ? undefined : fabricHep(world, node), view));
  const snat = leaving(world, node, dst, masquerade);
  if (snat) hooks.push(snat);
  const next = snat ? 'postSnat' : view;
  return [...hooks, ...(there ? there(next) : intoRemote(world, dst, next))];
}

/**
 * §4.8 rows "host process → external via HEP B", "host process → local pod" (always allowed,
 * §3.3), and host → another node / its pods: raw OUTPUT (failsafe, untracked egress of the
 * outgoing HEP; not for `*`), DNAT (nat OUTPUT), then the normal egress policy of the outgoing
 * HEP with its failsafe — in filter OUTPUT on the original packet, or in mangle POSTROUTING on
 * the post-DNAT packet for DNAT'd traffic (§5) — then the receiving node's hooks.
 *
 * @example
 * ```ts
 * hostPlans(world.model, 'node-1', undefined, { kind: 'external' })[0]?.hooks.map((h) => h.kind);
 * ```
 */
export function hostPlans(
  world: WorldModel,
  node: string,
  srcHep: HostEndpointModel | undefined,
  dst: DestinationOwner,
): PathPlan[] {
  const entry = hostRef(node);
  if (dst.kind !== 'frontend')
    return [plan(entry, hostRouted(world, node, srcHep, postDnat(dst), undefined))];
  const f = dst.frontend;
  if (f.kind === 'nodePort' && dst.node !== undefined && dst.node !== node) {
    // Another node's node port: not DNAT'd here (KUBE-NODEPORTS is for local addresses, see
    // `podPlans`); that node DNATs it as traffic from outside (the host's address is neither a
    // pod's nor local there), with its externalTrafficPolicy.
    const at = dst.node;
    const list = backends(f, at, 'external', dst.version);
    if (list.length === 0) return [plan(entry, [noBackends(f, at, 'external', frontendText(f), entry)])];
    return nodePortElsewhere(world, dst, at, list, entry, (relay, there) =>
      hostRouted(world, node, srcHep, relay, undefined, there),
    );
  }
  const list = backends(f, node, 'inCluster', dst.version);
  if (list.length === 0) return [plan(entry, [noBackends(f, node, 'inCluster', frontendText(f), entry)])];
  return groupBackends(world, list).map((group) =>
    plan(entry, hostRouted(world, node, srcHep, group.target, f), group.backends),
  );
}

/** After nat OUTPUT, for a host's packet (see {@link hostPlans}); `there` as in `podRouted`. */
function hostRouted(
  world: WorldModel,
  node: string,
  srcHep: HostEndpointModel | undefined,
  dst: PostDnat,
  dnat: Frontend | undefined,
  there?: (view: PacketView) => Hook[],
): Hook[] {
  const d: Hook[] = dnat ? [dnatHook(node, dnat)] : [];
  const view: PacketView = dnat ? 'postDnat' : 'original';
  if (dst.kind === 'pod' && dst.node === node) {
    const reason = 'host → local workload is always allowed; workload ingress policy is not applied (§3.3)';
    return [
      ...d,
      {
        kind: 'outcome',
        stage: 'hostToWorkload',
        action: 'allow',
        verdict: 'Allow',
        decides: 'always',
        reason,
        endpoint: dst.wep,
      },
    ];
  }
  if (dst.kind === 'node' && dst.node === node) {
    return [
      ...d,
      {
        kind: 'outcome',
        stage: 'exit',
        action: 'allow',
        verdict: 'Allow',
        decides: 'always',
        reason: 'traffic stays inside the host',
        endpoint: hostRef(node),
      },
    ];
  }
  const out = srcHep ?? wildcardHep(world, node);
  const hooks: Hook[] = out ? unaddressed(out) : [];
  if (out && out.interfaceName !== '*')
    hooks.push(rawFailsafe(node, out, 'out', 'original'), untracked(node, out, 'egress', 'original'));
  hooks.push(...d);
  if (!out)
    hooks.push(
      unpoliced(
        'hostEgress',
        `no host endpoint governs the outgoing interface: ${UNPOLICED} (§4.1)`,
        hostRef(node),
      ),
    );
  else {
    hooks.push(...hostPolicy(world, node, out, 'egress', dnat ? 'mangle' : 'filter', view));
  }
  if (dst.kind === 'external') return [...hooks, EXIT];
  return [...hooks, ...(there ? there(view) : intoRemote(world, dst, view))];
}

/**
 * Where a packet from outside the model enters: `via` (its interface's HEP, else the HEP owning
 * the destination on that node, else the node's VIP interface); else the node owning the
 * destination address; else, for a VIP, every node it can land on (nodes with an ExternalIP
 * when some have one; with externalTrafficPolicy Local, only nodes with a local backend).
 *
 * @example
 * ```ts
 * entries(world.model, dst, undefined).map((e) => e.node);
 * ```
 */
export function entries(
  world: WorldModel,
  dst: DestinationOwner,
  via: Via,
): { readonly node: string | undefined; readonly hep: HostEndpointModel | undefined }[] {
  if (via) {
    const viaNode = world.nodes.get(via.node);
    const owning = dst.kind === 'node' || dst.kind === 'frontend' ? dst.hep : undefined;
    const hep =
      via.interface !== undefined
        ? hepForInterface(world, via.node, via.interface)
        : ((owning?.node === via.node ? owning : undefined) ??
          (viaNode ? vipEntryHep(world, viaNode) : wildcardHep(world, via.node)));
    return [{ node: via.node, hep }];
  }
  if (dst.kind === 'node') return [{ node: dst.node, hep: dst.hep ?? wildcardHep(world, dst.node) }];
  if (dst.kind === 'frontend' && dst.node !== undefined)
    return [{ node: dst.node, hep: dst.hep ?? wildcardHep(world, dst.node) }];
  if (dst.kind === 'pod') {
    // Routed straight to a pod IP: it arrives on the pod's node through its fabric interface.
    const node = dst.wep.node;
    return [{ node, hep: node === undefined ? undefined : fabricHep(world, node) }];
  }
  if (dst.kind === 'external') return [{ node: undefined, hep: undefined }];
  const frontend = dst.frontend;
  let nodes = [...world.nodes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (nodes.some((n) => n.externalIPs.length > 0)) nodes = nodes.filter((n) => n.externalIPs.length > 0);
  if (frontend.kind !== 'clusterIP' && frontend.servicePort.externalTrafficPolicy === 'Local') {
    // Load balancers only send to nodes with a local backend (health checks count ready ones).
    const local = nodes.filter((n) => frontend.servicePort.backends.some((b) => b.node === n.name));
    if (local.length > 0) nodes = local;
  }
  if (nodes.length === 0) return [{ node: undefined, hep: undefined }];
  return nodes.map((n) => ({ node: n.name, hep: vipEntryHep(world, n) }));
}

/**
 * §4.8 rows "external → host process via HEP A", "external → local pod via A", "external via A
 * → forwarded out B", and §5's service rows: on the entry node, raw and mangle PREROUTING of the
 * entry HEP (original destination), DNAT to each backend (per entry node: externalTrafficPolicy
 * Local keeps local backends), filter INPUT or FORWARD (AoF in unless accepted, then the local
 * pod or AoF out of the fabric HEP), SNAT after FORWARD for a remote backend (eTP Cluster or a
 * ClusterIP), then the backend node's arrival hooks and pod ingress on the SNAT'd packet.
 *
 * @example
 * ```ts
 * externalPlans(world.model, { kind: 'external' }, { node: 'node-1' }).length;
 * ```
 */
export function externalPlans(world: WorldModel, dst: DestinationOwner, via: Via): PathPlan[] {
  if (dst.kind === 'external' && !via) {
    const reason = 'neither source nor destination is in the cluster model';
    return [
      plan(undefined, [
        { kind: 'outcome', stage: 'exit', action: 'allow', verdict: 'Allow', decides: 'always', reason },
      ]),
    ];
  }
  const out: PathPlan[] = [];
  // The backend node's hooks are the same objects for every entry (200 entries × 200 nodes).
  const memo = new Map<string, Hook[]>();
  for (const e of entries(world, dst, via)) {
    const entryRef = e.hep ? endpointRef(e.hep) : hostRef(e.node);
    const pre: Hook[] =
      e.hep && e.node !== undefined
        ? arrival(e.node, e.hep, 'original', via?.interface !== undefined)
        : [note('preDnat', `entry interface has no host endpoint: ${UNPOLICED} on entry (§4.1)`, entryRef)];
    if (dst.kind !== 'frontend') {
      out.push(
        plan(
          entryRef,
          [...pre, ...entryRouted(world, e.node, e.hep, postDnat(dst), 'original', undefined, memo)],
          undefined,
          e.node,
          e.hep,
        ),
      );
      continue;
    }
    const list = backends(dst.frontend, e.node, 'external', dst.version);
    if (list.length === 0) {
      out.push(
        plan(
          entryRef,
          [...pre, noBackends(dst.frontend, e.node, 'external', frontendText(dst.frontend), entryRef)],
          undefined,
          e.node,
          e.hep,
        ),
      );
      continue;
    }
    for (const group of groupBackends(world, list)) {
      const hooks = [
        ...pre,
        dnatHook(e.node, dst.frontend),
        ...entryRouted(world, e.node, e.hep, group.target, 'postDnat', dst, memo),
      ];
      out.push(plan(entryRef, hooks, group.backends, e.node, e.hep));
    }
  }
  return out;
}

/** filter INPUT/FORWARD on the entry node, then the next node (see {@link externalPlans}). */
function entryRouted(
  world: WorldModel,
  node: string | undefined,
  hep: HostEndpointModel | undefined,
  dst: PostDnat,
  view: PacketView,
  service: Extract<DestinationOwner, { kind: 'frontend' }> | undefined,
  memo: Map<string, Hook[]>,
): Hook[] {
  if (dst.kind === 'node' && (dst.node === node || node === undefined)) {
    if (node === undefined || !hep) return intoHost(world, dst.node, undefined, view);
    return intoHost(world, node, hep, view);
  }
  if (dst.kind === 'pod' && (node === undefined || dst.node === node))
    return intoLocalPod(node, hep, dst, world, view);
  const blocked = node === undefined ? [] : notForwarded(world, hostRef(node));
  if (blocked.length > 0) return blocked;
  const fwdIn = node !== undefined && hep ? [forward(node, hep, 'ingress', view)] : [];
  if (dst.kind === 'external') {
    const snat = leaving(world, node, dst, undefined);
    return [
      ...fwdIn,
      ...forwardOut(node, node === undefined ? undefined : egressHep(world, node), view),
      ...serviceLoopHook(world, node, view),
      ...(snat ? [snat] : []),
      EXIT,
    ];
  }
  const hooks: Hook[] = [...fwdIn, ...forwardOut(node, fabricHep(world, node as string), view)];
  // A remote backend: a pod, or a node address (a hostNetwork backend on another node).
  const kubeProxy =
    service && node !== undefined ? masquerade(world, node, service, 'external', dst.node) : undefined;
  const snat = leaving(world, node, dst, kubeProxy);
  if (snat) hooks.push(snat);
  const next = snat ? 'postSnat' : view;
  const key = `${dst.kind}|${dst.node}|${dst.kind === 'node' ? (dst.hep?.id ?? '') : ''}|${next}`;
  let tail = memo.get(key);
  if (!tail) {
    tail = intoRemote(world, dst, next);
    memo.set(key, tail);
  }
  return [...hooks, ...tail];
}

/**
 * The plans of a topology: the §4.8 row its source and destination select.
 *
 * @example
 * ```ts
 * planPaths(world.model, topologyOf(world.model, packet, undefined)).map((p) => p.hooks.length);
 * ```
 */
export function planPaths(world: WorldModel, t: Topology): readonly PathPlan[] {
  switch (t.source.kind) {
    case 'pod':
      return podPlans(world, t.source.wep, t.destination);
    case 'node':
      return hostPlans(world, t.source.node, t.source.hep, t.destination);
    case 'external':
      return externalPlans(world, t.destination, t.via);
  }
}
