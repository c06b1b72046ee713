/**
 * Connection tracking is per node. An untracked (doNotTrack) Allow leaves the connection
 * untracked on the node whose raw table allowed it; a node whose raw table did not (a failsafe
 * port accepted the packet first, or it has no untracked policy) tracks it as usual. Every
 * tracked Felix endpoint chain (mangle pre-DNAT, filter normal and forward, a workload's from-
 * and to-workload chains) starts with the conntrack rules (`felix/rules/endpoints.go`
 * `appendConntrackRules`), ahead of its failsafes, the workload encapsulation drop and its
 * policy: RELATED/ESTABLISHED is accepted, INVALID dropped (unless FelixConfiguration
 * `disableConntrackInvalidCheck`). The raw table runs before conntrack, on every packet.
 *
 * On the reply leg, then, a node that tracked the request accepts the reply as ESTABLISHED
 * ({@link conntrackAccepts}); an ACCEPT there also ends the workload → host chain before
 * DefaultEndpointToHostAction. A node that left the request untracked sees the reply as the
 * first packet of a new connection unless its raw table leaves the reply untracked too: for a
 * TCP SYN-ACK or an ICMP reply that is INVALID, and the first tracked chain drops it
 * ({@link replyInvalid}; calico#2609 is this drop in a pod's from-workload chain).
 *
 * On the first leg, an ICMP packet of a type that cannot open a connection (an echo reply, an
 * error with no connection to report on) is INVALID on every node that tracks it: the first
 * tracked chain it meets drops it ({@link firstPacketInvalid}).
 *
 * The kernel NATs tracked connections only (`nf_nat_inet_fn` returns early without a conntrack
 * entry), so on a node that left a packet untracked neither kube-proxy's DNAT nor any SNAT
 * applies.
 */
import type { Packet } from '../match/packet.js';
import { protocolName } from '../net/protocol.js';
import type { EndpointRef, Stage } from '../result/types.js';
import type { HostEndpointModel, WorldModel } from '../world/model.js';
import type { Hook } from './hooks.js';
import { hasPreDnatPolicy } from './host-endpoints.js';

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
    case 'encap': {
      const at = conntrackRules(h, endpointNode);
      return at !== undefined && !untracked.includes(at.node);
    }
    case 'hostStatic':
    case 'serviceLoop':
      return !untracked.includes(nodeKey(h.node));
    case 'outcome':
      return h.stage === 'endpointToHost' && !untracked.includes(nodeKey(nodeOf(h.endpoint)));
    case 'dnat':
    case 'snat':
      return false;
  }
}

/**
 * The tracked Felix endpoint chain whose conntrack rules hook `h` meets first: its node (by
 * {@link nodeKey}; a workload chain names no node, it is its endpoint's, `endpointNode`) and its
 * stage. A failsafe or chain outside the raw table, or a workload's encapsulation drop (the top
 * of its from-workload chain); undefined for any other hook. A failsafe check sits inside the
 * host endpoint chain of its table and direction, after the conntrack rules.
 *
 * @example
 * ```ts
 * // hook: the workload egress chain of a pod (role 'source', no node in the plan)
 * conntrackRules(hook, 'node-1'); // { node: 'node-1', stage: 'workloadEgress' }
 * ```
 */
export function conntrackRules(
  h: Hook,
  endpointNode: string | undefined,
): { readonly node: string; readonly stage: Stage } | undefined {
  switch (h.kind) {
    case 'failsafe':
      if (h.table === 'raw') return undefined;
      return {
        node: nodeKey(h.node),
        stage: h.direction === 'out' ? 'hostEgress' : h.table === 'mangle' ? 'preDnat' : 'hostIngress',
      };
    case 'chain':
      return h.table === 'raw' ? undefined : { node: nodeKey(h.node ?? endpointNode), stage: h.stage };
    case 'encap':
      return { node: nodeKey(endpointNode), stage: h.stage };
    default:
      return undefined;
  }
}

