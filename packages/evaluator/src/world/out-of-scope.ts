/**
 * Inputs that ask for what the evaluator does not model are refused loudly, as `world.issues`
 * (the world is still built; answers involving them say nothing about the dataplane):
 * host endpoints on tunnel devices, the eBPF dataplane, named host endpoints whose address
 * is ambiguous (issue #12 item 7), kube-proxy modes other than iptables (the World option or
 * kube-proxy's ConfigMap, `kube-proxy.ts`), topology-aware routing (kube-proxy narrows a
 * Service's backends to its node's zone by EndpointSlice hints), FelixConfiguration settings
 * that let rules outside Calico's chains decide, per-node FelixConfigurations, `ipv6Support:
 * false`, and pods' floating IPs and allowed source prefixes when Felix turns them on.
 */
import type { Issue } from '@calico-dsl/core';
import type { EvaluatorIssueCode } from '../issue-codes.js';
import type { KubeProxyMode } from './build.js';
import { nodeAddresses } from './endpoints.js';
import { type FailsafeEntry, failsafeEntryProblem } from './failsafe.js';
import { FELIX_FIELDS_READ, felixOption } from './felix-settings.js';
import { isExcludedInterface, readInterfaceExclude } from './interface-exclude.js';
import { declaredDetectLocalMode, declaredKubeProxyMode } from './kube-proxy.js';
import type { HostEndpointModel, NodeModel } from './model.js';
import type { ResourceIndex } from './read.js';

/** Calico's tunnel devices: only `*` HEPs match them, and which HEP governs them is not modelled. */
const TUNNEL_DEVICES = new Set(['tunl0', 'vxlan.calico', 'vxlan-v6.calico', 'wireguard.cali', 'wg-v6.cali']);

/**
 * FelixConfiguration settings under which Calico's chains no longer have the last word
 * (felixconfig.go): an allow action of `RETURN` sends accepted traffic back to the host's own
 * chains "for further processing", and `chainInsertMode: Append` puts Felix's rules after the
 * rules already there. What those other rules do is not in the model.
 */
function handOffIssues(name: string, spec: Record<string, unknown>, i: number): Issue[] {
  const issues: Issue[] = [];
  // The filter tables only: a RETURN from the mangle (pre-DNAT) chains keeps the accept mark.
  for (const key of ['iptablesFilterAllowAction', 'nftablesFilterAllowAction']) {
    const v = spec[key];
    if (typeof v === 'string' && v.toUpperCase() === 'RETURN')
      issues.push({
        code: 'unsupported_felix_setting' satisfies EvaluatorIssueCode,
        path: [i, 'spec', key],
        message: `FelixConfiguration "${name}" sets ${key}: ${v}: traffic Calico allows goes back to the host's own chains, which the evaluator does not model; an Allow here means Calico allows it, not that it is delivered.`,
      });
  }
  const mode = spec.chainInsertMode;
  if (typeof mode === 'string' && mode.toLowerCase() === 'append')
    issues.push({
      code: 'unsupported_felix_setting' satisfies EvaluatorIssueCode,
      path: [i, 'spec', 'chainInsertMode'],
      message: `FelixConfiguration "${name}" sets chainInsertMode: ${mode}: Felix's rules come after the host's existing iptables rules, which the evaluator does not model and which may decide first.`,
    });
  return issues;
}

/**
 * Failsafe entries Felix cannot parse ({@link failsafeEntryProblem}): Felix then refuses its
 * whole configuration, so what it programs is unknown; the evaluator leaves the entry out.
 */
function failsafeIssues(name: string, spec: Record<string, unknown>, i: number): Issue[] {
  const issues: Issue[] = [];
  for (const key of ['failsafeInboundHostPorts', 'failsafeOutboundHostPorts']) {
    const entries: unknown = spec[key];
    if (!Array.isArray(entries)) continue;
    entries.forEach((e: FailsafeEntry, n) => {
      const why = failsafeEntryProblem(e);
      if (why !== undefined)
        issues.push({
          code: 'unsupported_felix_setting' satisfies EvaluatorIssueCode,
          path: [i, 'spec', key, n],
          message: `FelixConfiguration "${name}" ${key}[${n}] has ${why}: Felix cannot parse it and refuses the whole configuration (param_types.go PortListParam.Parse, die-on-fail), so its dataplane is not what this world says; the entry is left out here. Set protocol TCP or UDP.`,
        });
    });
  }
  return issues;
}

/**
 * An `interfaceExclude` of FelixConfiguration `default` that Felix cannot parse (it then uses
 * `kube-ipvs0`, as the model does), and `/regex/` elements Felix takes that have no JavaScript
 * rewrite (left out of the model, `interface-exclude.ts`): say so.
 */
