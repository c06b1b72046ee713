/**
 * Structural checks of the fields the evaluator reads, so that malformed input fails with a
 * message naming the resource instead of a TypeError deep inside. Full validation is
 * `validate`'s job (core); this only guarantees the shapes the world builder relies on. Built
 * from core's shape checks: the Kubernetes kinds are checked by core's `KUBERNETES_SHAPES`, the
 * same check `fromYaml` makes, so a bad Pod gets the same issues whatever the entry point.
 */
import {
  ACTIONS,
  checkKubernetesResource,
  formatPath,
  type Issue,
  KUBERNETES_NETWORK_POLICY_SPEC,
  type ShapeCheck,
  shapeChecks,
} from '@calico-dsl/core';

const { boolean, either, integer, listOf, number, object, oneOf, string, stringMap, isObject } = shapeChecks;

const strings = listOf(string);
const ports = listOf(either(number, string, 'a port number, "min:max" range or port name'));
const entity = object({
  selector: string,
  notSelector: string,
  namespaceSelector: string,
  nets: strings,
  notNets: strings,
  ports,
  notPorts: ports,
  services: object({ name: string, namespace: string }),
  serviceAccounts: object({ names: strings, selector: string }),
});
const rules = listOf(
  object(
    {
      action: oneOf(...ACTIONS),
      source: entity,
      destination: entity,
      icmp: object({}),
      notICMP: object({}),
      http: object({}),
    },
    ['action'],
  ),
);
const policySpec = object({
  ingress: rules,
  egress: rules,
  selector: string,
  namespaceSelector: string,
  serviceAccountSelector: string,
  tier: string,
  order: number,
  types: strings,
  labelsToApply: stringMap,
});
const serviceCidrs = listOf(object({ cidr: string }));
const failsafePorts = listOf(object({ port: number, protocol: string, net: string }));

/** The spec checks of the Calico kinds the evaluator reads (by kind). */
const CALICO_SPECS: ReadonlyMap<string, ShapeCheck> = new Map([
  ['GlobalNetworkPolicy', policySpec],
  ['StagedGlobalNetworkPolicy', policySpec],
  ['NetworkPolicy', policySpec],
  ['StagedNetworkPolicy', policySpec],
  ['Profile', policySpec],
  ['StagedKubernetesNetworkPolicy', KUBERNETES_NETWORK_POLICY_SPEC],
  [
    'HostEndpoint',
    object({ expectedIPs: strings, profiles: strings, interfaceName: string, ports: listOf(object({})) }),
  ],
  // Service loop prevention: the service CIDRs Calico advertises.
  [
    'BGPConfiguration',
    object({
      serviceClusterIPs: serviceCidrs,
      serviceExternalIPs: serviceCidrs,
      serviceLoadBalancerIPs: serviceCidrs,
    }),
  ],
  // natOutgoing and the tunnels (static IPIP/VXLAN rules).
  [
    'IPPool',
    object(
      { cidr: string, natOutgoing: boolean, allowedUses: strings, ipipMode: string, vxlanMode: string },
      ['cidr'],
    ),
  ],
  // §2.1: tiers are sorted by order and name, and their defaultAction read.
  ['Tier', object({ order: number, defaultAction: string })],
  ['GlobalNetworkSet', object({ nets: strings })],
  ['NetworkSet', object({ nets: strings })],
  [
    'FelixConfiguration',
    object({
      failsafeInboundHostPorts: failsafePorts,
      failsafeOutboundHostPorts: failsafePorts,
      // The CRD's `type: integer` (no range: Felix renders `uint16(VXLANPort)`).
      vxlanPort: integer(),
      allowVXLANPacketsFromWorkloads: boolean,
      allowIPIPPacketsFromWorkloads: boolean,
      wireguardEnabled: boolean,
      wireguardEnabledV6: boolean,
      // Felix renders `uint16(WireguardListeningPort)`, as for the VXLAN port.
      wireguardListeningPort: integer(),
      wireguardListeningPortV6: integer(),
      ipipEnabled: boolean,
      vxlanEnabled: boolean,
      natOutgoingExclusions: string,
      serviceLoopPrevention: string,
      natOutgoingAddress: string,
      externalNodesList: strings,
      iptablesNATOutgoingInterfaceFilter: string,
    }),
  ],
]);
const calicoMetadata = object({ labels: stringMap, namespace: string });

/**
 * The shape issues of one resource (`i` = its index in the input), paths from the input list.
 *
 * @example
 * ```ts
 * shapeIssues({ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'x' }, spec: { ingress: 'all' } }, 0);
 * // [{ code: 'invalid_type', path: [0, 'spec', 'ingress'],
 * //    message: 'GlobalNetworkPolicy "x": spec.ingress must be a list, not string "all"' }]
 * ```
 */
export function shapeIssues(r: Record<string, unknown>, i: number): Issue[] {
  const found: Issue[] = [];
  const k8s = checkKubernetesResource(r);
  if (k8s !== undefined) {
    if (!k8s.ok) found.push(...k8s.issues);
  } else {
    // Absent (or null) metadata and spec read as empty, as calicoctl decodes them.
    if (r.metadata != null) calicoMetadata(r.metadata, ['metadata'], found);
    const spec = typeof r.kind === 'string' ? CALICO_SPECS.get(r.kind) : undefined;
    if (r.spec != null) spec?.(r.spec, ['spec'], found);
  }
  const meta = isObject(r.metadata) ? r.metadata : {};
  const label = `${String(r.kind)} "${String(meta.name)}"`;
  return found.map((issue) => ({
    ...issue,
    path: [i, ...issue.path],
    message: `${label}: ${formatPath(issue.path)} ${issue.message}`,
  }));
}
