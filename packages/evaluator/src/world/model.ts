/**
 * The normalised world: what Felix and kube-proxy know after reading the manifests. Built once by
 * `buildModel`; engines and the packet path only read it.
 */
import type { Action, Issue } from '@calico-dsl/core';
import type { Cidr, Ip } from '../net/ip.js';
import type { LabelMap, Matcher } from './selector.js';

/**
 * A named port an endpoint declares (§1.3).
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const ports: readonly NamedPortModel[] = cluster.model.workloads[0]?.ports ?? [];
 * ports.find((p) => p.name === 'http')?.port; // e.g. 8080
 * ```
 */
export interface NamedPortModel {
  readonly name: string;
  readonly protocol: number;
  readonly port: number;
}

/**
 * A pod with an IP: a Calico WorkloadEndpoint (§1.1).
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const web: WorkloadEndpointModel | undefined = cluster.model.workloads.find(
 *   (w) => w.namespace === 'prod' && w.name === 'web',
 * );
 * web?.ips[0]?.text; // e.g. '10.244.1.7'
 * ```
 */
export interface WorkloadEndpointModel {
  readonly kind: 'WorkloadEndpoint';
  readonly id: number;
  readonly name: string;
  readonly namespace: string;
  readonly node: string | undefined;
  readonly serviceAccount: string | undefined;
  readonly ips: readonly Ip[];
  /** Own labels plus implicit ones, then inherited profile labels (own win). */
  readonly labels: LabelMap;
  readonly profiles: readonly string[];
  readonly ports: readonly NamedPortModel[];
}

/**
 * A HostEndpoint (§1.1, §4.1).
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const eth1: HostEndpointModel | undefined = cluster.model.hostEndpoints.find((h) => h.interfaceName === 'eth1');
 * ```
 */
export interface HostEndpointModel {
  readonly kind: 'HostEndpoint';
  readonly id: number;
  readonly name: string;
  readonly node: string;
  /** `undefined` when matched by expectedIPs only; `'*'` for the all-interfaces HEP. */
  readonly interfaceName: string | undefined;
  readonly expectedIPs: readonly Ip[];
  readonly labels: LabelMap;
  readonly profiles: readonly string[];
  readonly ports: readonly NamedPortModel[];
}

/**
 * An endpoint policies can select.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const ep: EndpointModel | undefined = cluster.model.endpoints[0];
 * if (ep?.kind === 'WorkloadEndpoint') ep.namespace; // narrowed to WorkloadEndpointModel
 * ```
 */
export type EndpointModel = WorkloadEndpointModel | HostEndpointModel;

/**
 * A (Global)NetworkSet: only ever matched by rule selectors (§1.1).
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const globalSets: NetworkSetModel[] = cluster.model.networkSets.filter((s) => s.kind === 'GlobalNetworkSet');
 * ```
 */
export interface NetworkSetModel {
  readonly kind: 'NetworkSet' | 'GlobalNetworkSet';
  readonly name: string;
  readonly namespace: string | undefined;
  readonly nets: readonly Cidr[];
  readonly labels: LabelMap;
}

/**
 * Anything a rule selector can match by IP (§1.2).
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const selectable: EntityModel[] = [...cluster.model.endpoints, ...cluster.model.networkSets];
 * ```
 */
export type EntityModel = EndpointModel | NetworkSetModel;

/**
 * The overlay tunnels Felix runs, which decide its static filter rules for IPIP and VXLAN
 * packets (`felix/rules/static.go`): IPIP (IPv4 only), VXLAN over IPv4 and over IPv6.
 *
 * @example
 * ```ts
 * // world: IPPool default-ipv4-ippool (10.244.0.0/16, vxlanMode: Always)
 * world.model.tunnels; // { ipip: false, vxlan: true, vxlanV6: false }
 * ```
 */
export interface TunnelsModel {
  readonly ipip: boolean;
  readonly vxlan: boolean;
  readonly vxlanV6: boolean;
}

