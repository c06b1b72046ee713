/**
 * Endpoints and other addressable entities: workload endpoints from pods, host endpoints,
 * network sets and nodes (calico-semantics.md §1.1–§1.3, §4.1).
 */

import type { Issue } from '@calico-dsl/core';
import type { EvaluatorIssueCode } from '../issue-codes.js';
import { type Cidr, type Ip, ipKey, parseCidr } from '../net/ip.js';
import { protocolNumber } from '../net/protocol.js';
import type {
  HostEndpointModel,
  NetworkSetModel,
  NodeBgpAddresses,
  NodeModel,
  OverlayAddresses,
  WorkloadEndpointModel,
} from './model.js';
import type { ProfileTable } from './profiles.js';
import {
  containerPorts,
  ips,
  type Loose,
  labelMap,
  podIps,
  type ResourceIndex,
  workloadIps,
} from './read.js';

/**
 * §1.1: pods with an IP become workload endpoints with implicit and inherited labels.
 *
 * @example
 * ```ts
 * buildWorkloads(pods, profileTable, 0).map((w) => w.labels['projectcalico.org/namespace']);
 * ```
 */
export function buildWorkloads(
  pods: readonly Loose[],
  table: ProfileTable,
  firstId: number,
): WorkloadEndpointModel[] {
  let nextId = firstId;
  const workloads: WorkloadEndpointModel[] = [];
  for (const p of pods) {
    const addrs = workloadIps(p);
    if (addrs.length === 0) continue;
    const ns: string = p.metadata.namespace ?? 'default';
    // The API server fills in `default` when a pod names no service account.
    const sa: string = p.spec?.serviceAccountName ?? p.spec?.serviceAccount ?? 'default';
    const profileNames = [`kns.${ns}`, table.ksa(ns, sa)];
    const inherited = profileNames.map((n) => table.profiles.get(n)?.labelsToApply);
    // Inherited profile labels first so the endpoint's own labels win (§1.1), except namespace
    // and service account ones (`pcns.`, `pcsa.`), which Calico strips from a pod's own so that it
    // cannot pretend to be in another namespace (`workloadendpointprocessor.go`).
    const labels = labelMap(...inherited, ownWorkloadLabels(p.metadata.labels), {
      'projectcalico.org/namespace': ns,
      'projectcalico.org/orchestrator': 'k8s',
      'projectcalico.org/serviceaccount': sa,
    });
    workloads.push({
      kind: 'WorkloadEndpoint',
      id: nextId++,
      name: p.metadata.name,
      namespace: ns,
      node: p.spec?.nodeName,
      serviceAccount: sa,
      ips: addrs,
      labels,
      profiles: profileNames,
      ports: containerPorts(p),
    });
  }
  return workloads;
}

/** A pod's own labels without the namespace and service account prefixes Calico reserves. */
function ownWorkloadLabels(labels: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (typeof labels !== 'object' || labels === null) return out;
  for (const [k, v] of Object.entries(labels))
    if (!k.startsWith('pcns.') && !k.startsWith('pcsa.')) out[k] = v;
  return out;
}

/**
 * §1.1, §4.1: host endpoints with exactly their labels (plus profile labelsToApply), sorted by
 * name so that "the smallest name wins" is a first match.
 *
 * @example
 * ```ts
 * buildHostEndpoints(index, profileTable, 100, issues)[0]?.interfaceName;
 * ```
 */
