/**
 * `IPPool` of `projectcalico.org/v3`, field for field as upstream `ippool.go` declares it (and in
 * the same order, which the YAML printer follows). The enums are the CRD's
 * (`projectcalico.org_ippools.yaml`); each type below is read off its value list, so the list
 * `validate` checks against and the type the builder takes are one.
 */
import type { CalicoApiVersion, ObjectMeta } from './metadata.js';

/**
 * The values of `spec.ipipMode` (`IPIPMode` in ippool.go), in upstream order.
 *
 * @example
 * ```ts
 * IPIP_MODES[2]; // 'CrossSubnet'
 * ```
 */
export const IPIP_MODES = ['Never', 'Always', 'CrossSubnet'] as const;

/**
 * When traffic to this pool's addresses is IPIP-encapsulated between nodes: `Never` (the default
 * when unset), `Always`, or `CrossSubnet` (only to a node in another subnet). IPv6 pools cannot use
 * IPIP.
 *
 * @example
 * ```ts
 * const mode: IPIPMode | undefined = ipPool('pods').cidr('10.244.0.0/16').ipipMode('CrossSubnet').toResource().spec.ipipMode; // 'CrossSubnet'
 * ```
 */
export type IPIPMode = (typeof IPIP_MODES)[number];

/**
 * The values of `spec.vxlanMode` (`VXLANMode` in ippool.go), in upstream order.
 *
 * @example
 * ```ts
 * VXLAN_MODES[1]; // 'Always'
 * ```
 */
export const VXLAN_MODES = ['Never', 'Always', 'CrossSubnet'] as const;

/**
 * Whether an IPPool's `ipipMode` or `vxlanMode` turns that encapsulation on: any mode but `Never`
 * (unset and `""` read as `Never`). Calico's CEL rules and Felix's encapsulation resolver
 * (`encapsulation_resolver.go`) both read a mode this way.
 *
 * @example
 * ```ts
 * encapsulationOn('CrossSubnet'); // true
 * encapsulationOn('Never'); // false
 * encapsulationOn(undefined); // false
 * ```
 */
export function encapsulationOn(mode: unknown): boolean {
  return typeof mode === 'string' && mode !== '' && mode !== 'Never';
}

/**
 * When traffic to this pool's addresses is VXLAN-encapsulated between nodes: `Never` (the default
 * when unset), `Always`, or `CrossSubnet` (only to a node in another subnet). A pool enables IPIP or
 * VXLAN, not both.
 *
 * @example
 * ```ts
 * const mode: VXLANMode | undefined = ipPool('pods').cidr('10.244.0.0/16').vxlanMode('Always').toResource().spec.vxlanMode; // 'Always'
 * ```
 */
export type VXLANMode = (typeof VXLAN_MODES)[number];

/**
 * The values of `spec.allowedUses` (`IPPoolAllowedUse` in ippool.go), in upstream order.
 *
 * @example
 * ```ts
 * IP_POOL_ALLOWED_USES[2]; // 'LoadBalancer'
 * ```
 */
export const IP_POOL_ALLOWED_USES = ['Workload', 'Tunnel', 'LoadBalancer'] as const;

/**
 * What Calico IPAM may assign a pool's addresses to: `Workload` (pods), `Tunnel` (the nodes'
 * IPIP/VXLAN/WireGuard tunnel addresses) or `LoadBalancer` (Services of type LoadBalancer, on a
 * pool of its own). A pool without `allowedUses` is used for `Workload` and `Tunnel`.
 *
 * @example
 * ```ts
 * const uses: readonly IPPoolAllowedUse[] | undefined = ipPool('lb').cidr('192.0.2.0/24').allowedUses('LoadBalancer').toResource().spec.allowedUses; // ['LoadBalancer']
 * ```
 */
export type IPPoolAllowedUse = (typeof IP_POOL_ALLOWED_USES)[number];

/**
 * The values of `spec.assignmentMode` (`AssignmentMode` in ippool.go), in upstream order.
 *
 * @example
 * ```ts
 * ASSIGNMENT_MODES[1]; // 'Manual'
 * ```
 */
