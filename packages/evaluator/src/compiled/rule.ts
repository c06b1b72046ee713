/**
 * Rules compiled for the fast path (calico-semantics.md §6): integer prefilters for IP version
 * and protocol, CIDR interval sets for nets/notNets, memoised selectors, numeric port ranges.
 * Rarely used criteria (named ports, services, ICMP type/code) defer to the shared matcher so
 * both engines read them from one place.
 */

import type { Packet } from '../match/packet.js';
import { icmpMatches, sideMatches } from '../match/rule-match.js';
import type { Cidr } from '../net/ip.js';
import { hasPorts } from '../net/protocol.js';
import type { EntityMatchModel, PortSetModel, RuleModel } from '../world/model.js';
import type { Matcher } from '../world/selector.js';
import type { Ranges } from './interval-table.js';
import { IpRangeSet } from './ip-set.js';
import type { MatchState } from './match-state.js';

/** One rule side with its fast checks. */
interface CompiledSide {
  readonly model: EntityMatchModel;
  readonly nets: IpRangeSet | undefined;
  readonly notNets: IpRangeSet | undefined;
  readonly selector: Matcher | undefined;
  readonly notSelector: Matcher | undefined;
  /** Numeric `ports` / `notPorts` as flat [min, max, min, max, …]; undefined when absent. */
  readonly ports: Int32Array | undefined;
  readonly notPorts: Int32Array | undefined;
  /** Named ports or services: the shared matcher decides after the fast checks pass. */
  readonly slow: boolean;
  /** `nets` as IPv4 address ranges when they are all IPv4 (the source-net index of a rule). */
  readonly v4Nets: Ranges | undefined;
}

/**
 * Compiled sides by model side: the world shares identical sides, and so do compiled rules.
 *
 * @example
 * ```ts
 * // rule: allow TCP from selector app == 'web' to ports 8000:8010
 * const sides: SideCache = new Map();
 * compileRuleForFastPath(rule, sides);
 * sides.size; // 2: its source and destination sides, reused by every rule with the same sides
 * ```
 */
export type SideCache = Map<EntityMatchModel, CompiledSide | undefined>;

/**
 * A rule ready for the fast path.
 *
 * @example
 * ```ts
 * compileRuleForFastPath(rule, new Map()).model.action;
 * ```
 */
export interface CompiledRule {
  readonly model: RuleModel;
  readonly action: RuleModel['action'];
  readonly matchesV4: boolean;
  readonly matchesV6: boolean;
  /** {@link ANY_PROTOCOL}: no `protocol` (an unknown name is -1 in the model: matches nothing). */
  readonly protocol: number;
  /** {@link ANY_PROTOCOL}: no `notProtocol`. */
  readonly notProtocol: number;
  readonly icmp: boolean;
  readonly source: CompiledSide | undefined;
  readonly destination: CompiledSide | undefined;
  /** The destination `ports` when they are all numeric: the rule can only match these ports. */
  readonly dstPortIndex: PortSetModel | undefined;
  /** The source `nets` as IPv4 address ranges when they are all IPv4: the only sources it can match. */
  readonly srcNetIndex: Ranges | undefined;
}

function v4Ranges(nets: readonly Cidr[] | undefined): Ranges | undefined {
  if (!nets || nets.length === 0) return undefined;
  const ranges: { min: number; max: number }[] = [];
  for (const c of nets) {
    if (c.version !== 4) return undefined;
    ranges.push({ min: c.base, max: c.base + 2 ** (32 - c.prefix) - 1 });
  }
  return { ranges };
}

/** No protocol criterion (not a protocol number, and not the model's -1 for unknown names). */
const ANY_PROTOCOL = -1000;

function flatRanges(set: PortSetModel | undefined): Int32Array | undefined {
  if (!set) return undefined;
  const out = new Int32Array(set.ranges.length * 2);
  set.ranges.forEach((r, i) => {
    out[2 * i] = r.min;
    out[2 * i + 1] = r.max;
  });
  return out;
}

function compileSide(side: EntityMatchModel, cache: SideCache): CompiledSide | undefined {
  if (cache.has(side)) return cache.get(side);
  const built = buildSide(side);
  cache.set(side, built);
  return built;
}

