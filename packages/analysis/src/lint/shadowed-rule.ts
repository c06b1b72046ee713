/**
 * `shadowed-rule`: no flow to or from the endpoints a policy selects reaches and matches the rule
 * (the chain proof, else every region of the lifted engine, whose flows carry no ICMP type: so
 * not for a rule that may match ICMP in a world whose rules match ICMP types), with the cause
 * when Felix's encapsulation drop, natOutgoing, or a host endpoint policy's view of host traffic
 * only is why.
 */
import { type Blocker, chainShadowed } from '../chain-proof.js';
import {
  cidrContains,
  type EndpointModel,
  encapDrops,
  type PolicyModel,
  type RuleModel,
  type WorldModel,
} from '../evaluator-seam.js';
import type { IpClass } from '../partition.js';
import { sideMayMatch } from '../rule-side.js';
import type { LintFinding } from '../types.js';
import { type Ctx, liftedReaches, pairsFor, resourceOf, sideMay, title } from './context.js';
import { refusedSides } from './refused-side.js';
import { deadSelectors } from './selector-matches-nothing.js';

/** The `shadowed-rule` findings of a policy over the endpoints it selects (`eps`). */
export function shadowedRules(ctx: Ctx, p: PolicyModel, eps: EndpointModel[]): LintFinding[] {
  const out: LintFinding[] = [];
  const epSet = new Set(eps);
  // Host endpoints and service backends see NATed packets: search every pair, no side filters.
  const natted = eps.some((e) => e.kind === 'HostEndpoint' || ctx.backends.has(e));
  const own = new Set(ctx.part.classes.filter((c) => c.members.some((m) => m.some((e) => epSet.has(e)))));
  for (const dir of ['ingress', 'egress'] as const) {
    if (dir === 'ingress' ? !p.ingressType : !p.egressType) continue;
    const proved = chainShadowed(ctx.model, p, eps, dir);
    for (const r of p[dir]) {
      if (proved.has(r.index)) {
        out.push(shadowFinding(ctx.model, p, dir, r, eps, proved.get(r.index)));
        continue;
      }
      // The lifted engine's flows carry no ICMP type or code: where a rule matches on them, an
      // ICMP flow with a type may reach a rule no typeless flow reaches (e.g. `Deny ICMP type 8`).
      if (
        ctx.typedIcmp &&
        mayMatchIcmp(r) &&
        deadSelectors(ctx.model, r).length === 0 &&
        refusedSides(r).length === 0
      )
        continue;
      const ownSide = dir === 'ingress' ? r.destination : r.source;
      const peerSide = dir === 'ingress' ? r.source : r.destination;
      const may = (side: RuleModel['source']) => (c: IpClass) => sideMay(ctx, side, c);
      const direct = () => pairsFor(ctx, own, dir === 'ingress', may(ownSide), may(peerSide));
      // The lifted engine, first over the pairs whose addresses the rule can match (likeliest to
      // reach it), then over every pair whose flows can meet the rule: no region reaches it = proof.
      if (liftedReaches(ctx, p, dir, r.index, direct())) continue;
      // Every pair when NAT rewrites addresses and ports before the rule's chain (host endpoints,
      // backends); else the policy's own classes with every peer: a service frontend a workload
      // sends to is DNATed before its egress chain, so the peer the rule sees is not the one the
      // flow was sent to.
      const every = () =>
        pairsFor(
          ctx,
          undefined,
          dir === 'ingress',
          () => true,
          () => true,
        );
      const mine = () => pairsFor(ctx, own, dir === 'ingress', may(ownSide), () => true);
      if (liftedReaches(ctx, p, dir, r.index, natted ? every() : mine())) continue;
      out.push(shadowFinding(ctx.model, p, dir, r, eps));
    }
  }
  return out;
}

/** Whether a rule can match ICMP or ICMPv6 packets (no protocol, or one of those two). */
const mayMatchIcmp = (r: RuleModel) => r.protocol === undefined || r.protocol === 1 || r.protocol === 58;

/**
 * Felix's encapsulation drop that takes every packet of a workload egress rule before the chain
 * runs (the evaluator's `encapDrops`: IPIP, or UDP to `vxlanPort` when the rule's ports are
 * that port alone), or undefined when earlier rules are the reason.
 */
function encapCause(model: WorldModel, dir: 'ingress' | 'egress', r: RuleModel): string | undefined {
  if (dir !== 'egress') return undefined;
  const ports = r.destination.ports;
  const onlyPort = (port: number) =>
    ports !== undefined &&
    ports.names.length === 0 &&
    ports.ranges.every((g) => g.min === port && g.max === port);
  return encapDrops(model).find(
    (d) => r.protocol === d.protocol && (d.dstPort === undefined || onlyPort(d.dstPort)),
  )?.reason;
}

/** A policy on host endpoints only, and not pre-DNAT, untracked or forward: it sees its hosts' own traffic. */
const plainHostPolicy = (p: PolicyModel, eps: readonly EndpointModel[]) =>
  !p.preDNAT &&
  !p.doNotTrack &&
  !p.applyOnForward &&
  eps.length > 0 &&
  eps.every((e) => e.kind === 'HostEndpoint');

/**
 * Felix's natOutgoing, where it keeps a host endpoint's ingress rule that selects pods from ever
 * matching: a pod's packet to another node's host endpoint arrives with its node's address (the
 * evaluator's `snat` hook), and one to its own host meets no host endpoint ingress policy (§3.3).
 * Undefined unless the policy is a plain (not pre-DNAT, untracked or forward) host endpoint
 * policy and the rule's source selects a pod in a natOutgoing pool.
 */
