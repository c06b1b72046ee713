/**
 * Does a rule match a packet? Shared by both engines so they cannot disagree on match criteria
 * (calico-semantics.md §6.1–§6.9, §6.11).
 */
import { type Cidr, cidrContains, type Ip, ipKey } from '../net/ip.js';
import { hasPorts } from '../net/protocol.js';
import type { EntityMatchModel, EntityModel, PortSetModel, RuleModel, WorldModel } from '../world/model.js';
import type { Packet } from './packet.js';

/** Answers the IP-ownership questions rule selectors ask; engines may cache behind it. */
export interface MatchContext {
  readonly world: WorldModel;
  /** §1.2: entities owning `ip`. */
  owners(ip: Ip): readonly EntityModel[];
}

function inAny(list: readonly Cidr[], ip: Ip): boolean {
  for (const c of list) if (cidrContains(c, ip)) return true;
  return false;
}

/** §6.4 named ports: (ip, proto, port) of endpoints matched by the side's positive selector. */
function namedPortMatches(
  ctx: MatchContext,
  side: EntityMatchModel,
  name: string,
  ip: Ip,
  protocol: number,
  port: number,
): boolean {
  for (const e of ctx.owners(ip)) {
    if (e.kind !== 'WorkloadEndpoint' && e.kind !== 'HostEndpoint') continue;
    if (side.selector && !side.selector(e.labels)) continue;
    for (const p of e.ports) if (p.name === name && p.protocol === protocol && p.port === port) return true;
  }
  return false;
}

function portInSet(
  ctx: MatchContext,
  set: PortSetModel,
  side: EntityMatchModel,
  ip: Ip,
  protocol: number,
  port: number,
): boolean {
  for (const r of set.ranges) if (port >= r.min && port <= r.max) return true;
  for (const n of set.names) if (namedPortMatches(ctx, side, n, ip, protocol, port)) return true;
  return false;
}

/**
 * §6.9: the Service's EndpointSlice members (post-DNAT addresses): with the port and protocol
 * for a destination, any port for a source.
 */
function serviceMatches(
  ctx: MatchContext,
  svc: { name: string; namespace: string },
  ip: Ip,
  pkt: Packet,
  withPort: boolean,
): boolean {
  const members = ctx.world.serviceMembers.get(`${svc.namespace}/${svc.name}`);
  if (members === undefined) return false;
  const key = ipKey(ip);
  if (!withPort) return members.addresses.some((a) => ipKey(a) === key);
  return members.ports.some(
    (m) => ipKey(m.ip) === key && m.protocol === pkt.protocol && m.port === pkt.dstPort,
  );
}

/**
 * Whether one rule side (source or destination) matches `ip`/`port` of `pkt` (§6.4–§6.9).
 *
 * @example
 * ```ts
 * sideMatches(ctx, rule.destination, pkt.dst, pkt.dstPort, pkt, true);
 * ```
 */
export function sideMatches(
  ctx: MatchContext,
  side: EntityMatchModel,
  ip: Ip,
  port: number | undefined,
  pkt: Packet,
  isDst: boolean,
): boolean {
  if (side.nets && !inAny(side.nets, ip)) return false;
  if (side.notNets && inAny(side.notNets, ip)) return false;
  if (side.selector) {
    const sel = side.selector;
    if (!ctx.owners(ip).some((e) => sel(e.labels))) return false;
  }
  if (side.notSelector) {
    const not = side.notSelector;
    if (ctx.owners(ip).some((e) => not(e.labels))) return false;
  }
  if (side.ports || side.notPorts) {
    if (!hasPorts(pkt.protocol)) {
      // A packet without ports is in no `ports`, and so outside every `notPorts`: Felix renders
      // a named-only `notPorts` without a protocol as `! --match-set` of (ip, TCP/UDP/SCTP port)
      // entries (`felix/rules/policy.go`), which an ICMP or GRE packet is never in.
      if (side.ports) return false;
    } else {
      if (port === undefined) return false;
      if (side.ports && !portInSet(ctx, side.ports, side, ip, pkt.protocol, port)) return false;
      if (side.notPorts && portInSet(ctx, side.notPorts, side, ip, pkt.protocol, port)) return false;
    }
  }
  if (side.services && !serviceMatches(ctx, side.services, ip, pkt, isDst)) return false;
  return true;
}

/**
 * Whether an `icmp` / `notICMP` criterion holds for `pkt` (§6.5); non-ICMP packets never match.
 *
 * @example
 * ```ts
 * icmpMatches({ type: 8 }, pkt);
 * ```
 */
export function icmpMatches(m: { readonly type?: number; readonly code?: number }, pkt: Packet): boolean {
  if (!pkt.icmp) return false;
  if (m.type !== undefined && m.type !== pkt.icmp.type) return false;
  if (m.code !== undefined && m.code !== pkt.icmp.code) return false;
  return true;
}

/**
 * Whether every criterion of `rule` holds for `pkt` (§6.1: all ANDed).
 *
 * @example
 * ```ts
 * ruleMatches(ctx, policy.ingress[0], packet);
 * ```
 */
export function ruleMatches(ctx: MatchContext, rule: RuleModel, pkt: Packet): boolean {
  if (pkt.src.version === 4 ? !rule.matchesV4 : !rule.matchesV6) return false;
  if (rule.protocol !== undefined && rule.protocol !== pkt.protocol) return false;
  if (rule.notProtocol !== undefined && rule.notProtocol === pkt.protocol) return false;
  if (rule.icmp && !icmpMatches(rule.icmp, pkt)) return false;
  if (rule.notICMP && icmpMatches(rule.notICMP, pkt)) return false;
  if (!sideMatches(ctx, rule.source, pkt.src, pkt.srcPort, pkt, false)) return false;
  if (!sideMatches(ctx, rule.destination, pkt.dst, pkt.dstPort, pkt, true)) return false;
  return true;
}
