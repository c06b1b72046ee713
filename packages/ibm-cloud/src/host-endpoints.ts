import { type HostEndpointBuilder, hostEndpoint } from '@calico-dsl/core';
import { IBM_ROLE_LABEL } from './labels.js';
import { workerNodeLabels } from './node.js';
import type { IbmWorker } from './workers.js';

/**
 * The host endpoint IKS creates for a worker's public interface: `<id>-worker-public` on `eth1`
 * with the public IP, labelled `ibm.role: worker_public` plus the node's labels. It has no
 * profile, so anything no policy allows to the worker itself is dropped (calico-semantics.md §10.1).
 *
 * @example
 * ```ts
 * toYaml(publicHostEndpoint(ibmWorkers(1)[0]!));
 * // kind: HostEndpoint
 * // metadata: { name: kube-wrk1-worker-public, labels: { ibm.role: worker_public, … } }
 * // spec: { node: 10.176.48.78, interfaceName: eth1, expectedIPs: [203.0.113.11] }
 * ```
 */
export function publicHostEndpoint(worker: IbmWorker): HostEndpointBuilder {
  return hostEndpoint(`${worker.id}-worker-public`)
    .labels({ [IBM_ROLE_LABEL]: 'worker_public', ...workerNodeLabels(worker) })
    .node(worker.privateIp)
    .interfaceName('eth1')
    .expectedIPs(worker.publicIp);
}

/**
 * The host endpoint IKS creates for a worker's private interface: `<id>-worker-private` on `eth0`
 * with the private IP, labelled `ibm.role: worker_private` plus the node's labels.
 *
 * @example
 * ```ts
 * privateHostEndpoint(ibmWorkers(1)[0]!).toResource().spec;
 * // { node: '10.176.48.78', interfaceName: 'eth0', expectedIPs: ['10.176.48.78'] }
 * ```
 */
export function privateHostEndpoint(worker: IbmWorker): HostEndpointBuilder {
  return hostEndpoint(`${worker.id}-worker-private`)
    .labels({ [IBM_ROLE_LABEL]: 'worker_private', ...workerNodeLabels(worker) })
    .node(worker.privateIp)
    .interfaceName('eth0')
    .expectedIPs(worker.privateIp);
}

/**
 * Both host endpoints of a worker: public (`eth1`) first, then private (`eth0`).
 *
 * @example
 * ```ts
 * workerHostEndpoints(ibmWorkers(1)[0]!).map((h) => h.toResource().metadata.name);
 * // ['kube-wrk1-worker-public', 'kube-wrk1-worker-private']
 * ```
 */
export function workerHostEndpoints(worker: IbmWorker): HostEndpointBuilder[] {
  return [publicHostEndpoint(worker), privateHostEndpoint(worker)];
}
