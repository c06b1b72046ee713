/** §4.8 rows of a packet from a pod: {@link podPlans}. */

import type { HostEndpointModel, WorkloadEndpointModel, WorldModel } from '../../world/model.js';
import type { Hook, PacketView, PathPlan, SnatRule } from '../hooks.js';
import { egressHep, fabricHep, wildcardHep } from '../host-endpoints.js';
import { hostStaticHook, workloadToHostHook } from '../host-static.js';
import { detectedAsPod } from '../local-traffic.js';
import { hostRef } from '../recorder.js';
import { serviceLoopHook } from '../service-loop.js';
import { dnatOnOwningNode } from '../targets.js';
import type { DestinationOwner } from '../topology.js';
import {
  EXIT,
  failsafe,
  forward,
  fromWorkload,
  LOOPBACK,
  notForwarded,
  preDnat,
  workload,
} from './chains.js';
import { nodePortElsewhere } from './external.js';
import { forwardOut, intoRemote, type PostDnat, plan, postDnat } from './segments.js';
import {
  backends,
  dnatHook,
  frontendText,
  groupBackends,
  leaving,
  masquerade,
  noBackends,
  podsMasqueraded,
  unservedPick,
} from './services.js';

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
  // `-m addrtype --dst-type LOCAL`), and portmap a hostPort likewise: another node's node port
  // or hostPort is routed to that node as to its address and DNAT'd there, where the pod counts
  // as in-cluster (eTP Local is bypassed for it).
  const at = dnatOnOwningNode(f) && dst.node !== undefined && dst.node !== node ? dst.node : node;
  // In-cluster sources reach every backend (externalTrafficPolicy is for external traffic),
  // or only their node's with internalTrafficPolicy Local; a masqueraded pod is external there,
  // and so is a pod kube-proxy's local-traffic detector does not take for one.
  const origin =
    (at !== node && podsMasqueraded(world, dst.version)) || !detectedAsPod(world, src, dst.version)
      ? 'external'
      : 'inCluster';
  const list = backends(f, at, origin, dst.version);
  if (list.length === 0) return [plan(entry, [...pre, noBackends(f, at, origin, frontendText(f), entry)])];
  const unserved = unservedPick(f, at, origin, dst.version, entry, (hook) => plan(entry, [...pre, hook]));
  if (at !== undefined && at !== node)
    return [
      ...nodePortElsewhere(world, dst, at, list, entry, (relay, there) => [
        ...pre,
        ...podRouted(world, src, star, relay, 'original', { there }),
      ]),
      ...unserved,
    ];
  return [
    ...groupBackends(world, list).map((group) => {
      const snat = node === undefined ? undefined : masquerade(world, node, dst, origin, group.target);
      return plan(
        entry,
        [
          ...pre,
          dnatHook(node, f),
          ...podRouted(world, src, star, group.target, 'postDnat', { masquerade: snat }),
        ],
        group.backends,
      );
    }),
    ...unserved,
  ];
}

/** What happens to a pod's packet on its way out and on arrival elsewhere. */
interface PodRouting {
  /** kube-proxy's SNAT of a DNAT'd packet (nat POSTROUTING, beside natOutgoing). */
  readonly masquerade?: SnatRule | undefined;
  /** Replaces the receiving node's hooks (a node port DNAT'd on that node). */
  readonly there?: (view: PacketView) => Hook[];
}

/**
 * After routing, for a pod's packet (see {@link podPlans}). For another node or outside, the
 * packet leaves through nat POSTROUTING ({@link leaving}: natOutgoing and kube-proxy's SNAT;
 * later hooks see `postSnat`).
 */
export function podRouted(
  world: WorldModel,
  src: WorkloadEndpointModel,
  star: HostEndpointModel | undefined,
  dst: PostDnat,
  view: PacketView,
  { masquerade, there }: PodRouting = {},
): Hook[] {
  const node = src.node;
  const egress = fromWorkload(world, view);
  if (dst.kind === 'node' && dst.node === node) {
    // filter INPUT from cali+: goto cali-wl-to-host (workload egress, then the configured action).
    const action = world.endpointToHostAction;
    const reason = `DefaultEndpointToHostAction ${action}${action === 'Return' ? ' (handed to the host INPUT chain; not policed by Calico)' : ''} (§4.7)`;
    // filter INPUT's static rules (tunnels, WireGuard) come before the cali+ dispatch; in it,
    // cali-wl-to-host accepts the pod's ICMPv6 router traffic before its egress and the action.
    const statics =
      node === undefined ? [] : hostStaticHook(world, node, 'hostIngress', view, egress.length + 2);
    const router = node === undefined ? [] : [workloadToHostHook(node, view, egress.length + 1)];
    return [
      ...statics,
      ...router,
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
