import type { CalicoApiVersion, ObjectMeta } from './metadata.js';

/**
 * One failsafe entry: protocol (`TCP`, `UDP` or `SCTP`; required, and case-sensitive as Calico's
 * validator is), port and optional remote CIDR.
 *
 * @example
 * ```ts
 * // Read (and checked) by validate from a FelixConfiguration written as data; printed in upstream order:
 * unwrap(validate({
 *   apiVersion: 'projectcalico.org/v3', kind: 'FelixConfiguration', metadata: { name: 'default' },
 *   spec: { failsafeInboundHostPorts: [{ port: 68, protocol: 'UDP', net: '0.0.0.0/0' }] },
 * }));
 * // apiVersion: projectcalico.org/v3
 * // kind: FelixConfiguration
 * // metadata:
 * //   name: default
 * // spec:
 * //   failsafeInboundHostPorts:
 * //   - protocol: UDP
 * //     port: 68
 * //     net: 0.0.0.0/0
 * ```
 */
export interface ProtoPort {
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly port: number;
  readonly net?: string;
}

/**
 * The parts of `FelixConfiguration.spec` the evaluator reads. The other fields of the Go struct
 * (`FELIX_CONFIGURATION_SPEC_KEYS`) are kept as given so that a configuration read from a cluster
 * is not lost, but they have no effect on evaluation. `validate` checks every field as calicoctl
 * and the CRD do (type, enum, pattern, bounds, cross-field rules) and rejects a name the struct
 * does not have.
 *
 * @example
 * ```ts
 * // validate checks every field and keeps each as given:
 * unwrap(validate({
 *   apiVersion: 'projectcalico.org/v3', kind: 'FelixConfiguration', metadata: { name: 'default' },
 *   spec: { defaultEndpointToHostAction: 'Drop', logSeverityScreen: 'Info' },
 * }));
 * // apiVersion: projectcalico.org/v3
 * // kind: FelixConfiguration
 * // metadata:
 * //   name: default
 * // spec:
 * //   defaultEndpointToHostAction: Drop
 * //   logSeverityScreen: Info
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
 * unwrap(validate({
 *   apiVersion: 'projectcalico.org/v3', kind: 'FelixConfiguration', metadata: { name: 'default' },
 *   spec: { failsafeInboundHostPorts: [{ port: 22, protocol: 'TCP' }] },
 * }));
 * // apiVersion: projectcalico.org/v3
 * // kind: FelixConfiguration
 * // metadata:
 * //   name: default
 * // spec:
 * //   failsafeInboundHostPorts:
 * //   - protocol: TCP
 * //     port: 22
 * ```
 */
export interface FelixConfiguration {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'FelixConfiguration';
  readonly metadata: ObjectMeta;
  readonly spec: FelixConfigurationSpec;
}
