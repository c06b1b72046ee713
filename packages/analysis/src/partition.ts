/**
 * Endpoint equivalence classes over the address space. Every boundary any world compares an
 * address against (rule nets, network sets, failsafe nets, endpoint, node and service addresses,
 * the space's own CIDRs) splits the address line into atoms; atoms that no world can tell apart
 * (same owners' attributes, same membership in every CIDR) form one class. Two addresses of one
 * class get the same verdict with every counterpart, so one representative answers for all.
 */
import type { Cidr, EndpointModel, EntityModel, WorldModel } from './evaluator-seam.js';
import { addRule, emptyRelevance, endpointRules, type Relevance } from './relevance.js';
import { cidrInterval, type Family, type IpInterval, maxIp } from './sets/ip.js';

/** One class of addresses. */
export interface IpClass {
  readonly id: number;
  readonly family: Family;
  /** Sorted, disjoint. */
  readonly intervals: IpInterval[];
  /** Owners of the class's addresses, per world (workload classes: every member pod). */
  readonly members: EndpointModel[][];
  /** Whether the class is a single address. */
  readonly single: boolean;
}

/** A partition of one or two worlds' address space. */
export interface Partition {
  readonly classes: readonly IpClass[];
  readonly byFamily: ReadonlyMap<Family, readonly IpClass[]>;
}

const keyOf = (family: Family, value: bigint) => `${family}:${value.toString()}`;

interface WorldFacts {
  readonly model: WorldModel;
  /** Exact addresses that identify something (node, frontend, backend, HEP): never merged. */
  readonly unique: ReadonlySet<string>;
  readonly cidrs: readonly IpInterval[];
}

interface IpLike {
  readonly version: 4 | 6;
  readonly value: number | bigint;
}
const ipValue = (ip: IpLike): bigint => BigInt(ip.value);

function parseKey(key: string): { family: Family; value: bigint } | undefined {
  const m = /^([46]):(\d+)$/.exec(key);
  return m ? { family: m[1] === '4' ? 4 : 6, value: BigInt(m[2] as string) } : undefined;
}

function worldFacts(model: WorldModel): WorldFacts {
  const unique = new Set<string>();
  for (const k of model.nodeByIp.keys()) unique.add(k);
  for (const k of model.frontendIps) unique.add(k);
  for (const sp of model.servicePorts) {
    for (const b of [...sp.backends, ...sp.terminatingBackends])
      unique.add(keyOf(b.ip.version, ipValue(b.ip)));
    for (const ip of [...sp.clusterIPs, ...sp.loadBalancerIPs, ...sp.externalIPs])
      unique.add(keyOf(ip.version, ipValue(ip)));
  }
  // §6.9: `services` rules match every EndpointSlice address, ready or not.
  for (const m of model.serviceMembers.values())
    for (const ip of m.addresses) unique.add(keyOf(ip.version, ipValue(ip)));
  for (const n of model.nodes.values())
    for (const ip of [...n.internalIPs, ...n.externalIPs]) unique.add(keyOf(ip.version, ipValue(ip)));
  for (const h of model.hostEndpoints)
    for (const ip of h.expectedIPs) unique.add(keyOf(ip.version, ipValue(ip)));
  const cidrs: IpInterval[] = [];
  const sides = (
    rules: readonly {
      source: { nets: readonly Cidr[] | undefined; notNets: readonly Cidr[] | undefined };
      destination: { nets: readonly Cidr[] | undefined; notNets: readonly Cidr[] | undefined };
    }[],
  ) => {
    for (const r of rules)
      for (const side of [r.source, r.destination])
        for (const c of [...(side.nets ?? []), ...(side.notNets ?? [])]) cidrs.push(cidrInterval(c));
  };
  for (const p of model.policies) {
    sides(p.ingress);
    sides(p.egress);
  }
  for (const p of model.profiles.values()) {
    sides(p.ingress);
    sides(p.egress);
  }
  for (const s of model.networkSets) for (const c of s.nets) cidrs.push(cidrInterval(c));
  for (const f of [...model.failsafeInbound, ...model.failsafeOutbound])
    if (f.net) cidrs.push(cidrInterval(f.net));
  // Felix's static rules accept tunnel packets from and to Calico hosts (`all-hosts-net`).
  for (const c of model.calicoHosts) cidrs.push(cidrInterval(c));
  // Service loop prevention drops forwarded packets to the advertised service CIDRs.
  for (const c of model.serviceLoop?.cidrs ?? []) cidrs.push(cidrInterval(c));
  // natOutgoing masquerades by source and destination pool.
  const nat = model.natOutgoing;
  if (nat) for (const c of [...nat.pools.map((p) => p.cidr), ...nat.exempt]) cidrs.push(cidrInterval(c));
  // kube-proxy's local-traffic detector: a pod outside its cluster CIDR is masqueraded to a ClusterIP.
  for (const c of model.kubeProxyClusterCIDRs ?? []) cidrs.push(cidrInterval(c));
  // kube-proxy admits load balancer traffic by source range.
  for (const sp of model.servicePorts)
    for (const c of sp.loadBalancerSourceRanges) cidrs.push(cidrInterval(c));
  return { model, unique, cidrs };
}

