/**
 * `BGPConfiguration` of `projectcalico.org/v3`, field for field as upstream `bgpconfig.go`
 * declares it (and in the same order, which the YAML printer follows). The enums are the CRD's
 * (`projectcalico.org_bgpconfigurations.yaml`); each type below is read off its value list, so
 * the list `validate` checks against and the type the builder takes are one.
 */
import type { CalicoApiVersion, ObjectMeta } from './metadata.js';

/**
 * Calico's log levels, as the CRD patterns of BGPConfiguration's and FelixConfiguration's
 * `logSeverity*` fields name them (`^(?i)(Trace|Debug|Info|Warning|Error|Fatal)?$`), in upstream
 * order.
 *
 * @example
 * ```ts
 * LOG_SEVERITIES[2]; // 'Info'
 * ```
 */
export const LOG_SEVERITIES = ['Trace', 'Debug', 'Info', 'Warning', 'Error', 'Fatal'] as const;

/**
 * The log level of BIRD and confd's screen output (the CRD default is `Info`). Calico takes any
 * case (`info`, `INFO`); the builder takes this spelling.
 *
 * @example
 * ```ts
 * const level: LogSeverity = 'Warning';
 * bgpConfiguration('default').logSeverityScreen(level).toResource().spec.logSeverityScreen; // 'Warning'
 * ```
 */
export type LogSeverity = (typeof LOG_SEVERITIES)[number];

/**
 * The values of `spec.serviceLoadBalancerAggregation` (`ServiceLoadBalancerAggregation` in
 * bgpconfig.go), in upstream order.
 *
 * @example
 * ```ts
 * SERVICE_LOAD_BALANCER_AGGREGATIONS[1]; // 'Disabled'
 * ```
 */
export const SERVICE_LOAD_BALANCER_AGGREGATIONS = ['Enabled', 'Disabled'] as const;

/**
 * How LoadBalancer Service IPs are advertised: `Enabled` (the CRD default: each
 * `serviceLoadBalancerIPs` block as a whole) or `Disabled` (one /32 or /128 route per Service IP,
 * withdrawn when the Service goes).
 *
 * @example
 * ```ts
 * const mode: ServiceLoadBalancerAggregation | undefined = bgpConfiguration('default').serviceLoadBalancerAggregation('Disabled').toResource().spec.serviceLoadBalancerAggregation; // 'Disabled'
 * ```
 */
export type ServiceLoadBalancerAggregation = (typeof SERVICE_LOAD_BALANCER_AGGREGATIONS)[number];

/**
 * The values of `spec.bindMode` (`BindMode` in bgpconfig.go), in upstream order.
 *
 * @example
 * ```ts
 * BGP_BIND_MODES[1]; // 'NodeIP'
 * ```
 */
export const BGP_BIND_MODES = ['None', 'NodeIP'] as const;

/**
 * Where BIRD listens for BGP connections: `None` (every address, also when unset) or `NodeIP`
 * (only the node's own BGP address).
 *
 * @example
 * ```ts
 * const mode: BGPBindMode | undefined = bgpConfiguration('default').bindMode('NodeIP').toResource().spec.bindMode; // 'NodeIP'
 * ```
 */
export type BGPBindMode = (typeof BGP_BIND_MODES)[number];

/**
 * The values of `spec.programClusterRoutes` (the CRD enum), in upstream order.
 *
 * @example
 * ```ts
 * PROGRAM_CLUSTER_ROUTES[3]; // 'EnabledNoEncapOnly'
 * ```
 */
export const PROGRAM_CLUSTER_ROUTES = [
  'Enabled',
  'Disabled',
  'EnabledIPIPOnly',
  'EnabledNoEncapOnly',
] as const;

/**
 * Which routes to other nodes' workloads BIRD programs (for pools without VXLAN): `Disabled`,
 * `EnabledNoEncapOnly` (the default: unencapsulated pools), `EnabledIPIPOnly` or `Enabled` (both;
 * the two IPIP values are deprecated upstream). It must agree with FelixConfiguration's
 * `programClusterRoutes`.
 *
 * @example
 * ```ts
 * const routes: ProgramClusterRoutes | undefined = bgpConfiguration('default').programClusterRoutes('Disabled').toResource().spec.programClusterRoutes; // 'Disabled'
 * ```
 */
export type ProgramClusterRoutes = (typeof PROGRAM_CLUSTER_ROUTES)[number];

/**
 * One block of `serviceClusterIPs`, `serviceExternalIPs` or `serviceLoadBalancerIPs`
 * (`ServiceClusterIPBlock`, `ServiceExternalIPBlock`, `ServiceLoadBalancerIPBlock` in
 * bgpconfig.go: three structs with the one field). `cidr` is optional there (`omitempty`), so
 * Calico accepts an entry without it, which advertises nothing.
 *
 * @example
 * ```ts
 * const block: ServiceIPBlock = { cidr: '10.96.0.0/12' };
 * ```
 */
export interface ServiceIPBlock {
  /** A network, strictly masked, with its prefix length (`10.96.0.0/12`, `fd00:96::/108`). */
  readonly cidr?: string;
}

/**
 * A named BGP community (`Community` in bgpconfig.go), which `prefixAdvertisements` may name.
 *
 * @example
 * ```ts
 * const community: Community = { name: 'no-export-peers', value: '65001:100' };
 * ```
 */
export interface Community {
  /** A DNS subdomain name (lower case), at most 253 characters. */
  readonly name: string;
  /** `aa:nn` (a standard community, 16-bit parts) or `aa:nn:mm` (a large one, 32-bit parts). */
  readonly value: string;
}

