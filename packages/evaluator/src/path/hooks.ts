/**
 * The packet path as data: the hooks a packet crosses, in order, each with the packet view it
 * sees and what its outcomes mean (calico-semantics.md §4.3–§4.8, §5). One interpreter
 * (`interpret.ts`) runs any list of hooks; the planner (`plan/`) writes the lists.
 */
import type { ChainClass, Direction } from '../engine.js';
import type { Cidr, Ip } from '../net/ip.js';
import type { EndpointRef, Stage, StepAction } from '../result/types.js';
import type {
  BackendModel,
  EndpointModel,
  HostEndpointModel,
  WorkloadEndpointModel,
} from '../world/model.js';
import type { Frontend } from './targets.js';

/**
 * Which version of the packet a hook sees: as sent, after kube-proxy's DNAT (backend address
 * and port), or after kube-proxy's SNAT/MASQUERADE (source = a node address) (§5).
 *
 * @example
 * ```ts
 * // world: nodes node-1, node-2 with HEPs node-1-eth1, node-2-eth1 (203.0.113.11, .12); pod web (10.1.0.10)
 * // on node-1 behind NodePort service prod/web (80 → 8080, nodePort 30080); packet: 198.51.100.7 → 203.0.113.12:30080
 * const [plan] = planPaths(world.model, topologyOf(world.model, packet, undefined));
 * plan?.hooks.map((h) => ('view' in h ? h.view : h.kind));
 * // ['original', 'original', 'original', 'original', 'dnat', 'postDnat', 'snat', 'postSnat']:
 * // the backend's workload ingress sees the backend address and node-2's SNAT source
 * ```
 */
export type PacketView = 'original' | 'postDnat' | 'postSnat';

/**
 * The iptables table a hook lives in. A failsafe hit ends its table on its node only (§4.6).
 *
 * @example
 * ```ts
 * // world: nodes node-1, node-2 with HEPs node-1-eth1, node-2-eth1 (203.0.113.11, .12); pod web (10.1.0.10)
 * // on node-1 behind NodePort service prod/web (80 → 8080, nodePort 30080); packet: 198.51.100.7 → 203.0.113.12:30080
 * const [plan] = planPaths(world.model, topologyOf(world.model, packet, undefined));
 * plan?.hooks.map((h) => ('table' in h ? h.table : h.kind));
 * // ['raw', 'raw', 'mangle', 'mangle', 'dnat', 'filter', 'snat', 'filter']
 * ```
 */
export type HookTable = 'raw' | 'mangle' | 'nat' | 'filter';

/**
 * What the accept mark (set by an untracked or pre-DNAT Allow, per node) does to a hook: `run`
 * it anyway, or `skip` it (filter INPUT/OUTPUT `acceptAlreadyAccepted`, the FORWARD
 * `cali-from-hep-forward` guard, mangle PREROUTING after raw, §4.4).
 *
 * @example
 * ```ts
 * // world: nodes node-1, node-2 with HEPs node-1-eth1, node-2-eth1 (203.0.113.11, .12); pod web (10.1.0.10)
 * // on node-1 behind NodePort service prod/web (80 → 8080, nodePort 30080); packet: 198.51.100.7 → 203.0.113.12:30080
 * const [plan] = planPaths(world.model, topologyOf(world.model, packet, undefined));
 * plan?.hooks.flatMap((h) => (h.kind === 'chain' ? [`${h.stage}: ${h.ifMarked}`] : []));
 * // ['untracked: run', 'preDnat: skip', 'forward: skip', 'workloadIngress: run']
 * ```
 */
export type IfMarked = 'run' | 'skip';

/**
 * A failsafe check (§4.6): the packet matches when one of `matches` hits (a list of
 * FelixConfiguration ports, compared with the packet's destination or source port; the list's
 * `net` restricts the remote side: the source going in, the destination going out). A hit
 * accepts in `table` only: the rest of that table on `node` is skipped.
 *
 * @example
 * ```ts
 * // world: nodes node-1, node-2 with HEPs node-1-eth1, node-2-eth1 (203.0.113.11, .12); pod web (10.1.0.10)
 * // on node-1 behind NodePort service prod/web (80 → 8080, nodePort 30080); packet: 198.51.100.7 → 203.0.113.12:30080
 * const [plan] = planPaths(world.model, topologyOf(world.model, packet, undefined));
 * plan?.hooks[0];
 * // { kind: 'failsafe', node: 'node-2', endpoint: <HEP node-2-eth1>, direction: 'in', table: 'raw', view: 'original',
 * //   ifMarked: 'run', matches: [{ list: 'inbound', port: 'dst' }, { list: 'outbound', port: 'src' }], onHit: 'continue' }
 * ```
 */
