/** What the analysis does not model in a world, as sentences for `unsupported`. */
import { type Ip, loopbackNodePortIssue, parseIp, type World, type WorldModel } from './evaluator-seam.js';
import { protocolLabel } from './region.js';

/**
 * The node ports a packet to 127.0.0.0/8 reaches on the host that sends it: kube-proxy DNATs it
 * there (KUBE-NODEPORTS behind `--dst-type LOCAL`), a node the flow does not name, so the
 * evaluator flags it (`loopback_node_port`) and evaluates it as leaving the model. Asked of the
 * evaluator (`loopbackNodePortIssue`) at 127.0.0.1 and at each declared node port CIDR in 127/8.
 */
function loopbackNodePorts(model: WorldModel): string | undefined {
  const probes: Ip[] = [];
  const declared = model.kubeProxyNodePortAddresses;
  for (const c of [
    '127.0.0.1',
    ...(Array.isArray(declared) ? declared : []).map((c) => c.text.split('/')[0]),
  ]) {
    const ip = c === undefined ? undefined : parseIp(c);
    // loopbackNodePortIssue answers only for 127.0.0.0/8; other probes just miss.
    if (ip !== undefined && !probes.some((p) => p.key === ip.key)) probes.push(ip);
  }
  const ports: string[] = [];
  for (const [key, sp] of model.nodePorts) {
    const [protocol, port] = key.split('|').map(Number);
    if (protocol === undefined || port === undefined) continue;
    const hit = probes.some((dst) =>
      loopbackNodePortIssue(model, {
        protocol,
        src: dst,
        srcPort: 40000,
        dst,
        dstPort: port,
        icmp: undefined,
      }),
    );
    if (hit)
      ports.push(`${protocolLabel(protocol)} ${port} (Service ${sp.service.namespace}/${sp.service.name})`);
  }
  if (ports.length === 0) return undefined;
  return `flows to 127.0.0.0/8 on node port ${ports.join(', ')} are not modelled (loopback_node_port): kube-proxy DNATs them on the node that sends them, which a flow does not name; they are analysed as the evaluator evaluates them, as leaving the model unpoliced`;
}

/** What a search space leaves out. */
const OUTSIDE_SPACE =
  'ICMP type/code, via (entry interface) and HTTP matches are outside the analysed flow space';

/** What `diff` leaves out: it compares typed ICMP and `via` flows apart (`icmpChanges`, `viaChanges`). */
export const OUTSIDE_DIFF =
  'HTTP matches are outside the compared flows; ICMP types and codes that rules name are compared in icmpChanges, and flows that name where they enter (via) in viaChanges when a world has host endpoints';

/**
 * Features the L3/L4 model does not evaluate, and world problems (e.g. unparsable selectors).
 *
 * @example
 * ```ts
 * declare const world: World;
 * worldUnsupported(world); // e.g. ['GlobalNetworkPolicy web ingress rule 0: http (not modelled)']
 * ```
 */
export function worldUnsupported(world: World, outside = OUTSIDE_SPACE): string[] {
  const out: string[] = [];
  for (const p of world.model.policies)
    for (const dir of ['ingress', 'egress'] as const)
      for (const r of p[dir])
        for (const f of r.unsupported)
          out.push(
            `${p.kind} ${p.namespace ? `${p.namespace}/` : ''}${p.name} ${dir} rule ${r.index}: ${f} (not modelled; treated as the evaluator treats it)`,
          );
  for (const i of world.issues) out.push(`world: ${i.message}`);
  const loopback = loopbackNodePorts(world.model);
  if (loopback) out.push(loopback);
  out.push(outside);
  return out;
}
