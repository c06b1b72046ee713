/**
 * A packet to a Service's virtual address (ClusterIP, load balancer IP, external IP) on a
 * protocol or port the Service does not serve: kube-proxy has no rule for it, and where it goes
 * depends on how the address reaches the cluster (a cloud load balancer drops it; a VIP held by a
 * node takes it in as the node's own), which the model does not know. It leaves the model
 * unpoliced, so its result says so rather than passing for a plain Allow.
 */
import type { Issue } from '@calico-dsl/core';
import type { EvaluatorIssueCode } from '../issue-codes.js';
import type { Packet } from '../match/packet.js';
import { protocolName } from '../net/protocol.js';
import type { WorldModel } from '../world/model.js';
import { findFrontend } from './targets.js';

/**
 * The issue of a packet to a Service address on a port the Service does not serve (`undefined`
 * for any other packet, or one whose address a node or pod owns).
 *
 * @example
 * ```ts
 * // Service default/webserver-lb: load balancer 169.46.10.20, TCP 80
 * unservedVipIssue(world.model, udpTo169_46_10_20_80)?.code; // 'unserved_service_port'
 * ```
 */
export function unservedVipIssue(world: WorldModel, pkt: Packet): Issue | undefined {
  const key = pkt.dst.key;
  if (!world.frontendIps.has(key) || world.nodeByIp.has(key) || findFrontend(world, pkt) !== undefined)
    return undefined;
  const served = new Set<string>();
  for (const sp of world.servicePorts)
    if ([...sp.clusterIPs, ...sp.loadBalancerIPs, ...sp.externalIPs].some((ip) => ip.key === key))
      served.add(
        `Service ${sp.service.namespace}/${sp.service.name} ${protocolName(sp.protocol)} ${sp.port}`,
      );
  const asked = `${protocolName(pkt.protocol)}${pkt.dstPort === undefined ? '' : ` ${pkt.dstPort}`}`;
  return {
    code: 'unserved_service_port' satisfies EvaluatorIssueCode,
    path: ['dstIp'],
    message: `${pkt.dst.text} is a Service address serving ${[...served].join(', ')}, not ${asked}: no kube-proxy rule takes this packet, and where it goes depends on how the address reaches the cluster, which is not modelled (it is evaluated as leaving the model, unpoliced). Give via: { node, interface } to evaluate it arriving on a node.`,
  };
}