export interface FailsafeHook {
  readonly kind: 'failsafe';
  readonly node: string;
  readonly endpoint: HostEndpointModel;
  readonly direction: 'in' | 'out';
  readonly table: 'raw' | 'mangle' | 'filter';
  readonly view: PacketView;
  readonly ifMarked: IfMarked;
  readonly matches: readonly { readonly list: 'inbound' | 'outbound'; readonly port: 'dst' | 'src' }[];
  /** The trace action of a hit: `allow` decides the path (filter), `continue` only ends the table. */
  readonly onHit: 'allow' | 'continue';
}

/**
 * One Felix policy chain of one endpoint (§3.1, §4.3–§4.5). `onAllow: 'mark'` sets the node's
 * accept mark (pre-DNAT); `'notrack'` also leaves the connection untracked (untracked policy:
 * its reply is not a conntrack reply and must be allowed on its own, §4.4); `onNone` is what "no policy decided" means (`continue` for
 * untracked, pre-DNAT and forward chains; normal chains always decide). Deny always drops.
 *
 * @example
 * ```ts
 * // world: nodes node-1, node-2 with HEPs node-1-eth1, node-2-eth1 (203.0.113.11, .12); pod web (10.1.0.10)
 * // on node-1 behind NodePort service prod/web (80 → 8080, nodePort 30080); packet: 198.51.100.7 → 203.0.113.12:30080
 * const [plan] = planPaths(world.model, topologyOf(world.model, packet, undefined));
 * plan?.hooks[3];
 * // { kind: 'chain', stage: 'preDnat', node: 'node-2', table: 'mangle', endpoint: <HEP node-2-eth1>, chain: 'preDnat',
 * //   direction: 'ingress', view: 'original', ifMarked: 'skip', onAllow: 'mark', onNone: 'continue' }
 * ```
 */
export interface ChainHook {
  readonly kind: 'chain';
  readonly stage: Stage;
  readonly node: string | undefined;
  readonly table: 'raw' | 'mangle' | 'filter';
  /**
   * The endpoint, or a role bound per run: `'backend'` (the backend the path runs for),
   * `'source'` / `'destination'` (the flow's source / destination pod). Roles let every flow
   * between two nodes share one plan.
   */
  readonly endpoint: EndpointModel | EndpointRole;
  readonly chain: ChainClass;
  readonly direction: Direction;
  readonly view: PacketView;
  readonly ifMarked: IfMarked;
  readonly onAllow: 'continue' | 'mark' | 'notrack';
  readonly onNone: 'continue' | 'deny';
}

/**
 * An endpoint named by its role in the flow, bound when a plan runs.
 *
 * @example
 * ```ts
 * // world: pods web (10.1.0.10) on node-1 and db (10.1.0.20) on node-2; packet: TCP 10.1.0.10 → 10.1.0.20:5432
 * const [plan] = planPaths(world.model, topologyOf(world.model, packet, undefined));
 * plan?.hooks.flatMap((h) => (h.kind === 'chain' ? [h.endpoint] : [])); // ['source', 'destination']
 * ```
 */
export type EndpointRole = 'backend' | 'source' | 'destination';

/**
 * The pods a flow binds the `'source'` / `'destination'` roles to (from its topology).
 *
 * @example
 * ```ts
 * // world: pods web (10.1.0.10) on node-1 and db (10.1.0.20) on node-2; packet: TCP 10.1.0.10 → 10.1.0.20:5432
 * const { bind } = new PlanCache(world.model).bound(packet);
 * [bind.source?.name, bind.destination?.name]; // ['web', 'db']
 * ```
 */
export interface RoleBinding {
  readonly source: WorkloadEndpointModel | undefined;
  readonly destination: WorkloadEndpointModel | undefined;
}