/**
 * Where a packet meets Felix's INVALID drop at hook `h`: the tracked chain `h` starts, when its
 * node did not leave this packet untracked (`untracked`, by {@link nodeKey}) and the check is on
 * (FelixConfiguration `disableConntrackInvalidCheck` off). The drop takes what conntrack calls
 * INVALID: a reply leg's reply when its request went untracked ({@link replyInvalid}, after
 * {@link conntrackAccepts} said no), a first packet of an ICMP type that opens no connection
 * ({@link firstPacketInvalid}); others meet the chain's policy.
 *
 * @example
 * ```ts
 * // hook: the workload egress chain of pod web on node-1, which left the request untracked
 * invalidDrop(world.model, hook, 'node-1', []); // { node: 'node-1', stage: 'workloadEgress' }
 * invalidDrop(world.model, hook, 'node-1', ['node-1']); // undefined: this leg is untracked there too
 * ```
 */
export function invalidDrop(
  world: WorldModel,
  h: Hook,
  endpointNode: string | undefined,
  untracked: readonly string[],
): { readonly node: string; readonly stage: Stage } | undefined {
  if (!world.conntrackInvalidDrop) return undefined;
  // mangle PREROUTING dispatches only to host endpoints with pre-DNAT policy (`endpoint_mgr.go`),
  // and its static chain has no INVALID rule (`static.go` StaticManglePreroutingChain): without
  // such policy there is no endpoint chain, so no conntrack rules, at this hook.
  const prerouting = preroutingHep(h);
  if (prerouting !== undefined && !hasPreDnatPolicy(world, prerouting)) return undefined;
  const at = conntrackRules(h, endpointNode);
  return at !== undefined && !untracked.includes(at.node) ? at : undefined;
}

/** The host endpoint whose pre-DNAT chain in mangle PREROUTING hook `h` is part of (its failsafe or its policy). */
function preroutingHep(h: Hook): HostEndpointModel | undefined {
  const inPrerouting =
    (h.kind === 'failsafe' && h.table === 'mangle' && h.direction === 'in') ||
    (h.kind === 'chain' && h.chain === 'preDnat');
  const endpoint = inPrerouting ? h.endpoint : undefined;
  return typeof endpoint === 'object' && endpoint.kind === 'HostEndpoint' ? endpoint : undefined;
}

/**
 * What conntrack makes of an ICMP or ICMPv6 packet no entry holds (a flow's first packet):
 * - `new`: a request that opens a connection, ICMP echo (8), timestamp (13), information (15)
 *   and address mask (17) requests (`nf_conntrack_proto_icmp.c` `nf_conntrack_icmp_packet`
 *   `valid_new`), ICMPv6 echo request (128) and node information query (139)
 *   (`nf_conntrack_proto_icmpv6.c` `nf_conntrack_icmpv6_packet` `valid_new`);
 * - `untracked`: ICMPv6 MLD and neighbour / router discovery, 130–136 and 143
 *   (`nf_conntrack_icmpv6_error` `noct_valid_new` sets IP_CT_UNTRACKED: no ctstate rule matches,
 *   policy decides);
 * - `invalid`: every other type. A reply (0, 14, 129, …) without its request's entry is refused
 *   as new (`-NF_ACCEPT`, no entry); an error (3, 11, …) is RELATED only to the tracked
 *   connection it reports on (`nf_conntrack_inet_error`, `icmpv6_error_message`), and a flow
 *   alone has none. No entry is ctstate INVALID.
 *
 * The one place for these types: a reply leg's ICMP replies ({@link replyInvalid}) are reply
 * types, `invalid` here.
 *
 * @example
 * ```ts
 * icmpFirstPacket(1, 8); // 'new'
 * icmpFirstPacket(1, 0); // 'invalid'
 * icmpFirstPacket(58, 135); // 'untracked'
 * ```
 */
export function icmpFirstPacket(protocol: 1 | 58, type: number): 'new' | 'untracked' | 'invalid' {
  if ((protocol === 1 ? ICMP_NEW_TYPES : ICMPV6_NEW_TYPES).includes(type)) return 'new';
  return protocol === 58 && ICMPV6_UNTRACKED_TYPES.includes(type) ? 'untracked' : 'invalid';
}

