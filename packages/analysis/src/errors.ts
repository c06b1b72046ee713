import { describeValue, formatIssues, type Issue } from '@calico-dsl/core';
import { World } from './evaluator-seam.js';

/**
 * Thrown for input the analysis cannot read: a space (an unknown protocol, a bad CIDR, an empty
 * list, an inverted port range) or something that is not a `World` where one belongs. Carries
 * issues, each with the path of the bad field.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * try { analyze(cluster).search({ dstPort: [[90, 80]] }, 'Allow'); } catch (e) { if (e instanceof AnalysisInputError) e.issues; }
 * ```
 */
export class AnalysisInputError extends Error {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(`Cannot analyse this input:\n${formatIssues(issues)}`);
    this.name = 'AnalysisInputError';
    this.issues = issues;
  }
}

/**
 * `value` when it is a `World` (what `World.from` returns), else an {@link AnalysisInputError}
 * naming the argument: the analysis reads a world's model, and anything else would fail deep
 * inside it.
 *
 * @example
 * ```ts
 * declare const cluster: World;
 * requireWorld(cluster, 'before') === cluster; // true
 * requireWorld(manifests, 'before'); // throws: before must be a World (World.from(resources)) …
 * ```
 */
export function requireWorld(value: World, name: string): World {
  let ok = false;
  try {
    ok = value instanceof World || (typeof value === 'object' && value !== null && 'model' in value);
  } catch {
    // a Proxy that throws is not a World
  }
  if (!ok)
    throw new AnalysisInputError([
      {
        code: 'invalid_input',
        path: [name],
        message: `${name} must be a World (World.from(resources)), not ${describeValue(value)}.`,
      },
    ]);
  return value;
}