/**
 * Felix's service loop prevention: forwarded packets to the service CIDRs Calico advertises over
 * BGP (BGPConfiguration `default`) that kube-proxy did not DNAT are dropped (`Drop`) or rejected
 * (`Reject`) at the end of filter FORWARD, whatever policy allowed.
 *
 * @example
 * ```ts
 * // world: BGPConfiguration default with serviceClusterIPs [{ cidr: 10.96.0.0/12 }]
 * world.model.serviceLoop?.cidrs.map((c) => c.text); // ['10.96.0.0/12']
 * ```
 */
export interface ServiceLoopModel {
  readonly cidrs: readonly Cidr[];
  readonly action: 'Drop' | 'Reject';
}

/**
 * An IPPool with `natOutgoing`: its name and CIDR (a member of Felix's `masq-ipam-pools` set).
 *
 * @example
 * ```ts
 * // world: IPPool default-ipv4-ippool (10.244.0.0/16, natOutgoing: true)
 * world.model.natOutgoing?.pools.map((p) => `${p.name} ${p.cidr.text}`); // ['default-ipv4-ippool 10.244.0.0/16']
 * ```
 */
export interface NatOutgoingPoolModel {
  readonly name: string;
  readonly cidr: Cidr;
}

/**
 * Felix's natOutgoing masquerade (`felix/rules/nat.go` `cali-nat-outgoing` in nat POSTROUTING,
 * its IP sets from `felix/dataplane/linux/masq_mgr.go`): a packet from an address in a
 * natOutgoing IPPool to an address in none of `exempt` leaves its node with the node's address
 * (or FelixConfiguration `natOutgoingAddress`) as its source.
 *
 * @example
 * ```ts
 * // world: IPPool default-ipv4-ippool (10.244.0.0/16, natOutgoing: true)
 * const nat = world.model.natOutgoing;
 * nat?.exempt.map((c) => c.text); // ['10.244.0.0/16']: every IPPool but LoadBalancer-only ones
 * nat?.address; // undefined: masquerade to the node's own address
 * ```
 */
export interface NatOutgoingModel {
  /** The IPPools with natOutgoing (`masq-ipam-pools`), of both IP versions. */
  readonly pools: readonly NatOutgoingPoolModel[];
  /**
   * Destinations never masqueraded: every IPPool but LoadBalancer-only ones (`all-ipam-pools`)
   * and, with FelixConfiguration `natOutgoingExclusions: IPPoolsAndHostIPs`, every node's
   * address and `externalNodesList` (`all-hosts-net`).
   */
  readonly exempt: readonly Cidr[];
  /** FelixConfiguration `natOutgoingAddress` (IPv4): the SNAT source instead of the node's address. */
  readonly address: Ip | undefined;
}

/**
 * A WireGuard listening port of one IP version: UDP to it, to or from a local address, is
 * accepted in Felix's filter INPUT and OUTPUT before any host endpoint policy.
 *
 * @example
 * ```ts
 * // world: FelixConfiguration default with wireguardEnabled: true
 * const wg: readonly WireguardPortModel[] = world.model.wireguardPorts; // [{ version: 4, port: 51820 }]
 * ```
 */
export interface WireguardPortModel {
  readonly version: 4 | 6;
  readonly port: number;
}

/**
 * A Kubernetes node and its addresses.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const worker: NodeModel | undefined = cluster.model.nodes.get('worker-1');
 * worker?.internalIPs[0]?.text; // e.g. '10.0.0.5'
 * ```
 */
export interface NodeModel {
  readonly name: string;
  /**
   * Its status InternalIPs, then the addresses calico-node recorded for it (`bgpAddresses`) that
   * its status does not list, then the IPs of its hostNetwork pods it does not list.
   */
  readonly internalIPs: readonly Ip[];
  readonly externalIPs: readonly Ip[];
  /**
   * The addresses of Calico's tunnel devices on the node (IPIP `tunl0`, VXLAN, WireGuard), from
   * the annotations Calico writes on the Node: the host's own (its packets from `tunl0` carry
   * them), on interfaces only a `*` host endpoint covers.
   */
  readonly tunnelIPs: readonly Ip[];
  /**
   * Its IPIP (`tunl0`) and VXLAN (`vxlan.calico`, `vxlan-v6.calico`) addresses by device: the
   * source a packet it masquerades towards a pod behind that tunnel carries.
   */
  readonly overlayIPs: OverlayAddresses;
  /**
   * The address and subnet Calico detected for the node (Node annotations
   * `projectcalico.org/IPv4Address` / `IPv6Address`, e.g. `10.0.0.11/24`): what `CrossSubnet`
   * pools compare to decide whether another node is reached through the tunnel.
   */
  readonly bgpAddresses: NodeBgpAddresses;
}