function masqueradeCause(
  model: WorldModel,
  p: PolicyModel,
  dir: 'ingress' | 'egress',
  r: RuleModel,
  eps: readonly EndpointModel[],
): string | undefined {
  const nat = model.natOutgoing;
  if (!nat || dir !== 'ingress' || !plainHostPolicy(p, eps)) return undefined;
  const side = r.source;
  if (!side.selector && !side.notSelector) return undefined;
  const pools = nat.pools.filter((pool) =>
    model.workloads.some((w) =>
      w.ips.some(
        (ip) => cidrContains(pool.cidr, ip) && sideMayMatch(model, side, ip.version, BigInt(ip.value)),
      ),
    ),
  );
  if (pools.length === 0) return undefined;
  return `its source selects pods, but natOutgoing (IPPool ${pools.map((x) => x.name).join(', ')}) masquerades a pod's packet to another node's host endpoint to its node's address, and a pod's packet to its own host meets no host endpoint ingress policy`;
}

/**
 * A plain host endpoint policy (not pre-DNAT, untracked or forward) sees only packets addressed to
 * its host (ingress) or sent from it (egress): forwarded traffic, e.g. to pods, meets
 * applyOnForward policies only (§4.5). Undefined unless the rule's own-side `nets` hold none of
 * the selected hosts' addresses.
 */
function hostOnlyCause(
  model: WorldModel,
  p: PolicyModel,
  dir: 'ingress' | 'egress',
  r: RuleModel,
  eps: readonly EndpointModel[],
): string | undefined {
  if (!plainHostPolicy(p, eps)) return undefined;
  const side = dir === 'ingress' ? 'destination' : 'source';
  const nets = r[side].nets;
  if (nets === undefined || nets.length === 0) return undefined;
  const hostIps = eps.flatMap((h) => {
    if (h.kind !== 'HostEndpoint') return [];
    const n = model.nodes.get(h.node);
    return [...h.expectedIPs, ...(n ? [...n.internalIPs, ...n.externalIPs, ...n.tunnelIPs] : [])];
  });
  if (hostIps.some((ip) => nets.some((c) => cidrContains(c, ip)))) return undefined;
  return `its ${side} nets hold no address of the hosts it applies to, and a host endpoint policy without applyOnForward sees only packets ${dir === 'ingress' ? 'addressed to' : 'sent from'} its host (forwarded traffic, e.g. to or from pods, meets applyOnForward policies only). Set applyOnForward: true if it is meant for forwarded traffic, else remove the rule.`;
}

/** What decides first, in words, with what to do about it. */
function blockerText(p: PolicyModel, dir: 'ingress' | 'egress', b: Blocker): string {
  if (b.kind === 'tierEnd')
    return `tier ${b.tier} decides every packet first on every endpoint the policy selects (no Pass rule lets packets on; what its policies do not allow is dropped at its end). Move the rule into that tier, or pass traffic on from it.`;
  const where =
    b.policy === p ? `rule ${b.rule.index} of this policy` : `${title(b.policy)} ${dir} rule ${b.rule.index}`;
  return `${where} (${b.rule.action}) matches every packet this rule matches and decides first on every endpoint the policy selects. Remove it or move it before that rule.`;
}

function shadowFinding(
  model: WorldModel,
  p: PolicyModel,
  dir: 'ingress' | 'egress',
  r: RuleModel,
  eps: readonly EndpointModel[],
  blocker?: Blocker,
): LintFinding {
  const head = `${title(p)} ${dir} rule ${r.index} (${r.action}) never decides: no flow to or from the endpoints it selects reaches it`;
  const workloadsOnly = eps.every((e) => e.kind === 'WorkloadEndpoint');
  // Why, in the order a reader can act on: the rule itself matches nothing, else what Felix does first.
  const [deadSelector] = deadSelectors(model, r);
  const [refused] = deadSelector === undefined ? refusedSides(r) : [];
  const dead = deadSelector ?? refused;
  const encap = dead === undefined && workloadsOnly ? encapCause(model, dir, r) : undefined;
  const masquerade =
    dead === undefined && encap === undefined ? masqueradeCause(model, p, dir, r, eps) : undefined;
  const hostOnly =
    dead === undefined && encap === undefined && masquerade === undefined && blocker === undefined
      ? hostOnlyCause(model, p, dir, r, eps)
      : undefined;
  return {
    code: 'shadowed-rule',
    severity: 'warning',
    message: deadSelector
      ? `${head}: ${deadSelector}, so no flow matches it at all. Fix the selector or remove the rule.`
      : refused
        ? `${head}: ${refused}, so no flow matches it at all. Fix the rule or remove it.`
        : encap
          ? `${head}: every packet it matches is one Felix drops first (${encap}). Remove it, or allow that encapsulation in FelixConfiguration.`
          : masquerade
            ? `${head}: ${masquerade}. Match the nodes' addresses instead (a GlobalNetworkSet of them), or exempt host addresses with FelixConfiguration natOutgoingExclusions: IPPoolsAndHostIPs.`
            : blocker
              ? `${head}: ${blockerText(p, dir, blocker)}`
              : hostOnly
                ? `${head}: ${hostOnly}`
                : `${head}, earlier rules, policies or tiers always decide first. Remove it or move it before the rule that covers it.`,
    resource: resourceOf(p),
    rule: { direction: dir, index: r.index },
  };
}