/**
 * The communities BIRD attaches when it advertises `cidr` (`PrefixAdvertisement` in
 * bgpconfig.go).
 *
 * @example
 * ```ts
 * const advert: PrefixAdvertisement = { cidr: '192.168.10.0/28', communities: ['no-export-peers', '65001:200'] };
 * ```
 */
export interface PrefixAdvertisement {
  /** The advertised network, strictly masked. */
  readonly cidr: string;
  /** Community values (`aa:nn`, `aa:nn:mm`) or names from `spec.communities`; at most 50. */
  readonly communities: readonly string[];
}

/**
 * A key of a Secret in calico-node's namespace (Kubernetes `SecretKeySelector`, in its field
 * order).
 *
 * @example
 * ```ts
 * const ref: SecretKeySelector = { name: 'bgp-secrets', key: 'mesh-password' };
 * ```
 */
export interface SecretKeySelector {
  /** The Secret's name (the CRD defaults it to `""`). */
  readonly name?: string;
  /** The key within the Secret. */
  readonly key: string;
  /** Whether the Secret or its key may be missing. */
  readonly optional?: boolean;
}

/**
 * A BGP password read from a Secret (`BGPPassword` in bgppeer.go).
 *
 * @example
 * ```ts
 * const password: BGPPassword = { secretKeyRef: { name: 'bgp-secrets', key: 'mesh-password' } };
 * ```
 */
export interface BGPPassword {
  readonly secretKeyRef?: SecretKeySelector;
}

/**
 * `BGPConfiguration.spec`, in upstream order; every field is optional. What Calico fills in for a
 * field left out is not written here (nor by `validate`, which keeps what it is given, except
 * that an `asNumber` written as text becomes the number Calico stores): the CRD defaults
 * `logSeverityScreen` to `Info` and `serviceLoadBalancerAggregation` to `Enabled`; calico-node
 * reads an unset `nodeToNodeMeshEnabled` as `true`, `asNumber` as 64512, `listenPort` as 179.
 * calicoctl takes the mesh, AS number, service IP and mesh password/restart fields only on the
 * configuration named `default`.
 *
 * @example
 * ```ts
 * // The builder's methods fill the spec, printed in upstream order whatever the call order:
 * const spec: BGPConfigurationSpec = bgpConfiguration('default').serviceClusterIPs('10.96.0.0/12').asNumber(64512).toResource().spec; // { asNumber: 64512, serviceClusterIPs: [{ cidr: '10.96.0.0/12' }] }
 * ```
 */
export interface BGPConfigurationSpec {
  /** BIRD's and confd's screen log level, in any case. */
  readonly logSeverityScreen?: string;
  /** Whether every node peers with every other node (the full mesh). */
  readonly nodeToNodeMeshEnabled?: boolean;
  /** The nodes' default AS number, 0-4294967295. */
  readonly asNumber?: number;
  /** LoadBalancer Service ingress IPs within these blocks are advertised. */
  readonly serviceLoadBalancerIPs?: readonly ServiceIPBlock[];
  /** Service external IPs within these blocks are advertised. */
  readonly serviceExternalIPs?: readonly ServiceIPBlock[];
  /** The blocks Service cluster IPs come from: advertised, with the cluster IPs in them. */
  readonly serviceClusterIPs?: readonly ServiceIPBlock[];
  /** Whether LoadBalancer IPs are advertised as their blocks or one route per Service. */
  readonly serviceLoadBalancerAggregation?: ServiceLoadBalancerAggregation;
  /** Named community values that `prefixAdvertisements` may use (at most 500). */
  readonly communities?: readonly Community[];
  /** Per-prefix communities (at most 500). */
  readonly prefixAdvertisements?: readonly PrefixAdvertisement[];
  /** The port BIRD listens on, 1-65535 (`0` is unset, as Go omits it). */
  readonly listenPort?: number;
  /** The password of the node-to-node mesh sessions. */
  readonly nodeMeshPassword?: BGPPassword;
  /** The graceful restart time of the mesh sessions, a Go duration (`"120s"`). */
  readonly nodeMeshMaxRestartTime?: string;
  /** Whether BIRD listens on every address or only the node's BGP address. */
  readonly bindMode?: BGPBindMode;
  /** Interfaces whose routes BIRD does not read (`*` may end a prefix: `cali*`); a set. */
  readonly ignoredInterfaces?: readonly string[];
  /** The IPv4 address a node's local workloads peer with (link-local recommended). */
  readonly localWorkloadPeeringIPV4?: string;
  /** The IPv6 address a node's local workloads peer with (link-local recommended). */
  readonly localWorkloadPeeringIPV6?: string;
  /** Which cluster routes BIRD programs. */
  readonly programClusterRoutes?: ProgramClusterRoutes;
  /** Felix's IPv4 workload route metric, 1-2147483646, as FelixConfiguration sets it. */
  readonly ipv4NormalRoutePriority?: number;
  /** Felix's IPv6 workload route metric, 1-2147483646, as FelixConfiguration sets it. */
  readonly ipv6NormalRoutePriority?: number;
}

/**
 * Calico's BGP settings (cluster-scoped): the cluster-wide `default`, or `node.<name>` for one
 * node. The evaluator reads the Service IP blocks it advertises.
 *
 * @example
 * ```ts
 * bgpConfiguration('default').nodeToNodeMeshEnabled(false).asNumber(64512)
 *   .serviceClusterIPs('10.96.0.0/12').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: BGPConfiguration
 * // metadata:
 * //   name: default
 * // spec:
 * //   nodeToNodeMeshEnabled: false
 * //   asNumber: 64512
 * //   serviceClusterIPs:
 * //   - cidr: 10.96.0.0/12
 * ```
 */
export interface BGPConfiguration {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'BGPConfiguration';
  readonly metadata: ObjectMeta;
  readonly spec: BGPConfigurationSpec;
}
