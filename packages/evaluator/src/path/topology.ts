/**
 * The topology of a flow: everything its packet path depends on besides rule matching — who
 * owns the source, where the destination goes after service lookup, and `via`
 * (calico-semantics.md §4.8, §5). Flows with the same topology key cross the same hooks.
 */
import type { Packet } from '../match/packet.js';
import { type Ip, ipKey } from '../net/ip.js';
import { nodeAddresses } from '../world/endpoints.js';
import type {
  HostEndpointModel,
  ServicePortModel,
  WorkloadEndpointModel,
  WorldModel,
} from '../world/model.js';
import { hepOwningIp } from './host-endpoints.js';
import { detectedAsPod } from './local-traffic.js';
import { servesNodePorts } from './node-port-addresses.js';
import { type Frontend, findFrontend, workloadOwning } from './targets.js';

/**
 * Who sends the packet: a pod, a node's host namespace (with the HEP owning the source address,
 * which names the outgoing interface), or something outside the model.
 *
 * @example
 * ```ts
 * // world: nodes node-1 (10.0.0.11, HEP node-1-eth1 on 203.0.113.11) and node-2, pods on them
 * sourceOwner(world.model, parseIp('198.51.100.7')!); // { kind: 'external' }
 * sourceOwner(world.model, parseIp('10.0.0.11')!).kind; // 'node'
 * ```
 */
export type SourceOwner =
  | {
      readonly kind: 'pod';
      readonly wep: WorkloadEndpointModel;
      /**
       * Set when kube-proxy's local-traffic detector does not take the pod's packet for a pod's
       * (its address outside the cluster CIDR, `path/local-traffic.ts`): its service plans differ.
       */
      readonly undetected?: true;
    }
  | { readonly kind: 'node'; readonly node: string; readonly hep: HostEndpointModel | undefined }
  | { readonly kind: 'external' };

/**
 * Where the packet goes before DNAT: a service frontend (and the node whose address carries a
 * nodePort), or directly a pod, a node's host namespace (with the HEP owning the address), or
 * outside the model.
 *
 * @example
 * ```ts
 * // world: nodes node-1 (10.0.0.11, HEP node-1-eth1 on 203.0.113.11) and node-2, pods on them
 * // packet: TCP 198.51.100.7 → 203.0.113.11:22
 * destinationOwner(world.model, packet); // { kind: 'node', node: 'node-1', hep: <HEP node-1-eth1> }
 * ```
 */
export type DestinationOwner =
  | {
      readonly kind: 'frontend';
      readonly frontend: Frontend;
      /** The node owning the frontend address (a nodePort's node; a VIP on a HEP's expectedIPs). */
      readonly node: string | undefined;
      /** The HEP whose expectedIPs hold the frontend address, if any. */
      readonly hep: HostEndpointModel | undefined;
      /** The IP version of the frontend address (a v4 frontend only DNATs to v4 backends). */
      readonly version: 4 | 6;
    }
  | { readonly kind: 'pod'; readonly wep: WorkloadEndpointModel }
  | { readonly kind: 'node'; readonly node: string; readonly hep: HostEndpointModel | undefined }
  | { readonly kind: 'external' };

/**
 * The topology of a flow (see the module comment). `key` identifies its plans: a pod counts by
 * its node (plans name it by role, `'source'` / `'destination'`), so flows between the pods of
 * two nodes share one key and one list of plans.
 *
 * @example
 * ```ts
 * // world: nodes node-1 (10.0.0.11, HEP node-1-eth1 on 203.0.113.11) and node-2, pods on them
 * // packet: TCP 198.51.100.7 → 203.0.113.11:22
 * const t = topologyOf(world.model, packet, undefined);
 * [t.source.kind, t.destination.kind, t.key]; // ['external', 'node', 'x>nnode-1/4'] (4: the HEP's id)
 * ```
 */
export interface Topology {
  readonly key: string;
  readonly source: SourceOwner;
  readonly destination: DestinationOwner;
  readonly via: { readonly node: string; readonly interface?: string | undefined } | undefined;
}

function sourceKey(s: SourceOwner): string {
  switch (s.kind) {
    case 'pod':
      return `p@${s.wep.node ?? ''}${s.undetected ? '!' : ''}`;
    case 'node':
      return `n${s.node}/${s.hep?.id ?? ''}`;
    case 'external':
      return 'x';
  }
}

function destinationKey(d: DestinationOwner): string {
  switch (d.kind) {
    case 'frontend': {
      const sp = d.frontend.servicePort;
      return `f${d.frontend.kind}/${sp.service.namespace}/${sp.service.name}/${sp.protocol}/${sp.port}/${d.node ?? ''}/${d.hep?.id ?? ''}/${d.version}`;
    }
    case 'pod':
      return `p@${d.wep.node ?? ''}`;
    case 'node':
      return `n${d.node}/${d.hep?.id ?? ''}`;
    case 'external':
      return 'x';
  }
}

