/**
 * kube-proxy and NAT in a plan (§5): DNAT to a frontend's backends (grouped by where they are),
 * the no-backend outcome, and nat POSTROUTING as a packet leaves a node — Felix's natOutgoing,
 * then kube-proxy's masquerade.
 */

import { cidrContains } from '../../net/ip.js';
import type { EndpointRef } from '../../result/types.js';
import { publishedAddress } from '../../world/endpoints.js';
import type { BackendModel, ServicePortModel, WorldModel } from '../../world/model.js';
import type { EndpointRole, Hook, OutcomeHook, SnatHook, SnatRule } from '../hooks.js';
import { hepOwningIp } from '../host-endpoints.js';
import { hasLocalDetector } from '../local-traffic.js';
import { natOutgoingRules, snatHook } from '../snat.js';
import { backendsFor, type Frontend, mayPickNoBackend, nodeAddress, usesLocalEndpoints } from '../targets.js';
import type { DestinationOwner } from '../topology.js';
import type { PostDnat } from './segments.js';

export function dnatHook(node: string | undefined, frontend: Frontend): Hook {
  return { kind: 'dnat', node, frontend };
}

/**
 * Where a backend is after DNAT: a pod (the `'backend'` role on its node), a node's host
 * namespace through the HEP owning its address (a hostNetwork pod: host endpoint policy applies,
 * as for any packet to a host address, §4.8), or outside the model.
 */
export function backendTarget(world: WorldModel, b: BackendModel): PostDnat {
  switch (b.kind) {
    case 'pod': {
      const pool = world.overlayPools.find((p) => cidrContains(p.cidr, b.ip));
      return pool === undefined
        ? { kind: 'pod', wep: 'backend', node: b.node }
        : { kind: 'pod', wep: 'backend', node: b.node, overlay: pool.overlay, crossSubnet: pool.crossSubnet };
    }
    case 'host':
      return { kind: 'node', node: b.node, hep: hepOwningIp(world, b.ip, b.node) };
    case 'external':
      return { kind: 'external' };
  }
}

export function targetKey(t: PostDnat): string {
  switch (t.kind) {
    case 'pod':
      return `p|${t.node ?? ''}|${t.overlay ?? ''}|${t.crossSubnet === true ? 'x' : ''}`;
    case 'node':
      return `n|${t.node}|${t.hep?.id ?? ''}`;
    case 'external':
      return 'x';
  }
}

/** Backends that share a plan: the same target (hooks differ only in the backend itself). */
export function groupBackends(
  world: WorldModel,
  list: readonly BackendModel[],
): { target: PostDnat; backends: BackendModel[] }[] {
  const groups = new Map<string, { target: PostDnat; backends: BackendModel[] }>();
  for (const b of list) {
    const target = backendTarget(world, b);
    const k = targetKey(target);
    const g = groups.get(k);
    if (g) g.backends.push(b);
    else groups.set(k, { target, backends: [b] });
  }
  return [...groups.values()];
}

export const WHY_NO_BACKENDS: Readonly<Record<ServicePortModel['endpointSource'], string>> = {
  endpointSlices: 'no ready or serving-terminating endpoint in its EndpointSlices for this port',
  selector: 'its selector picks no ready pod with this port',
  none: 'no selector and no EndpointSlices',
};

/**
 * kube-proxy's outcome for a frontend without a backend for this packet: REJECT, or DROP under a
 * Local traffic policy. `onePick`: only one pick among duplicate endpoints leaves none (see
 * {@link unservedPick}).
 */