/** Owners' attributes that policies can see; two addresses with equal descriptions are interchangeable. */
function describeOwner(e: EntityModel): string {
  const labels = Object.entries(e.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (e.kind === 'WorkloadEndpoint') {
    return JSON.stringify([
      'W',
      e.namespace,
      e.node ?? '',
      e.serviceAccount ?? '',
      labels,
      e.profiles,
      e.ports,
    ]);
  }
  if (e.kind === 'HostEndpoint') return JSON.stringify(['H', e.node, e.name]);
  return JSON.stringify(['S', e.kind, e.namespace ?? '', e.name]);
}

/**
 * Builds the classes of addresses for one or two worlds; `extra` CIDRs (a space's) also split
 * atoms so that every class interval lies wholly inside or outside them.
 *
 * @example
 * ```ts
 * declare const world: World;
 * buildPartition([world.model], []).classes.length; // a handful per distinct pod shape
 * ```
 */
export function buildPartition(models: readonly WorldModel[], extra: readonly IpInterval[]): Partition {
  const facts = models.map(worldFacts);
  const classes: IpClass[] = [];
  const byFamily = new Map<Family, IpClass[]>();
  for (const family of [4, 6] as const) {
    const breaks = new Set<bigint>([0n]);
    const add = (lo: bigint, hi: bigint) => {
      breaks.add(lo);
      if (hi < maxIp(family)) breaks.add(hi + 1n);
    };
    const cidrs = new Map<string, IpInterval>();
    for (const f of facts) {
      for (const c of f.cidrs) if (c.family === family) cidrs.set(`${c.lo}-${c.hi}`, c);
      for (const k of [...f.unique, ...f.model.ipOwners.keys()]) {
        const p = parseKey(k);
        if (p && p.family === family) add(p.value, p.value);
      }
    }
    const cidrList = [...cidrs.values()];
    for (const c of cidrList) add(c.lo, c.hi);
    for (const iv of extra) if (iv.family === family) add(iv.lo, iv.hi);
    const points = [...breaks].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const groups = new Map<string, IpClass>();
    for (let i = 0; i < points.length; i++) {
      const lo = points[i] as bigint;
      const hi = i + 1 < points.length ? (points[i + 1] as bigint) - 1n : maxIp(family);
      const single = lo === hi;
      const parts: string[] = [];
      const members: EndpointModel[][] = [];
      for (const f of facts) {
        const k = keyOf(family, lo);
        const own: EndpointModel[] = [];
        if (single) {
          const owners = f.model.ipOwners.get(k) ?? [];
          parts.push(f.unique.has(k) ? `U${k}` : owners.map(describeOwner).join(','));
          for (const o of owners) if (o.kind === 'WorkloadEndpoint' || o.kind === 'HostEndpoint') own.push(o);
        }
        members.push(own);
      }
      let bits = '';
      for (let c = 0; c < cidrList.length; c++) {
        const iv = cidrList[c] as IpInterval;
        if (iv.lo <= lo && hi <= iv.hi) bits += `${c},`;
      }
      const sig = `${single && members.some((m) => m.length > 0) ? 'E' : 'R'}|${parts.join('|')}|${bits}`;
      const known = groups.get(sig);
      if (known) {
        const last = known.intervals[known.intervals.length - 1] as IpInterval;
        if (last.hi + 1n === lo) known.intervals[known.intervals.length - 1] = { family, lo: last.lo, hi };
        else known.intervals.push({ family, lo, hi });
        for (const [w, m] of members.entries()) (known.members[w] as EndpointModel[]).push(...m);
        continue;
      }
      const cls: IpClass = {
        id: classes.length,
        family,
        intervals: [{ family, lo, hi }],
        members,
        single,
      };
      groups.set(sig, cls);
      classes.push(cls);
      let fam = byFamily.get(family);
      if (!fam) {
        fam = [];
        byFamily.set(family, fam);
      }
      fam.push(cls);
    }
  }
  for (const c of classes)
    (c as { single: boolean }).single = c.intervals.length === 1 && c.intervals[0]?.lo === c.intervals[0]?.hi;
  return { classes, byFamily };
}

const relevanceCache = new WeakMap<IpClass, { egress: Relevance; ingress: Relevance }>();
const interned = new Map<string, Relevance>();

/** Equal relevances share one object, so per-pair work can be cached by identity. */
function intern(r: Relevance): Relevance {
  const sorted = (x: Set<number>) => [...x].sort((a, b) => a - b).join(',');
  const map = (m: Map<number, Set<number>>) =>
    [...m.keys()]
      .sort((a, b) => a - b)
      .map((k) => `${k}:${sorted(m.get(k) ?? new Set())}`)
      .join(';');
  const key = `${map(r.dstBreaks)}|${map(r.srcBreaks)}|${sorted(r.protocols)}`;
  const hit = interned.get(key);
  if (hit) return hit;
  if (interned.size > 10_000) interned.clear();
  interned.set(key, r);
  return r;
}

/**
 * Constants the class's own chains compare against (its egress rules when it sends, its ingress
 * rules when it receives). Members of one class select the same policies: the first member of
 * each world speaks for all.
 */
export function classRelevance(
  c: IpClass,
  models: readonly WorldModel[],
): { egress: Relevance; ingress: Relevance } {
  const hit = relevanceCache.get(c);
  if (hit) return hit;
  const out = { egress: emptyRelevance(), ingress: emptyRelevance() };
  for (const [w, m] of c.members.entries()) {
    const e = m[0];
    const model = models[w];
    if (!e || !model) continue;
    for (const r of endpointRules(model, e, 'egress')) addRule(out.egress, r);
    for (const r of endpointRules(model, e, 'ingress')) addRule(out.ingress, r);
  }
  const shared = { egress: intern(out.egress), ingress: intern(out.ingress) };
  relevanceCache.set(c, shared);
  return shared;
}

/**
 * The addresses of a class inside a space (`undefined` = everything).
 *
 * @example
 * ```ts
 * declare const c: IpClass;
 * restrict(c, [{ family: 4, lo: 0n, hi: 255n }]);
 * ```
 */
export function restrict(c: IpClass, space: readonly IpInterval[] | undefined): IpInterval[] {
  if (space === undefined) return c.intervals;
  const out: IpInterval[] = [];
  for (const iv of c.intervals)
    for (const s of space) {
      if (s.family !== iv.family) continue;
      let lo = iv.lo;
      if (s.lo > lo) lo = s.lo;
      let hi = iv.hi;
      if (s.hi < hi) hi = s.hi;
      if (lo <= hi) out.push({ family: iv.family, lo, hi });
    }
  return out.sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
}

/**
 * Every pair of classes of one family, each side restricted to a space's addresses (`undefined`
 * = everything); pairs with an empty side are left out. Sources in class order, then
 * destinations, family by family.
 *
 * @example
 * ```ts
 * for (const [s, sIvs, d, dIvs] of spacePairs(part, q.src, q.dst)) liftClasses(ctx, s, sIvs, d, dIvs, box);
 * ```
 */
export function* spacePairs(
  part: Partition,
  src: readonly IpInterval[] | undefined,
  dst: readonly IpInterval[] | undefined,
): Generator<readonly [IpClass, IpInterval[], IpClass, IpInterval[]]> {
  for (const [, classes] of part.byFamily) {
    const srcs = classes.map((c) => [c, restrict(c, src)] as const).filter(([, ivs]) => ivs.length > 0);
    const dsts = classes.map((c) => [c, restrict(c, dst)] as const).filter(([, ivs]) => ivs.length > 0);
    for (const [s, sIvs] of srcs) for (const [d, dIvs] of dsts) yield [s, sIvs, d, dIvs];
  }
}

// Addresses a reader recognises as "somewhere on the internet" (documentation ranges).
const FRIENDLY: readonly IpInterval[] = [
  { family: 4, lo: 3325256711n, hi: 3325256711n }, // 198.51.100.7
  { family: 4, lo: 3405803785n, hi: 3405803785n }, // 203.0.113.9
  { family: 6, lo: 42540766411282592856903984951653826567n, hi: 42540766411282592856903984951653826567n }, // 2001:db8::7
];

/**
 * Two distinct addresses of some intervals when there are two (a readable one first: a
 * documentation address when the intervals hold one, never a network's .0 when avoidable).
 *
 * @example
 * ```ts
 * representatives([{ family: 4, lo: 0n, hi: 255n }]); // [1n, 2n]
 * ```
 */
export function representatives(ivs: readonly IpInterval[]): [bigint, bigint | undefined] {
  for (const f of FRIENDLY) {
    const home = ivs.find((iv) => iv.family === f.family && iv.lo <= f.lo && f.lo <= iv.hi);
    if (!home) continue;
    if (home.hi > f.lo) return [f.lo, f.lo + 1n];
    const other = ivs.find((iv) => iv !== home);
    return [f.lo, other?.lo];
  }
  const first = ivs[0] as IpInterval;
  const start = first.hi - first.lo >= 2n ? first.lo + 1n : first.lo;
  if (first.hi > start) return [start, start + 1n];
  if (first.hi > first.lo) return [first.lo, first.hi];
  return [first.lo, ivs[1]?.lo];
}
