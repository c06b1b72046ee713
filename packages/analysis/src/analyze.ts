/** `analyze(world)`: the exhaustive questions over one world. */

import { requireWorld } from './errors.js';
import type { World } from './evaluator-seam.js';
import { lintWorld } from './lint/index.js';
import { classMatrix } from './matrix.js';
import { buildPartition, type Partition } from './partition.js';
import { searchWorld } from './search.js';
import type { Analysis } from './types.js';
import { worldUnsupported } from './unsupported.js';

/**
 * Prepares a world for exhaustive questions. Classes are built on first use.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * const a = analyze(cluster);
 * a.search({ protocol: ['TCP'], srcIp: ['0.0.0.0/0'], dstPort: [5432] }, 'Allow'); // { found: false } = proof
 * a.lint().filter((f) => f.code === 'shadowed-rule');
 * ```
 */
export function analyze(world: World): Analysis {
  requireWorld(world, 'world');
  let part: Partition | undefined;
  const partition = () => {
    part ??= buildPartition([world.model], []);
    return part;
  };
  const notes: string[] = [];
  return {
    search: (space, verdict, options) => searchWorld(world, space, verdict, notes, options),
    lint: () => lintWorld(world, partition()),
    matrix: (opts) => classMatrix(world, partition(), opts),
    get unsupported() {
      return [...worldUnsupported(world), ...notes];
    },
  };
}