function buildSide(side: EntityMatchModel): CompiledSide | undefined {
  const slow =
    side.services !== undefined ||
    (side.ports?.names.length ?? 0) > 0 ||
    (side.notPorts?.names.length ?? 0) > 0;
  const trivial =
    !slow &&
    !side.nets &&
    !side.notNets &&
    !side.selector &&
    !side.notSelector &&
    !side.ports &&
    !side.notPorts;
  if (trivial) return undefined;
  return {
    model: side,
    nets: side.nets ? IpRangeSet.of(side.nets) : undefined,
    notNets: side.notNets ? IpRangeSet.of(side.notNets) : undefined,
    selector: side.selector,
    notSelector: side.notSelector,
    ports: flatRanges(side.ports),
    notPorts: flatRanges(side.notPorts),
    slow,
    v4Nets: v4Ranges(side.nets),
  };
}

/**
 * Compiles one rule.
 *
 * @example
 * ```ts
 * const r = compileRuleForFastPath(policy.ingress[0], new Map());
 * ruleMatchesFast(state, r, packet);
 * ```
 */
export function compileRuleForFastPath(rule: RuleModel, sides: SideCache): CompiledRule {
  const dst = rule.destination.ports;
  const source = compileSide(rule.source, sides);
  return {
    model: rule,
    action: rule.action,
    matchesV4: rule.matchesV4,
    matchesV6: rule.matchesV6,
    protocol: rule.protocol ?? ANY_PROTOCOL,
    notProtocol: rule.notProtocol ?? ANY_PROTOCOL,
    icmp: rule.icmp !== undefined || rule.notICMP !== undefined,
    source,
    destination: compileSide(rule.destination, sides),
    dstPortIndex: dst && dst.names.length === 0 ? dst : undefined,
    srcNetIndex: source?.v4Nets,
  };
}

function inRanges(flat: Int32Array, port: number): boolean {
  for (let i = 0; i < flat.length; i += 2) {
    if (port >= (flat[i] as number) && port <= (flat[i + 1] as number)) return true;
  }
  return false;
}

function sideMatchesFast(state: MatchState, side: CompiledSide, isDst: boolean, pkt: Packet): boolean {
  const ip = isDst ? pkt.dst : pkt.src;
  if (side.nets && !side.nets.has(ip)) return false;
  if (side.notNets?.has(ip)) return false;
  if (side.selector && !state.anyOwnerMatches(side.selector, ip)) return false;
  if (side.notSelector && state.anyOwnerMatches(side.notSelector, ip)) return false;
  const port = isDst ? pkt.dstPort : pkt.srcPort;
  if (side.slow) return sideMatches(state, side.model, ip, port, pkt, isDst);
  if (side.ports || side.notPorts) {
    // (`sideMatches`' port rule: a packet without ports is in no `ports`, outside every `notPorts`.)
    if (!hasPorts(pkt.protocol)) return side.ports === undefined;
    if (port === undefined) return false;
    if (side.ports && !inRanges(side.ports, port)) return false;
    if (side.notPorts && inRanges(side.notPorts, port)) return false;
  }
  return true;
}

/**
 * Whether a rule has no criterion at all, so that {@link ruleMatchesFast} is true for every packet.
 *
 * @example
 * ```ts
 * matchesEveryPacket(compileRuleForFastPath(allowAll, new Map())); // true for `- action: Allow`
 * ```
 */
export function matchesEveryPacket(rule: CompiledRule): boolean {
  return (
    rule.matchesV4 &&
    rule.matchesV6 &&
    rule.protocol === ANY_PROTOCOL &&
    rule.notProtocol === ANY_PROTOCOL &&
    !rule.icmp &&
    rule.source === undefined &&
    rule.destination === undefined
  );
}

/**
 * Whether `rule` matches `pkt` — the same answer as the shared `ruleMatches` (§6.1).
 *
 * @example
 * ```ts
 * ruleMatchesFast(state, compiled, packet);
 * ```
 */
export function ruleMatchesFast(state: MatchState, rule: CompiledRule, pkt: Packet): boolean {
  if (pkt.src.version === 4 ? !rule.matchesV4 : !rule.matchesV6) return false;
  if (rule.protocol !== ANY_PROTOCOL && rule.protocol !== pkt.protocol) return false;
  if (rule.notProtocol === pkt.protocol) return false;
  if (rule.icmp) {
    const m = rule.model;
    if (m.icmp && !icmpMatches(m.icmp, pkt)) return false;
    if (m.notICMP && icmpMatches(m.notICMP, pkt)) return false;
  }
  if (rule.source && !sideMatchesFast(state, rule.source, false, pkt)) return false;
  if (rule.destination && !sideMatchesFast(state, rule.destination, true, pkt)) return false;
  return true;
}
