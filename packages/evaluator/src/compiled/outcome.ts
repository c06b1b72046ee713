/** A chain outcome whose trace steps are computed on first read (the reference walk, recording on). */
import type { ChainOutcome, ChainRequest, Engine } from '../engine.js';
import { runChain } from '../reference/chain.js';
import type { TraceStep, UnsupportedUse } from '../result/types.js';
import type { ChainDecision } from './program.js';

const NO_UNSUPPORTED: readonly Omit<UnsupportedUse, 'direction'>[] = Object.freeze([]);

/**
 * The compiled engine's {@link ChainOutcome}: verdict and decision now, `steps` on demand. A
 * class (getter on the prototype) so that a flow nobody explains allocates one small object.
 *
 * @example
 * ```ts
 * const out = new LazyOutcome('allow', decision, undefined, engine, request);
 * out.steps; // runs the chain again with recording on, once
 * ```
 */
export class LazyOutcome implements ChainOutcome {
  readonly verdict: 'allow' | 'deny' | 'none';
  readonly decision: ChainDecision | undefined;
  readonly unsupported: readonly Omit<UnsupportedUse, 'direction'>[];
  readonly #engine: Engine;
  readonly #request: ChainRequest;
  #steps: readonly TraceStep[] | undefined;

  constructor(
    verdict: 'allow' | 'deny' | 'none',
    decision: ChainDecision | undefined,
    unsupported: readonly Omit<UnsupportedUse, 'direction'>[] | undefined,
    engine: Engine,
    request: ChainRequest,
  ) {
    this.verdict = verdict;
    this.decision = decision;
    this.unsupported = unsupported ?? NO_UNSUPPORTED;
    this.#engine = engine;
    this.#request = request;
    this.#steps = undefined;
  }

  get steps(): readonly TraceStep[] {
    this.#steps ??= runChain(this.#engine, this.#request).steps;
    return this.#steps;
  }
}
