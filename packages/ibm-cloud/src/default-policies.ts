/**
 * The GlobalNetworkPolicies IBM Cloud Kubernetes Service (classic) installs on every cluster
 * (calico-semantics.md §10.2), written with the DSL. They are normal host-endpoint policies in the
 * `default` tier (no pre-DNAT, no applyOnForward), so they govern traffic to and from the workers'
 * own processes; forwarded NodePort/LoadBalancer traffic to pods is not policed by them (§4.5).
 */
import { type GlobalNetworkPolicy, globalNetworkPolicy, type ResourceBuilder } from '@calico-dsl/core';
import { PUBLIC_INTERFACES_SELECTOR, WORKER_PRIVATE_SELECTOR, WORKER_PUBLIC_SELECTOR } from './labels.js';
import { IBM_SYS_MGMT_SAMPLE_NETS } from './sys-mgmt-nets.js';

/**
 * A default policy as a DSL builder (call `.toResource()` or pass it to `toYaml` / `World.from`).
 *
 * @example
 * ```ts
 * const icmp: IbmDefaultPolicy = allowIcmp();
 * icmp.toResource().metadata.name; // 'allow-icmp'
 * ```
 */
export type IbmDefaultPolicy = ResourceBuilder<GlobalNetworkPolicy>;

/**
 * The pod network IKS classic clusters use by default (the destination `allow-node-port-dnat` admits).
 *
 * @example
 * ```ts
 * allowNodePortDnat(IBM_DEFAULT_POD_CIDR); // the same as allowNodePortDnat()
 * ```
 */
export const IBM_DEFAULT_POD_CIDR = '172.30.0.0/16';

/** The VRRP IP protocol number (keepalived on the load balancer workers). */
const VRRP_PROTOCOL = 112;
/** The BigFix agent port IBM uses to patch workers. */
const BIGFIX_PORT = 52311;

/**
 * `allow-all-outbound` (order 1900): the public interfaces may send anything.
 *
 * @example
 * ```ts
 * toYaml(allowAllOutbound());
 * // spec: { order: 1900, egress: [{ action: Allow }], selector: ibm.role in {…}, types: [Egress] }
 * ```
 */
export function allowAllOutbound(): IbmDefaultPolicy {
  return globalNetworkPolicy('allow-all-outbound')
    .order(1900)
    .selector(PUBLIC_INTERFACES_SELECTOR)
    .types('Egress')
    .egress()
    .allow();
}

/**
 * `allow-bigfix-port` (order 1900): TCP and UDP 52311 in on the public interfaces (IBM's BigFix agent).
 *
 * @example
 * ```ts
 * allowBigfixPort().toResource().spec.ingress?.length; // 2
 * ```
 */
export function allowBigfixPort(): IbmDefaultPolicy {
  return globalNetworkPolicy('allow-bigfix-port')
    .order(1900)
    .selector(PUBLIC_INTERFACES_SELECTOR)
    .types('Ingress')
    .allow()
    .tcp()
    .ports(BIGFIX_PORT)
    .allow()
    .udp()
    .ports(BIGFIX_PORT);
}

/**
 * `allow-icmp` (order 1500): any ICMP in on the public interfaces.
 *
 * @example
 * ```ts
 * allowIcmp().toResource().spec.ingress; // [{ action: 'Allow', protocol: 'ICMP' }]
 * ```
 */
export function allowIcmp(): IbmDefaultPolicy {
  return globalNetworkPolicy('allow-icmp')
    .order(1500)
    .selector(PUBLIC_INTERFACES_SELECTOR)
    .types('Ingress')
    .allow()
    .icmp();
}

/**
 * `allow-node-port-dnat` (order 1500): anything in on a worker's public interface whose (post-DNAT)
 * destination is in the pod network. A relic of Calico v2, where host policy saw forwarded traffic.
 *
 * @example
 * ```ts
 * allowNodePortDnat('172.30.0.0/16').toResource().spec.ingress;
 * // [{ action: 'Allow', destination: { nets: ['172.30.0.0/16'] } }]
 * ```
 */
