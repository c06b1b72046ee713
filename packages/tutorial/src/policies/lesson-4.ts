/**
 * The policy of lesson 4, "Deny incoming traffic from blacklisted IPs to the load balancer":
 * `blacklist`.
 */
import { preDnat } from '@calico-dsl/core';
import { WORKER_PUBLIC_SELECTOR } from '@calico-dsl/ibm-cloud';
import { hostCidr, type TutorialParams } from '../params.js';

/**
 * `blacklist`: a low-order (500) pre-DNAT policy that denies TCP and UDP from your computer's IP
 * to the load balancer IP on port 80; everyone else still reaches the load balancer.
 *
 * @example
 * ```ts
 * toYaml(blacklist({ clientIp: '198.51.100.7', loadBalancerIp: '169.46.10.20' }));
 * // spec:
 * //   order: 500
 * //   ingress:
 * //   - action: Deny
 * //     protocol: TCP
 * //     source: { nets: [198.51.100.7/32] }
 * //     destination: { nets: [169.46.10.20/32], ports: [80] }
 * //   - action: Deny
 * //     protocol: UDP
 * //     source: { nets: [198.51.100.7/32] }
 * //     destination: { nets: [169.46.10.20/32], ports: [80] }
 * //   selector: ibm.role == 'worker_public'
 * //   types: [Ingress]
 * //   preDNAT: true
 * //   applyOnForward: true
 * ```
 */
export function blacklist({ clientIp, loadBalancerIp }: Pick<TutorialParams, 'clientIp' | 'loadBalancerIp'>) {
  const client = hostCidr(clientIp);
  const loadBalancer = hostCidr(loadBalancerIp);
  return preDnat('blacklist')
    .order(500)
    .selector(WORKER_PUBLIC_SELECTOR)
    .deny()
    .tcp()
    .fromNets(client)
    .toNets(loadBalancer)
    .ports(80)
    .deny()
    .udp()
    .fromNets(client)
    .toNets(loadBalancer)
    .ports(80);
}