/**
 * A node's Calico-detected address with its subnet, per IP version (`undefined`: not recorded).
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * cluster.model.nodes.get('node-1')?.bgpAddresses.v4?.cidr.text; // e.g. '10.0.0.0/24'
 * ```
 */
export interface NodeBgpAddresses {
  readonly v4: { readonly ip: Ip; readonly cidr: Cidr } | undefined;
  readonly v6: { readonly ip: Ip; readonly cidr: Cidr } | undefined;
}

/**
 * A node's tunnel device addresses, from the Node annotations Calico writes.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * cluster.model.nodes.get('node-1')?.overlayIPs.ipip?.text; // e.g. '10.244.1.1'
 * ```
 */
export interface OverlayAddresses {
  readonly ipip: Ip | undefined;
  readonly vxlan: Ip | undefined;
  readonly vxlanV6: Ip | undefined;
}

/**
 * An IPPool whose pods other nodes reach through a tunnel (`ipipMode` / `vxlanMode` `Always`, or
 * `CrossSubnet` for nodes outside their subnet, with that tunnel on): kube-proxy's masquerade
 * towards them takes the tunnel device's address.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * cluster.model.overlayPools.map((p) => `${p.cidr.text} ${p.overlay}`); // e.g. ['10.244.0.0/16 ipip']
 * ```
 */
export interface OverlayPoolModel {
  readonly cidr: Cidr;
  readonly overlay: 'ipip' | 'vxlan';
  /** `CrossSubnet`: only nodes outside the sending node's subnet are reached through the tunnel. */
  readonly crossSubnet: boolean;
}

/**
 * What a backend's EndpointSlice says of its node, when that differs from where its address
 * lives: kube-proxy's Local traffic policies compare this name.
 *
 * @example
 * ```ts
 * declare const b: BackendModel;
 * b.sliceNode; // undefined: the slice names the node the address lives on (or no slice)
 * ```
 */
export interface SliceLocality {
  /** The node the EndpointSlice endpoint names when it is not {@link PodBackendModel.node} (`null`: none). */
  readonly sliceNode?: string | null;
}

/**
 * A service backend that is a pod with its own IP: policy applies to its workload endpoint (§5).
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const pods = cluster.model.servicePorts[0]?.backends.filter((b): b is PodBackendModel => b.kind === 'pod');
 * pods?.map((b) => `${b.endpoint.name} ${b.ip.text}:${b.port}`);
 * ```
 */
export interface PodBackendModel extends SliceLocality {
  readonly kind: 'pod';
  readonly endpoint: WorkloadEndpointModel;
  readonly node: string | undefined;
  readonly ip: Ip;
  readonly port: number;
}

/**
 * A service backend on a node address: a hostNetwork pod (or an EndpointSlice address that is a
 * node's). DNAT delivers it to that node's host namespace, so the node's host endpoint policy
 * applies, not a workload chain (§4.8 host-destination rows).
 *
 * @example
 * ```ts
 * const cluster = World.from([
 *   { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' },
 *     status: { addresses: [{ type: 'InternalIP', address: '10.0.0.11' }] } },
 *   { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'exporter', namespace: 'mon', labels: { app: 'exporter' } },
 *     spec: { nodeName: 'node-1', hostNetwork: true }, status: { podIP: '10.0.0.11' } },
 *   { apiVersion: 'v1', kind: 'Service', metadata: { name: 'exporter', namespace: 'mon' },
 *     spec: { selector: { app: 'exporter' }, clusterIP: '10.96.0.20', ports: [{ protocol: 'TCP', port: 80, targetPort: 9100 }] } },
 * ]);
 * const [b] = cluster.model.servicePorts[0]?.backends.filter((x): x is HostBackendModel => x.kind === 'host') ?? [];
 * // { kind: 'host', endpoint: undefined, node: 'node-1', ip: <10.0.0.11>, port: 9100, pod: { namespace: 'mon', name: 'exporter' } }
 * ```
 */
