/** `search(space, verdict)`: a witness, or proof that no flow of the space gets that verdict. */
import { type CellContext, cellContext, cellsOfPair } from './cells.js';
import type { Verdict, World } from './evaluator-seam.js';
import { buildPartition, restrict } from './partition.js';
import { readSpace } from './space.js';
import type { FlowSpace, SearchResult } from './types.js';

/**
 * Searches every cell of the space; each cell's representatives answer for all its flows.
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
  ctx?: CellContext,
): SearchResult {
  const q = readSpace(space);
  const part = buildPartition([world.model], [...(q.src ?? []), ...(q.dst ?? [])]);
  const context = ctx ?? cellContext([world.model]);
  for (const [, classes] of part.byFamily) {
    const srcs = classes.map((c) => [c, restrict(c, q.src)] as const).filter(([, ivs]) => ivs.length > 0);
    const dsts = classes.map((c) => [c, restrict(c, q.dst)] as const).filter(([, ivs]) => ivs.length > 0);
    for (const [s, sIvs] of srcs)
      for (const [d, dIvs] of dsts)
        for (const cell of cellsOfPair(context, s, sIvs, d, dIvs, q))
          for (const flow of cell.flows)
            if (world.evaluate(flow).verdict === verdict) return { found: true, witness: flow };
  }
  return { found: false };
}
