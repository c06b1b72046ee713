/**
 * A rule's match, lifted to boxes for one packet view (two fixed addresses; each port either a
 * dimension of the box or a constant left by DNAT). The addresses decide selectors and nets once,
 * by the evaluator's own `sideMatches`; the ports a side compares against are a finite set of
 * constants of that side (its ranges, the named ports of the address's owners, the backend ports
 * of its service), so `sideMatches` is constant between them and one call per piece of the port
 * line gives the side's exact port set — the evaluator's rule, not a second copy of it.
 */
import {
  type EntityMatchModel,
  type Ip,
  type MatchContext,
  type Packet,
  type RuleModel,
  sideMatches,
} from '../evaluator-seam.js';
import { ALL_PORTS, ALL_PROTOCOLS, andAll, type Box, ivsMinus, ivsOf, PORTED } from './boxes.js';

/**
 * Where a packet field comes from in a piece: a dimension of the box (`s`: the original source
 * port, `d`: the original destination port) or a constant (a backend port after DNAT).
 *
 * @example
 * ```ts
 * const afterDnat: PortRef = { port: 8080 }; // a backend port: a constant, whatever the original port
 * portBox(afterDnat, [[8000, 8100]], [[6, 6]]); // { p: [[6, 6]], s: [[0, 65535]], d: [[0, 65535]] }: 8080 is in range
 * portBox({ dim: 'd' }, [[80, 80]], [[6, 6]]); // { p: [[6, 6]], s: [[0, 65535]], d: [[80, 80]] }
 * ```
 */
export type PortRef = { readonly dim: 's' | 'd' } | { readonly port: number };

/**
 * The packet a hook sees, over a set of flows: fixed addresses, ports as {@link PortRef}s.
 *
 * @example
 * ```ts
 * // world: pods web (10.0.0.1) and api (10.0.0.2) in prod; NetworkPolicy allow-web lets web reach api on TCP 8080
 * const original: View = { src: web, dst: api, srcPort: { dim: 's' }, dstPort: { dim: 'd' } }; // web, api: their Ips
 * ruleBoxes(ctx.chain.match, allowWeb.ingress[0], original); // [{ p: [[6, 6]], s: [[0, 65535]], d: [[8080, 8080]] }]
 * ruleBoxes(ctx.chain.match, allowWeb.ingress[0], { ...original, src: api }); // []: api is not app == 'web'
 * ```
 */
export interface View {
  readonly src: Ip;
  readonly dst: Ip;
  readonly srcPort: PortRef;
  readonly dstPort: PortRef;
}

const FULL: Box = { p: ALL_PROTOCOLS, s: ALL_PORTS, d: ALL_PORTS };
const PORTLESS = ivsMinus(ALL_PROTOCOLS, PORTED);

/**
 * The box of flows whose field `ref` lies in `ports`, for protocols `p`.
 *
 * @example
 * ```ts
 * portBox({ dim: 'd' }, [[80, 80]], [[6, 6]]); // TCP, any source port, destination port 80
 * ```
 */
export function portBox(ref: PortRef, ports: Box['s'], p: Box['p']): Box | undefined {
  if (ports.length === 0 || p.length === 0) return undefined;
  if ('port' in ref)
    return ports.some(([lo, hi]) => lo <= ref.port && ref.port <= hi) ? { ...FULL, p } : undefined;
  return ref.dim === 's' ? { p, s: ports, d: ALL_PORTS } : { p, s: ALL_PORTS, d: ports };
}

const noPorts = new WeakMap<EntityMatchModel, EntityMatchModel>();
/** The side without its port and service criteria: what the addresses alone decide. */
function addressPart(side: EntityMatchModel): EntityMatchModel {
  let s = noPorts.get(side);
  if (s === undefined) {
    s = { ...side, ports: undefined, notPorts: undefined, services: undefined };
    noPorts.set(side, s);
  }
  return s;
}

function probe(ip: Ip, protocol: number, port: number | undefined): Packet {
  return { protocol, src: ip, srcPort: port, dst: ip, dstPort: port, icmp: undefined };
}

/** Every port at which `sideMatches` may change its answer for this side and address. */
function cuts(ctx: MatchContext, side: EntityMatchModel, ip: Ip): number[] {
  const out = new Set<number>([0]);
  for (const set of [side.ports, side.notPorts]) {
    if (!set) continue;
    for (const r of set.ranges) {
      out.add(r.min);
      out.add(r.max + 1);
    }
    if (set.names.length > 0)
      for (const e of ctx.owners(ip))
        if (e.kind === 'WorkloadEndpoint' || e.kind === 'HostEndpoint')
          for (const p of e.ports) {
            out.add(p.port);
            out.add(p.port + 1);
          }
  }
  const svc = side.services;
  // §6.9: a `services` side compares with the Service's EndpointSlice members (every slice port).
  if (svc)
    for (const m of ctx.world.serviceMembers.get(`${svc.namespace}/${svc.name}`)?.ports ?? []) {
      out.add(m.port);
      out.add(m.port + 1);
    }
  return [...out].filter((x) => x <= 65535).sort((a, b) => a - b);
}

