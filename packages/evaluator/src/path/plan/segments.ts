/**
 * What happens to a packet on one node, as hook lists the origin planners (`pod.ts`, `host.ts`,
 * `external.ts`) join: arrival through a host endpoint (raw and mangle PREROUTING), delivery to
 * the host namespace (filter INPUT) or to a pod (filter FORWARD), forwarding out, and arrival
 * at another node.
 */

import type { BackendModel, HostEndpointModel, OverlayPoolModel, WorldModel } from '../../world/model.js';
import type { Hook, PacketView, PathPlan } from '../hooks.js';
import { fabricHep, preDnatHep, wildcardHep } from '../host-endpoints.js';
import { hostStaticHook } from '../host-static.js';
import { hostRef } from '../recorder.js';
import type { DestinationOwner } from '../topology.js';
import {
  failsafe,
  forward,
  hostNormal,
  notForwarded,
  preDnat,
  rawFailsafe,
  UNPOLICED,
  unaddressed,
  unpoliced,
  untracked,
  workload,
} from './chains.js';

/** Where a packet goes after DNAT; a pod may be `'backend'` (the backend a run is for) on `node`. */
export type PostDnat =
  | {
      readonly kind: 'pod';
      readonly wep: 'backend' | 'destination';
      readonly node: string | undefined;
      /** The tunnel other nodes reach a backend through (its IPPool's, {@link OverlayPoolModel}). */
      readonly overlay?: OverlayPoolModel['overlay'];
      /** The pool tunnels only from outside the sending node's subnet (`CrossSubnet`). */
      readonly crossSubnet?: boolean;
    }
  | Exclude<DestinationOwner, { kind: 'frontend' | 'pod' }>;

/** A destination pod becomes the `'destination'` role on its node: plans are per node, not per pod. */
export function postDnat(dst: Exclude<DestinationOwner, { kind: 'frontend' }>): PostDnat {
  return dst.kind === 'pod' ? { kind: 'pod', wep: 'destination', node: dst.wep.node } : dst;
}

/**
 * A packet arriving at `node` from outside it through `hep` (an external client or another
 * node): raw PREROUTING (failsafe, untracked — never for `*` HEPs) and mangle PREROUTING
 * (failsafe, pre-DNAT: of the `*` HEP when `hep` has no pre-DNAT policy, {@link preDnatHep}).
 */
export function arrival(
  world: WorldModel,
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
  const mangle = preDnatHep(world, hep);
  return [...why, ...raw, failsafe(node, mangle, 'in', 'mangle', view), preDnat(node, mangle, view)];
}

/** filter INPUT for a packet through `hep` to `node`'s host namespace (§4.8 "external → host process"). */
export function intoHost(
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
export function hostPolicy(
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
export function intoLocalPod(
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
export function forwardOut(
  node: string | undefined,
  hep: HostEndpointModel | undefined,
  view: PacketView,
): Hook[] {
  return node !== undefined && hep ? [forward(node, hep, 'egress', view)] : [];
}

/** A packet from another node arriving on the pod's node through its fabric interface, into the pod. */
export function intoRemotePod(
  world: WorldModel,
  pod: Extract<PostDnat, { kind: 'pod' }>,
  view: PacketView,
): Hook[] {
  const node = pod.node;
  const hep = node === undefined ? undefined : fabricHep(world, node);
  return [...arrival(world, node, hep, view), ...intoLocalPod(node, hep, pod, world, view)];
}

/** A packet from another node arriving at `dst`: a pod through its node's fabric interface, or a host. */
export function intoRemote(
  world: WorldModel,
  dst: Exclude<PostDnat, { kind: 'external' }>,
  view: PacketView,
): Hook[] {
  return dst.kind === 'pod'
    ? intoRemotePod(world, dst, view)
    : intoRemoteHost(world, dst.node, dst.hep, view);
}

/** A packet from another node (or forwarded through an entry node) to `node`'s host namespace. */
export function intoRemoteHost(
  world: WorldModel,
  node: string,
  hep: HostEndpointModel | undefined,
  view: PacketView,
): Hook[] {
  const h = hep ?? wildcardHep(world, node);
  return [...arrival(world, node, h, view), ...intoHost(world, node, h, view)];
}

export const NO_BACKENDS: readonly BackendModel[] = Object.freeze([]);

export function plan(
  entry: PathPlan['entry'],
  hooks: readonly Hook[],
  backends: readonly BackendModel[] = NO_BACKENDS,
  entryNode?: string,
  entryHep?: HostEndpointModel,
): PathPlan {
  return { entry, entryNode, entryHep, backends, hooks };
}
