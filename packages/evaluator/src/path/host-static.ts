/**
 * Felix's static rules at the top of filter INPUT and OUTPUT, ahead of any workload or host
 * endpoint policy (`felix/rules/static.go` `filterInputChain`, `FilterInputChainAllowWG`,
 * `filterOutputChain`): IPIP and VXLAN from and to Calico hosts, WireGuard. The hook the planner
 * places there, and the packet test both interpreters run.
 */
import type { Packet } from '../match/packet.js';
import { type Cidr, cidrContains } from '../net/ip.js';
import { protocolName } from '../net/protocol.js';
import type { WorldModel } from '../world/model.js';
import type { HostStaticHook, HostStaticRule, PacketView } from './hooks.js';

const IPIP = 4;
const UDP = 17;
type Stage = HostStaticHook['stage'];

// static.go: "it's too easy to make a host policy that blocks … traffic".
const AHEAD = 'before any host endpoint policy';

function tunnelRules(
  world: WorldModel,
  stage: Stage,
  tunnel: 'IPIP' | 'VXLAN',
  version: 4 | 6,
): HostStaticRule[] {
  const hosts: readonly Cidr[] = world.calicoHosts.filter((c) => c.version === version);
  const [protocol, dstPort, what, setting] =
    tunnel === 'IPIP'
      ? ([IPIP, undefined, 'IPIP packet (IP protocol 4)', 'ipipEnabled / an IPPool ipipMode'] as const)
      : ([
          UDP,
          world.vxlanPort,
          `VXLAN packet (UDP to vxlanPort ${world.vxlanPort})`,
          'vxlanEnabled / an IPPool vxlanMode',
        ] as const);
  const rule = (action: 'allow' | 'deny', peerIn: readonly Cidr[] | undefined, reason: string) => ({
    protocol,
    dstPort,
    version,
    peerIn,
    action,
    reason: `${what} ${reason} (${tunnel} on: FelixConfiguration ${setting})`,
  });
  // Going out only the accept exists; all-vxlan-net is taken to be all-hosts-net (every node a VTEP).
  return stage === 'hostEgress'
    ? [rule('allow', hosts, `to a Calico host: Felix accepts it in filter OUTPUT ${AHEAD}`)]
    : [
        rule('allow', hosts, `from a Calico host: Felix accepts it in filter INPUT ${AHEAD}`),
        rule(
          'deny',
          undefined,
          `from a host that is not a Calico node: Felix drops it in filter INPUT ${AHEAD}`,
        ),
      ];
}

/**
 * The static rules of filter INPUT (`hostIngress`) or OUTPUT (`hostEgress`), in Felix's order:
 * IPIP, VXLAN (IPv4, then IPv6), WireGuard (IPv4, then IPv6).
 *
 * @example
 * ```ts
 * hostStaticRules(World.from([]).model, 'hostIngress'); // []: no tunnel, no WireGuard
 * // world: IPPool default-ipv4-ippool (ipipMode: Always)
 * hostStaticRules(world.model, 'hostIngress').map((r) => r.action); // ['allow', 'deny']
 * ```
 */
export function hostStaticRules(world: WorldModel, stage: Stage): HostStaticRule[] {
  const t = world.tunnels;
  const rules: HostStaticRule[] = [
    ...(t.ipip ? tunnelRules(world, stage, 'IPIP', 4) : []),
    ...(t.vxlan ? tunnelRules(world, stage, 'VXLAN', 4) : []),
    ...(t.vxlanV6 ? tunnelRules(world, stage, 'VXLAN', 6) : []),
  ];
  for (const p of world.wireguardPorts)
    rules.push({
      protocol: UDP,
      dstPort: p.port,
      version: p.version,
      peerIn: undefined,
      action: 'allow',
      reason: `WireGuard packet (${protocolName(UDP)}:${p.port}, FelixConfiguration wireguardListeningPort${p.version === 6 ? 'V6' : ''}): Felix accepts it ${stage === 'hostIngress' ? 'in filter INPUT' : 'in filter OUTPUT'} ${AHEAD}`,
    });
  return rules;
}

/**
 * The static rules of `node`'s filter INPUT (`hostIngress`) or OUTPUT (`hostEgress`) chain, as a
 * list to splice before the `skips` hooks an accept passes over: empty when there are none.
 * OUTPUT accepts only after `acceptAlreadyAccepted` (`ifMarked: 'skip'`); INPUT runs first.
 *
 * @example
 * ```ts
 * hostStaticHook(World.from([]).model, 'node-1', 'hostIngress', 'original', 2); // []
 * // world: FelixConfiguration default with wireguardEnabled: true
 * hostStaticHook(world.model, 'node-1', 'hostIngress', 'original', 2)[0]?.rules.length; // 1
 * ```
 */