/** A side with no criterion matches every flow. */
const isAny = (s: EntityMatchModel): boolean =>
  !s.nets && !s.notNets && !s.selector && !s.notSelector && !s.ports && !s.notPorts && !s.services;

// Per side (a side is always a rule's source or always its destination) and address object: the
// boxes for a port dimension (`s`, `d`), and for constant ports by port.
interface SideCache {
  s: Box[] | undefined;
  d: Box[] | undefined;
  byPort: Map<number, Box[]> | undefined;
}
const sideCache = new WeakMap<EntityMatchModel, Map<Ip, SideCache>>();

/** {@link sideFlows}, remembered per side, address and port reference (sides belong to one world). */
function sideBoxes(ctx: MatchContext, side: EntityMatchModel, ip: Ip, ref: PortRef, isDst: boolean): Box[] {
  if (isAny(side)) return [FULL];
  let bySide = sideCache.get(side);
  if (bySide === undefined) {
    bySide = new Map();
    sideCache.set(side, bySide);
  }
  let c = bySide.get(ip);
  if (c === undefined) {
    if (bySide.size > 4096) bySide.clear();
    c = { s: undefined, d: undefined, byPort: undefined };
    bySide.set(ip, c);
  }
  if ('port' in ref) {
    c.byPort ??= new Map();
    let hit = c.byPort.get(ref.port);
    if (hit === undefined) {
      hit = sideFlows(ctx, side, ip, ref, isDst);
      c.byPort.set(ref.port, hit);
    }
    return hit;
  }
  let hit = c[ref.dim];
  if (hit === undefined) {
    hit = sideFlows(ctx, side, ip, ref, isDst);
    c[ref.dim] = hit;
  }
  return hit;
}

/** The flows (in piece coordinates) one rule side matches at address `ip`. */
function sideFlows(ctx: MatchContext, side: EntityMatchModel, ip: Ip, ref: PortRef, isDst: boolean): Box[] {
  if (!sideMatches(ctx, addressPart(side), ip, undefined, probe(ip, 1, undefined), isDst)) return [];
  if (!side.ports && !side.notPorts && !side.services) return [FULL];
  const out: Box[] = [];
  // Protocols without ports: the side's answer does not depend on which one.
  if (sideMatches(ctx, side, ip, undefined, probe(ip, 1, undefined), isDst))
    out.push({ p: PORTLESS, s: ALL_PORTS, d: ALL_PORTS });
  const line = 'port' in ref ? [ref.port] : cuts(ctx, side, ip);
  for (const [proto] of PORTED) {
    const hits: [number, number][] = [];
    for (let i = 0; i < line.length; i++) {
      const lo = line[i] as number;
      const hi = 'port' in ref ? lo : i + 1 < line.length ? (line[i + 1] as number) - 1 : 65535;
      if (sideMatches(ctx, side, ip, lo, probe(ip, proto, lo), isDst)) hits.push([lo, hi]);
    }
    const b = portBox(ref, ivsOf(hits), [[proto, proto]]);
    if (b) out.push(b);
  }
  return out;
}

/**
 * The flows of a piece (in its coordinates) that rule `r` matches in view `v` — the lifted
 * `ruleMatches` (§6.1: every criterion ANDed). Flows carry no ICMP type, so an `icmp` criterion
 * never matches and a `notICMP` one always holds, as in the evaluator.
 *
 * @example
 * ```ts
 * declare const ctx: MatchContext; declare const rule: RuleModel; declare const view: View;
 * ruleBoxes(ctx, rule, view); // [] when the rule cannot match these addresses
 * ```
 */
export function ruleBoxes(ctx: MatchContext, r: RuleModel, v: View): Box[] {
  if (v.src.version === 4 ? !r.matchesV4 : !r.matchesV6) return [];
  if (r.icmp) return [];
  let p: Box['p'] = ALL_PROTOCOLS;
  if (r.protocol !== undefined) p = [[r.protocol, r.protocol]];
  if (r.notProtocol !== undefined) p = ivsMinus(p, [[r.notProtocol, r.notProtocol]]);
  if (p.length === 0) return [];
  const src = sideBoxes(ctx, r.source, v.src, v.srcPort, false);
  if (src.length === 0) return [];
  const dst = sideBoxes(ctx, r.destination, v.dst, v.dstPort, true);
  if (dst.length === 0) return [];
  return andAll(andAll([{ p, s: ALL_PORTS, d: ALL_PORTS }], src), dst);
}
