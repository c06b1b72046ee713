import type { CalicoApiVersion, ObjectMeta } from './metadata.js';

/**
 * `(Global)NetworkSet.spec`: IPs or CIDRs (need not be strictly masked).
 *
 * @example
 * ```ts
 * // .nets() appends to the spec, in the order given:
 * const spec: NetworkSetSpec = globalNetworkSet('partners').nets('198.51.100.0/24', '2001:db8::/32').toResource().spec; // { nets: ['198.51.100.0/24', '2001:db8::/32'] }
 * ```
 */
export interface NetworkSetSpec {
  readonly nets?: readonly string[];
}

/**
 * A labelled set of networks, selectable from any policy's rules.
 *
 * @example
 * ```ts
 * globalNetworkSet('partners').labels({ role: 'partner' }).nets('198.51.100.0/24').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: GlobalNetworkSet
 * // metadata:
 * //   name: partners
 * //   labels:
 * //     role: partner
 * // spec:
 * //   nets:
 * //   - 198.51.100.0/24
 * ```
 */
export interface GlobalNetworkSet {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'GlobalNetworkSet';
  readonly metadata: ObjectMeta;
  readonly spec: NetworkSetSpec;
}

/**
 * A namespaced labelled set of networks.
 *
 * @example
 * ```ts
 * networkSet('partners', 'prod').labels({ role: 'partner' }).nets('198.51.100.0/24').toResource();
 * // apiVersion: projectcalico.org/v3
 * // kind: NetworkSet
 * // metadata:
 * //   name: partners
 * //   namespace: prod
 * //   labels:
 * //     role: partner
 * // spec:
 * //   nets:
 * //   - 198.51.100.0/24
 * ```
 */
export interface NetworkSet {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'NetworkSet';
  readonly metadata: ObjectMeta;
  readonly spec: NetworkSetSpec;
}
