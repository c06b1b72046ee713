/**
 * Kubernetes object metadata as Calico v3 resources carry it. Only `name` is required; the
 * server-set fields are kept so that resources read back from a cluster round-trip unchanged.
 *
 * @example
 * ```ts
 * const meta: ObjectMeta = { name: 'deny-nodeports', labels: { team: 'net' } };
 * ```
 */
export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly uid?: string;
  readonly resourceVersion?: string;
  readonly creationTimestamp?: string;
  readonly generation?: number;
}

/**
 * The API group and version of every Calico resource this SDK writes. Never `crd.projectcalico.org/v1`.
 *
 * @example
 * ```ts
 * const tier: Tier = { apiVersion: CALICO_API_VERSION, kind: 'Tier', metadata: { name: 'security' }, spec: {} };
 * ```
 */
export const CALICO_API_VERSION = 'projectcalico.org/v3';
/**
 * The `apiVersion` of every Calico resource this SDK writes, as a type (`'projectcalico.org/v3'`).
 *
 * @example
 * ```ts
 * const apiVersion: CalicoApiVersion = tier('security').toResource().apiVersion; // 'projectcalico.org/v3'
 * ```
 */
export type CalicoApiVersion = typeof CALICO_API_VERSION;