function interfaceExcludeIssues(name: string, spec: Record<string, unknown>, i: number): Issue[] {
  if (name !== 'default') return [];
  const { unreadable, refused } = readInterfaceExclude(spec.interfaceExclude);
  const issue = (message: string): Issue => ({
    code: 'unsupported_felix_setting' satisfies EvaluatorIssueCode,
    path: [i, 'spec', 'interfaceExclude'],
    message,
  });
  if (refused !== undefined)
    return [
      issue(
        `FelixConfiguration "${name}" sets interfaceExclude ${JSON.stringify(spec.interfaceExclude)}, which Felix cannot parse: ${refused}. Felix then ignores the whole value and excludes its default, kube-ipvs0, alone (param_types.go RegexpPatternListParam.Parse), and so does the evaluator; fix the value.`,
      ),
    ];
  if (unreadable.length === 0) return [];
  const one = unreadable.length === 1;
  return [
    issue(
      `FelixConfiguration "${name}" sets interfaceExclude pattern${one ? '' : 's'} ${unreadable.join(', ')} that the evaluator cannot express (Go regexp syntax with no JavaScript rewrite here): host endpoints on the interfaces ${one ? 'it excludes' : 'they exclude'} are taken to govern them, which Felix would not do.`,
    ),
  ];
}

/**
 * FelixConfiguration settings the evaluator does not apply: a per-node configuration
 * (`node.<name>`, or one with a `nodeSelector`), which Felix layers over `default` for its nodes
 * (`felix/daemon/daemon.go`; the evaluator reads `default` alone), and `ipv6Support: false`, under
 * which Felix programs no IPv6 rules at all (`int_dataplane.go`).
 */
function felixScopeIssues(name: string, spec: Record<string, unknown>, i: number): Issue[] {
  const issues: Issue[] = [];
  const fields = Object.keys(spec).filter((k) => FELIX_FIELDS_READ.includes(k));
  if (name !== 'default' && fields.length > 0)
    issues.push({
      code: 'unsupported_felix_setting' satisfies EvaluatorIssueCode,
      path: [i, 'spec'],
      message: `FelixConfiguration "${name}" is a per-node configuration (Felix applies it over "default" on ${name.startsWith('node.') ? `node ${name.slice(5)}` : 'the nodes its nodeSelector picks'}): not modelled, so its ${fields.join(', ')} ${fields.length === 1 ? 'is' : 'are'} ignored and every node uses "default"'s; move ${fields.length === 1 ? 'it' : 'them'} to "default" or read answers for those nodes with care.`,
    });
  if (spec.ipv6Support === false)
    issues.push({
      code: 'unsupported_felix_setting' satisfies EvaluatorIssueCode,
      path: [i, 'spec', 'ipv6Support'],
      message: `FelixConfiguration "${name}" sets ipv6Support: false: Felix then programs no IPv6 rules, so IPv6 traffic is not policed by Calico at all; the evaluator still polices it.`,
    });
  return issues;
}

/**
 * Pod annotations that Felix acts on once a FelixConfiguration turns the feature on: floating IPs
 * (`floatingIPs: Enabled`, DNAT of `cni.projectcalico.org/floatingIPs` to the pod) and extra source
 * prefixes (`workloadSourceSpoofing: Any`, `cni.projectcalico.org/allowedSourcePrefixes` sent
 * through the pod's own chains). Neither is modelled.
 */
function podFeatureIssues(index: ResourceIndex): Issue[] {
  let floating = false;
  let spoofing = false;
  for (const [r] of index.of('FelixConfiguration')) {
    if (felixOption(r.spec?.floatingIPs, ['Enabled', 'Disabled'] as const) === 'Enabled') floating = true;
    if (felixOption(r.spec?.workloadSourceSpoofing, ['Disabled', 'Any'] as const) === 'Any') spoofing = true;
  }
  const issues: Issue[] = [];
  for (const [r, i] of index.of('Pod')) {
    const annotations = r.metadata?.annotations ?? {};
    const pod = `Pod ${r.metadata?.namespace ?? 'default'}/${r.metadata?.name}`;
    for (const [on, key, what] of [
      [floating, 'cni.projectcalico.org/floatingIPs', 'floating IPs (Felix DNATs them to the pod)'],
      [
        spoofing,
        'cni.projectcalico.org/allowedSourcePrefixes',
        "extra source prefixes (Felix sends them through the pod's own chains)",
      ],
    ] as const)
      if (on && typeof annotations[key] === 'string' && annotations[key] !== '')
        issues.push({
          code: 'unsupported_felix_setting' satisfies EvaluatorIssueCode,
          path: [i, 'metadata', 'annotations', key],
          message: `${pod} has ${what}, which FelixConfiguration turns on: not modelled; flows to or from those addresses are evaluated as if they were not the pod's.`,
        });
  }
  return issues;
}

