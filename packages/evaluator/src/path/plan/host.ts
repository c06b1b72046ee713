/** §4.8 rows of a packet from a host process: {@link hostPlans}. */

import type { HostEndpointModel, WorldModel } from '../../world/model.js';
import type { Hook, PacketView, PathPlan, SnatRule } from '../hooks.js';
import { wildcardHep } from '../host-endpoints.js';
import { hostRef } from '../recorder.js';
import { snatHook } from '../snat.js';
import { dnatOnOwningNode, type Frontend } from '../targets.js';
import type { DestinationOwner } from '../topology.js';
import { EXIT, rawFailsafe, UNPOLICED, unaddressed, unpoliced, untracked } from './chains.js';
import { nodePortElsewhere } from './external.js';
import { arrival, hostPolicy, intoHost, intoRemote, type PostDnat, plan, postDnat } from './segments.js';
import {
  backends,
  dnatHook,
  frontendText,
  groupBackends,
  masquerade,
  noBackends,
  unservedPick,
} from './services.js';

/**
 * §4.8 rows "host process → external via HEP B", "host process → local pod" (always allowed,
 * §3.3), host → its own address (through `lo`: the `*` HEP's egress and ingress, if it has one),
 * and host → another node / its pods: raw OUTPUT (failsafe, untracked egress of the
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
  if (dst.kind !== 'frontend') return [plan(entry, hostRouted(world, node, srcHep, postDnat(dst)))];
  const f = dst.frontend;
  if (dnatOnOwningNode(f) && dst.node !== undefined && dst.node !== node) {
    // Another node's node port: not DNAT'd here (KUBE-NODEPORTS is for local addresses, see
    // `podPlans`); that node DNATs it as traffic from outside (the host's address is neither a
    // pod's nor local there), with its externalTrafficPolicy.
    const at = dst.node;
    const list = backends(f, at, 'external', dst.version);
    if (list.length === 0) return [plan(entry, [noBackends(f, at, 'external', frontendText(f), entry)])];
    return [
      ...nodePortElsewhere(world, dst, at, list, entry, (relay, there) =>
        hostRouted(world, node, srcHep, relay, { there }),
      ),
      ...unservedPick(f, at, 'external', dst.version, entry, (hook) => plan(entry, [hook])),
    ];
  }
  const list = backends(f, node, 'inCluster', dst.version);
  if (list.length === 0) return [plan(entry, [noBackends(f, node, 'inCluster', frontendText(f), entry)])];
  return [
    ...groupBackends(world, list).map((group) =>
      plan(
        entry,
        hostRouted(world, node, srcHep, group.target, {
          dnat: f,
          kubeProxySnat: masquerade(world, node, dst, 'host', group.target),
        }),
        group.backends,
      ),
    ),
    ...unservedPick(f, node, 'inCluster', dst.version, entry, (hook) => plan(entry, [hook])),
  ];
}

/** What happened to a host's packet before routing, and what happens on arrival elsewhere. */
interface HostRouting {
  /** The frontend nat OUTPUT DNAT'd it to (later hooks see `postDnat`). */
  readonly dnat?: Frontend;
  /** Replaces the receiving node's hooks, as for a pod's packet (`podRouted`). */
  readonly there?: (view: PacketView) => Hook[];
  /** kube-proxy's SNAT of a DNAT'd packet to another node (nat POSTROUTING, after the host
   * endpoint's egress in mangle POSTROUTING). */
  readonly kubeProxySnat?: SnatRule | undefined;
}

/** After nat OUTPUT, for a host's packet (see {@link hostPlans}). */
export function hostRouted(
  world: WorldModel,
  node: string,
  srcHep: HostEndpointModel | undefined,
  dst: PostDnat,
  { dnat, there, kubeProxySnat }: HostRouting = {},
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
    // To one of its own addresses the packet goes out and back in through `lo`, which only a
    // `*` HEP governs (Felix's dispatch has no exception for it: ep_to_host_action_test.go "wildcard
    // HEP deny … blocks the health check even on loopback"): its egress, then its mangle and
    // filter ingress on the way back in.
    const star = wildcardHep(world, node);
    if (star === undefined)
      return [
        ...d,
        {
          kind: 'outcome',
          stage: 'exit',
          action: 'allow',
          verdict: 'Allow',
          decides: 'always',
          reason: 'traffic stays inside the host (through lo, which no host endpoint but a `*` one polices)',
          endpoint: hostRef(node),
        },
      ];
    return [
      ...d,
      ...hostPolicy(world, node, star, 'egress', dnat ? 'mangle' : 'filter', view),
      ...arrival(world, node, star, view, true),
      ...intoHost(world, node, star, view),
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
  const snat = kubeProxySnat ? snatHook(node, [kubeProxySnat]) : undefined;
  if (snat) hooks.push(snat);
  const next = snat ? 'postSnat' : view;
  return [...hooks, ...(there ? there(next) : intoRemote(world, dst, next))];
}
