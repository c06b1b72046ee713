/** `diff(before, after, space?)`: every flow whose verdict changes, in few merged regions. */
import { affectedClasses } from './affected.js';
import { cellContext, cellsOfPair } from './cells.js';
import type { Flow, Verdict, World } from './evaluator-seam.js';
import { buildPartition, restrict } from './partition.js';
import { anyPort, type Box, mergeBoxes, toRegion } from './region.js';
import { readSpace } from './space.js';
import type { Change, DiffResult, FlowSpace } from './types.js';
import { worldUnsupported } from './unsupported.js';

/**
 * Compares two worlds over a space (default: every flow).
 *
 * @example
 * ```ts
 * declare const before: World; declare const after: World;
 * diff(before, after, { protocol: ['TCP'], dstPort: [[30000, 32767]] }).changes.map((c) => `${c.before} → ${c.after}`);
 * ```
 */
export function diff(before: World, after: World, space?: FlowSpace): DiffResult {
  const q = readSpace(space);
  const models = [before.model, after.model];
  const part = buildPartition(models, [...(q.src ?? []), ...(q.dst ?? [])]);
  const ctx = cellContext(models);
  const affected = affectedClasses(before.model, after.model, part.classes);
  const unsupported = [...new Set([...worldUnsupported(before), ...worldUnsupported(after)])];
  const found: { box: Box; before: Verdict; after: Verdict; witness: Flow }[] = [];
  for (const [, classes] of part.byFamily) {
    const srcs = classes.map((c) => [c, restrict(c, q.src)] as const).filter(([, ivs]) => ivs.length > 0);
    const dsts = classes.map((c) => [c, restrict(c, q.dst)] as const).filter(([, ivs]) => ivs.length > 0);
    for (const [s, sIvs] of srcs)
      for (const [d, dIvs] of dsts) {
        if (affected && !affected.has(s) && !affected.has(d)) continue;
        for (const cell of cellsOfPair(ctx, s, sIvs, d, dIvs, q)) {
          const verdicts = cell.flows.map(
            (f) => [before.evaluate(f).verdict, after.evaluate(f).verdict] as const,
          );
          const [b, a] = verdicts[0] as readonly [Verdict, Verdict];
          if (verdicts.some(([x, y]) => x !== b || y !== a)) {
            unsupported.push(
              `flows from an address to itself differ from flows between two addresses of one class (${cell.flows[0]?.srcIp}); the region of ${cell.flows[0]?.srcIp} is reported with the two-address answer`,
            );
          }
          if (b === a) continue;
          found.push({
            box: {
              protocols: cell.protocols,
              src: cell.src,
              srcPort: cell.srcPort ? [cell.srcPort] : anyPort,
              dst: cell.dst,
              dstPort: cell.dstPort ? [cell.dstPort] : anyPort,
            },
            before: b,
            after: a,
            witness: cell.flows[0] as Flow,
          });
        }
      }
  }
  // Readable witnesses first (merging keeps each group's first): an ephemeral source port.
  const score = (f: Flow) => (f.srcPort === undefined || f.srcPort === 40000 ? 0 : 1);
  found.sort((x, y) => score(x.witness) - score(y.witness));
  const byChange = new Map<string, typeof found>();
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
  return { changes, unsupported };
}
