/**
 * The tutorial's cluster: an IBM Cloud classic cluster of three workers (the tutorial's
 * `ibmcloud ks workers` lists three) with IBM's default policies, and the webserver app.
 */
import {
  isResourceSource,
  type KubernetesResource,
  type Pod,
  type Resource,
  type ResourceSource,
  type Service,
} from '@calico-dsl/core';
import { type IbmCloudResource, type IbmWorker, ibmCloudCluster, ibmWorkers } from '@calico-dsl/ibm-cloud';
import type { TutorialParams } from './params.js';
import { assignedLoadBalancer, webserverPods } from './webserver.js';

/**
 * The ClusterIP Kubernetes gives `webserver-lb` in the simulation (the tutorial shows `172.21.xxx.xxx`).
 *
 * @example
 * ```ts
 * webserverService(TUTORIAL_DEFAULTS).spec.clusterIP === WEBSERVER_CLUSTER_IP; // true
 * ```
 */
export const WEBSERVER_CLUSTER_IP = '172.21.25.40';

/**
 * How many workers the tutorial's cluster has.
 *
 * @example
 * ```ts
 * tutorialWorkers(TUTORIAL_DEFAULTS).length === TUTORIAL_WORKERS; // true
 * ```
 */
export const TUTORIAL_WORKERS = 3;

/**
 * A resource of the tutorial world: Kubernetes objects and Calico resources or builders.
 *
 * @example
 * ```ts
 * const items: TutorialResource[] = [...tutorialCluster(TUTORIAL_DEFAULTS), denyNodeports()];
 * ```
 */
export type TutorialResource = KubernetesResource | IbmCloudResource | ResourceSource;

/**
 * The tutorial cluster's workers: three, the first one's public IP being `<worker_IP>`.
 *
 * @example
 * ```ts
 * tutorialWorkers(TUTORIAL_DEFAULTS)[0]?.publicIp; // '203.0.113.11'
 * ```
 */
export function tutorialWorkers(params: TutorialParams): IbmWorker[] {
  return ibmWorkers(TUTORIAL_WORKERS, { firstPublicIp: params.workerPublicIp });
}

/**
 * The IBM Cloud cluster before lesson 1: workers, their host endpoints, IBM's default policies.
 *
 * @example
 * ```ts
 * World.from(toResources(ibmTutorialCluster(TUTORIAL_DEFAULTS)));
 * ```
 */
export function ibmTutorialCluster(params: TutorialParams): TutorialResource[] {
  return ibmCloudCluster({ workers: tutorialWorkers(params) });
}

/**
 * The `webserver` deployment's three pods, on the first worker as in the tutorial's
 * `kubectl get pods -o wide`.
 *
 * @example
 * ```ts
 * webserverDeployment(TUTORIAL_DEFAULTS).map((p) => p.spec?.nodeName); // ['10.176.48.78', …]
 * ```
 */
export function webserverDeployment(params: TutorialParams): Pod[] {
  return webserverPods(tutorialWorkers(params)[0]?.privateIp ?? '');
}

/**
 * `webserver-lb` as the cluster runs it: node port `params.nodePort`, EXTERNAL-IP `params.loadBalancerIp`.
 *
 * @example
 * ```ts
 * webserverService(TUTORIAL_DEFAULTS).status?.loadBalancer?.ingress; // [{ ip: '169.46.10.20' }]
 * ```
 */
export function webserverService(params: TutorialParams): Service {
  return assignedLoadBalancer({
    nodePort: params.nodePort,
    loadBalancerIp: params.loadBalancerIp,
    clusterIp: WEBSERVER_CLUSTER_IP,
  });
}

/**
 * What lesson 1 deploys: the three `webserver` pods and `webserver-lb`.
 *
 * @example
 * ```ts
 * webserverApp(TUTORIAL_DEFAULTS).map((r) => r.kind); // ['Pod', 'Pod', 'Pod', 'Service']
 * ```
 */
export function webserverApp(params: TutorialParams): KubernetesResource[] {
  return [...webserverDeployment(params), webserverService(params)];
}

/**
 * The tutorial cluster once lesson 1 is done: the IBM cluster plus the webserver app.
 *
 * @example
 * ```ts
 * const world = World.from(toResources(tutorialCluster(TUTORIAL_DEFAULTS)));
 * world.evaluate({ protocol: 'TCP', srcIp: '198.51.100.7', dstIp: '169.46.10.20', dstPort: 80 }).verdict; // 'Allow'
 * ```
 */
export function tutorialCluster(params: TutorialParams): TutorialResource[] {
  return [...ibmTutorialCluster(params), ...webserverApp(params)];
}

/**
 * Resolves builders to plain resources (what `World.from` and `toYaml` read).
 *
 * @example
 * ```ts
 * resolveResources(tutorialCluster(TUTORIAL_DEFAULTS)).every((r) => typeof r.kind === 'string'); // true
 * ```
 */
export function resolveResources(items: readonly TutorialResource[]): Resource[] {
  return items.map((item) => (isResourceSource(item) ? item.toResource() : item));
}
