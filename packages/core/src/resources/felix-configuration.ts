import type { CalicoApiVersion, ObjectMeta } from './metadata.js';

/**
 * One failsafe entry: protocol (`tcp` default), port and optional remote CIDR.
 *
 * @example
 * ```ts
 * const dhcp: ProtoPort = { protocol: 'udp', port: 68, net: '0.0.0.0/0' };
 * ```
 */
export interface ProtoPort {
  readonly protocol?: string;
  readonly port: number;
  readonly net?: string;
}

/**
 * The parts of `FelixConfiguration.spec` this SDK models. Other fields are kept verbatim so that
 * a configuration read from a cluster is not lost, but they have no effect on evaluation.
 *
 * @example
 * ```ts
 * const spec: FelixConfigurationSpec = {
 *   failsafeInboundHostPorts: [{ protocol: 'tcp', port: 22 }], defaultEndpointToHostAction: 'Drop',
 * };
 * ```
 */
export interface FelixConfigurationSpec {
  readonly failsafeInboundHostPorts?: readonly ProtoPort[];
  readonly failsafeOutboundHostPorts?: readonly ProtoPort[];
  readonly defaultEndpointToHostAction?: 'Drop' | 'Return' | 'Accept';
  readonly [field: string]: unknown;
}

/**
 * Felix configuration (cluster-wide `default`, or `node.<name>`).
 *
 * @example
 * ```ts
 * const felix: FelixConfiguration = { apiVersion: 'projectcalico.org/v3', kind: 'FelixConfiguration',
 *   metadata: { name: 'default' }, spec: { failsafeInboundHostPorts: [{ protocol: 'tcp', port: 22 }] } };
 * ```
 */
export interface FelixConfiguration {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'FelixConfiguration';
  readonly metadata: ObjectMeta;
  readonly spec: FelixConfigurationSpec;
}
