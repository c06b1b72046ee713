/**
 * `lint()`: claims about every flow (shadowed rules, selectors that match nothing), plus the
 * configuration checks an operator wants. A rule is shadowed when the chain proof shows it, or
 * when no region of the lifted engine (every flow of every class pair that can meet the rule)
 * reaches and matches it.
 */
import { chainShadowed } from './chain-proof.js';
import type {
  EndpointModel,
  EvaluationResult,
  Flow,
  PolicyModel,
  RuleModel,
  World,
  WorldModel,
} from './evaluator-seam.js';
import { cidrContains, encapDrops } from './evaluator-seam.js';
import { universe } from './lifted/boxes.js';
import { liftClasses } from './lifted/classes.js';
import { type LiftContext, liftContext } from './lifted/pair.js';
import { stagedDenials } from './lifted/staged.js';
import { type IpClass, type Partition, representatives } from './partition.js';
import { sideMayMatch } from './rule-side.js';
import type { IpInterval } from './sets/ip.js';
import type { LintFinding } from './types.js';

const BUILTIN_TIERS = new Set(['default', 'kube-admin', 'kube-baseline']);

const resourceOf = (p: PolicyModel): LintFinding['resource'] =>
  p.namespace === undefined
    ? { kind: p.kind, name: p.name }
    : { kind: p.kind, namespace: p.namespace, name: p.name };
const title = (p: PolicyModel) => `${p.kind} ${p.namespace ? `${p.namespace}/` : ''}${p.name}`;

function selected(model: WorldModel, p: PolicyModel): EndpointModel[] {
  return model.endpoints.filter((e) => p.selector(e.labels));
}

interface Ctx {
  readonly world: World;
  readonly model: WorldModel;
  readonly part: Partition;
  readonly backends: ReadonlySet<EndpointModel>;
  /** The lifted engine with every rule a region reaches noted, run pair by pair as proofs need it. */
  readonly reach: Reach;
  /** Staged denials of allowed flows, from the lifted engine. */
  readonly staged: ReturnType<typeof stagedDenials>;
}

/** Rules some flow reaches and matches (by policy: `direction:index`), from the class pairs lifted so far. */
interface Reach {
  readonly hits: Map<PolicyModel, Set<string>>;
  readonly lifted: Set<string>;
  readonly ctx: LiftContext;
}

function newReach(model: WorldModel): Reach {
  const hits = new Map<PolicyModel, Set<string>>();
  const ctx = liftContext(model, (p, dir, index) => {
    let set = hits.get(p);
    if (!set) {
      set = new Set();
      hits.set(p, set);
    }
    set.add(`${dir}:${index}`);
  });
  return { hits, lifted: new Set(), ctx };
}

const EVERY_FLOW = universe(undefined, undefined, undefined);

/**
 * Whether some flow between the given class pairs reaches and matches rule `index` of `p`: the
 * lifted engine runs each pair over every flow (once per lint run; every rule any region reaches
 * is noted), so `false` is a proof for those pairs, with no sampling and no budget.
 */
function liftedReaches(
  ctx: Ctx,
  p: PolicyModel,
  dir: 'ingress' | 'egress',
  index: number,
  pairs: Iterable<readonly [IpClass, IpClass]>,
): boolean {
  const key = `${dir}:${index}`;
  const { hits, lifted } = ctx.reach;
  if (hits.get(p)?.has(key)) return true;
  for (const [s, d] of pairs) {
    const id = `${s.id}>${d.id}`;
    if (lifted.has(id)) continue;
    lifted.add(id);
    liftClasses(ctx.reach.ctx, s, s.intervals, d, d.intervals, EVERY_FLOW);
    if (hits.get(p)?.has(key)) return true;
  }
  return false;
}

const sideCache = new WeakMap<RuleModel['source'], Map<IpClass, boolean>>();
function sideMay(ctx: Ctx, side: RuleModel['source'], c: IpClass): boolean {
  if (!side.nets && !side.notNets && !side.selector && !side.notSelector) return true;
  let m = sideCache.get(side);
  if (!m) {
    m = new Map();
    sideCache.set(side, m);
  }
  let v = m.get(c);
  if (v === undefined) {
    v = sideMayMatch(ctx.model, side, c.family, representatives(c.intervals)[0]);
    m.set(c, v);
  }
  return v;
}

function* pairsFor(
  ctx: Ctx,
  own: ReadonlySet<IpClass> | undefined,
  ownIsDst: boolean,
  ownOk: (c: IpClass) => boolean,
  peerOk: (c: IpClass) => boolean,
): Generator<readonly [IpClass, IpClass]> {
  for (const [, classes] of ctx.part.byFamily) {
    const mine = classes.filter((c) => (own ? own.has(c) : true) && ownOk(c));
    const peers = classes.filter(peerOk);
    for (const m of mine) for (const p of peers) yield ownIsDst ? [p, m] : [m, p];
  }
}

function shadowedRules(ctx: Ctx, p: PolicyModel, eps: EndpointModel[]): LintFinding[] {
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
        out.push(shadowFinding(ctx.model, p, dir, r, eps));
        continue;
      }
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
  if (!nat || dir !== 'ingress' || p.preDNAT || p.doNotTrack || p.applyOnForward) return undefined;
  if (eps.length === 0 || eps.some((e) => e.kind !== 'HostEndpoint')) return undefined;
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

