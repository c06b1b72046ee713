import type { HostEndpoint, Namespace, Node, ResourceSource } from '@calico-dsl/core';
import {
  type IbmDefaultPolicy,
  type IbmDefaultPolicyOptions,
  ibmDefaultPolicies,
} from './default-policies.js';
import { workerHostEndpoints } from './host-endpoints.js';
import { workerNode } from './node.js';
import { type IbmWorker, type IbmWorkerAddressing, type IbmWorkerSpec, ibmWorkers } from './workers.js';

/**
 * Options of {@link ibmCloudCluster}.
 *
 * @example
 * ```ts
 * const options: IbmCloudClusterOptions = { workers: 3, zone: 'dal12', namespaces: ['default', 'shop'] };
 * ```
 */
export interface IbmCloudClusterOptions extends IbmDefaultPolicyOptions, IbmWorkerAddressing {
  /** How many workers to generate (`kube-wrk1`…), or the workers themselves. */
  readonly workers: number | readonly (IbmWorker | IbmWorkerSpec)[];
  /** Include IBM's seven default GlobalNetworkPolicies. Default `true`. */
  readonly defaultPolicies?: boolean;
  /** Namespaces to create (every cluster has `default`). Default `['default']`. */
  readonly namespaces?: readonly string[];
}

/**
 * One entry of the cluster's resource list: a Kubernetes object (Namespace, Node) or a DSL
 * builder (host endpoints, default policies). `World.from`, `toYaml` and the calicoctl wrapper
 * accept builders wherever they accept resources.
 *
 * @example
 * ```ts
 * const kinds = ibmCloudCluster({ workers: 1 }).map((r: IbmCloudResource) => ('kind' in r ? r.kind : r.toResource().kind));
 * // ['Namespace', 'Node', 'HostEndpoint', 'HostEndpoint', 'GlobalNetworkPolicy', …]
 * ```
 */
export type IbmCloudResource = Namespace | Node | ResourceSource<HostEndpoint> | IbmDefaultPolicy;

/**
 * An IBM Cloud Kubernetes Service classic cluster as a World-ready resource list: the namespaces,
 * one Kubernetes Node per worker, each worker's public (`eth1`, `ibm.role: worker_public`) and
 * private (`eth0`, `ibm.role: worker_private`) host endpoints, and IBM's default policies.
 *
 * @example
 * ```ts
 * const world = World.from(ibmCloudCluster({ workers: 3 }));
 * world.evaluate({ protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '203.0.113.11', dstPort: 22 });
 * // Allow: tcp 22 is an inbound failsafe port
 * ```
 */
export function ibmCloudCluster(options: IbmCloudClusterOptions): IbmCloudResource[] {
  const workers = ibmWorkers(options.workers, options);
  const namespaces: Namespace[] = (options.namespaces ?? ['default']).map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
  }));
  return [
    ...namespaces,
    ...workers.map(workerNode),
    ...workers.flatMap(workerHostEndpoints),
    ...(options.defaultPolicies === false ? [] : ibmDefaultPolicies(options)),
  ];
}