export interface HostBackendModel extends SliceLocality {
  readonly kind: 'host';
  readonly endpoint: undefined;
  readonly node: string;
  readonly ip: Ip;
  readonly port: number;
  /** The hostNetwork pod it came from, when known. */
  readonly pod: { readonly namespace: string; readonly name: string } | undefined;
}

/**
 * A service backend outside the cluster model: an EndpointSlice address that is neither a pod
 * nor a node. DNAT sends the packet out of the cluster.
 *
 * @example
 * ```ts
 * // Service prod/db without a selector; its EndpointSlice names 192.0.2.10, a database outside the cluster.
 * const cluster = World.from([
 *   { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'prod' },
 *     spec: { clusterIP: '10.96.0.30', ports: [{ protocol: 'TCP', port: 5432 }] } },
 *   { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
 *     metadata: { name: 'db-1', namespace: 'prod', labels: { 'kubernetes.io/service-name': 'db' } },
 *     addressType: 'IPv4', endpoints: [{ addresses: ['192.0.2.10'], conditions: { ready: true } }],
 *     ports: [{ protocol: 'TCP', port: 5432 }] },
 * ]);
 * const [b] = cluster.model.servicePorts[0]?.backends.filter((x): x is ExternalBackendModel => x.kind === 'external') ?? [];
 * // { kind: 'external', endpoint: undefined, node: undefined, ip: <192.0.2.10>, port: 5432 }
 * ```
 */
export interface ExternalBackendModel extends SliceLocality {
  readonly kind: 'external';
  readonly endpoint: undefined;
  readonly node: undefined;
  readonly ip: Ip;
  readonly port: number;
}

/**
 * One backend of a service port after kube-proxy's DNAT (§5): a pod, a node address (hostNetwork
 * pod) or an address outside the model. `endpoint` is the workload endpoint of a pod backend.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const backends: readonly BackendModel[] = cluster.model.servicePorts[0]?.backends ?? [];
 * backends.map((b) => `${b.kind} ${b.endpoint?.name ?? b.node ?? 'outside'} ${b.ip.text}:${b.port}`);
 * ```
 */
export type BackendModel = PodBackendModel | HostBackendModel | ExternalBackendModel;

/**
 * Which address of a service a packet was sent to.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const kinds: FrontendKind[] = [...cluster.model.frontends.values()].map((f) => f.kind);
 * ```
 */
export type FrontendKind = 'clusterIP' | 'nodePort' | 'loadBalancer' | 'externalIP' | 'hostPort';

/**
 * A pod's hostPort (the CNI portmap plugin's DNAT, `world/host-ports.ts`): the node addresses it
 * is served on, and a service port of one backend, the pod, with `service` naming the pod.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * cluster.model.hostPorts.map((h) => `${h.ips[0]?.text}:${h.servicePort.port} → ${h.servicePort.backends[0]?.ip.text}`);
 * // ['10.0.0.11:8443 → 10.244.1.5']
 * ```
 */
export interface HostPortModel {
  readonly ips: readonly Ip[];
  readonly servicePort: ServicePortModel;
}

/**
 * One (service port) as kube-proxy programs it.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const http: ServicePortModel | undefined = cluster.model.servicePorts.find(
 *   (sp) => sp.service.namespace === 'prod' && sp.service.name === 'web' && sp.port === 80,
 * );
 * http?.nodePort; // e.g. 30080
 * ```
 */
