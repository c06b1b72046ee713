/** Where a packet is going after kube-proxy's DNAT (calico-semantics.md §5). */
import type { Packet } from '../match/packet.js';
import { type Ip, ipKey } from '../net/ip.js';
import { kubeProxyNode } from '../world/endpoint-slices.js';
import { publishedAddress } from '../world/endpoints.js';
import type {
  BackendModel,
  EndpointPick,
  FrontendKind,
  ServicePortModel,
  WorkloadEndpointModel,
  WorldModel,
} from '../world/model.js';
import { servesNodePorts } from './node-port-addresses.js';

/** A service frontend the original destination hit. */
export interface Frontend {
  readonly servicePort: ServicePortModel;
  readonly kind: FrontendKind;
  /** Other Services' claims on this frontend kube-proxy may meet first (`WorldModel.frontends`). */
  readonly rivals?: readonly Frontend[];
}

/**
 * The service port whose frontend (clusterIP, LB ingress IP, externalIP, or any node IP +
 * nodePort) equals the packet's destination, if any.
 *
 * @example
 * ```ts
 * findFrontend(model, packet)?.servicePort.service.name;
 * ```
 */
export function findFrontend(world: WorldModel, pkt: Packet): Frontend | undefined {
  if (pkt.dstPort === undefined) return undefined;
  if (world.frontendIps.has(pkt.dst.key)) {
    const hit = world.frontends.get(`${pkt.dst.key}|${pkt.protocol}|${pkt.dstPort}`);
    if (hit) return hit;
  }
  const node = world.nodeByIp.get(pkt.dst.key);
  if (node === undefined || !servesNodePorts(world, node, pkt.dst)) return undefined;
  const sp = world.nodePorts.get(`${pkt.protocol}|${pkt.dstPort}`);
  return sp?.families.includes(pkt.dst.version) ? { servicePort: sp, kind: 'nodePort' } : undefined;
}

/**
 * Whether only the node owning the destination address DNATs the frontend: a node port
 * (KUBE-NODEPORTS) or a pod's hostPort (CNI-HOSTPORT-DNAT), both behind `--dst-type LOCAL`.
 * Another node routes the packet there as to that node's address.
 *
 * @example
 * ```ts
 * dnatOnOwningNode({ kind: 'nodePort', servicePort }); // true
 * ```
 */
export function dnatOnOwningNode(f: Frontend): boolean {
  return f.kind === 'nodePort' || f.kind === 'hostPort';
}

/**
 * `nodePort of service prod/web`, or `hostPort of pod prod/ingress`: a frontend in a trace.
 *
 * @example
 * ```ts
 * frontendLabel({ kind: 'clusterIP', servicePort }); // 'clusterIP of service prod/web'
 * ```
 */
export function frontendLabel(f: Frontend): string {
  const s = f.servicePort.service;
  return `${f.kind} of ${f.kind === 'hostPort' ? 'pod' : 'service'} ${s.namespace}/${s.name}`;
}

/**
 * Whether kube-proxy on `node` uses only node-local endpoints for this frontend: a ClusterIP
 * with internalTrafficPolicy Local (whoever sends), or an external frontend (nodePort, LB,
 * externalIP) with externalTrafficPolicy Local for traffic from outside the cluster (pods and
 * hosts reach external frontends through the cluster endpoints) (§5).
 *
 * @example
 * ```ts
 * usesLocalEndpoints(frontend, 'node-1', 'external'); // true for a nodePort with eTP Local
 * ```
 */
export function usesLocalEndpoints(
  f: Frontend,
  node: string | undefined,
  origin: 'inCluster' | 'external',
): node is string {
  if (node === undefined) return false;
  const sp = f.servicePort;
  return f.kind === 'clusterIP'
    ? sp.internalTrafficPolicy === 'Local'
    : origin === 'external' && sp.externalTrafficPolicy === 'Local';
}

/** One pick's backends on `node` (see {@link backendsFor}). */
function pickOn(pick: EndpointPick, local: string | undefined): readonly BackendModel[] {
  if (local === undefined) return pick.backends;
  const ready = pick.backends.filter((b) => kubeProxyNode(b) === local);
  return ready.length > 0 ? ready : pick.terminatingBackends.filter((b) => kubeProxyNode(b) === local);
}

/**
 * The backends kube-proxy on `node` may pick for a packet from `origin`; when only node-local
 * endpoints are used ({@link usesLocalEndpoints}): the local ready ones, else the local serving
 * terminating ones (`pkg/proxy/topology.go` `CategorizeEndpoints`). When kube-proxy's copy of a
 * duplicate endpoint is not known (`ServicePortModel.alternatives`), those of every pick.
 *
 * @example
 * ```ts
 * backendsFor(frontend, 'node-1').length;
 * ```
 */
export function backendsFor(
  f: Frontend,
  node: string | undefined,
  origin: 'inCluster' | 'external' = 'external',
): readonly BackendModel[] {
  const sp = f.servicePort;
  const local = usesLocalEndpoints(f, node, origin) ? node : undefined;
  if (sp.alternatives === undefined) return pickOn(sp, local);
  const out = new Map<string, BackendModel>();
  for (const pick of sp.alternatives)
    for (const b of pickOn(pick, local))
      if (!out.has(`${b.ip.key}|${b.port}`)) out.set(`${b.ip.key}|${b.port}`, b);
  return [...out.values()];
}

/**
 * Whether one possible pick among duplicate endpoints (`ServicePortModel.alternatives`) leaves
 * kube-proxy on `node` no backend of IP `version` for this packet, so that it rejects (or
 * drops) it even though {@link backendsFor} lists some.
 *
 * @example
 * ```ts
 * // web-a lists 10.65.1.2 ready, web-b the same endpoint not ready: one pick has no endpoint
 * mayPickNoBackend(frontend, 'node-1', 'inCluster', 4); // true
 * ```
 */
export function mayPickNoBackend(
  f: Frontend,
  node: string | undefined,
  origin: 'inCluster' | 'external',
  version: 4 | 6,
): boolean {
  const local = usesLocalEndpoints(f, node, origin) ? node : undefined;
  return (
    f.servicePort.alternatives?.some((pick) => pickOn(pick, local).every((b) => b.ip.version !== version)) ===
    true
  );
}

/**
 * The workload endpoint owning `ip`, if any (the first one declared).
 *
 * @example
 * ```ts
 * workloadOwning(model, parseIp('10.1.0.10')!)?.name; // 'web-1'
 * ```
 */
export function workloadOwning(world: WorldModel, ip: Ip): WorkloadEndpointModel | undefined {
  const owners = world.ipOwners.get(ipKey(ip));
  if (owners === undefined) return undefined;
  for (let i = 0; i < owners.length; i++) {
    const o = owners[i];
    if (o?.kind === 'WorkloadEndpoint') return o;
  }
  return undefined;
}

/**
 * The address a node SNATs to: the one it publishes (`publishedAddress`), else a HEP expectedIP.
 *
 * @example
 * ```ts
 * nodeAddress(model, 'node-1')?.text; // '10.0.0.11'
 * ```
 */
export function nodeAddress(world: WorldModel, node: string, version: 4 | 6): Ip | undefined {
  const n = world.nodes.get(node);
  return (
    (n && publishedAddress(n, version)) ??
    world.hostEndpoints
      .flatMap((h) => (h.node === node ? h.expectedIPs : []))
      .find((ip) => ip.version === version)
  );
}
