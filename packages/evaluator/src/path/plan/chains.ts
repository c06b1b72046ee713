/**
 * Hook constructors, one per Felix chain a packet can meet (raw / mangle / filter, §4.4–§4.7),
 * and the fixed outcomes (leaving the model, loopback, an unpoliced interface, a node that does
 * not forward). Each returns plain data for the interpreter; none looks at a packet.
 */

import type { EndpointRef } from '../../result/types.js';
import type { HostEndpointModel, WorldModel } from '../../world/model.js';
import { encapHook } from '../encap.js';
import type { ChainHook, EndpointRole, FailsafeHook, Hook, OutcomeHook, PacketView } from '../hooks.js';
import { endpointRef } from '../recorder.js';

export const UNPOLICED = 'not policed by Calico';

/** raw PREROUTING/OUTPUT failsafe (§4.6): also accepts replies (source port of the other list). */
export function rawFailsafe(
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
export function failsafe(
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
export function untracked(
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
export function preDnat(node: string, hep: HostEndpointModel, view: PacketView): ChainHook {
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
export function forward(
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
export function hostNormal(
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
export function workload(wep: EndpointRole, direction: 'ingress' | 'egress', view: PacketView): ChainHook {
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
export function fromWorkload(world: WorldModel, view: PacketView): Hook[] {
  return [...encapHook(world, view), workload('source', 'egress', view)];
}

export function note(stage: OutcomeHook['stage'], reason: string, endpoint?: EndpointRef): OutcomeHook {
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

export function unpoliced(stage: OutcomeHook['stage'], reason: string, endpoint: EndpointRef): OutcomeHook {
  return {
    kind: 'outcome',
    stage,
    action: 'default-allow',
    verdict: undefined,
    // What allowed a path nothing else decided (trace-format.md: "the default that allowed it").
    decides: 'ifUndecided',
    reason,
    endpoint,
  };
}

export const EXIT: OutcomeHook = {
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
export const LOOPBACK: OutcomeHook = {
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
export function unaddressed(hep: HostEndpointModel): Hook[] {
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
export function notForwarded(world: WorldModel, node: EndpointRef | EndpointRole): Hook[] {
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