/**
 * kube-proxy's DNAT (nat PREROUTING / OUTPUT): the frontend the original destination hit; the
 * packet becomes the backend the path runs for (one of the plan's `backends`). Later hooks with
 * view `postDnat` see the backend.
 *
 * @example
 * ```ts
 * // world: nodes node-1, node-2 with HEPs node-1-eth1, node-2-eth1 (203.0.113.11, .12); pod web (10.1.0.10)
 * // on node-1 behind NodePort service prod/web (80 → 8080, nodePort 30080); packet: 198.51.100.7 → 203.0.113.12:30080
 * const [plan] = planPaths(world.model, topologyOf(world.model, packet, undefined));
 * plan?.hooks[4]; // { kind: 'dnat', node: 'node-2', frontend: { kind: 'nodePort', servicePort: <prod/web TCP 80> } }
 * ```
 */
export interface DnatHook {
  readonly kind: 'dnat';
  readonly node: string | undefined;
  readonly frontend: Frontend;
}

/**
 * Source NAT in nat POSTROUTING as a packet leaves `node` (after filter FORWARD): Felix's
 * natOutgoing (`cali-POSTROUTING` sits above kube-proxy's chain), then kube-proxy's
 * SNAT/MASQUERADE. The first rule that matches the (post-DNAT) packet makes its source the
 * rule's address for hooks with view `postSnat`; when none matches, the source stays (§5; natOutgoing in docs/semantics.md).
 *
 * @example
 * ```ts
 * // world: nodes node-1, node-2 with HEPs node-1-eth1, node-2-eth1 (203.0.113.11, .12); pod web (10.1.0.10)
 * // on node-1 behind NodePort service prod/web (80 → 8080, nodePort 30080); packet: 198.51.100.7 → 203.0.113.12:30080
 * const [plan] = planPaths(world.model, topologyOf(world.model, packet, undefined));
 * plan?.hooks[6];
 * // { kind: 'snat', node: 'node-2', rules: [{ address: <10.0.0.12>, reason: 'kube-proxy SNAT: backend on node-1,
 * //   externalTrafficPolicy Cluster: source becomes 10.0.0.12 (node node-2) (§5)' }] }
 * ```
 */
export interface SnatHook {
  readonly kind: 'snat';
  readonly node: string;
  readonly rules: readonly SnatRule[];
}

/**
 * One source NAT rule of a {@link SnatHook}: for every packet (`when` absent: kube-proxy marked
 * the connection when it DNAT'd it), or for a packet from an address in `when.sourceIn` to one
 * in none of `when.destinationNotIn` (Felix natOutgoing's IP sets).
 *
 * @example
 * ```ts
 * // world: IPPool default-ipv4-ippool (10.244.0.0/16, natOutgoing: true); node-1 at 10.0.0.11
 * const rule: SnatRule = natOutgoingRules(world.model, 'node-1')[0]!;
 * [rule.address.text, rule.when?.sourceIn.map((c) => c.text)]; // ['10.0.0.11', ['10.244.0.0/16']]
 * ```
 */
export interface SnatRule {
  readonly address: Ip;
  readonly reason: string;
  readonly when?: { readonly sourceIn: readonly Cidr[]; readonly destinationNotIn: readonly Cidr[] };
}

/**
 * A step whose outcome does not depend on policy: host → local pod (always allowed, §3.3),
 * DefaultEndpointToHostAction (§4.7), leaving the model, an unpoliced interface (§4.1), a
 * service without backends (§5). `verdict` ends the path (absent: the path goes on);
 * `decides` says whether it is the path's decision (`ifUndecided`: only when nothing else
 * decided, as for leaving the model).
 *
 * @example
 * ```ts
 * // world: node-1 (10.0.0.11) runs pod web (10.1.0.10); packet: TCP 10.0.0.11 → 10.1.0.10:8080
 * planPaths(world.model, topologyOf(world.model, packet, undefined))[0]?.hooks;
 * // [{ kind: 'outcome', stage: 'hostToWorkload', action: 'allow', verdict: 'Allow', decides: 'always',
 * //    reason: 'host → local workload is always allowed; workload ingress policy is not applied (§3.3)',
 * //    endpoint: 'destination' }]
 * ```
 */
export interface OutcomeHook {
  readonly kind: 'outcome';
  readonly stage: Stage;
  readonly action: StepAction;
  readonly verdict: 'Allow' | 'Deny' | undefined;
  readonly decides: 'always' | 'ifUndecided' | 'never';
  readonly reason: string;
  readonly endpoint?: EndpointRef | EndpointRole;
}