function shadowFinding(
  model: WorldModel,
  p: PolicyModel,
  dir: 'ingress' | 'egress',
  r: RuleModel,
  eps: readonly EndpointModel[],
): LintFinding {
  const head = `${title(p)} ${dir} rule ${r.index} (${r.action}) never decides: no flow to or from the endpoints it selects reaches it`;
  const workloadsOnly = eps.every((e) => e.kind === 'WorkloadEndpoint');
  const encap = workloadsOnly ? encapCause(model, dir, r) : undefined;
  const masquerade = encap === undefined ? masqueradeCause(model, p, dir, r, eps) : undefined;
  return {
    code: 'shadowed-rule',
    severity: 'warning',
    message: encap
      ? `${head}: every packet it matches is one Felix drops first (${encap}). Remove it, or allow that encapsulation in FelixConfiguration.`
      : masquerade
        ? `${head}: ${masquerade}. Match the nodes' addresses instead (a GlobalNetworkSet of them), or exempt host addresses with FelixConfiguration natOutgoingExclusions: IPPoolsAndHostIPs.`
        : `${head}, earlier rules, policies or tiers always decide first. Remove it or move it before the rule that covers it.`,
    resource: resourceOf(p),
    rule: { direction: dir, index: r.index },
  };
}

function matchesNothing(ctx: Ctx, p: PolicyModel, eps: EndpointModel[]): LintFinding[] {
  const out: LintFinding[] = [];
  if (eps.length === 0) {
    out.push({
      code: 'selector-matches-nothing',
      severity: 'warning',
      message: `${title(p)} selects no endpoint (selector ${JSON.stringify(p.selectorText)}): it never applies. Check the labels it expects.`,
      resource: resourceOf(p),
    });
  }
  const entities = [...ctx.model.endpoints, ...ctx.model.networkSets];
  for (const dir of ['ingress', 'egress'] as const)
    for (const r of p[dir])
      for (const [name, side] of [
        ['source', r.source],
        ['destination', r.destination],
      ] as const) {
        const sel = side.selector;
        if (!sel || entities.some((e) => sel(e.labels))) continue;
        out.push({
          code: 'selector-matches-nothing',
          severity: 'warning',
          message: `${title(p)} ${dir} rule ${r.index}: the ${name} selector ${JSON.stringify(side.selectorText)} matches no endpoint or network set, so the rule never matches.`,
          resource: resourceOf(p),
          rule: { direction: dir, index: r.index },
        });
      }
  return out;
}

function configChecks(ctx: Ctx, p: PolicyModel, eps: EndpointModel[]): LintFinding[] {
  const out: LintFinding[] = [];
  if (p.preDNAT && !p.applyOnForward) {
    out.push({
      code: 'prednat-without-apply-on-forward',
      severity: 'error',
      message: `${title(p)} is preDNAT without applyOnForward: Calico rejects it (pre-DNAT policy acts on forwarded traffic). Add applyOnForward: true.`,
      resource: resourceOf(p),
    });
  }
  const tier = ctx.model.tiers.find((t) => t.name === p.tier);
  if (tier && !tier.hasResource && !BUILTIN_TIERS.has(tier.name)) {
    out.push({
      code: 'tier-without-resource',
      severity: 'error',
      message: `${title(p)} is in tier ${JSON.stringify(p.tier)}, which has no Tier resource: Calico refuses policies in a missing tier. Create the Tier (with its order) or move the policy.`,
      resource: resourceOf(p),
    });
  }
  // Pass hands the packet to the next tier; if no later tier selects the endpoint it ends in profiles.
  const tierIndex = ctx.model.tiers.findIndex((t) => t.name === p.tier);
  const later = ctx.model.tiers
    .slice(tierIndex + 1)
    .flatMap((t) => ctx.model.policiesByTier.get(t.name) ?? []);
  for (const dir of ['ingress', 'egress'] as const) {
    const r = p[dir].find((x) => x.action === 'Pass');
    if (!r || eps.length === 0) continue;
    const typed = (q: PolicyModel) => (dir === 'ingress' ? q.ingressType : q.egressType);
    const orphan = eps.filter((e) => !later.some((q) => typed(q) && q.selector(e.labels)));
    if (orphan.length === 0) continue;
    out.push({
      code: 'pass-into-unselected-tier',
      severity: 'info',
      message: `${title(p)} ${dir} rule ${r.index} passes traffic on, but no later tier has a ${dir} policy for ${
        orphan.length === eps.length
          ? 'any endpoint it selects'
          : `${orphan
              .map((e) => e.name)
              .slice(0, 3)
              .join(', ')}`
      }: those flows fall through to profiles (Kubernetes default: allow).`,
      resource: resourceOf(p),
      rule: { direction: dir, index: r.index },
    });
  }
  return out;
}