export function hostStaticHook(
  world: WorldModel,
  node: string,
  stage: Stage,
  view: PacketView,
  skips: number,
): HostStaticHook[] {
  const rules = hostStaticRules(world, stage);
  if (rules.length === 0) return [];
  const ifMarked = stage === 'hostEgress' ? 'skip' : 'run';
  return [{ kind: 'hostStatic', stage, node, view, ifMarked, rules, skips }];
}

/** ICMPv6 a pod needs from its router, by type (`static.go` `ICMPv6Filter`). */
const ROUTER_ICMPV6: readonly (readonly [number, string])[] = [
  [130, 'multicast listener query'],
  [131, 'multicast listener report'],
  [132, 'multicast listener done'],
  [133, 'router solicitation'],
  [135, 'neighbor solicitation'],
  [136, 'neighbor advertisement'],
];
const ICMPV6 = 58;

/**
 * The ICMPv6 types Felix accepts from a pod to its host ahead of the pod's egress policy.
 *
 * @example
 * ```ts
 * WORKLOAD_TO_HOST_ICMPV6_TYPES; // [130, 131, 132, 133, 135, 136]
 * ```
 */
export const WORKLOAD_TO_HOST_ICMPV6_TYPES: readonly number[] = Object.freeze(ROUTER_ICMPV6.map(([t]) => t));

/**
 * Felix's accept, at the top of `cali-wl-to-host` for IPv6, of the ICMPv6 a pod needs from its
 * router: "we do this before the policy chains, so we're bypassing the egress rules for this
 * traffic" (`felix/rules/static.go` `filterWorkloadToHostChain`, `ICMPv6Filter`). A pod's packet
 * to its own host meets it after filter INPUT's static rules, ahead of the pod's egress policy and
 * DefaultEndpointToHostAction (the next `skips` hooks).
 *
 * @example
 * ```ts
 * workloadToHostHook('node-1', 'original', 2).rules.map((r) => r.icmpTypes?.[0]); // [130, 131, 132, 133, 135, 136]
 * ```
 */
export function workloadToHostHook(node: string, view: PacketView, skips: number): HostStaticHook {
  const rules = ROUTER_ICMPV6.map(([type, what]) => ({
    protocol: ICMPV6,
    dstPort: undefined,
    icmpTypes: [type],
    version: 6 as const,
    peerIn: undefined,
    action: 'allow' as const,
    reason: `ICMPv6 type ${type} (${what}) from a pod to its host: Felix accepts it in cali-wl-to-host before the pod's egress policy`,
  }));
  return { kind: 'hostStatic', stage: 'hostIngress', node, view, ifMarked: 'run', rules, skips };
}

/**
 * The rule of `hook` a packet meets (the first that matches), or undefined when it goes on: the
 * protocol and IP version, the UDP destination port or ICMP type where the rule has one, and the
 * peer (the source going in, the destination going out) in the rule's set.
 *
 * @example
 * ```ts
 * // hook: hostStaticHook(world.model, 'node-2', 'hostIngress', 'original', 2)[0], IPIP on
 * const ipip = (src: string): Packet => ({ protocol: 4, src: parseIp(src)!, srcPort: undefined, dst: parseIp('10.0.0.12')!, dstPort: undefined, icmp: undefined });
 * hostStaticRuleOf(hook, ipip('10.0.0.11'))?.action; // 'allow'
 * hostStaticRuleOf(hook, ipip('198.51.100.7'))?.action; // 'deny'
 * ```
 */
export function hostStaticRuleOf(hook: HostStaticHook, pkt: Packet): HostStaticRule | undefined {
  const peer = hook.stage === 'hostIngress' ? pkt.src : pkt.dst;
  for (const r of hook.rules) {
    if (r.protocol !== pkt.protocol || r.version !== pkt.dst.version) continue;
    if (r.dstPort !== undefined && r.dstPort !== pkt.dstPort) continue;
    if (r.icmpTypes !== undefined && (pkt.icmp === undefined || !r.icmpTypes.includes(pkt.icmp.type)))
      continue;
    if (r.peerIn !== undefined && !r.peerIn.some((c) => cidrContains(c, peer))) continue;
    return r;
  }
  return undefined;
}
