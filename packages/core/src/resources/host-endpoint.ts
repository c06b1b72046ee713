import type { CalicoApiVersion, ObjectMeta } from './metadata.js';
import type { Protocol } from './rule.js';

/**
 * A named port a host endpoint exposes (usable as a named port in rules).
 *
 * @example
 * ```ts
 * // .port(name, protocol, port) adds one:
 * const ssh: EndpointPort | undefined = hostEndpoint('worker-1-eth0').node('worker-1').interfaceName('eth0').port('ssh', 'TCP', 22).toResource().spec.ports?.[0]; // { name: 'ssh', protocol: 'TCP', port: 22 }
 * ```
 */
export interface EndpointPort {
  readonly name: string;
  readonly protocol: Protocol;
  readonly port: number;
}

/**
 * `HostEndpoint.spec`, in upstream order.
 *
 * @example
 * ```ts
 * // The builder's methods fill the spec, printed in upstream order whatever the call order:
 * const spec: HostEndpointSpec = hostEndpoint('worker-1-public').expectedIPs('169.46.7.10').interfaceName('eth1').node('worker-1').toResource().spec; // { node: 'worker-1', interfaceName: 'eth1', expectedIPs: ['169.46.7.10'] }
 * ```
 */
export interface HostEndpointSpec {
  readonly node?: string;
  readonly interfaceName?: string;
  readonly expectedIPs?: readonly string[];
  readonly profiles?: readonly string[];
  readonly ports?: readonly EndpointPort[];
}

/**
 * A host interface (or all of them, `interfaceName: '*'`) that Calico polices.
 *
 * @example
 * ```ts
 * hostEndpoint('worker-1-public').labels({ 'ibm.role': 'worker_public' }).node('worker-1').interfaceName('eth1')
 *   .expectedIPs('169.46.7.10').port('ssh', 'TCP', 22).toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: HostEndpoint
 * // metadata:
 * //   name: worker-1-public
 * //   labels:
 * //     ibm.role: worker_public
 * // spec:
 * //   node: worker-1
 * //   interfaceName: eth1
 * //   expectedIPs:
 * //   - 169.46.7.10
 * //   ports:
 * //   - name: ssh
 * //     protocol: TCP
 * //     port: 22
 * ```
 */
export interface HostEndpoint {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'HostEndpoint';
  readonly metadata: ObjectMeta;
  readonly spec: HostEndpointSpec;
}