export interface ServicePortModel {
  readonly service: { readonly name: string; readonly namespace: string };
  readonly protocol: number;
  readonly port: number;
  readonly nodePort: number | undefined;
  /**
   * The IP families kube-proxy programs the Service for (each family has its own proxier):
   * `spec.ipFamilies`, else its cluster IPs' (both for a hand-written Service without them).
   */
  readonly families: readonly (4 | 6)[];
  readonly clusterIPs: readonly Ip[];
  readonly loadBalancerIPs: readonly Ip[];
  readonly externalIPs: readonly Ip[];
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  /**
   * The Service's `spec.loadBalancerSourceRanges` (valid CIDRs, any IP version): kube-proxy DNATs
   * a packet to a load balancer IP only from these sources (`path/dnat-refusal.ts`).
   */
  readonly loadBalancerSourceRanges: readonly Cidr[];
  /** `Local`: in-cluster clients of the ClusterIP use only endpoints on their own node. */
  readonly internalTrafficPolicy: 'Cluster' | 'Local';
  /**
   * What kube-proxy load-balances to from any node: the ready endpoints, or, when none is ready,
   * the serving terminating ones (`pkg/proxy/topology.go` `CategorizeEndpoints`).
   */
  readonly backends: readonly BackendModel[];
  /**
   * Serving, terminating endpoints that are not ready: the externalTrafficPolicy Local fallback
   * on a node with no ready local endpoint.
   */
  readonly terminatingBackends: readonly BackendModel[];
  /** Where the backends come from: the Service's EndpointSlices, or its selector (what the controller would write). */
  readonly endpointSource: 'endpointSlices' | 'selector' | 'none';
  /**
   * Set when an endpoint is listed twice with different conditions or nodeName (world issue
   * `duplicate_endpoint`): kube-proxy keeps one copy, chosen by Go map order, so each entry is
   * what one possible pick gives; `backends` and `terminatingBackends` are then their union.
   */
  readonly alternatives?: readonly EndpointPick[];
}

/**
 * What kube-proxy load-balances a Service port to for one pick among duplicate endpoints (see
 * {@link ServicePortModel.alternatives}).
 *
 * @example
 * ```ts
 * declare const sp: ServicePortModel;
 * sp.alternatives?.map((a) => a.backends.length); // [1, 0]: one pick has w1, the other nothing
 * ```
 */
export interface EndpointPick {
  readonly backends: readonly BackendModel[];
  readonly terminatingBackends: readonly BackendModel[];
}

/**
 * What a `services` rule match compares with (§6.9, `felix/serviceindex/serviceindex.go`
 * membersFromEndpointSlice): every address of the Service's EndpointSlices, whatever their
 * conditions (`source.services`), and each address with each slice port (`destination.services`).
 * Without slices, the slices the EndpointSlice controller would write for the selector.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const web: ServiceMembersModel | undefined = cluster.model.serviceMembers.get('prod/web');
 * web?.ports.map((m) => `${m.ip.text}:${m.port}`); // e.g. ['10.244.1.7:8080']
 * ```
 */
export interface ServiceMembersModel {
  readonly addresses: readonly Ip[];
  readonly ports: readonly { readonly ip: Ip; readonly port: number; readonly protocol: number }[];
}

/**
 * A rule side (source or destination) with its selectors compiled (§6.7).
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const dst: EntityMatchModel | undefined = cluster.model.policies[0]?.ingress[0]?.destination;
 * dst?.selectorText; // e.g. "app == 'api'"
 * ```
 */
export interface EntityMatchModel {
  /**
   * `undefined`: no net criterion (an empty `nets` in the input is none). `[]`: the side matches
   * nothing, because a net or port of it is one Calico refuses (`rules.ts`; the world's issues say
   * which).
   */
  readonly nets: readonly Cidr[] | undefined;
  readonly notNets: readonly Cidr[] | undefined;
  /** Effective positive selector text (namespace terms included) or `undefined`. */
  readonly selectorText: string | undefined;
  readonly selector: Matcher | undefined;
  readonly notSelectorText: string | undefined;
  readonly notSelector: Matcher | undefined;
  readonly ports: PortSetModel | undefined;
  readonly notPorts: PortSetModel | undefined;
  /** `destination.services` / `source.services` (§6.9). */
  readonly services: { readonly name: string; readonly namespace: string } | undefined;
}

