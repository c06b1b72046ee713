/** `search(space, verdict)`: a witness, or proof that no flow of the space gets that verdict. */
import { describeValue } from '@calico-dsl/core';
import { cellContext, cellsOfPair } from './cells.js';
import { entryChoices, fromOutside } from './entry.js';
import { AnalysisInputError } from './errors.js';
import type { Flow, Verdict, World } from './evaluator-seam.js';
import { icmpAtoms, icmpProtocol, typedIcmpFlows } from './icmp-types.js';
import { type Box, ivsHas, universe } from './lifted/boxes.js';
import { contextOf, liftClasses, witnessOf } from './lifted/classes.js';
import type { LiftedRegion } from './lifted/pair.js';
import { buildPartition, type IpClass, type Partition, spacePairs } from './partition.js';
import type { IpInterval } from './sets/ip.js';
import { type NormSpace, readSpace } from './space.js';
import type { FlowSpace, SearchOptions, SearchResult } from './types.js';

/**
 * Runs the lifted engine over every class pair of the space: a region with the verdict gives a
 * witness (confirmed by `world.evaluate`); when no region has it, no flow of the space has it.
 * Should the evaluator ever disagree with a region, that pair is searched cell by cell instead
 * and `notes` says so (never an unbacked answer).
 *
 * @example
 * ```ts
 * declare const world: World;
 * searchWorld(world, { protocol: ['TCP'], dstPort: [5432] }, 'Allow').found;
 * ```
 */
export function searchWorld(
  world: World,
  space: FlowSpace,
  verdict: Verdict,
  notes: string[] = [],
  options: SearchOptions = {},
): SearchResult {
  const q = readSpace(space);
  if (verdict !== 'Allow' && verdict !== 'Deny' && verdict !== 'Mixed')
    // A typo ('allow') would otherwise find nothing, which reads as "no such flow".
    throw new AnalysisInputError([
      {
        code: 'invalid_value',
        path: ['verdict'],
        message: `The verdict to search for is 'Allow', 'Deny' or 'Mixed', not ${describeValue(verdict)}.`,
      },
    ]);
  const part = buildPartition([world.model], [...(q.src ?? []), ...(q.dst ?? [])]);
  const ctx = contextOf(world.model);
  const box = universe(q.protocols, q.srcPort, q.dstPort);
  for (const [s, sIvs, d, dIvs] of spacePairs(part, q.src, q.dst))
    for (const pair of liftClasses(ctx, s, sIvs, d, dIvs, box))
      for (const r of readableFirst(pair.regions.filter((x) => x.verdict === verdict))) {
        const witness = witnessOf(r.box, s.family, pair.src, pair.dst);
        if (world.evaluate(witness).verdict === verdict) return { found: true, witness };
        notes.push(
          `search: the lifted engine and world.evaluate disagree on ${JSON.stringify(witness)}; that class pair was searched cell by cell`,
        );
        const found = searchCells(world, s, sIvs, d, dIvs, q, verdict);
        if (found) return { found: true, witness: found };
      }
  const beyond =
    options.icmpTypes === true || options.via === true
      ? searchBeyond(world, part, q, box, verdict, options)
      : undefined;
  return beyond ? { found: true, witness: beyond } : { found: false };
}

/**
 * The flows the options add (see `Analysis.search`): ICMP flows with each type (and code) the
 * rules name, each class pair evaluated (exact: a class's addresses share every attribute), and
 * flows from outside that name where they enter, lifted per `via` choice; witnesses confirmed.
 */
function searchBeyond(
  world: World,
  part: Partition,
  q: NormSpace,
  box: Box[],
  verdict: Verdict,
  options: SearchOptions,
): Flow | undefined {
  const atoms = options.icmpTypes === true ? icmpAtoms([world.model], true) : new Map();
  const vias = options.via === true ? entryChoices(world.model) : [];
  const ctx = contextOf(world.model);
  for (const [s, sIvs, d, dIvs] of spacePairs(part, q.src, q.dst)) {
    if (!q.protocols || q.protocols.has(icmpProtocol(s.family)))
      for (const { flow } of typedIcmpFlows(s, sIvs, d, dIvs, atoms))
        if (world.evaluate(flow).verdict === verdict) return flow;
    if (vias.length === 0 || !fromOutside(world.model, s)) continue;
    for (const via of vias)
      for (const pair of liftClasses(ctx, s, sIvs, d, dIvs, box, via))
        for (const r of readableFirst(pair.regions.filter((x) => x.verdict === verdict))) {
          const witness: Flow = { ...witnessOf(r.box, s.family, pair.src, pair.dst), via };
          if (world.evaluate(witness).verdict === verdict) return witness;
        }
  }
  return undefined;
}

/** Regions whose witness reads best first: an ephemeral source port (40000), then port 80. */
function readableFirst(regions: LiftedRegion[]): LiftedRegion[] {
  const score = (r: LiftedRegion) => (ivsHas(r.box.s, 40000) ? 0 : 2) + (ivsHas(r.box.d, 80) ? 0 : 1);
  return regions.length < 2 ? regions : regions.sort((a, b) => score(a) - score(b));
}

/** The cell-by-cell search of one class pair (the fallback). */
function searchCells(
  world: World,
  s: IpClass,
  sIvs: readonly IpInterval[],
  d: IpClass,
  dIvs: readonly IpInterval[],
  q: ReturnType<typeof readSpace>,
  verdict: Verdict,
): Flow | undefined {
  for (const cell of cellsOfPair(cellContext([world.model]), s, sIvs, d, dIvs, q))
    for (const flow of cell.flows) if (world.evaluate(flow).verdict === verdict) return flow;
  return undefined;
}
