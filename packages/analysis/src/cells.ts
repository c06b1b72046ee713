/**
 * Cells: the boxes inside which no world can tell flows apart. For a pair of address classes the
 * protocol and port lines are cut at every constant the flow's path can compare against; one
 * representative flow per cell, evaluated by the concrete evaluator, answers for the whole cell.
 */
import type { Flow, WorldModel } from './evaluator-seam.js';
import { classRelevance, type IpClass, representatives } from './partition.js';
import { protocolLabel } from './region.js';
import { breaksFor, emptyRelevance, globalRelevance, type Relevance } from './relevance.js';
import { type Family, formatIp, type IpInterval } from './sets/ip.js';
import type { PortInterval } from './space.js';

/** What a query restricts beside addresses. */
export interface CellFilter {
  readonly protocols: ReadonlySet<number> | undefined;
  readonly srcPort: readonly PortInterval[] | undefined;
  readonly dstPort: readonly PortInterval[] | undefined;
}

/** One cell: a box and the flows that represent it. */
export interface Cell {
  readonly protocols: readonly number[];
  readonly ported: boolean;
  readonly src: readonly IpInterval[];
  readonly dst: readonly IpInterval[];
  /** `undefined` for protocols without ports. */
  readonly srcPort: PortInterval | undefined;
  readonly dstPort: PortInterval | undefined;
  /**
   * Representative flows: one, or for a class paired with itself two (distinct addresses and
   * the same address), which must agree for the cell to be uniform.
   */
  readonly flows: readonly Flow[];
}

const PORTED = new Set([6, 17, 132]);

/** Global constants of the worlds, computed once per query. */
export interface CellContext {
  readonly models: readonly WorldModel[];
  readonly global: Relevance;
}

/**
 * The context for enumerating cells of some worlds.
 *
 * @example
 * ```ts
 * declare const world: World;
 * cellContext([world.model]).global.protocols.has(6); // true
 * ```
 */
export function cellContext(models: readonly WorldModel[]): CellContext {
  const global: Relevance = emptyRelevance();
  const merge = (into: Map<number, Set<number>>, from: Map<number, Set<number>>) => {
    for (const [k, set] of from) {
      const mine = into.get(k);
      if (mine) for (const x of set) mine.add(x);
      else into.set(k, new Set(set));
    }
  };
  for (const m of models) {
    const g = globalRelevance(m);
    merge(global.dstBreaks, g.dstBreaks);
    merge(global.srcBreaks, g.srcBreaks);
    for (const x of g.protocols) global.protocols.add(x);
  }
  return { models, global };
}

/** Port atoms: the line 0–65535 cut at `breaks`, kept inside `space`. */
function portAtoms(breaks: Iterable<number>[], space: readonly PortInterval[] | undefined): PortInterval[] {
  const cuts = new Set<number>([0]);
  for (const b of breaks) for (const x of b) if (x > 0 && x <= 65535) cuts.add(x);
  for (const [lo, hi] of space ?? []) {
    cuts.add(lo);
    if (hi < 65535) cuts.add(hi + 1);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: PortInterval[] = [];
  for (let i = 0; i < points.length; i++) {
    const lo = points[i] as number;
    const hi = i + 1 < points.length ? (points[i + 1] as number) - 1 : 65535;
    if (space && !space.some(([a, b]) => a <= lo && hi <= b)) continue;
    out.push([lo, hi]);
  }
  return out;
}

/** Protocol atoms: each protocol a world names alone, the rest grouped by whether they carry ports. */
function protocolAtoms(named: ReadonlySet<number>, space: ReadonlySet<number> | undefined): number[][] {
  const universe = space ? [...space].sort((a, b) => a - b) : Array.from({ length: 255 }, (_, i) => i + 1);
  const out: number[][] = [];
  const restPorted: number[] = [];
  const rest: number[] = [];
  for (const p of universe) {
    if (named.has(p)) out.push([p]);
    else if (PORTED.has(p)) restPorted.push(p);
    else rest.push(p);
  }
  if (restPorted.length > 0) out.push(restPorted);
  if (rest.length > 0) out.push(rest);
  return out;
}

const texts = new Map<string, string>();
const ipText = (family: Family, v: bigint) => {
  const k = `${family}${v}`;
  let t = texts.get(k);
  if (t === undefined) {
    if (texts.size > 100_000) texts.clear();
    t = formatIp(family, v);
    texts.set(k, t);
  }
  return t;
};

// Atoms per (context, filter, egress relevance, ingress relevance): relevances are interned.
const atomCache = new WeakMap<
  CellContext,
  WeakMap<CellFilter, WeakMap<Relevance, WeakMap<Relevance, Atoms>>>
>();
/** Protocol atoms, and for each ported one its source and destination port atoms. */
interface Atoms {
  readonly protocols: readonly number[][];
  readonly ports: readonly ([PortInterval[], PortInterval[]] | undefined)[];
}
function child<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}
function atomsFor(ctx: CellContext, eg: Relevance, ing: Relevance, filter: CellFilter): Atoms {
  const byIng = child(
    child(
      child(atomCache, ctx, () => new WeakMap()),
      filter,
      () => new WeakMap(),
    ),
    eg,
    () => new WeakMap<Relevance, Atoms>(),
  );
  const hit = byIng.get(ing);
  if (hit) return hit;
  const protocols = protocolAtoms(
    new Set([...ctx.global.protocols, ...eg.protocols, ...ing.protocols]),
    filter.protocols,
  );
  const ports = protocols.map((group): [PortInterval[], PortInterval[]] | undefined => {
    if (!PORTED.has(group[0] as number)) return undefined;
    const src = portAtoms(
      [ctx.global.srcBreaks, eg.srcBreaks, ing.srcBreaks].map((m) => breaksFor(m, group)),
      filter.srcPort,
    );
    // Witnesses read best with an ephemeral source port: that atom first.
    const eph = src.findIndex(([lo, hi]) => lo <= 40000 && 40000 <= hi);
    if (eph > 0) src.unshift(...src.splice(eph, 1));
    const dst = portAtoms(
      [ctx.global.dstBreaks, eg.dstBreaks, ing.dstBreaks].map((m) => breaksFor(m, group)),
      filter.dstPort,
    );
    return [src, dst];
  });
  const atoms: Atoms = { protocols, ports };
  byIng.set(ing, atoms);
  return atoms;
}