export function noBackends(
  frontend: Frontend,
  node: string | undefined,
  origin: 'inCluster' | 'external',
  dst: string,
  entry: EndpointRef | EndpointRole,
  onePick = false,
): OutcomeHook {
  const s = frontend.servicePort.service;
  const local = usesLocalEndpoints(frontend, node, origin);
  const policy = frontend.kind === 'clusterIP' ? 'internalTrafficPolicy' : 'externalTrafficPolicy';
  const pick = onePick
    ? 'with one pick of the copies of its duplicate endpoints kube-proxy may keep (duplicate_endpoint), '
    : '';
  return {
    kind: 'outcome',
    stage: 'dnat',
    action: 'deny',
    verdict: 'Deny',
    decides: 'always',
    reason: local
      ? `${pick}service ${s.namespace}/${s.name} has ${policy} Local and no backend on ${node}: kube-proxy drops (§5)`
      : `${pick}service ${s.namespace}/${s.name} has no ready backend for ${dst} (${WHY_NO_BACKENDS[frontend.servicePort.endpointSource]}): kube-proxy rejects`,
    endpoint: entry,
  };
}

/**
 * The no-backend outcome as a path of its own when {@link backends} lists some but one possible
 * pick among duplicate endpoints leaves none (`mayPickNoBackend`): evaluated next to the others,
 * so no Allow hides it. Empty otherwise.
 *
 * @example
 * ```ts
 * [...groups, ...unservedPick(f, node, 'inCluster', 4, (hook) => plan(entry, [hook]))];
 * ```
 */
export function unservedPick<T>(
  frontend: Frontend,
  node: string | undefined,
  origin: 'inCluster' | 'external',
  version: 4 | 6,
  entry: EndpointRef | EndpointRole,
  planOf: (hook: OutcomeHook) => T,
): T[] {
  if (!mayPickNoBackend(frontend, node, origin, version)) return [];
  return [planOf(noBackends(frontend, node, origin, frontendText(frontend), entry, true))];
}

export function frontendText(f: Frontend): string {
  return `${f.servicePort.service.namespace}/${f.servicePort.service.name}:${f.servicePort.port}`;
}

/** Backends of a frontend for a packet from `origin` on `node`, of the frontend's IP version. */
export function backends(
  frontend: Frontend,
  node: string | undefined,
  origin: 'inCluster' | 'external',
  version: 4 | 6,
): readonly BackendModel[] {
  return backendsFor(frontend, node, origin).filter((b) => b.ip.version === version);
}

/**
 * kube-proxy's masquerade (nat POSTROUTING, after filter FORWARD) of a DNAT'd packet leaving
 * `node` for a backend on another node (§5, §12.88; `pkg/proxy/iptables/proxier.go`): ClusterIP
 * traffic not from a pod (KUBE-SVC `! -s <pod CIDR>`), or all of it with `masqueradeAll`, and all
 * traffic to an external frontend (node port, load balancer, external IP) with
 * externalTrafficPolicy Cluster, a pod's included
 * (KUBE-EXT "masquerade traffic for … external destinations"); `'external'` is a source
 * kube-proxy does not detect as a pod (`path/local-traffic.ts`). A `'host'` packet (the node's own
 * process) is masqueraded to every kube-proxy frontend: its address is no pod's, and KUBE-EXT
 * with Local masquerades `--src-type LOCAL` ("masquerade LOCAL traffic …"). The source becomes
 * the node's address (its tunnel address towards a pod behind one).
 *
 * @example
 * ```ts
 * masquerade(world, 'node-1', clusterIpOwner, 'host', { kind: 'pod', wep: 'backend', node: 'node-2' })?.address.text; // '10.0.0.11'
 * ```
 */
export function masquerade(
  world: WorldModel,
  node: string,
  dst: Extract<DestinationOwner, { kind: 'frontend' }>,
  origin: 'inCluster' | 'external' | 'host',
  backend: PostDnat,
): SnatRule | undefined {
  const backendNode = backend.kind === 'external' ? undefined : backend.node;
  const why = masqueradeCause(world, dst, origin);
  // MASQUERADE takes the outgoing interface's address: a tunnel's towards a pod on another node
  // behind one (a local pod's route has no address of its own: the kernel takes the host's).
  const tunnel =
    backend.kind === 'pod' &&
    backend.overlay !== undefined &&
    backendNode !== undefined &&
    backendNode !== node &&
    !(backend.crossSubnet === true && inNodeSubnet(world, node, backendNode, dst.version))
      ? world.nodes.get(node)?.overlayIPs[
          backend.overlay === 'ipip' ? 'ipip' : dst.version === 4 ? 'vxlan' : 'vxlanV6'
        ]
      : undefined;
  const address = why !== undefined ? (tunnel ?? nodeAddress(world, node, dst.version)) : undefined;
  if (!address) return undefined;
  return {
    address,
    reason: `kube-proxy SNAT: backend on ${backendNode ?? 'another node'}, ${why}: source becomes ${address.text} (node ${node}) (§5)`,
  };
}