export function buildHostEndpoints(
  index: ResourceIndex,
  table: ProfileTable,
  firstId: number,
  issues: Issue[],
): HostEndpointModel[] {
  let nextId = firstId;
  const hostEndpoints: HostEndpointModel[] = [];
  for (const [r, i] of index.of('HostEndpoint')) {
    const spec = r.spec ?? {};
    if (typeof spec.node !== 'string') {
      issues.push({
        code: 'host_endpoint_incomplete',
        path: [i, 'spec', 'node'],
        message: `HostEndpoint "${r.metadata.name}": spec.node is required; the host endpoint is ignored.`,
      });
      continue;
    }
    const profNames: string[] = Array.isArray(spec.profiles) ? spec.profiles : [];
    profNames.forEach((name, k) => {
      if (table.resolve(name)) return;
      issues.push({
        code: 'unknown_profile' satisfies EvaluatorIssueCode,
        path: [i, 'spec', 'profiles', k],
        message: `HostEndpoint "${r.metadata.name}" names profile "${name}", which does not exist: Felix gives it a profile that denies everything in both directions (active_rules_calculator.go DummyDropRules), so its later profiles are never reached.`,
      });
    });
    const inherited = profNames.map((n) => table.profiles.get(n)?.labelsToApply);
    hostEndpoints.push({
      kind: 'HostEndpoint',
      id: nextId++,
      name: r.metadata.name,
      node: spec.node,
      interfaceName:
        typeof spec.interfaceName === 'string' && spec.interfaceName !== '' ? spec.interfaceName : undefined,
      expectedIPs: ips(spec.expectedIPs),
      // Own labels, then each profile's in order, the first one holding a key wins (Felix's
      // label inheritance, `label_inheritance_index.go`): later sources win in labelMap.
      labels: labelMap(...[...inherited].reverse(), r.metadata.labels),
      profiles: profNames,
      ports: ((spec.ports ?? []) as Loose[]).map((p) => ({
        name: p.name,
        protocol: protocolNumber(p.protocol ?? 'TCP') ?? 6,
        port: p.port,
      })),
    });
  }
  return hostEndpoints.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * §1.1, §1.2: network sets (namespaced ones carry the namespace label and kns labels).
 *
 * @example
 * ```ts
 * buildNetworkSets(index, profileTable).map((s) => s.nets.length);
 * ```
 */
export function buildNetworkSets(index: ResourceIndex, table: ProfileTable): NetworkSetModel[] {
  const networkSets: NetworkSetModel[] = [];
  for (const kind of ['GlobalNetworkSet', 'NetworkSet'] as const) {
    for (const [r] of index.of(kind)) {
      const ns = kind === 'NetworkSet' ? (r.metadata.namespace ?? 'default') : undefined;
      // Network sets accept unmasked CIDRs and bare IPs.
      const nets = ((r.spec?.nets ?? []) as unknown[])
        .map((t) => (typeof t === 'string' ? parseCidr(t) : undefined))
        .filter((c): c is Cidr => c !== undefined);
      const labels =
        ns === undefined
          ? labelMap(r.metadata.labels)
          : labelMap(table.profiles.get(`kns.${ns}`)?.labelsToApply, r.metadata.labels, {
              'projectcalico.org/namespace': ns,
            });
      networkSets.push({ kind, name: r.metadata.name, namespace: ns, nets, labels });
    }
  }
  return networkSets;
}

/**
 * The Node annotations where Calico records its tunnel devices' addresses
 * (`libcalico-go/lib/backend/k8s/resources/node.go`: IPIP, VXLAN and WireGuard, v4 and v6).
 */
const OVERLAY_ANNOTATIONS = {
  ipip: 'projectcalico.org/IPv4IPIPTunnelAddr',
  vxlan: 'projectcalico.org/IPv4VXLANTunnelAddr',
  vxlanV6: 'projectcalico.org/IPv6VXLANTunnelAddr',
} as const satisfies Record<keyof OverlayAddresses, string>;
const TUNNEL_ANNOTATIONS = [
  ...Object.values(OVERLAY_ANNOTATIONS),
  'projectcalico.org/IPv4WireguardInterfaceAddr',
  'projectcalico.org/IPv6WireguardInterfaceAddr',
];

/** The address text of one tunnel address annotation (an address, or one with a prefix length). */
function annotatedText(annotations: Record<string, unknown> | undefined, key: string): unknown {
  const v = annotations?.[key];
  return typeof v === 'string' ? v.split('/')[0] : v;
}

const annotatedIp = (annotations: Record<string, unknown> | undefined, key: string): Ip | undefined =>
  ips([annotatedText(annotations, key)])[0];

const NO_OVERLAY: OverlayAddresses = Object.freeze({ ipip: undefined, vxlan: undefined, vxlanV6: undefined });
const NO_BGP: NodeBgpAddresses = Object.freeze({ v4: undefined, v6: undefined });

/**
 * The address and subnet Calico detected for a node, from the Node annotations calico-node
 * writes (`projectcalico.org/IPv4Address: 10.0.0.11/24`; a bare address is a /32 or /128, as
 * `cnet.ParseCIDROrIP` reads it).
 */
function bgpAddresses(annotations: Record<string, unknown> | undefined): NodeBgpAddresses {
  const read = (key: string, version: 4 | 6) => {
    const text = annotations?.[key];
    if (typeof text !== 'string') return undefined;
    const ip = annotatedIp(annotations, key);
    const cidr = parseCidr(text);
    return ip && cidr && ip.version === version ? { ip, cidr } : undefined;
  };
  const v4 = read('projectcalico.org/IPv4Address', 4);
  const v6 = read('projectcalico.org/IPv6Address', 6);
  return v4 || v6 ? { v4, v6 } : NO_BGP;
}

/** The tunnel addresses a Node's annotations name. */
function tunnelIps(annotations: Record<string, unknown> | undefined): Ip[] {
  return ips(TUNNEL_ANNOTATIONS.map((a) => annotatedText(annotations, a)));
}

/**
 * The address a node publishes to Felix for one IP version (its host metadata, which Felix's
 * `all-hosts-net` set lists and a node's masquerade uses): its first InternalIP, else ExternalIP.
 *
 * @example
 * ```ts
 * publishedAddress(cluster.model.nodes.get('node-1')!, 4)?.text; // '10.0.0.11'
 * ```
 */
export function publishedAddress(node: NodeModel, version: 4 | 6): Ip | undefined {
  const has = (ip: Ip) => ip.version === version;
  return node.internalIPs.find(has) ?? node.externalIPs.find(has);
}

/**
 * Every address of a node's host network namespace: its InternalIPs, ExternalIPs and tunnel
 * addresses (what kube-proxy's `--dst-type LOCAL` matches, and what a host's packet may carry).
 *
 * @example
 * ```ts
 * nodeAddresses(cluster.model.nodes.get('node-1')!).map((ip) => ip.text); // ['10.0.0.11', '10.65.0.1']
 * ```
 */
export function nodeAddresses(node: NodeModel): readonly Ip[] {
  return [...node.internalIPs, ...node.externalIPs, ...node.tunnelIPs];
}

/**
 * Nodes by name and node addresses (node IPs, the addresses calico-node records on the Node,
 * tunnel addresses, HEP expectedIPs, and the IPs of hostNetwork pods, which are their node's) →
 * node name.
 *
 * @example
 * ```ts
 * buildNodes(index, heps, []).nodeByIp.get(ipKey(parseIp('10.0.0.11')!)); // 'node-1'
 * ```
 */
export function buildNodes(
  index: ResourceIndex,
  hostEndpoints: readonly HostEndpointModel[],
  hostNetworkPods: readonly Loose[],
): { nodes: Map<string, NodeModel>; nodeByIp: Map<string, string> } {
  const nodes = new Map<string, NodeModel>();
  const nodeByIp = new Map<string, string>();
  // Per node, its addresses known from annotations alone (autodetected, tunnel devices).
  const annotatedOnly: [string, Ip[]][] = [];
  for (const [r] of index.of('Node')) {
    const addrs: { type: string; address: string }[] = r.status?.addresses ?? [];
    const internal = ips(addrs.filter((a) => a.type === 'InternalIP').map((a) => a.address));
    const external = ips(addrs.filter((a) => a.type === 'ExternalIP').map((a) => a.address));
    const bgp = bgpAddresses(r.metadata.annotations);
    // The address calico-node autodetected on a host interface and recorded as the node's BGP
    // address (`node.go` nodeBgpIpv4AddrAnnotation / nodeBgpIpv6AddrAnnotation) is the node's
    // even when its status does not list it (an IPv6 address on a Node whose status is IPv4
    // only): an InternalIP after the listed ones.
    const listed = new Set([...internal, ...external].map(ipKey));
    const autodetected = [bgp.v4?.ip, bgp.v6?.ip].filter(
      (ip): ip is Ip => ip !== undefined && !listed.has(ipKey(ip)),
    );
    const known = new Set([...internal, ...external, ...autodetected].map(ipKey));
    const tunnel = tunnelIps(r.metadata.annotations).filter((ip) => !known.has(ipKey(ip)));
    nodes.set(r.metadata.name, {
      name: r.metadata.name,
      internalIPs: [...internal, ...autodetected],
      externalIPs: external,
      tunnelIPs: tunnel,
      overlayIPs: {
        ipip: annotatedIp(r.metadata.annotations, OVERLAY_ANNOTATIONS.ipip),
        vxlan: annotatedIp(r.metadata.annotations, OVERLAY_ANNOTATIONS.vxlan),
        vxlanV6: annotatedIp(r.metadata.annotations, OVERLAY_ANNOTATIONS.vxlanV6),
      },
      bgpAddresses: bgp,
    });
    for (const ip of [...internal, ...external]) nodeByIp.set(ipKey(ip), r.metadata.name);
    annotatedOnly.push([r.metadata.name, [...autodetected, ...tunnel]]);
  }
  // Annotated addresses no node's status lists: a stale annotation yields to a listed address.
  for (const [name, annotated] of annotatedOnly)
    for (const ip of annotated) if (!nodeByIp.has(ipKey(ip))) nodeByIp.set(ipKey(ip), name);
  for (const h of hostEndpoints) {
    if (!nodes.has(h.node))
      nodes.set(h.node, {
        name: h.node,
        internalIPs: [],
        externalIPs: [],
        tunnelIPs: [],
        overlayIPs: NO_OVERLAY,
        bgpAddresses: NO_BGP,
      });
    for (const ip of h.expectedIPs) if (!nodeByIp.has(ipKey(ip))) nodeByIp.set(ipKey(ip), h.node);
  }
  // A hostNetwork pod's IP is its node's (status.podIP = status.hostIP): an address the Node
  // resource (if any) did not list is added as an InternalIP after the listed ones.
  for (const p of hostNetworkPods) {
    const name = p.spec?.nodeName;
    if (typeof name !== 'string') continue;
    const fresh = podIps(p).filter((ip) => !nodeByIp.has(ipKey(ip)));
    if (fresh.length === 0) continue;
    const n = nodes.get(name);
    nodes.set(name, {
      name,
      internalIPs: [...(n?.internalIPs ?? []), ...fresh],
      externalIPs: n?.externalIPs ?? [],
      tunnelIPs: n?.tunnelIPs ?? [],
      overlayIPs: n?.overlayIPs ?? NO_OVERLAY,
      bgpAddresses: n?.bgpAddresses ?? NO_BGP,
    });
    for (const ip of fresh) nodeByIp.set(ipKey(ip), name);
  }
  return { nodes, nodeByIp };
}
