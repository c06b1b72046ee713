/**
 * The worker nodes of an IBM Cloud classic cluster: each has a private IP on `eth0` (which is
 * also its Kubernetes node name) and a public IP on `eth1`.
 */

/**
 * One classic worker node.
 *
 * @example
 * ```ts
 * const w: IbmWorker = { id: 'kube-wrk1', privateIp: '10.176.48.78', publicIp: '203.0.113.11',
 *   zone: 'dal10', labels: {} };
 * ```
 */
export interface IbmWorker {
  /** The worker ID (`ibmcloud ks workers`); host endpoints are named `<id>-worker-public|private`. */
  readonly id: string;
  /** The private VLAN IP on `eth0`; IKS also uses it as the Kubernetes node name. */
  readonly privateIp: string;
  /** The public VLAN IP on `eth1` (the node's ExternalIP). */
  readonly publicIp: string;
  /** The zone, e.g. `dal10`. */
  readonly zone: string;
  /** Extra node labels; IKS copies node labels onto the worker's host endpoints. */
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * A worker as you describe it: every field but the IPs has a default.
 *
 * @example
 * ```ts
 * const spec: IbmWorkerSpec = { privateIp: '10.176.48.78', publicIp: '203.0.113.11', zone: 'dal12' };
 * ```
 */
export type IbmWorkerSpec = Pick<IbmWorker, 'privateIp' | 'publicIp'> &
  Partial<Omit<IbmWorker, 'privateIp' | 'publicIp'>>;

/**
 * How {@link ibmWorkers} numbers generated workers.
 *
 * @example
 * ```ts
 * const addressing: IbmWorkerAddressing = { firstPrivateIp: '10.94.12.4', firstPublicIp: '192.0.2.20', zone: 'fra02' };
 * ```
 */
export interface IbmWorkerAddressing {
  /** Private IP of the first worker; the next ones count up in the last octet. Default `10.176.48.78`. */
  readonly firstPrivateIp?: string;
  /** Public IP of the first worker; the next ones count up. Default `203.0.113.11` (a documentation range). */
  readonly firstPublicIp?: string;
  /** Zone of every generated worker. Default `dal10`. */
  readonly zone?: string;
}

const DEFAULT_FIRST_PRIVATE_IP = '10.176.48.78';
const DEFAULT_FIRST_PUBLIC_IP = '203.0.113.11';
const DEFAULT_ZONE = 'dal10';

/**
 * Makes the worker list of a cluster: `count` generated workers (`kube-wrk1`, `kube-wrk2`, …) with
 * consecutive private and public IPs, or your own worker specs completed with defaults.
 *
 * @example
 * ```ts
 * ibmWorkers(2).map((w) => [w.id, w.privateIp, w.publicIp]);
 * // [['kube-wrk1', '10.176.48.78', '203.0.113.11'], ['kube-wrk2', '10.176.48.79', '203.0.113.12']]
 * ```
 */
export function ibmWorkers(
  workers: number | readonly IbmWorkerSpec[],
  addressing: IbmWorkerAddressing = {},
): IbmWorker[] {
  const zone = addressing.zone ?? DEFAULT_ZONE;
  if (typeof workers !== 'number') {
    return workers.map((spec, i) => ({
      id: spec.id ?? `kube-wrk${i + 1}`,
      privateIp: spec.privateIp,
      publicIp: spec.publicIp,
      zone: spec.zone ?? zone,
      labels: spec.labels ?? {},
    }));
  }
  const count = Number.isInteger(workers) && workers > 0 ? workers : 0;
  return Array.from({ length: count }, (_, i) => ({
    id: `kube-wrk${i + 1}`,
    privateIp: nthAddress(addressing.firstPrivateIp ?? DEFAULT_FIRST_PRIVATE_IP, i),
    publicIp: nthAddress(addressing.firstPublicIp ?? DEFAULT_FIRST_PUBLIC_IP, i),
    zone,
    labels: {},
  }));
}

/** The IPv4 address `offset` after `first` (carrying into the higher octets). */
function nthAddress(first: string, offset: number): string {
  const value = first.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0) + offset;
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}
