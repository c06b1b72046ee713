/**
 * The policy of lesson 2, "Block all incoming traffic to all node ports": `deny-nodeports`.
 * Lessons 3 and 4 start with it in place.
 */
import { preDnat } from '@calico-dsl/core';
import { WORKER_PUBLIC_SELECTOR } from '@calico-dsl/ibm-cloud';

/**
 * The Kubernetes node port range (kube-apiserver `--service-node-port-range`).
 *
 * @example
 * ```ts
 * preDnat('deny-nodeports').deny().tcp().ports(NODE_PORT_RANGE); // ports: ['30000:32767']
 * ```
 */
export const NODE_PORT_RANGE = '30000:32767';

/**
 * `deny-nodeports`: a high-order (1100) pre-DNAT policy on every worker's public interface that
 * denies incoming TCP and UDP from any source to all node ports. Pre-DNAT, so it sees the node
 * port before kube-proxy rewrites it to the pod's port.
 *
 * @example
 * ```ts
 * toYaml(denyNodeports());
 * // spec:
 * //   order: 1100
 * //   ingress:
 * //   - action: Deny
 * //     protocol: TCP
 * //     destination: { ports: ['30000:32767'] }
 * //   - action: Deny
 * //     protocol: UDP
 * //     destination: { ports: ['30000:32767'] }
 * //   selector: ibm.role == 'worker_public'
 * //   types: [Ingress]
 * //   preDNAT: true
 * //   applyOnForward: true
 * ```
 */
export function denyNodeports() {
  return preDnat('deny-nodeports')
    .order(1100)
    .selector(WORKER_PUBLIC_SELECTOR)
    .deny()
    .tcp()
    .ports(NODE_PORT_RANGE)
    .deny()
    .udp()
    .ports(NODE_PORT_RANGE);
}