/**
 * Builds a topology (and its key) from its parts.
 *
 * @example
 * ```ts
 * makeTopology({ kind: 'external' }, { kind: 'external' }, undefined).key; // 'x>x'
 * ```
 */
export function makeTopology(
  source: SourceOwner,
  destination: DestinationOwner,
  via: Topology['via'],
): Topology {
  const v = via ? `@${via.node}/${via.interface ?? ''}` : '';
  // A pod's packet to its own address has its own plan (`podPlans`: loopback).
  const to =
    source.kind === 'pod' && destination.kind === 'pod' && source.wep === destination.wep
      ? 'self'
      : destinationKey(destination);
  return { key: `${sourceKey(source)}>${to}${v}`, source, destination, via };
}

/**
 * Who owns a source address.
 *
 * @example
 * ```ts
 * sourceOwner(world.model, parseIp('10.1.0.10')!).kind; // 'pod'
 * ```
 */
export function sourceOwner(world: WorldModel, ip: Ip): SourceOwner {
  const wep = workloadOwning(world, ip);
  // Pods of one node share plans, except where kube-proxy tells them apart (`podPlans`).
  if (wep)
    return detectedAsPod(world, wep, ip.version)
      ? { kind: 'pod', wep }
      : { kind: 'pod', wep, undetected: true };
  const node = world.nodeByIp.get(ipKey(ip));
  if (node !== undefined) return { kind: 'node', node, hep: hepOwningIp(world, ip, node) };
  return { kind: 'external' };
}

/**
 * Where a packet's destination goes: a service frontend first (kube-proxy DNATs before routing),
 * else the owner of the address.
 *
 * @example
 * ```ts
 * destinationOwner(world.model, packet).kind; // 'frontend' for a ClusterIP:port
 * ```
 */
export function destinationOwner(world: WorldModel, pkt: Packet): DestinationOwner {
  const frontend = findFrontend(world, pkt);
  if (frontend) {
    const node = world.nodeByIp.get(ipKey(pkt.dst));
    const hep = node === undefined ? undefined : hepOwningIp(world, pkt.dst, node);
    return { kind: 'frontend', frontend, node, hep, version: pkt.dst.version };
  }
  return addressOwner(world, pkt.dst);
}

/**
 * The owner of a (post-DNAT) destination address.
 *
 * @example
 * ```ts
 * addressOwner(world.model, parseIp('203.0.113.11')!).kind; // 'node'
 * ```
 */
export function addressOwner(world: WorldModel, ip: Ip): Exclude<DestinationOwner, { kind: 'frontend' }> {
  const wep = workloadOwning(world, ip);
  if (wep) return { kind: 'pod', wep };
  const node = world.nodeByIp.get(ipKey(ip));
  if (node !== undefined) return { kind: 'node', node, hep: hepOwningIp(world, ip, node) };
  return { kind: 'external' };
}

/**
 * The topology of one packet.
 *
 * @example
 * ```ts
 * topologyOf(world.model, packet, { node: 'node-1', interface: 'eth1' }).key;
 * ```
 */
export function topologyOf(world: WorldModel, pkt: Packet, via: Topology['via']): Topology {
  return makeTopology(sourceOwner(world, pkt.src), destinationOwner(world, pkt), via);
}

/**
 * A region of the address space with one owner: the addresses (exact IPs) that make a packet's
 * source or destination that owner. `external` stands for every address not listed.
 *
 * @example
 * ```ts
 * // world: nodes node-1 (10.0.0.11, HEP node-1-eth1 on 203.0.113.11) and node-2, pods on them
 * ownerRegions(world.model).map((r) => `${r.owner.kind}: ${r.ips.map((ip) => ip.text).join(' ')}`);
 * // ['pod: 10.1.0.10', …, 'node: 10.0.0.11', 'node: 203.0.113.11', …, 'external: ']
 * ```
 */
export interface OwnerRegion {
  readonly owner: SourceOwner;
  readonly ips: readonly Ip[];
}

/**
 * A service frontend key: the address, protocol and port that DNAT a packet (for a nodePort,
 * every address of `node`).
 *
 * @example
 * ```ts
 * // world: NodePort service prod/web (clusterIP 10.96.0.10:80, nodePort 30080) and node-1 (10.0.0.11)
 * frontendRegions(world.model).map((r) => `${r.frontend.kind} ${r.ips.map((ip) => ip.text)}:${r.port}`);
 * // ['clusterIP 10.96.0.10:80', 'nodePort 10.0.0.11:30080', …]: one region per node (and HEP) for the nodePort
 * ```
 */
export interface FrontendRegion {
  readonly frontend: Frontend;
  readonly node: string | undefined;
  readonly hep: HostEndpointModel | undefined;
  readonly ips: readonly Ip[];
  readonly version: 4 | 6;
  readonly protocol: number;
  readonly port: number;
}

