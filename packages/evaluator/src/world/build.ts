/**
 * Builds the {@link WorldModel} from resources (what `fromYaml` returns, or DSL builders):
 * reads them, then assembles profiles, endpoints, nodes, services, policies and Felix settings.
 */

import type { Issue } from '@calico-dsl/core';
import { type Cidr, type Ip, ipFromValue, ipKey } from '../net/ip.js';
import { calicoHostsOf } from './calico-hosts.js';
import { buildHostEndpoints, buildNetworkSets, buildNodes, buildWorkloads } from './endpoints.js';
import { felixSettings } from './felix-settings.js';
import { buildHostPorts } from './host-ports.js';
import { declaredClusterCIDRs, declaredMasqueradeAll, declaredNodePortAddresses } from './kube-proxy.js';
import type {
  EndpointModel,
  EndpointToHostAction,
  EntityModel,
  HostEndpointModel,
  NetworkSetModel,
  WorkloadEndpointModel,
  WorldModel,
} from './model.js';
import { natOutgoingOf } from './nat-outgoing.js';
import { outOfScopeIssues } from './out-of-scope.js';
import type { CalicoVersion } from './policies.js';
import { buildPolicySet } from './policy-set.js';
import { buildProfiles } from './profiles.js';
import { ResourceIndex, readResources } from './read.js';
import { SelectorCache } from './selector.js';
import { serviceLoopOf } from './service-loop.js';
import { buildServicePorts, frontendIndex } from './services.js';
import { sharedPodAddressIssues } from './shared-pod-address.js';
import { overlayPoolsOf, tunnelsOf } from './tunnels.js';

/** Options of {@link buildModel}. */
export interface BuildOptions {
  /** Overrides FelixConfiguration `defaultEndpointToHostAction` (§4.7). */
  readonly defaultEndpointToHostAction?: EndpointToHostAction;
  /**
   * Which Calico release's equal-order tie-break to use (§0, §2.2); default `v3.32` (HEAD:
   * `name/namespace/kind`).
   */
  readonly calicoVersion?: CalicoVersion;
  /**
   * kube-proxy's proxy mode (its KubeProxyConfiguration `mode`); without it, the mode in
   * kubeadm's ConfigMap `kube-system/kube-proxy` if the world has it, else `iptables`. Only the
   * iptables mode is modelled: `ipvs` and `nftables` are refused as the world issue
   * `unsupported_kube_proxy_mode`.
   */
  readonly kubeProxyMode?: KubeProxyMode;
}

/**
 * kube-proxy's proxy modes on Linux (KubeProxyConfiguration `mode`).
 *
 * @example
 * ```ts
 * const mode: KubeProxyMode = 'ipvs';
 * World.from([], { kubeProxyMode: mode }).issues.map((i) => i.code); // ['unsupported_kube_proxy_mode']
 * World.from([], { kubeProxyMode: 'iptables' }).issues; // []: iptables is the mode modelled
 * ```
 */
export type KubeProxyMode = 'iptables' | 'ipvs' | 'nftables';

/** §1.2, §6.11: exact-IP owners (WEP IPs, HEP expectedIPs, host-route network-set entries) and wider ranges. */
function ipOwnership(
  workloads: readonly WorkloadEndpointModel[],
  hostEndpoints: readonly HostEndpointModel[],
  networkSets: readonly NetworkSetModel[],
): Pick<WorldModel, 'ipOwners' | 'netSetRanges'> {
  const ipOwners = new Map<string, EntityModel[]>();
  const own = (ip: Ip, e: EntityModel) => {
    const k = ipKey(ip);
    const list = ipOwners.get(k);
    if (list) list.push(e);
    else ipOwners.set(k, [e]);
  };
  for (const w of workloads) for (const ip of w.ips) own(ip, w);
  for (const h of hostEndpoints) for (const ip of h.expectedIPs) own(ip, h);
  const netSetRanges: { cidr: Cidr; owner: NetworkSetModel }[] = [];
  for (const s of networkSets) {
    for (const c of s.nets) {
      const hostRoute = c.prefix === (c.version === 4 ? 32 : 128);
      if (!hostRoute) netSetRanges.push({ cidr: c, owner: s });
      else if (c.version === 4) own(ipFromValue(4, c.base, c.text), s);
      else own(ipFromValue(6, c.base, c.text), s);
    }
  }
  return { ipOwners, netSetRanges };
}

/**
 * Builds the world model. Throws `EvaluatorInputError` for input it cannot read.
 *
 * @example
 * ```ts
 * const model = buildModel(fromYaml(text).value);
 * model.workloads.length;
 * ```
 */
export function buildModel(input: readonly unknown[], options: BuildOptions = {}): WorldModel {
  const index = new ResourceIndex(readResources(input));
  const sc = new SelectorCache();
  const issues: Issue[] = [];
  const allPods = index.of('Pod').map(([r]) => r);
  // hostNetwork pods are not workload endpoints: their traffic is host traffic (§1.1), and as
  // service backends they are their node's address.
  const pods = allPods.filter((p) => p.spec?.hostNetwork !== true);
  const hostNetworkPods = allPods.filter((p) => p.spec?.hostNetwork === true);
  const table = buildProfiles(index, pods, sc);
  const workloads = buildWorkloads(pods, table, 0);
  const hostEndpoints = buildHostEndpoints(index, table, workloads.length, issues);
  const networkSets = buildNetworkSets(index, table);
  const { nodes, nodeByIp } = buildNodes(index, hostEndpoints, hostNetworkPods);
  const { servicePorts, serviceMembers } = buildServicePorts(index, allPods, workloads, nodeByIp, issues);
  const { policies, tiers, policiesByTier } = buildPolicySet(index, sc, issues, options.calicoVersion);
  const hostPorts = buildHostPorts(pods, workloads, nodes);
  const felix = felixSettings(index, options.defaultEndpointToHostAction);
  const tunnels = tunnelsOf(index);
  const calicoHosts = calicoHostsOf(index, nodes);
  const nat = natOutgoingOf(index, calicoHosts, workloads);
  const endpoints: EndpointModel[] = [...workloads, ...hostEndpoints];
  return {
    endpoints,
    workloads,
    hostEndpoints,
    networkSets,
    nodes,
    servicePorts,
    serviceMembers,
    hostPorts,
    ...frontendIndex(servicePorts, hostPorts, issues),
    tiers,
    policiesByTier,
    policies,
    profiles: table.profiles,
    ...felix,
    tunnels,
    overlayPools: overlayPoolsOf(index, tunnels),
    calicoHosts,
    kubeProxyMasqueradeAll: declaredMasqueradeAll(index),
    kubeProxyClusterCIDRs: declaredClusterCIDRs(index),
    kubeProxyNodePortAddresses: declaredNodePortAddresses(index),
    serviceLoop: serviceLoopOf(index),
    natOutgoing: nat.model,
    ...ipOwnership(workloads, hostEndpoints, networkSets),
    nodeByIp,
    issues: [
      ...issues,
      ...sharedPodAddressIssues(workloads),
      ...sc.issues,
      ...nat.issues,
      ...outOfScopeIssues(index, hostEndpoints, options.kubeProxyMode, felix.interfaceExclude, nodes),
    ],
  };
}
