import type { Node } from '@calico-dsl/core';
import type { IbmWorker } from './workers.js';

/**
 * The labels IKS puts on a worker's Kubernetes node (and copies onto its host endpoints).
 *
 * @example
 * ```ts
 * workerNodeLabels(ibmWorkers(1)[0]!)['kubernetes.io/hostname']; // '10.176.48.78'
 * ```
 */
export function workerNodeLabels(worker: IbmWorker): Readonly<Record<string, string>> {
  return {
    'kubernetes.io/hostname': worker.privateIp,
    'ibm-cloud.kubernetes.io/worker-id': worker.id,
    'ibm-cloud.kubernetes.io/zone': worker.zone,
    ...worker.labels,
  };
}

/**
 * The Kubernetes `Node` of a worker: named by its private IP, as IKS names nodes, with the private
 * IP as `InternalIP` and the public IP as `ExternalIP` (the interface load balancer IPs land on).
 *
 * @example
 * ```ts
 * workerNode(ibmWorkers(1)[0]!);
 * // { apiVersion: 'v1', kind: 'Node', metadata: { name: '10.176.48.78', labels: {…} },
 * //   status: { addresses: [{ type: 'InternalIP', address: '10.176.48.78' },
 * //                         { type: 'ExternalIP', address: '203.0.113.11' }, …] } }
 * ```
 */
export function workerNode(worker: IbmWorker): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: worker.privateIp, labels: workerNodeLabels(worker) },
    status: {
      addresses: [
        { type: 'InternalIP', address: worker.privateIp },
        { type: 'ExternalIP', address: worker.publicIp },
        { type: 'Hostname', address: worker.privateIp },
      ],
    },
  };
}