/**
 * Why kube-proxy marks a packet to `dst` for masquerade, in words, or `undefined` when it does
 * not. A hostPort is portmap's, not kube-proxy's: it masquerades only hairpin and localhost
 * traffic. A ClusterIP's off-cluster sources are told by kube-proxy's local-traffic detector:
 * without one (no cluster CIDR) only masqueradeAll masquerades.
 */
function masqueradeCause(
  world: WorldModel,
  dst: Extract<DestinationOwner, { kind: 'frontend' }>,
  origin: 'inCluster' | 'external' | 'host',
): string | undefined {
  const host = 'a host process (not a pod address)';
  switch (dst.frontend.kind) {
    case 'hostPort':
      return undefined;
    case 'clusterIP': {
      const outside = origin !== 'inCluster' && hasLocalDetector(world, dst.version);
      if (!outside && !world.kubeProxyMasqueradeAll) return undefined;
      return origin === 'host'
        ? host
        : outside
          ? "a source outside kube-proxy's cluster CIDR"
          : 'masqueradeAll';
    }
    case 'nodePort':
    case 'loadBalancer':
    case 'externalIP': {
      const policy = dst.frontend.servicePort.externalTrafficPolicy;
      if (origin === 'host') return host;
      return policy === 'Cluster' ? `externalTrafficPolicy ${policy}` : undefined;
    }
  }
}

/**
 * Whether `other` is in `node`'s subnet, as Felix decides it for `CrossSubnet` routes
 * (`l3_route_resolver.go` `nodeInOurSubnet`): `node`'s detected subnet holds `other`'s detected
 * address (else its published one); without a detected subnet, no node is (the tunnel is used).
 *
 * @example
 * ```ts
 * // node-1 10.0.0.11/24, node-2 10.0.0.12/24, node-3 10.0.1.13/24
 * inNodeSubnet(world, 'node-1', 'node-2', 4); // true
 * inNodeSubnet(world, 'node-1', 'node-3', 4); // false
 * ```
 */
export function inNodeSubnet(world: WorldModel, node: string, other: string, version: 4 | 6): boolean {
  const mine = world.nodes.get(node)?.bgpAddresses[version === 4 ? 'v4' : 'v6'];
  const theirs = world.nodes.get(other);
  if (mine === undefined || theirs === undefined) return false;
  const address = theirs.bgpAddresses[version === 4 ? 'v4' : 'v6']?.ip ?? publishedAddress(theirs, version);
  return address !== undefined && cidrContains(mine.cidr, address);
}

/**
 * nat POSTROUTING as a packet leaves `node` for `dst` (see {@link SnatHook}): Felix's natOutgoing
 * rules, except towards a pod (pods' addresses are pool addresses, never masqueraded), then
 * kube-proxy's `masquerade` of a DNAT'd packet. Undefined when no rule may apply.
 */
export function leaving(
  world: WorldModel,
  node: string | undefined,
  dst: PostDnat,
  masquerade: SnatRule | undefined,
): SnatHook | undefined {
  if (node === undefined) return undefined;
  const rules = dst.kind === 'pod' ? [] : natOutgoingRules(world, node);
  return snatHook(node, masquerade ? [...rules, masquerade] : rules);
}

/**
 * Whether a pod's packet of IP `version` to another node's address arrives there with its node's
 * address as source: a natOutgoing IPPool of that version masquerades it (the pod's address is
 * taken to be in that pool), and that node's kube-proxy then counts it as external.
 */
export function podsMasqueraded(world: WorldModel, version: 4 | 6): boolean {
  return world.natOutgoing?.pools.some((p) => p.cidr.version === version) === true;
}
