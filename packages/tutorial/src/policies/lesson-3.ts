/**
 * The policies of lesson 3, "Allow incoming traffic from a whitelisted IP to the load balancer":
 * `deny-lb-port-80` closes the load balancer, `whitelist` opens it again for your computer only.
 * Lesson 4 starts with them in place and deletes them.
 */
import { preDnat } from '@calico-dsl/core';
import { WORKER_PUBLIC_SELECTOR } from '@calico-dsl/ibm-cloud';
import { hostCidr, type TutorialParams } from '../params.js';

/**
 * `deny-lb-port-80`: a high-order (800) pre-DNAT policy that denies incoming TCP and UDP from any
 * source to the load balancer IP on port 80.
 *
 * @example
 * ```ts
 * toYaml(denyLbPort80({ loadBalancerIp: '169.46.10.20' }));
 * // spec:
 * //   order: 800
 * //   ingress:
 * //   - action: Deny
 * //     protocol: TCP
 * //     destination: { nets: [169.46.10.20/32], ports: [80] }
 * //   - action: Deny
 * //     protocol: UDP
 * //     destination: { nets: [169.46.10.20/32], ports: [80] }
 * //   selector: ibm.role == 'worker_public'
 * //   types: [Ingress]
 * //   preDNAT: true
 * //   applyOnForward: true
 * ```
 */
export function denyLbPort80({ loadBalancerIp }: Pick<TutorialParams, 'loadBalancerIp'>) {
  const loadBalancer = hostCidr(loadBalancerIp);
  return preDnat('deny-lb-port-80')
    .order(800)
    .selector(WORKER_PUBLIC_SELECTOR)
    .deny()
    .tcp()
    .toNets(loadBalancer)
    .ports(80)
    .deny()
    .udp()
    .toNets(loadBalancer)
    .ports(80);
}

/**
 * `whitelist`: a low-order (500) pre-DNAT policy that allows TCP from your computer's IP to the
 * load balancer IP on port 80. Lower orders are evaluated first, so it wins over `deny-lb-port-80`.
 *
 * @example
 * ```ts
 * toYaml(whitelist({ clientIp: '198.51.100.7', loadBalancerIp: '169.46.10.20' }));
 * // spec:
 * //   order: 500
 * //   ingress:
 * //   - action: Allow
 * //     protocol: TCP
 * //     source: { nets: [198.51.100.7/32] }
 * //     destination: { nets: [169.46.10.20/32], ports: [80] }
 * //   selector: ibm.role == 'worker_public'
 * //   types: [Ingress]
 * //   preDNAT: true
 * //   applyOnForward: true
 * ```
 */
export function whitelist({ clientIp, loadBalancerIp }: Pick<TutorialParams, 'clientIp' | 'loadBalancerIp'>) {
  return preDnat('whitelist')
    .order(500)
    .selector(WORKER_PUBLIC_SELECTOR)
    .allow()
    .tcp()
    .fromNets(hostCidr(clientIp))
    .toNets(hostCidr(loadBalancerIp))
    .ports(80);
}