/**
 * The frontend regions of a world: every (clusterIP / LB / externalIP, protocol, port), every
 * (node address, nodePort) and every pod's (node address, hostPort), grouped by the node and HEP owning the address and the IP version.
 *
 * @example
 * ```ts
 * frontendRegions(world.model).length;
 * ```
 */
export function frontendRegions(world: WorldModel): FrontendRegion[] {
  const out = new Map<string, { -readonly [K in keyof FrontendRegion]: FrontendRegion[K] } & { ips: Ip[] }>();
  const add = (sp: ServicePortModel, kind: Frontend['kind'], ip: Ip, port: number, i: number) => {
    // An address two Services claim is one region, of the claim `findFrontend` gives (with rivals).
    const indexed: Frontend | undefined =
      kind === 'nodePort' || kind === 'hostPort'
        ? undefined
        : world.frontends.get(`${ipKey(ip)}|${sp.protocol}|${port}`);
    if (indexed !== undefined && (indexed.servicePort !== sp || indexed.kind !== kind)) return;
    const node = world.nodeByIp.get(ipKey(ip));
    const hep = node === undefined ? undefined : hepOwningIp(world, ip, node);
    const contested = indexed?.rivals === undefined ? '' : `/${ipKey(ip)}`;
    const k = `${i}/${kind}/${node ?? ''}/${hep?.id ?? ''}/${ip.version}${contested}`;
    const r = out.get(k);
    if (r) r.ips.push(ip);
    else
      out.set(k, {
        frontend: indexed ?? { servicePort: sp, kind },
        node,
        hep,
        ips: [ip],
        version: ip.version,
        protocol: sp.protocol,
        port,
      });
  };
  world.servicePorts.forEach((sp, i) => {
    for (const ip of sp.clusterIPs) add(sp, 'clusterIP', ip, sp.port, i);
    for (const ip of sp.loadBalancerIPs) add(sp, 'loadBalancer', ip, sp.port, i);
    for (const ip of sp.externalIPs) add(sp, 'externalIP', ip, sp.port, i);
    if (sp.nodePort === undefined) return;
    for (const n of world.nodes.values())
      for (const ip of nodeAddresses(n))
        if (servesNodePorts(world, n.name, ip)) add(sp, 'nodePort', ip, sp.nodePort, i);
  });
  const first = world.servicePorts.length;
  world.hostPorts.forEach((h, j) => {
    for (const ip of h.ips) add(h.servicePort, 'hostPort', ip, h.servicePort.port, first + j);
  });
  return [...out.values()];
}

/**
 * The owner regions of a world: one per pod, one per (node, HEP owning the address), and
 * `external` for the rest. A flow's source and (frontend-free) destination each fall in exactly
 * one, so the analysis package can iterate topologies region by region.
 *
 * @example
 * ```ts
 * ownerRegions(world.model).map((r) => r.owner.kind);
 * ```
 */
export function ownerRegions(world: WorldModel): OwnerRegion[] {
  const out: OwnerRegion[] = [];
  for (const wep of world.workloads) out.push({ owner: { kind: 'pod', wep }, ips: wep.ips });
  const byNode = new Map<string, { node: string; hep: HostEndpointModel | undefined; ips: Ip[] }>();
  const seen = new Set<string>();
  const addNodeIp = (node: string, ip: Ip) => {
    if (seen.has(ip.key) || workloadOwning(world, ip)) return;
    seen.add(ip.key);
    const hep = hepOwningIp(world, ip, node);
    const k = `${node}/${hep?.id ?? ''}`;
    let r = byNode.get(k);
    if (!r) {
      r = { node, hep, ips: [] };
      byNode.set(k, r);
    }
    r.ips.push(ip);
  };
  for (const n of world.nodes.values()) for (const ip of nodeAddresses(n)) addNodeIp(n.name, ip);
  for (const h of world.hostEndpoints) for (const ip of h.expectedIPs) addNodeIp(h.node, ip);
  for (const r of byNode.values())
    out.push({ owner: { kind: 'node', node: r.node, hep: r.hep }, ips: r.ips });
  out.push({ owner: { kind: 'external' }, ips: [] });
  return out;
}

/**
 * Every distinct topology of a world without `via`: each source region × each destination
 * (owner regions and frontend regions). A generator: large worlds have many.
 *
 * @example
 * ```ts
 * for (const t of enumerateTopologies(world.model)) planPaths(world.model, t);
 * ```
 */
export function* enumerateTopologies(world: WorldModel): Generator<Topology> {
  const owners = ownerRegions(world);
  const destinations: DestinationOwner[] = [
    ...owners.map((r): DestinationOwner => r.owner),
    ...frontendRegions(world).map(
      (f): DestinationOwner => ({
        kind: 'frontend',
        frontend: f.frontend,
        node: f.node,
        hep: f.hep,
        version: f.version,
      }),
    ),
  ];
  for (const s of owners) for (const d of destinations) yield makeTopology(s.owner, d, undefined);
}