/**
 * A `ports` list split into numeric ranges and names (§6.4).
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const ports: PortSetModel | undefined = cluster.model.policies[0]?.ingress[0]?.destination.ports;
 * ports?.ranges; // e.g. [{ min: 30000, max: 32767 }]
 * ```
 */
export interface PortSetModel {
  readonly ranges: readonly { readonly min: number; readonly max: number }[];
  readonly names: readonly string[];
}

/**
 * A rule ready for matching.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const first: RuleModel | undefined = cluster.model.policies[0]?.ingress[0];
 * first?.action; // e.g. 'Deny'
 * ```
 */
export interface RuleModel {
  readonly index: number;
  readonly action: Action;
  /** IP versions this rule can match at all (§6.2). */
  readonly matchesV4: boolean;
  readonly matchesV6: boolean;
  readonly protocol: number | undefined;
  readonly notProtocol: number | undefined;
  readonly icmp: { readonly type?: number; readonly code?: number } | undefined;
  readonly notICMP: { readonly type?: number; readonly code?: number } | undefined;
  readonly source: EntityMatchModel;
  readonly destination: EntityMatchModel;
  /** Features present on the rule that the L3/L4 model does not evaluate (e.g. `http`). */
  readonly unsupported: readonly string[];
}

/**
 * Policy kinds as Felix keys them (§2.2).
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const kinds: PolicyKind[] = cluster.model.policies.map((p) => p.kind);
 * ```
 */
export type PolicyKind =
  | 'GlobalNetworkPolicy'
  | 'NetworkPolicy'
  | 'KubernetesNetworkPolicy'
  | 'StagedGlobalNetworkPolicy'
  | 'StagedNetworkPolicy'
  | 'StagedKubernetesNetworkPolicy'
  | 'KubernetesClusterNetworkPolicy';

/**
 * Every policy kind normalised into one shape.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const firstDefault: PolicyModel | undefined = cluster.model.policiesByTier.get('default')?.[0];
 * firstDefault?.order; // Infinity when the policy has no order
 * ```
 */
export interface PolicyModel {
  readonly kind: PolicyKind;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly tier: string;
  /** `Infinity` when the policy has no order (§2.2). */
  readonly order: number;
  readonly ingressType: boolean;
  readonly egressType: boolean;
  readonly selectorText: string;
  readonly selector: Matcher;
  readonly ingress: readonly RuleModel[];
  readonly egress: readonly RuleModel[];
  readonly preDNAT: boolean;
  readonly doNotTrack: boolean;
  readonly applyOnForward: boolean;
  readonly staged: boolean;
  /** HEAD tie-break key `name/namespace/kind` (§2.2). */
  readonly sortKey: string;
}

/**
 * A tier with its resolved order (§2.1).
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const names: string[] = cluster.model.tiers.map((t: TierModel) => t.name);
 * // e.g. ['security', 'kube-admin', 'default', 'kube-baseline'] with a Tier 'security' of order 100
 * ```
 */
export interface TierModel {
  readonly name: string;
  readonly order: number;
  readonly defaultAction: 'Deny' | 'Pass';
  readonly hasResource: boolean;
}

/**
 * A profile (explicit or implicit kns./ksa.) (§1.1).
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const prod: ProfileModel | undefined = cluster.model.profiles.get('kns.prod');
 * prod?.labelsToApply; // e.g. { 'pcns.team': 'web', … }
 * ```
 */
export interface ProfileModel {
  readonly name: string;
  readonly ingress: readonly RuleModel[];
  readonly egress: readonly RuleModel[];
  readonly labelsToApply: LabelMap;
}

/**
 * One failsafe entry (§4.6).
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const ssh = cluster.model.failsafeInbound.some((f: FailsafePortModel) => f.protocol === 6 && f.port === 22);
 * ```
 */
export interface FailsafePortModel {
  readonly protocol: number;
  readonly port: number;
  readonly net: Cidr | undefined;
}

/**
 * What Felix does with workload → own host traffic after workload egress allowed it (§4.7).
 *
 * @example
 * ```ts
 * World.from([]).model.endpointToHostAction; // 'Accept' (Felix's default)
 * const action: EndpointToHostAction = World.from([], { defaultEndpointToHostAction: 'Drop' }).model.endpointToHostAction;
 * // 'Drop'
 * ```
 */