/**
 * One packet Felix drops as encapsulation: VXLAN (UDP to FelixConfiguration `vxlanPort`) or IPIP
 * (IP protocol 4, any port). `dstPort` undefined matches every packet of `protocol`; `reason`
 * names the FelixConfiguration fields, for the trace and the path's decision.
 *
 * @example
 * ```ts
 * // world: FelixConfiguration default with vxlanPort 8472; pods web (10.1.0.10), db (10.1.0.20)
 * const [plan] = planPaths(world.model, topologyOf(world.model, packet, undefined));
 * const encap = plan?.hooks.find((h): h is EncapHook => h.kind === 'encap');
 * encap?.drops.map((d: EncapDrop) => [d.encap, d.protocol, d.dstPort]); // [['VXLAN', 17, 8472], ['IPIP', 4, undefined]]
 * ```
 */
export interface EncapDrop {
  readonly encap: 'VXLAN' | 'IPIP';
  readonly protocol: number;
  readonly dstPort: number | undefined;
  readonly reason: string;
}

/**
 * Felix's drop of encapsulated packets a workload sends, at the top of its egress chain
 * (`cali-fw-*`), before any policy: `felix/rules/endpoints.go` `endpointIptablesChain`, which
 * `WorkloadEndpointToIptablesChains` asks for on the from-workload chain unless FelixConfiguration
 * `allowVXLANPacketsFromWorkloads` / `allowIPIPPacketsFromWorkloads` (the encapsulation could
 * bypass egress policy; the to-workload chain always allows it). A packet matching one of
 * `drops` ends the path (Deny, decided at `stage`); any other packet goes on to the egress
 * chain. Planned right before the source pod's `workloadEgress` chain hook, on the same view.
 *
 * @example
 * ```ts
 * // world: pods web (10.1.0.10) and db (10.1.0.20), FelixConfiguration defaults; packet: UDP 10.1.0.10 → 10.1.0.20:4789
 * const [plan] = planPaths(world.model, topologyOf(world.model, packet, undefined));
 * plan?.hooks.map((h) => h.kind); // ['encap', 'chain', 'chain']
 * plan?.hooks[0];
 * // { kind: 'encap', stage: 'workloadEgress', endpoint: 'source', view: 'original',
 * //   drops: [{ encap: 'VXLAN', protocol: 17, dstPort: 4789, reason: 'VXLAN packet (UDP to vxlanPort 4789) from a workload … ' },
 * //           { encap: 'IPIP', protocol: 4, dstPort: undefined, reason: 'IPIP packet (IP protocol 4) from a workload … ' }] }
 * ```
 */
export interface EncapHook {
  readonly kind: 'encap';
  readonly stage: 'workloadEgress';
  readonly endpoint: 'source';
  readonly view: PacketView;
  readonly drops: readonly EncapDrop[];
}

/**
 * Felix's static rules at the top of filter INPUT / OUTPUT, ahead of the workload and host
 * endpoint dispatch (`felix/rules/static.go` `filterInputChain`, `FilterInputChainAllowWG`,
 * `filterOutputChain`): with IPIP or VXLAN on, accept tunnel packets from (INPUT) or to (OUTPUT)
 * Calico hosts and, going in, drop them from anyone else; with WireGuard on, accept UDP to the
 * listening port ("it's too easy to make a host policy that blocks … traffic"). The first rule
 * that matches the packet decides: an accept passes over the next `skips` hooks (the rest of that
 * chain) and decides the path at `stage`, a drop ends it; any other packet goes on to them.
 *
 * @example
 * ```ts
 * // world: FelixConfiguration default with wireguardEnabled: true; node-2 (10.0.0.12) with HEP node-2-eth0;
 * // packet: UDP 10.0.0.11:51820 → 10.0.0.12:51820
 * const [plan] = planPaths(world.model, topologyOf(world.model, packet, undefined));
 * plan?.hooks.find((h) => h.kind === 'hostStatic');
 * // { kind: 'hostStatic', stage: 'hostEgress', node: 'node-1', view: 'original', ifMarked: 'skip',
 * //   rules: [{ protocol: 17, dstPort: 51820, version: 4, peerIn: undefined, action: 'allow', reason: 'WireGuard packet …' }], skips: 2 }
 * ```
 */