export function allowNodePortDnat(podCidr: string = IBM_DEFAULT_POD_CIDR): IbmDefaultPolicy {
  return globalNetworkPolicy('allow-node-port-dnat')
    .order(1500)
    .selector(WORKER_PUBLIC_SELECTOR)
    .types('Ingress')
    .allow()
    .toNets(podCidr);
}

/**
 * `allow-sys-mgmt` (order 1950): anything in on the public interfaces from IBM's infrastructure
 * networks (pass the real list for your region; the default is {@link IBM_SYS_MGMT_SAMPLE_NETS}).
 *
 * @example
 * ```ts
 * allowSysMgmt(['169.45.118.0/23']).toResource().spec.ingress;
 * // [{ action: 'Allow', source: { nets: ['169.45.118.0/23'] } }]
 * ```
 */
export function allowSysMgmt(nets: readonly string[] = IBM_SYS_MGMT_SAMPLE_NETS): IbmDefaultPolicy {
  return globalNetworkPolicy('allow-sys-mgmt')
    .order(1950)
    .selector(PUBLIC_INTERFACES_SELECTOR)
    .types('Ingress')
    .allow()
    .fromNets(...nets);
}

/**
 * `allow-vrrp` (order 1500): VRRP (IP protocol 112) in on the workers' public interfaces.
 *
 * @example
 * ```ts
 * allowVrrp().toResource().spec.ingress; // [{ action: 'Allow', protocol: 112 }]
 * ```
 */
export function allowVrrp(): IbmDefaultPolicy {
  return globalNetworkPolicy('allow-vrrp')
    .order(1500)
    .selector(WORKER_PUBLIC_SELECTOR)
    .types('Ingress')
    .allow()
    .protocol(VRRP_PROTOCOL);
}

/**
 * `allow-all-private-default` (order 100000): everything in and out on the workers' private
 * interfaces. IBM documents it only as "allows all inbound and outbound traffic on the private
 * network"; this is that policy (calico-semantics.md §10.2 marks it reconstructed).
 *
 * @example
 * ```ts
 * allowAllPrivateDefault().toResource().spec.types; // ['Ingress', 'Egress']
 * ```
 */
export function allowAllPrivateDefault(): IbmDefaultPolicy {
  return globalNetworkPolicy('allow-all-private-default')
    .order(100000)
    .selector(WORKER_PRIVATE_SELECTOR)
    .types('Ingress', 'Egress')
    .allow()
    .end()
    .egress()
    .allow();
}

/**
 * Options of {@link ibmDefaultPolicies}.
 *
 * @example
 * ```ts
 * const options: IbmDefaultPolicyOptions = { podCidr: '172.17.0.0/18', sysMgmtNets: ['169.45.118.0/23'] };
 * ```
 */
export interface IbmDefaultPolicyOptions {
  /** The cluster's pod network, for `allow-node-port-dnat`. Default {@link IBM_DEFAULT_POD_CIDR}. */
  readonly podCidr?: string;
  /** IBM's infrastructure networks, for `allow-sys-mgmt`. Default {@link IBM_SYS_MGMT_SAMPLE_NETS}. */
  readonly sysMgmtNets?: readonly string[];
}

/**
 * All seven default GlobalNetworkPolicies of an IBM Cloud classic cluster, in the order
 * `calicoctl get gnp` lists them.
 *
 * @example
 * ```ts
 * ibmDefaultPolicies().map((p) => p.toResource().metadata.name);
 * // ['allow-all-outbound', 'allow-bigfix-port', 'allow-icmp', 'allow-node-port-dnat',
 * //  'allow-sys-mgmt', 'allow-vrrp', 'allow-all-private-default']
 * ```
 */
export function ibmDefaultPolicies(options: IbmDefaultPolicyOptions = {}): IbmDefaultPolicy[] {
  return [
    allowAllOutbound(),
    allowBigfixPort(),
    allowIcmp(),
    allowNodePortDnat(options.podCidr),
    allowSysMgmt(options.sysMgmtNets),
    allowVrrp(),
    allowAllPrivateDefault(),
  ];
}
