/** `diff(before, after, space?)`: every flow whose verdict changes, in few merged regions. */
import { affectedClasses } from './affected.js';
import { type CellContext, cellContext, cellsOfPair } from './cells.js';
import { fromOutside, sharedEntryChoices } from './entry.js';
import { requireWorld } from './errors.js';
import type { Flow, Verdict, World } from './evaluator-seam.js';
import {
  type IcmpFound,
  icmpAtoms,
  icmpChangesOfPair,
  icmpProtocol,
  isInvalidStandIn,
} from './icmp-types.js';
import type { Box as FlowBox } from './lifted/boxes.js';
import { boxAnd, universe } from './lifted/boxes.js';
import { contextOf, liftClasses, overlay, witnessOf } from './lifted/classes.js';
import { buildPartition, type IpClass, spacePairs } from './partition.js';
import { anyPort, type Box, mergeBoxes, protocolLabel, regionBox, toRegion } from './region.js';
import { addressesOf, formatIp, type IpInterval, ivsContain, without } from './sets/ip.js';
import { type NormSpace, readSpace } from './space.js';
import type { Change, DiffResult, FlowSpace, IcmpChange, ViaChange } from './types.js';
import { OUTSIDE_DIFF, worldUnsupported } from './unsupported.js';
import { type ViaFound, viaChangesOfPair } from './via-diff.js';

type Found = { box: Box; before: Verdict; after: Verdict; witness: Flow };

/**
 * Compares two worlds over a space (default: every flow). Each class pair's flows are split
 * into regions by the lifted engine in both worlds; overlaid, the regions whose verdicts differ
 * are the changes, each with a witness confirmed by both worlds' `evaluate`.
 *
 * @example
 * ```ts
 * declare const before: World; declare const after: World;
 * diff(before, after, { protocol: ['TCP'], dstPort: [[30000, 32767]] }).changes.map((c) => `${c.before} → ${c.after}`);
 * ```
 */
export function diff(before: World, after: World, space?: FlowSpace): DiffResult {
  requireWorld(before, 'before');
  requireWorld(after, 'after');
  const q = readSpace(space);
  const models = [before.model, after.model];
  const part = buildPartition(models, [...(q.src ?? []), ...(q.dst ?? [])]);
  const affected = affectedClasses(before.model, after.model, part.classes);
  const unsupported = [
    ...new Set([...worldUnsupported(before, OUTSIDE_DIFF), ...worldUnsupported(after, OUTSIDE_DIFF)]),
  ];
  const space0 = universe(q.protocols, q.srcPort, q.dstPort);
  const ctxB = contextOf(before.model);
  const ctxA = contextOf(after.model);
  let cells: CellContext | undefined;
  const found: Found[] = [];
  // Typed ICMP, when the space holds ICMP: each class pair once per type the rules name.
  const atoms = icmpAtoms(models, true);
  const typedIcmp: IcmpFound[] = [];
  // Flows that name where they enter, when host endpoints make that matter: see via-diff.ts.
  const vias = sharedEntryChoices(before.model, after.model);
  const viaFound: ViaFound[] = [];
  for (const [s, sIvs, d, dIvs] of spacePairs(part, q.src, q.dst)) {
    if (affected && !affected.has(s) && !affected.has(d)) continue;
    if (atoms.size > 0 && (!q.protocols || q.protocols.has(icmpProtocol(s.family))))
      typedIcmp.push(
        ...icmpChangesOfPair(before, after, s, sIvs, d, dIvs, atoms, SELF_SPLIT_LIMIT, unsupported),
      );
    const bs = liftClasses(ctxB, s, sIvs, d, dIvs, space0);
    const as = liftClasses(ctxA, s, sIvs, d, dIvs, space0);
    // Per representative pair: the overlay of both worlds' regions, as (box, before, after).
    const overlays = bs.map((b, i) => ({
      src: b.src,
      dst: b.dst,
      out: overlay(b.regions, as[i]?.regions ?? []),
    }));
    const [main, same] = overlays;
    if (!main) continue;
    if (vias.length > 0 && fromOutside(before.model, s))
      for (const f of viaChangesOfPair(before, after, { ctxB, ctxA, vias, space0 }, s, sIvs, d, dIvs, main)) {
        if (f.confirmed) viaFound.push(f);
        else
          unsupported.push(
            `diff: the lifted engine and world.evaluate disagree on ${JSON.stringify(f.witness)}; that change was left out`,
          );
      }
    // A class with itself: flows from an address to itself (`same`) may not change as flows
    // between two of its addresses do (a pod's own address is loopback). Then the changes are
    // written per source address, that address left out of the destinations.
    const selfDiffers = same !== undefined && disagree(main.out, same.out);
    const perAddress = selfDiffers ? addressesOf(sIvs, SELF_SPLIT_LIMIT) : undefined;
    if (selfDiffers && perAddress === undefined) {
      unsupported.push(
        `the changes between the addresses of one class (${formatIp(s.family, main.src)}, …) are reported as one region, which also covers each address's flows to itself; those differ (a pod's own address is loopback)`,
      );
    }
    if (same && perAddress !== undefined)
      for (const o of same.out) {
        if (o.before === o.after) continue;
        for (const x of perAddress) {
          if (!ivsContain(dIvs, x)) continue;
          const one = [{ family: s.family, lo: x, hi: x }];
          found.push(foundOf(o, one, one, witnessOf(o.box, s.family, x, x)));
        }
      }
    let fellBack = false;
    for (const o of main.out) {
      if (o.before === o.after || fellBack) continue;
      const witness = witnessOf(o.box, s.family, main.src, main.dst);
      if (before.evaluate(witness).verdict !== o.before || after.evaluate(witness).verdict !== o.after) {
        unsupported.push(
          `diff: the lifted engine and world.evaluate disagree on ${JSON.stringify(witness)}; that class pair was compared cell by cell`,
        );
        cells ??= cellContext(models);
        found.push(...cellChanges(before, after, cells, s, sIvs, d, dIvs, q));
        fellBack = true;
        continue;
      }
      if (perAddress === undefined) {
        found.push(foundOf(o, sIvs, dIvs, witness));
        continue;
      }
      for (const x of perAddress) {
        const others = without(dIvs, x);
        const y = others[0]?.lo;
        if (y === undefined) continue;
        const one = [{ family: s.family, lo: x, hi: x }];
        found.push(foundOf(o, one, others, witnessOf(o.box, s.family, x, y)));
      }
    }
  }
  found.sort(readableFirst);
  const byChange = new Map<string, Found[]>();
  for (const f of found) {
    const k = `${f.before}>${f.after}`;
    const g = byChange.get(k);
    if (g) g.push(f);
    else byChange.set(k, [f]);
  }
  const changes: Change[] = [];
  for (const g of byChange.values())
    for (const m of mergeBoxes(g))
      changes.push({ region: toRegion(m.box), before: m.before, after: m.after, witness: m.witness });
  const icmpChanges: IcmpChange[] = mergeTagged(
    typedIcmp.map((f) => ({
      tag: { icmp: f.icmp },
      key: `${f.protocol}/${f.icmp.type}/${f.icmp.code ?? ''}`,
      found: {
        box: { protocols: [f.protocol], src: f.src, srcPort: anyPort, dst: f.dst, dstPort: anyPort },
        before: f.before,
        after: f.after,
        witness: f.witness,
      },
    })),
  );
  // A stand-in type's changes hold for every type conntrack calls INVALID that no rule names.
  const standIns = new Map<number, number>();
  for (const f of typedIcmp)
    if (isInvalidStandIn(f.icmp) && !standIns.has(f.protocol)) standIns.set(f.protocol, f.icmp.type);
  for (const [protocol, type] of standIns) {
    const name = protocolLabel(protocol);
    unsupported.push(
      `the ${name} type ${type} changes in icmpChanges hold for every ${name} type no rule names that conntrack cannot open a connection with (an echo reply, an error): its first packet is INVALID alike`,
    );
  }
  const viaChanges: ViaChange[] = mergeTagged(
    viaFound.map((f) => ({ tag: { via: f.via }, key: `${f.via.node}/${f.via.interface ?? ''}`, found: f })),
  );
  return { changes, icmpChanges, viaChanges, unsupported };
}