/**
 * The request types that open a connection, each with its reply type, as conntrack inverts them
 * (`invmap` of `nf_conntrack_proto_icmp.c` and `nf_conntrack_proto_icmpv6.c`): `[protocol,
 * request, reply]`.
 */
export const ICMP_REQUEST_REPLY: readonly (readonly [1 | 58, number, number])[] = [
  [1, 8, 0],
  [1, 13, 14],
  [1, 15, 16],
  [1, 17, 18],
  [58, 128, 129],
  [58, 139, 140],
];
/** The ICMP types that open a connection: see {@link icmpFirstPacket}. */
export const ICMP_NEW_TYPES: readonly number[] = ICMP_REQUEST_REPLY.filter(([p]) => p === 1).map(
  ([, q]) => q,
);
/** The ICMPv6 types that open a connection: see {@link icmpFirstPacket}. */
export const ICMPV6_NEW_TYPES: readonly number[] = ICMP_REQUEST_REPLY.filter(([p]) => p === 58).map(
  ([, q]) => q,
);

/**
 * The type of the answer to an ICMP or ICMPv6 packet of `type`: a request's reply type
 * ({@link ICMP_REQUEST_REPLY}), else `type` itself.
 *
 * @example
 * ```ts
 * icmpReplyType(1, 13); // 14: timestamp reply
 * icmpReplyType(58, 135); // 135
 * ```
 */
export function icmpReplyType(protocol: number, type: number): number {
  for (const [p, request, reply] of ICMP_REQUEST_REPLY) if (p === protocol && request === type) return reply;
  return type;
}
/**
 * The ICMPv6 types conntrack leaves untracked: see {@link icmpFirstPacket}. (A 2024 netfilter
 * patch adds multicast router discovery, 151 and 152; kernels without it call them INVALID, the
 * answer kept here: a Deny where it may allow, never the other way.)
 */
export const ICMPV6_UNTRACKED_TYPES: readonly number[] = [130, 131, 132, 133, 134, 135, 136, 143];

/**
 * Whether conntrack calls a flow's first packet INVALID: an ICMP or ICMPv6 packet of a type
 * that opens no connection ({@link icmpFirstPacket}). A packet of no type (a flow with no
 * `icmp.type`) is not: it stands for the types policy decides. Felix's INVALID drop takes it at
 * the first tracked chain ({@link invalidDrop}).
 *
 * @example
 * ```ts
 * firstPacketInvalid({ protocol: 1, icmp: { type: 0 } }); // true: an echo reply opens nothing
 * firstPacketInvalid({ protocol: 1, icmp: { type: 8 } }); // false
 * firstPacketInvalid({ protocol: 1, icmp: undefined }); // false
 * ```
 */
export function firstPacketInvalid(packet: Pick<Packet, 'protocol' | 'icmp'>): boolean {
  const p = packet.protocol;
  const type = packet.icmp?.type;
  return (p === 1 || p === 58) && type !== undefined && icmpFirstPacket(p, type) === 'invalid';
}

const ICMP_TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'echo reply',
  3: 'destination unreachable',
  4: 'source quench',
  5: 'redirect',
  9: 'router advertisement',
  10: 'router solicitation',
  11: 'time exceeded',
  12: 'parameter problem',
  14: 'timestamp reply',
  16: 'information reply',
  18: 'address mask reply',
};
const ICMPV6_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'destination unreachable',
  2: 'packet too big',
  3: 'time exceeded',
  4: 'parameter problem',
  129: 'echo reply',
  137: 'redirect',
  140: 'node information response',
};

/**
 * The trace reason of a first packet conntrack calls INVALID ({@link firstPacketInvalid}).
 *
 * @example
 * ```ts
 * firstPacketInvalidReason({ protocol: 1, icmp: { type: 0 } }, 'node-1');
 * // 'conntrack INVALID on node-1: ICMP type 0 (echo reply) cannot start a connection, …'
 * ```
 */
