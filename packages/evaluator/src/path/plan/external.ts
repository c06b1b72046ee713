/**
 * §4.8 rows of a packet from outside the model ({@link externalPlans}), and the continuation of
 * any packet to another node's node port, which that node handles as traffic from outside.
 */

import { kubeProxyNode } from '../../world/endpoint-slices.js';
import type { BackendModel, HostEndpointModel, WorldModel } from '../../world/model.js';
import type { Hook, PacketView, PathPlan } from '../hooks.js';
import { egressHep, fabricHep, hepForInterface, vipEntryHep, wildcardHep } from '../host-endpoints.js';
import { endpointRef, hostRef } from '../recorder.js';
import { serviceLoopHook } from '../service-loop.js';
import type { DestinationOwner, Topology } from '../topology.js';
import { EXIT, forward, note, notForwarded, UNPOLICED } from './chains.js';
import {
  arrival,
  forwardOut,
  intoHost,
  intoLocalPod,
  intoRemote,
  type PostDnat,
  plan,
  postDnat,
} from './segments.js';
import {
  backends,
  dnatHook,
  frontendText,
  groupBackends,
  leaving,
  masquerade,
  noBackends,
  unservedPick,
} from './services.js';

type Via = Topology['via'];

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
        ? hepForInterface(world, via.node, via.interface, owning)
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
    const local = nodes.filter((n) => frontend.servicePort.backends.some((b) => kubeProxyNode(b) === n.name));
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
        ? arrival(world, e.node, e.hep, 'original', via?.interface !== undefined)
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
    out.push(
      ...unservedPick(dst.frontend, e.node, 'external', dst.version, entryRef, (hook) =>
        plan(entryRef, [...pre, hook], undefined, e.node, e.hep),
      ),
    );
  }
  return out;
}

/** filter INPUT/FORWARD on the entry node, then the next node (see {@link externalPlans}). */
export function entryRouted(
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
    service && node !== undefined ? masquerade(world, node, service, 'external', dst) : undefined;
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
 * The plans of a packet to another node's node port (one per backend group): `leave` writes the
 * sender's hooks towards `relay` (that node's address), ending with `there`: on arrival the node
 * runs its raw/mangle hooks, DNATs (§5), and goes on as for outside traffic.
 */
export function nodePortElsewhere(
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
      ...arrival(world, at, hep, view),
      dnatHook(at, dst.frontend),
      ...entryRouted(world, at, hep, group.target, 'postDnat', dst, memo),
    ];
    return plan(entry, leave(relay, there), group.backends);
  });
}