export type EndpointToHostAction = (typeof ENDPOINT_TO_HOST_ACTIONS)[number];

/**
 * The values FelixConfiguration `defaultEndpointToHostAction` takes (and `World.from`'s option).
 *
 * @example
 * ```ts
 * ENDPOINT_TO_HOST_ACTIONS.includes('Return'); // true
 * ```
 */
export const ENDPOINT_TO_HOST_ACTIONS = ['Drop', 'Return', 'Accept'] as const;

/**
 * FelixConfiguration `ipForwarding`. `Disabled` means Felix leaves the host's
 * `net.ipv4.ip_forward` alone (`int_dataplane.go` `configureKernel`), which Calico documents for
 * hosts that use it for host protection only. The packet path takes such nodes as not
 * forwarding, as Felix's FV test of the setting runs them.
 *
 * @example
 * ```ts
 * World.from([]).model.ipForwarding; // 'Enabled' (Felix's default)
 * ```
 */
export type IpForwarding = 'Enabled' | 'Disabled';

/**
 * The world as the engines and the packet path see it.
 *
 * @example
 * ```ts
 * const model: WorldModel = World.from([tier('security').order(100)]).model;
 * model.tiers.map((t) => t.name); // ['security', 'kube-admin', 'default', 'kube-baseline']: by order (kube-admin is 1000)
 * ```
 */