export function firstPacketInvalidReason(packet: Pick<Packet, 'protocol' | 'icmp'>, node: string): string {
  const type = packet.icmp?.type ?? 0;
  const name = (packet.protocol === 1 ? ICMP_TYPE_NAMES : ICMPV6_TYPE_NAMES)[type];
  const what = `${protocolName(packet.protocol)} type ${type}${name ? ` (${name})` : ''}`;
  return `conntrack INVALID on ${node || 'the node'}: ${what} cannot start a connection, and no tracked connection holds it, so Felix's conntrack rules drop it (\`--ctstate INVALID -j DROP\`, before any policy; FelixConfiguration disableConntrackInvalidCheck turns this off). A reply to an allowed request is accepted as ESTABLISHED, an error about an allowed connection as RELATED (§3.1)`;
}

/**
 * Whether conntrack calls the reply of a request INVALID when no entry holds the request (its
 * node left it untracked, and left the reply tracked): a TCP reply is a SYN-ACK, which cannot
 * open a connection (`nf_conntrack_proto_tcp.c`: SYN/ACK from no state is `sIV`), and an ICMP or
 * ICMPv6 reply of a type conntrack calls INVALID as a first packet ({@link icmpFirstPacket}): the
 * reply types of requests (0, 14, 129, …), and a typeless reply, which stands for those. A UDP
 * reply opens a NEW entry like any datagram, an ICMPv6 type conntrack leaves untracked (a
 * neighbour solicitation answered as it came) meets policy, and so do other protocols (SCTP's
 * INIT-ACK is taken as NEW here: not checked against `nf_conntrack_proto_sctp.c`).
 *
 * @example
 * ```ts
 * replyInvalid(replyPacket(tcpPacket)); // true
 * replyInvalid(replyPacket(udpPacket)); // false
 * replyInvalid({ protocol: 58, icmp: { type: 135 } }); // false: untracked
 * ```
 */
export function replyInvalid(reply: Pick<Packet, 'protocol' | 'icmp'>): boolean {
  const p = reply.protocol;
  if (p !== 1 && p !== 58) return INVALID_REPLY_PROTOCOLS.includes(p);
  const type = reply.icmp?.type;
  return type === undefined || icmpFirstPacket(p, type) === 'invalid';
}

/** The protocols whose typeless replies are INVALID (TCP, ICMP and ICMPv6): see {@link replyInvalid}. */
export const INVALID_REPLY_PROTOCOLS: readonly number[] = [6, 1, 58];

/** The trace reason of a reply of an untracked request that conntrack takes as INVALID. */
export function invalidReplyReason(node: string): string {
  return `${node || 'the node'} did not track the request and its raw table did not leave this reply untracked: conntrack sees a reply without its request (INVALID) and Felix's conntrack rules drop it (\`--ctstate INVALID -j DROP\`, before any policy; FelixConfiguration disableConntrackInvalidCheck turns this off). Allow the reply with untracked (doNotTrack) policy (§4.4)`;
}

/** The trace reason of kube-proxy's DNAT on a node that left the packet untracked. */
export function untrackedDnatReason(node: string, frontend: string): string {
  return `untracked (doNotTrack) Allow on ${node}: the packet is not conntracked, and the kernel NATs tracked connections only, so kube-proxy's DNAT never applies; it stays addressed to ${frontend} and reaches no backend (§4.4, §5)`;
}

/** The trace reason of a SNAT rule on a node that left the packet untracked. */
export function untrackedSnatReason(node: string): string {
  return `untracked (doNotTrack) Allow on ${node}: the packet is not conntracked, so no SNAT (natOutgoing, kube-proxy masquerade) applies; its source is kept (§4.4)`;
}

function nodeOf(endpoint: EndpointRef | string | undefined): string | undefined {
  return typeof endpoint === 'object' ? endpoint.node : undefined;
}

/** The trace reason of a reply hook that conntrack took the place of. */
export const CONNTRACK_ACCEPTS =
  'reply of a connection this node tracked (its raw table did not leave the request untracked): conntrack accepts it as ESTABLISHED before policy (§4.4)';