export interface HostStaticHook {
  readonly kind: 'hostStatic';
  readonly stage: 'hostIngress' | 'hostEgress';
  readonly node: string;
  readonly view: PacketView;
  readonly ifMarked: IfMarked;
  readonly rules: readonly HostStaticRule[];
  readonly skips: number;
}

/**
 * One rule of a {@link HostStaticHook}: an IP protocol, a UDP destination port (VXLAN,
 * WireGuard; undefined for IPIP), the IP version it is rendered for, and the peer's set (the
 * source going in, the destination going out; undefined: anyone).
 *
 * @example
 * ```ts
 * // world: IPPool default-ipv4-ippool (ipipMode: Always); nodes node-1 (10.0.0.11), node-2 (10.0.0.12)
 * hostStaticRules(world.model, 'hostIngress').map((r) => `${r.action} ${r.protocol} from ${r.peerIn?.map((c) => c.text) ?? 'anyone'}`);
 * // ['allow 4 from 10.0.0.11/32,10.0.0.12/32', 'deny 4 from anyone']
 * ```
 */
export interface HostStaticRule {
  readonly protocol: number;
  readonly dstPort: number | undefined;
  /** ICMP types it accepts (ICMPv6 router traffic from a pod to its host); absent: any packet. */
  readonly icmpTypes?: readonly number[];
  readonly version: 4 | 6;
  readonly peerIn: readonly Cidr[] | undefined;
  readonly action: 'allow' | 'deny';
  readonly reason: string;
}

/**
 * Felix's service loop prevention at the end of filter FORWARD on `node` (`cali-cidr-block`, after
 * the endpoint dispatch chains, `felix/rules/static.go` `StaticFilterForwardChains`): a forwarded
 * packet whose destination (as `view` sees it) is in one of `cidrs`, the service CIDRs Calico
 * advertises, was not DNAT'd by kube-proxy (no such service or port) and is dropped (`reason`)
 * whatever policy allowed; any other packet goes on.
 *
 * @example
 * ```ts
 * // world: BGPConfiguration default with serviceClusterIPs [{ cidr: 10.96.0.0/12 }]; pod web on node-1
 * // packet: TCP 10.1.0.10 → 10.96.0.99:80 (no such service)
 * const [plan] = planPaths(world.model, topologyOf(world.model, packet, undefined));
 * plan?.hooks.find((h) => h.kind === 'serviceLoop')?.cidrs.map((c) => c.text); // ['10.96.0.0/12']
 * ```
 */
export interface ServiceLoopHook {
  readonly kind: 'serviceLoop';
  readonly node: string;
  readonly view: PacketView;
  readonly cidrs: readonly Cidr[];
  readonly reason: string;
}

/**
 * One hook of a path, a discriminated union on `kind`.
 *
 * @example
 * ```ts
 * const kinds = plan.hooks.map((h: Hook) => h.kind); // e.g. ['failsafe', 'chain', 'dnat', 'encap', 'chain']
 * ```
 */
export type Hook =
  | FailsafeHook
  | ChainHook
  | EncapHook
  | HostStaticHook
  | DnatHook
  | SnatHook
  | ServiceLoopHook
  | OutcomeHook;

/**
 * One way a flow can go: where it enters (node and HEP, when it enters from outside), the
 * backends kube-proxy may pick here (when DNAT'd: the plan runs once per backend, and hooks
 * naming `'backend'` mean that backend — backends on one node share a plan), and the ordered
 * hooks. A run ends Allow unless a hook denies or an outcome hook says otherwise.
 *
 * @example
 * ```ts
 * const plans: readonly PathPlan[] = planPaths(world.model, topology);
 * plans[0]?.hooks.length;
 * ```
 */
export interface PathPlan {
  /** Where the path starts, as the trace names it (the source pod, the host, or the entry HEP). */
  readonly entry: EndpointRef | 'source' | undefined;
  /** The node and HEP a packet from outside enters through (both undefined otherwise). */
  readonly entryNode: string | undefined;
  readonly entryHep: HostEndpointModel | undefined;
  /** Empty when the path has no DNAT. */
  readonly backends: readonly BackendModel[];
  readonly hooks: readonly Hook[];
}