/** Readable witnesses first (merging keeps each group's first): an ephemeral source port. */
function readableFirst(x: { readonly witness: Flow }, y: { readonly witness: Flow }): number {
  const score = (f: Flow) => (f.srcPort === undefined || f.srcPort === 40000 ? 0 : 1);
  return score(x.witness) - score(y.witness);
}

/**
 * Changes merged into regions as `changes` are, per group (`key`: its tag and verdicts), each
 * with its group's tag (`{ icmp }`, `{ via }`).
 */
function mergeTagged<T extends object>(
  items: readonly { readonly tag: T; readonly key: string; readonly found: Found }[],
): (Change & T)[] {
  const groups = new Map<string, { tag: T; list: Found[] }>();
  for (const { tag, key, found } of [...items].sort((x, y) => readableFirst(x.found, y.found))) {
    const k = `${key}/${found.before}>${found.after}`;
    let g = groups.get(k);
    if (!g) {
      g = { tag, list: [] };
      groups.set(k, g);
    }
    g.list.push(found);
  }
  return [...groups.values()].flatMap(({ tag, list }) =>
    mergeBoxes(list).map((m) => ({
      region: toRegion(m.box),
      before: m.before,
      after: m.after,
      witness: m.witness,
      ...tag,
    })),
  );
}

/**
 * Above this many addresses a class with itself is written as one region (and a note says which
 * flows it also covers): one region per address would drown a change among many replicas.
 */
export const SELF_SPLIT_LIMIT = 16;

function foundOf(
  o: { box: FlowBox; before: Verdict; after: Verdict },
  src: readonly IpInterval[],
  dst: readonly IpInterval[],
  witness: Flow,
): Found {
  return { box: regionBox(o.box, src, dst), before: o.before, after: o.after, witness };
}

/** Whether two overlays of the same flows give any flow different before/after verdicts. */
function disagree(
  a: readonly { box: FlowBox; before: Verdict; after: Verdict }[],
  b: readonly { box: FlowBox; before: Verdict; after: Verdict }[],
): boolean {
  for (const x of a)
    for (const y of b)
      if ((x.before !== y.before || x.after !== y.after) && boxAnd(x.box, y.box)) return true;
  return false;
}

/** The changes of one class pair, cell by cell (the fallback when the engines disagree). */
function cellChanges(
  before: World,
  after: World,
  ctx: CellContext,
  s: IpClass,
  sIvs: readonly IpInterval[],
  d: IpClass,
  dIvs: readonly IpInterval[],
  q: NormSpace,
): Found[] {
  const out: Found[] = [];
  for (const cell of cellsOfPair(ctx, s, sIvs, d, dIvs, q)) {
    const flow = cell.flows[0] as Flow;
    const b = before.evaluate(flow).verdict;
    const a = after.evaluate(flow).verdict;
    if (b === a) continue;
    out.push({
      box: {
        protocols: cell.protocols,
        src: cell.src,
        srcPort: cell.srcPort ? [cell.srcPort] : anyPort,
        dst: cell.dst,
        dstPort: cell.dstPort ? [cell.dstPort] : anyPort,
      },
      before: b,
      after: a,
      witness: flow,
    });
  }
  return out;
}