export const ASSIGNMENT_MODES = ['Automatic', 'Manual'] as const;

/**
 * How addresses are taken from a pool: `Automatic` (the CRD default: IPAM picks pools by their
 * selectors) or `Manual` (only when a workload asks for this pool or one of its addresses).
 *
 * @example
 * ```ts
 * const mode: AssignmentMode | undefined = ipPool('reserved').cidr('10.250.0.0/24').assignmentMode('Manual').toResource().spec.assignmentMode; // 'Manual'
 * ```
 */
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

/**
 * `IPPool.spec`, in upstream order. Only `cidr` is required. What Calico fills in for a field left
 * out is not written here (nor by `validate`, which keeps what it is given): the CRD defaults
 * `nodeSelector` to `all()` and `assignmentMode` to `Automatic`, and calicoctl's client
 * (libcalico-go `clientv3/ippool.go`) sets `blockSize` to 26 for IPv4 and 122 for IPv6,
 * `allowedUses` to `[Workload, Tunnel]`, and reads an unset `ipipMode`/`vxlanMode` as `Never`.
 * `cidr` and `blockSize` cannot be changed once the pool exists.
 *
 * @example
 * ```ts
 * // The builder's methods fill the spec, printed in upstream order whatever the call order:
 * const spec: IPPoolSpec = ipPool('pods').natOutgoing().vxlanMode('CrossSubnet').cidr('10.244.0.0/16').toResource().spec; // { cidr: '10.244.0.0/16', vxlanMode: 'CrossSubnet', natOutgoing: true }
 * ```
 */
export interface IPPoolSpec {
  /** The pool's network, strictly masked (`10.244.0.0/16`, `fd00:10:244::/64`). */
  readonly cidr: string;
  /** VXLAN encapsulation of traffic to the pool's addresses. */
  readonly vxlanMode?: VXLANMode;
  /** IPIP encapsulation of traffic to the pool's addresses (IPv4 pools only). */
  readonly ipipMode?: IPIPMode;
  /** Masquerade traffic from the pool's workloads to destinations outside every pool. */
  readonly natOutgoing?: boolean;
  /** Calico IPAM assigns no new addresses from a disabled pool. */
  readonly disabled?: boolean;
  /** Do not export routes for the pool's CIDR over BGP. */
  readonly disableBGPExport?: boolean;
  /** The prefix length of the blocks IPAM hands to nodes: 20-32 for IPv4, 116-128 for IPv6. */
  readonly blockSize?: number;
  /** The nodes whose workloads take addresses from this pool (a Calico selector over node labels). */
  readonly nodeSelector?: string;
  /** The namespaces whose workloads take addresses from this pool (with `nodeSelector`, both must match). */
  readonly namespaceSelector?: string;
  /** What the pool's addresses may be assigned to. */
  readonly allowedUses?: readonly IPPoolAllowedUse[];
  /** Whether IPAM assigns from this pool on its own or only when asked for it. */
  readonly assignmentMode?: AssignmentMode;
}

/**
 * A range of addresses Calico IPAM assigns to workloads, tunnels or load balancers, with the
 * encapsulation and NAT of traffic to and from them (cluster-scoped). `status` (the pool
 * controller's `Allocatable` condition) is kept as read from a cluster and not checked.
 *
 * @example
 * ```ts
 * ipPool('pods-v4').cidr('10.244.0.0/16').vxlanMode('CrossSubnet').natOutgoing().blockSize(26)
 *   .nodeSelector('all()').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: IPPool
 * // metadata:
 * //   name: pods-v4
 * // spec:
 * //   cidr: 10.244.0.0/16
 * //   vxlanMode: CrossSubnet
 * //   natOutgoing: true
 * //   blockSize: 26
 * //   nodeSelector: all()
 * ```
 */
export interface IPPool {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'IPPool';
  readonly metadata: ObjectMeta;
  readonly spec: IPPoolSpec;
  readonly status?: Readonly<Record<string, unknown>>;
}
