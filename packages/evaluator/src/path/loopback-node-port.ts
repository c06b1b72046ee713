/**
 * A packet to 127.0.0.0/8 on a Service's node port: kube-proxy's KUBE-NODEPORTS jump sits behind
 * `-m addrtype --dst-type LOCAL`, which 127.0.0.0/8 is, and in iptables mode it excludes loopback
 * only with `iptables.localhostNodePorts: false` (default true, `route_localnet` set;
 * `pkg/proxy/iptables/proxier.go`; IPv6 loopback never). So a host's packet to 127.0.0.1 on a
 * node port is DNAT'd to a backend by whichever node sends it — a node the flow does not name.
 * The model cannot place it: it leaves the model unpoliced, and its result says so rather than
 * passing for a plain Allow.
 */
import type { Issue } from '@calico-dsl/core';
import type { EvaluatorIssueCode } from '../issue-codes.js';
import type { Packet } from '../match/packet.js';
import { cidrContains, parseCidr } from '../net/ip.js';
import type { WorldModel } from '../world/model.js';
import { servesNodePorts } from './node-port-addresses.js';

const LOOPBACK_V4 = parseCidr('127.0.0.0/8');

/**
 * The issue of a packet to an IPv4 loopback address on a node port of the world (`undefined` for
 * any other packet).
 *
 * @example
 * ```ts
 * // Service prod/web-np: NodePort 30080 (TCP)
 * loopbackNodePortIssue(world.model, tcpTo127_0_0_1_30080)?.code; // 'loopback_node_port'
 * ```
 */
export function loopbackNodePortIssue(world: WorldModel, pkt: Packet): Issue | undefined {
  if (pkt.dstPort === undefined || LOOPBACK_V4 === undefined || !cidrContains(LOOPBACK_V4, pkt.dst))
    return undefined;
  // With nodePortAddresses declared, loopback serves node ports only if a CIDR holds it (no
  // node's primary address is loopback: the unnamed node has none).
  if (!servesNodePorts(world, '', pkt.dst)) return undefined;
  const sp = world.nodePorts.get(`${pkt.protocol}|${pkt.dstPort}`);
  if (sp === undefined || !sp.families.includes(4)) return undefined;
  return {
    code: 'loopback_node_port' satisfies EvaluatorIssueCode,
    path: ['dstIp'],
    message: `${pkt.dst.text}:${pkt.dstPort} is node port ${pkt.dstPort} of Service ${sp.service.namespace}/${sp.service.name}: kube-proxy DNATs it (localhost node ports, KUBE-NODEPORTS behind --dst-type LOCAL) on the node that sends it, which the flow does not name, so it is not modelled (it is evaluated as leaving the model, unpoliced). Evaluate the flow to that node's own address instead.`,
  };
}