export interface WorldModel {
  readonly endpoints: readonly EndpointModel[];
  readonly workloads: readonly WorkloadEndpointModel[];
  readonly hostEndpoints: readonly HostEndpointModel[];
  readonly networkSets: readonly NetworkSetModel[];
  readonly nodes: ReadonlyMap<string, NodeModel>;
  readonly servicePorts: readonly ServicePortModel[];
  /**
   * Service frontends by `ipKey|protocol|port` (clusterIP, LB ingress IP, externalIP). `rivals`:
   * other Services claiming the same frontend whose rule kube-proxy may meet first (world issue
   * `service_frontend_conflict`); every one of them is evaluated.
   */
  readonly frontends: ReadonlyMap<
    string,
    {
      readonly servicePort: ServicePortModel;
      readonly kind: FrontendKind;
      readonly rivals?: readonly { readonly servicePort: ServicePortModel; readonly kind: FrontendKind }[];
    }
  >;
  /** `ipKey`s of every service frontend address, so most packets skip the composite lookup. */
  readonly frontendIps: ReadonlySet<string>;
  /** What `services` rule matches compare with, by `namespace/name` (§6.9). */
  readonly serviceMembers: ReadonlyMap<string, ServiceMembersModel>;
  /** Pods' hostPorts, frontends of kind `hostPort` (their addresses are in `frontends`). */
  readonly hostPorts: readonly HostPortModel[];
  /** Service ports by `protocol|nodePort` (served on every node address). */
  readonly nodePorts: ReadonlyMap<string, ServicePortModel>;
  /** Tiers in evaluation order (§2.1). */
  readonly tiers: readonly TierModel[];
  /** Policies per tier name, each list in evaluation order (§2.2). */
  readonly policiesByTier: ReadonlyMap<string, readonly PolicyModel[]>;
  readonly policies: readonly PolicyModel[];
  readonly profiles: ReadonlyMap<string, ProfileModel>;
  readonly failsafeInbound: readonly FailsafePortModel[];
  readonly failsafeOutbound: readonly FailsafePortModel[];
  readonly endpointToHostAction: EndpointToHostAction;
  readonly ipForwarding: IpForwarding;
  /**
   * FelixConfiguration `interfaceExclude` (default `kube-ipvs0`): interfaces no host endpoint
   * governs but the `*` one, as Felix resolves them (`interface-exclude.ts`).
   */
  readonly interfaceExclude: readonly RegExp[];
  /**
   * FelixConfiguration `vxlanPort` (default 4789): the UDP destination port whose packets from
   * a workload Felix drops as VXLAN unless `allowVXLANPacketsFromWorkloads`.
   */
  readonly vxlanPort: number;
  /**
   * FelixConfiguration `allowVXLANPacketsFromWorkloads` / `allowIPIPPacketsFromWorkloads`
   * (default false): whether a workload may send VXLAN (UDP to `vxlanPort`) / IPIP (IP protocol
   * 4) packets. When false, Felix drops them at the top of the workload's egress chain, before
   * any policy (`felix/rules/endpoints.go`: encapsulation could bypass egress policy).
   */
  readonly allowVXLANPacketsFromWorkloads: boolean;
  readonly allowIPIPPacketsFromWorkloads: boolean;
  /**
   * The WireGuard listening ports Felix accepts ahead of host policy, one per IP version with
   * WireGuard on (FelixConfiguration `wireguardEnabled` / `wireguardEnabledV6`, default false;
   * `wireguardListeningPort` / `wireguardListeningPortV6`, default 51820 / 51821). Empty when
   * WireGuard is off.
   */
  readonly wireguardPorts: readonly WireguardPortModel[];
  /**
   * Whether Felix's tracked endpoint chains drop packets conntrack calls INVALID (FelixConfiguration
   * `disableConntrackInvalidCheck`, default false: they do; `felix/rules/endpoints.go`
   * `appendConntrackRules`). What the reply of an untracked request meets (`path/conntrack.ts`).
   */
  readonly conntrackInvalidDrop: boolean;
  /**
   * The tunnels Felix runs: FelixConfiguration `ipipEnabled` / `vxlanEnabled` when set, else from
   * the IPPools' `ipipMode` / `vxlanMode` (`encapsulation_resolver.go`).
   */
  readonly tunnels: TunnelsModel;
  /** The IPPools reached through a tunnel from every other node (see {@link OverlayPoolModel}). */
  readonly overlayPools: readonly OverlayPoolModel[];
  /**
   * Felix's `all-hosts-net` set: each node's published address (first InternalIP, else
   * ExternalIP, per IP version) and FelixConfiguration `externalNodesList` (IPv4).
   */
  readonly calicoHosts: readonly Cidr[];
  /**
   * kube-proxy's KubeProxyConfiguration `iptables.masqueradeAll` (kubeadm's ConfigMap
   * `kube-system/kube-proxy`; default false): every packet to a cluster IP is marked for
   * masquerade, a pod's too.
   */
  readonly kubeProxyMasqueradeAll: boolean;
  /**
   * kube-proxy's cluster CIDRs (KubeProxyConfiguration `clusterCIDR`, one per IP family), which
   * tell a pod's packet from any other (`path/local-traffic.ts`); `[]` when kube-proxy is declared
   * without one (no detector), `undefined` when the world does not say (every pod, and nothing
   * else, is taken to be from the cluster).
   */
  readonly kubeProxyClusterCIDRs: readonly Cidr[] | undefined;
  /**
   * kube-proxy's `nodePortAddresses`: the CIDRs whose node addresses serve node ports, or
   * `'primary'`; `undefined` (the default) for every node address (`path/node-port-addresses.ts`).
   */
  readonly kubeProxyNodePortAddresses: readonly Cidr[] | 'primary' | undefined;
  /** Felix's service loop prevention; undefined when no service CIDR is advertised or it is Disabled. */
  readonly serviceLoop: ServiceLoopModel | undefined;
  /** Felix's natOutgoing masquerade; undefined when no IPPool has natOutgoing. */
  readonly natOutgoing: NatOutgoingModel | undefined;
  /** Exact-IP owners (WEP IPs, HEP expectedIPs, host-route network set entries), by `ipKey`. */
  readonly ipOwners: ReadonlyMap<string, readonly EntityModel[]>;
  /** Network-set CIDRs wider than one address, scanned linearly. */
  readonly netSetRanges: readonly { readonly cidr: Cidr; readonly owner: NetworkSetModel }[];
  /** Node IPs (any address type or HEP expectedIP) → node name. */
  readonly nodeByIp: ReadonlyMap<string, string>;
  readonly issues: readonly Issue[];
}