/**
 * Representative (source, destination) addresses of a class pair: one pair, or for a class
 * paired with itself a pair of distinct addresses (when there are two) and the same address
 * twice, which must agree for the pair to be uniform.
 *
 * @example
 * ```ts
 * declare const a: IpClass; declare const b: IpClass;
 * addressPairs(a, a.intervals, b, b.intervals); // [[s, d]]
 * ```
 */
export function addressPairs(
  src: IpClass,
  srcIvs: readonly IpInterval[],
  dst: IpClass,
  dstIvs: readonly IpInterval[],
): [bigint, bigint][] {
  const [s0, s1] = representatives(srcIvs);
  const [d0] = representatives(dstIvs);
  const pairs: [bigint, bigint][] = [];
  if (src === dst && srcIvs === dstIvs) {
    if (s1 !== undefined) pairs.push([s0, s1]);
    pairs.push([s0, s0]);
  } else if (src === dst) {
    // Restricted differently on each side: any distinct pair, and the same address if shared.
    // Each address from its own side's intervals: when the destination holds only s0, the
    // distinct pair is s1 → s0.
    const [e0, e1] = representatives(dstIvs);
    if (e0 !== s0) pairs.push([s0, e0]);
    else if (e1 !== undefined) pairs.push([s0, e1]);
    else if (s1 !== undefined) pairs.push([s1, s0]);
    if (dstIvs.some((iv) => iv.lo <= s0 && s0 <= iv.hi)) pairs.push([s0, s0]);
  } else pairs.push([s0, d0]);
  return pairs;
}

/**
 * The cells of flows from `src` (restricted to `srcIvs`) to `dst` (restricted to `dstIvs`).
 *
 * @example
 * ```ts
 * declare const ctx: CellContext; declare const a: IpClass; declare const b: IpClass;
 * cellsOfPair(ctx, a, a.intervals, b, b.intervals, { protocols: undefined, srcPort: undefined, dstPort: undefined });
 * ```
 */
export function cellsOfPair(
  ctx: CellContext,
  src: IpClass,
  srcIvs: readonly IpInterval[],
  dst: IpClass,
  dstIvs: readonly IpInterval[],
  filter: CellFilter,
): Cell[] {
  const eg = classRelevance(src, ctx.models).egress;
  const ing = classRelevance(dst, ctx.models).ingress;
  const atoms = atomsFor(ctx, eg, ing, filter);
  const family = src.family;
  const pairs = addressPairs(src, srcIvs, dst, dstIvs);
  const cells: Cell[] = [];
  for (const [k, protos] of atoms.protocols.entries()) {
    const p = protos[0] as number;
    const label = protocolLabel(p);
    if (!PORTED.has(p)) {
      cells.push({
        protocols: protos,
        ported: false,
        src: srcIvs,
        dst: dstIvs,
        srcPort: undefined,
        dstPort: undefined,
        flows: pairs.map(([s, d]) => ({
          protocol: label,
          srcIp: ipText(family, s),
          dstIp: ipText(family, d),
        })),
      });
      continue;
    }
    const [srcPorts, dstPorts] = atoms.ports[k] ?? [[], []];
    for (const sp of srcPorts)
      for (const dp of dstPorts)
        cells.push({
          protocols: protos,
          ported: true,
          src: srcIvs,
          dst: dstIvs,
          srcPort: sp,
          dstPort: dp,
          flows: pairs.map(([s, d]) => ({
            protocol: label,
            srcIp: ipText(family, s),
            srcPort: sp[0] <= 40000 && 40000 <= sp[1] ? 40000 : sp[0],
            dstIp: ipText(family, d),
            dstPort: dp[0] <= 80 && 80 <= dp[1] ? 80 : dp[0],
          })),
        });
  }
  return cells;
}
