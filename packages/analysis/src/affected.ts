/**
 * Which address classes a change between two worlds can touch. When only policies or profiles
 * differ, a flow's verdict can change only if its source's egress chain or its destination's
 * ingress chain changed; anything else (endpoints, services, nodes, tiers, the FelixConfiguration
 * settings the packet path reads, a changed policy that selects a host endpoint or a service
 * backend) makes every class affected.
 */
import type { EndpointModel, ServicePortModel, WorldModel } from './evaluator-seam.js';
import type { IpClass } from './partition.js';

function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'function') return undefined;
    if (v instanceof Map) return [...v.entries()];
    if (v instanceof Set) return [...v];
    return v;
  });
}

const endpointKey = (e: EndpointModel) =>
  `${e.kind}|${e.kind === 'WorkloadEndpoint' ? e.namespace : ''}|${e.name}`;

/** A service port with its backends named, not nested (endpoints are fingerprinted apart). */
const portPrint = (sp: ServicePortModel) => ({
  ...sp,
  backends: sp.backends.map((b) => [
    b.endpoint ? endpointKey(b.endpoint) : `${b.kind}|${b.node ?? ''}`,
    b.ip,
    b.port,
    b.sliceNode,
  ]),
});

function pathFingerprint(m: WorldModel): string {
  return stable({
    endpoints: m.endpoints,
    networkSets: m.networkSets,
    nodes: m.nodes,
    servicePorts: m.servicePorts.map(portPrint),
    // Pods' hostPorts: portmap's DNAT from node addresses to a pod.
    hostPorts: m.hostPorts.map((h) => ({ ips: h.ips, servicePort: portPrint(h.servicePort) })),
    serviceMembers: m.serviceMembers,
    tiers: m.tiers,
    failsafe: [m.failsafeInbound, m.failsafeOutbound],
    e2h: m.endpointToHostAction,
    forwarding: m.ipForwarding,
    // The drop of encapsulated packets from workloads, before their egress policy.
    encap: [m.vxlanPort, m.allowVXLANPacketsFromWorkloads, m.allowIPIPPacketsFromWorkloads],
    // Felix's static filter rules ahead of host policy: tunnels from and to Calico hosts, WireGuard.
    wireguard: m.wireguardPorts,
    tunnels: [m.tunnels, m.calicoHosts, m.overlayPools],
    // Felix's service loop prevention at the end of filter FORWARD.
    serviceLoop: m.serviceLoop,
    // Source NAT: kube-proxy's masqueradeAll, and the cluster CIDRs that tell pods from others.
    masqueradeAll: m.kubeProxyMasqueradeAll,
    clusterCIDRs: m.kubeProxyClusterCIDRs,
    // kube-proxy's nodePortAddresses: which node addresses are node port frontends.
    nodePortAddresses: m.kubeProxyNodePortAddresses,
    // Felix's natOutgoing masquerade of pods' packets leaving their node.
    natOutgoing: m.natOutgoing,
    // The INVALID drop of an untracked connection's reply.
    conntrackInvalidDrop: m.conntrackInvalidDrop,
    // The interfaces no named host endpoint governs (FelixConfiguration interfaceExclude).
    interfaceExclude: m.interfaceExclude.map(String),
  });
}

/**
 * Classes whose flows may change, or `undefined` when every class may.
 *
 * @example
 * ```ts
 * declare const before: World; declare const after: World; declare const classes: IpClass[];
 * affectedClasses(before.model, after.model, classes); // undefined when pods or services changed
 * ```
 */
export function affectedClasses(
  a: WorldModel,
  b: WorldModel,
  classes: readonly IpClass[],
): Set<IpClass> | undefined {
  if (pathFingerprint(a) !== pathFingerprint(b)) return undefined;
  const policies = (m: WorldModel) =>
    new Map(m.policies.map((p) => [`${p.kind}|${p.namespace ?? ''}|${p.name}`, p]));
  const pa = policies(a);
  const pb = policies(b);
  const changed = [];
  for (const [k, p] of pa) if (!pb.has(k) || stable(p) !== stable(pb.get(k))) changed.push(p);
  for (const [k, p] of pb) if (!pa.has(k) || stable(p) !== stable(pa.get(k))) changed.push(p);
  const changedProfiles = new Set<string>();
  for (const name of new Set([...a.profiles.keys(), ...b.profiles.keys()]))
    if (stable(a.profiles.get(name)) !== stable(b.profiles.get(name))) changedProfiles.add(name);
  const hit = new Set<string>();
  // DNAT targets (service backends, hostPort pods): a change to them reaches their frontends too.
  const backends = new Set(
    [...a.servicePorts, ...a.hostPorts.map((h) => h.servicePort)].flatMap((sp) =>
      sp.backends.flatMap((x) => (x.endpoint ? [endpointKey(x.endpoint)] : [])),
    ),
  );
  for (const e of a.endpoints) {
    const touched =
      changed.some((p) => p.selector(e.labels)) || e.profiles.some((n) => changedProfiles.has(n));
    if (!touched) continue;
    if (e.kind === 'HostEndpoint' || backends.has(endpointKey(e))) return undefined;
    hit.add(endpointKey(e));
  }
  const out = new Set<IpClass>();
  for (const c of classes) if (c.members.some((m) => m.some((e) => hit.has(endpointKey(e))))) out.add(c);
  return out;
}
