import type { CalicoApiVersion, ObjectMeta } from './metadata.js';

/**
 * `(Global)NetworkSet.spec`: IPs or CIDRs (need not be strictly masked).
 *
 * @example
 * ```ts
 * const spec: NetworkSetSpec = { nets: ['198.51.100.0/24', '2001:db8::/32'] };
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
 * const set: GlobalNetworkSet = { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkSet',
 *   metadata: { name: 'partners', labels: { role: 'partner' } }, spec: { nets: ['198.51.100.0/24'] } };
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
 * const partners: NetworkSet = {
 *   apiVersion: 'projectcalico.org/v3', kind: 'NetworkSet',
 *   metadata: { name: 'partners', namespace: 'prod', labels: { role: 'partner' } },
 *   spec: { nets: ['198.51.100.0/24'] },
 * };
 * ```
 */
export interface NetworkSet {
  readonly apiVersion: CalicoApiVersion;
  readonly kind: 'NetworkSet';
  readonly metadata: ObjectMeta;
  readonly spec: NetworkSetSpec;
}