/** kube-proxy modes other than iptables (see `kube-proxy.ts` for how a world declares one). */
function kubeProxyModeIssues(index: ResourceIndex, option: KubeProxyMode | undefined): Issue[] {
  const declared = declaredKubeProxyMode(index, option);
  if (declared === undefined || declared.mode === 'iptables') return [];
  const { mode, path } = declared;
  const message =
    mode === 'ipvs'
      ? 'kube-proxy IPVS mode is not modelled: IPVS binds every ClusterIP/ExternalIP/LoadBalancer IP to the kube-ipvs0 device, so service traffic is local to each node and meets the host endpoint INPUT policy instead of FORWARD (Felix kubeIPVSSupportEnabled); verdicts here follow iptables mode and may be wrong for service traffic.'
      : mode === 'nftables'
        ? 'kube-proxy nftables mode is not modelled: its NAT runs in its own nftables hooks, not the iptables chains Felix orders its policy against; verdicts here follow iptables mode and may be wrong for service traffic.'
        : `kube-proxy mode ${JSON.stringify(mode)} is not one the evaluator knows (iptables, ipvs, nftables on Linux): verdicts here follow iptables mode.`;
  return [{ code: 'unsupported_kube_proxy_mode' satisfies EvaluatorIssueCode, path: [...path], message }];
}

/**
 * A kube-proxy local-traffic detector other than the cluster CIDR (`--detect-local-mode`,
 * `cmd/kube-proxy/app/server_linux.go` `getLocalDetector`): which sources it takes for pods (the
 * eTP Local short-cut, the ClusterIP masquerade, `path/local-traffic.ts`) is not modelled.
 */
function detectLocalModeIssues(index: ResourceIndex): Issue[] {
  const declared = declaredDetectLocalMode(index);
  if (declared === undefined) return [];
  return [
    {
      code: 'unsupported_kube_proxy_mode' satisfies EvaluatorIssueCode,
      path: [...declared.path],
      message: `kube-proxy detect-local-mode ${declared.mode} is not modelled (only ClusterCIDR is): the evaluator takes every pod, and nothing else, to be from the cluster, which decides who reaches an externalTrafficPolicy Local frontend through every endpoint and whose ClusterIP traffic is masqueraded.`,
    },
  ];
}

/** The annotations that turn on topology-aware routing (1.27+ and the older beta name). */
const TOPOLOGY_ANNOTATIONS = [
  'service.kubernetes.io/topology-mode',
  'service.kubernetes.io/topology-aware-hints',
];

/**
 * Services that ask kube-proxy for topology-aware routing, and slices that carry zone hints:
 * kube-proxy then picks only the backends hinted for the client node's zone
 * (`pkg/proxy/topology.go`), which the evaluator does not model (every ready backend is a candidate).
 */
function topologyRoutingIssues(index: ResourceIndex): Issue[] {
  const issues: Issue[] = [];
  const issue = (path: readonly (string | number)[], what: string): Issue => ({
    code: 'unsupported_topology_routing' satisfies EvaluatorIssueCode,
    path: [...path],
    message: `${what}: kube-proxy then sends traffic only to the backends hinted for the client node's zone, which is not modelled (every ready backend is taken as a candidate); remove it, or read answers about this Service as "some backend".`,
  });
  for (const [r, i] of index.of('Service')) {
    const name = `Service ${r.metadata?.namespace ?? 'default'}/${r.metadata?.name}`;
    if (typeof r.spec?.trafficDistribution === 'string')
      issues.push(
        issue(
          [i, 'spec', 'trafficDistribution'],
          `${name} sets trafficDistribution: ${r.spec.trafficDistribution}`,
        ),
      );
    const annotations = r.metadata?.annotations;
    for (const a of TOPOLOGY_ANNOTATIONS)
      if (
        typeof annotations?.[a] === 'string' &&
        !['', 'disabled', 'false'].includes(annotations[a].toLowerCase())
      )
        issues.push(
          issue(
            [i, 'metadata', 'annotations', a],
            `${name} turns on topology-aware routing (${a}: ${annotations[a]})`,
          ),
        );
  }
  for (const [r, i] of index.of('EndpointSlice')) {
    const endpoints: unknown = r.endpoints;
    if (!Array.isArray(endpoints)) continue;
    const hinted = endpoints.findIndex((e) => typeof e === 'object' && e !== null && 'hints' in e);
    if (hinted >= 0)
      issues.push(
        issue(
          [i, 'endpoints', hinted, 'hints'],
          `EndpointSlice ${r.metadata?.namespace ?? 'default'}/${r.metadata?.name} carries zone hints`,
        ),
      );
  }
  return issues;
}