function stagedWouldDeny(ctx: Ctx, p: PolicyModel, eps: EndpointModel[]): LintFinding[] {
  const epSet = new Set(eps);
  const own = new Set(ctx.part.classes.filter((c) => (c.members[0] ?? []).some((e) => epSet.has(e))));
  const out: LintFinding[] = [];
  for (const dir of ['ingress', 'egress'] as const) {
    if (dir === 'ingress' ? !p.ingressType : !p.egressType) continue;
    if (!p[dir].some((r) => r.action === 'Deny')) continue;
    const hit = (res: EvaluationResult) =>
      res.verdict === 'Allow' &&
      res.trace.some(
        (s) =>
          s.policy?.name === p.name &&
          s.policy.kind === p.kind &&
          s.direction === dir &&
          s.action === 'staged' &&
          /would deny$/i.test(s.reason ?? ''),
      );
    // Every pair when NAT rewrites what the policy's endpoints see (host endpoints, backends).
    const natted = eps.some((e) => e.kind === 'HostEndpoint' || ctx.backends.has(e));
    const witness = ctx.staged.find(
      p,
      dir,
      pairsFor(
        ctx,
        natted ? undefined : own,
        dir === 'ingress',
        () => true,
        () => true,
      ),
      (flow) => hit(ctx.world.evaluate(flow)),
    );
    if (!witness) continue;
    out.push({
      code: 'staged-would-deny',
      severity: 'info',
      message: `${title(p)} would deny ${dir} flows the enforced policies allow (e.g. ${witness.protocol} ${witness.srcIp} → ${witness.dstIp}${witness.dstPort !== undefined ? `:${witness.dstPort}` : ''}). Check them before enforcing it.`,
      resource: resourceOf(p),
      witness,
    });
  }
  return out;
}

function dnsChecks(ctx: Ctx): LintFinding[] {
  const dns = ctx.model.servicePorts.filter(
    (sp) =>
      (sp.service.name === 'kube-dns' || sp.service.name === 'coredns') &&
      sp.port === 53 &&
      sp.protocol === 17,
  );
  const out: LintFinding[] = [];
  const seen = new Set<string>();
  for (const sp of dns)
    for (const ip of sp.clusterIPs) {
      for (const c of ctx.part.byFamily.get(ip.version) ?? []) {
        const wep = (c.members[0] ?? []).find((e) => e.kind === 'WorkloadEndpoint');
        if (!wep || ctx.backends.has(wep)) continue;
        const first = c.intervals[0] as IpInterval;
        const flow: Flow = {
          protocol: 'UDP',
          srcIp: wep.ips[0]?.text ?? String(first.lo),
          srcPort: 40000,
          dstIp: ip.text,
          dstPort: 53,
        };
        const res = ctx.world.evaluate(flow);
        if (res.verdict === 'Allow') continue;
        const path = res.paths.find((x) => x.verdict === 'Deny');
        const by = path?.decidedBy;
        if (!path || !by || by.stage !== 'workloadEgress') continue;
        // End of tier: name the tier's last policy the packet met (the default deny).
        const policy =
          by.policy ??
          path.steps.filter((x) => x.stage === 'workloadEgress' && x.tier === by.tier && x.policy).pop()
            ?.policy;
        if (!policy) continue;
        const key = `${policy.kind}|${policy.namespace ?? ''}|${policy.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          code: 'egress-default-deny-blocks-dns',
          severity: 'warning',
          message: `Egress from ${wep.namespace}/${wep.name} to DNS (${sp.service.namespace}/${sp.service.name} ${ip.text}:53/UDP) is denied by ${policy.kind} ${policy.name}${by.ruleIndex !== undefined ? ` rule ${by.ruleIndex}` : ` (end of tier ${by.tier ?? ''}: default deny)`}: name lookups fail. Allow UDP and TCP 53 to kube-dns.`,
          resource:
            policy.namespace === undefined
              ? { kind: policy.kind, name: policy.name }
              : { kind: policy.kind, namespace: policy.namespace, name: policy.name },
          ...(by.ruleIndex !== undefined
            ? { rule: { direction: 'egress' as const, index: by.ruleIndex } }
            : {}),
          witness: flow,
        });
      }
    }
  return out;
}

/**
 * Runs every lint check over a world.
 *
 * @example
 * ```ts
 * declare const world: World; declare const part: Partition;
 * lintWorld(world, part).map((f) => f.code);
 * ```
 */
export function lintWorld(world: World, part: Partition): LintFinding[] {
  const model = world.model;
  const ctx: Ctx = {
    world,
    model,
    part,
    backends: new Set(
      model.servicePorts.flatMap((sp) => sp.backends.flatMap((b) => (b.endpoint ? [b.endpoint] : []))),
    ),
    staged: stagedDenials(model),
    reach: newReach(model),
  };
  const out: LintFinding[] = [];
  for (const p of model.policies) {
    const eps = selected(model, p);
    out.push(...matchesNothing(ctx, p, eps), ...configChecks(ctx, p, eps));
    if (eps.length === 0) continue;
    if (p.staged) out.push(...stagedWouldDeny(ctx, p, eps));
    else out.push(...shadowedRules(ctx, p, eps));
  }
  out.push(...dnsChecks(ctx));
  return out;
}
