/**
 * Kubernetes object metadata as Calico v3 resources carry it. Only `name` is required; the
 * server-set fields are kept so that resources read back from a cluster round-trip unchanged.
 *
 * @example
 * ```ts
 * // The builders set name, namespace, labels and annotations:
 * const meta: ObjectMeta = networkPolicy('allow-web', 'prod').labels({ team: 'web' }).allow().toResource().metadata; // { name: 'allow-web', namespace: 'prod', labels: { team: 'web' } }
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
 * tier('security').toResource().apiVersion === CALICO_API_VERSION; // true
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