/**
 * Nodes with several named host endpoints that list no address of an IP version the node has:
 * Felix binds each to its interface by name, in both IP versions' tables, so which of them carries
 * the node's addresses of that version is unknown (`soleUnaddressedHep` then picks none).
 */
function ambiguousHostEndpointIssues(
  hostEndpoints: readonly HostEndpointModel[],
  nodes: ReadonlyMap<string, NodeModel>,
  interfaceExclude: readonly RegExp[],
): Issue[] {
  const issues: Issue[] = [];
  const byNode = new Map<string, HostEndpointModel[]>();
  for (const h of hostEndpoints) {
    if (h.interfaceName === '*' || h.interfaceName === undefined) continue;
    if (isExcludedInterface(interfaceExclude, h.interfaceName)) continue; // never governs it
    byNode.set(h.node, [...(byNode.get(h.node) ?? []), h]);
  }
  for (const [node, heps] of byNode) {
    const known = nodes.get(node);
    const addresses = known === undefined ? [] : nodeAddresses(known);
    for (const version of [4, 6] as const) {
      // A node whose addresses the world does not give: its IPv4 ones are the ones asked about.
      if (!addresses.some((ip) => ip.version === version) && (addresses.length > 0 || version === 6))
        continue;
      const names = heps
        .filter((h) => !h.expectedIPs.some((ip) => ip.version === version))
        .map((h) => h.name);
      if (names.length > 1)
        issues.push({
          code: 'ambiguous_host_endpoint' satisfies EvaluatorIssueCode,
          path: [],
          message: `Node ${node} has several named host endpoints without IPv${version} expectedIPs (${names.join(', ')}): which one carries the node's IPv${version} addresses is unknown, so traffic to them is matched to the "*" host endpoint (or unpoliced); add expectedIPs.`,
        });
    }
  }
  return issues;
}

/**
 * The issues of out-of-scope inputs (see the module comment).
 *
 * @example
 * ```ts
 * outOfScopeIssues(index, hostEndpoints, 'iptables', felix.interfaceExclude, nodes); // [{ code: 'unsupported_ebpf', … }] for bpfEnabled: true
 * ```
 */
export function outOfScopeIssues(
  index: ResourceIndex,
  hostEndpoints: readonly HostEndpointModel[],
  kubeProxyMode: KubeProxyMode | undefined,
  interfaceExclude: readonly RegExp[],
  nodes: ReadonlyMap<string, NodeModel>,
): Issue[] {
  const issues: Issue[] = [];
  issues.push(
    ...kubeProxyModeIssues(index, kubeProxyMode),
    ...detectLocalModeIssues(index),
    ...topologyRoutingIssues(index),
  );
  for (const [r, i] of index.of('HostEndpoint')) {
    const iface = r.spec?.interfaceName;
    if (typeof iface === 'string' && TUNNEL_DEVICES.has(iface))
      issues.push({
        code: 'unsupported_tunnel_hep' satisfies EvaluatorIssueCode,
        path: [i, 'spec', 'interfaceName'],
        message: `HostEndpoint "${r.metadata.name}" is on tunnel device ${iface}: IPIP/VXLAN/WireGuard tunnel host endpoints are not modelled; use interfaceName "*" or the fabric interface.`,
      });
  }
  for (const [r, i] of index.of('FelixConfiguration')) {
    if (r.spec?.bpfEnabled === true)
      issues.push({
        code: 'unsupported_ebpf' satisfies EvaluatorIssueCode,
        path: [i, 'spec', 'bpfEnabled'],
        message: `FelixConfiguration "${r.metadata.name}" enables the eBPF dataplane: the evaluator models the iptables dataplane only, so its answers may differ (NAT and host endpoint handling differ in eBPF).`,
      });
    issues.push(
      ...handOffIssues(r.metadata.name, r.spec ?? {}, i),
      ...felixScopeIssues(r.metadata.name, r.spec ?? {}, i),
      ...interfaceExcludeIssues(r.metadata.name, r.spec ?? {}, i),
      ...failsafeIssues(r.metadata.name, r.spec ?? {}, i),
    );
  }
  issues.push(...podFeatureIssues(index));
  issues.push(...ambiguousHostEndpointIssues(hostEndpoints, nodes, interfaceExclude));
  return issues;
}
