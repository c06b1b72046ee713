/** The concrete {@link EvaluationResult}: trace and text are built on first use. */
import type { Issue } from '@calico-dsl/core';
import { type Flow, flowText } from '../path/flow.js';
import type { PathSet } from '../path/interpret.js';
import type { PathDraft } from '../path/recorder.js';
import { explainText, formatDecision } from './explain.js';
import type { Decision, EvaluationResult, PathResult, TraceStep, UnsupportedUse, Verdict } from './types.js';

/**
 * §contract: Allow when every path allows, Deny when every path denies, else Mixed.
 *
 * @example
 * ```ts
 * combineVerdicts(['Allow', 'Deny']); // 'Mixed'
 * ```
 */
export function combineVerdicts(verdicts: readonly ('Allow' | 'Deny')[]): Verdict {
  if (verdicts.length === 0) return 'Deny';
  const first = verdicts[0];
  return verdicts.every((v) => v === first) ? (first as Verdict) : 'Mixed';
}

const NO_ISSUES: readonly Issue[] = Object.freeze([]);

/** {@link combineVerdicts} over drafts, without building an array. */
function combined(drafts: readonly PathDraft[]): Verdict {
  const first = drafts[0]?.verdict;
  if (first === undefined) return 'Deny';
  for (let i = 1; i < drafts.length; i++) if ((drafts[i] as PathDraft).verdict !== first) return 'Mixed';
  return first;
}

/**
 * Traces a flow's paths on demand (what a verdict-only evaluation keeps instead of its paths):
 * the evaluation hands back the `plans`, `packet` and role binding it was made with.
 *
 * @example
 * ```ts
 * const tracer: PathTracer<PathPlan[], Packet, WorkloadEndpointModel> = {
 *   trace: (plans, packet, source, destination) => tracePlans(engine, plans, packet, { source, destination }),
 * };
 * ```
 */
export interface PathTracer<Plans, Pkt, Pod> {
  trace(plans: Plans, packet: Pkt, source: Pod | undefined, destination: Pod | undefined): PathSet;
}

/** Lazily rendered evaluation result: paths, trace and text are built on first read. */
export class Evaluation implements EvaluationResult {
  readonly verdict: Verdict;
  readonly issues: readonly Issue[];
  /** The flow (its text is built only for `explain()`), or the text of an invalid one. */
  readonly #flow: Flow | string;
  // The traced paths. A verdict-only evaluation (see `deferred`) traces on first read with
  // `#trace`; every field is set in the constructor so all evaluations share a shape.
  #set: PathSet | undefined;
  // What `deferred` traces with (fields rather than a closure: one object per flow, not three).
  readonly #tracer: PathTracer<unknown, unknown, unknown> | undefined;
  readonly #plans: unknown;
  readonly #packet: unknown;
  readonly #source: unknown;
  readonly #destination: unknown;
  #paths: readonly PathResult[] | undefined;
  #trace: readonly TraceStep[] | undefined;

  private constructor(
    flow: Flow | string,
    verdict: Verdict,
    issues: readonly Issue[],
    set: PathSet | undefined,
    tracer: PathTracer<unknown, unknown, unknown> | undefined,
    plans: unknown,
    packet: unknown,
    source: unknown,
    destination: unknown,
  ) {
    this.verdict = verdict;
    this.issues = issues;
    this.#flow = flow;
    this.#set = set;
    this.#tracer = tracer;
    this.#plans = plans;
    this.#packet = packet;
    this.#source = source;
    this.#destination = destination;
    this.#paths = undefined;
    this.#trace = undefined;
  }

  /** An evaluation whose paths are already traced (or an invalid flow's: no paths, its issues). */
  static traced(flow: Flow | string, set: PathSet, issues: readonly Issue[]): Evaluation {
    return new Evaluation(
      flow,
      combined(set.paths),
      issues,
      set,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    );
  }

  /**
   * An evaluation whose verdict is known (the same plans run on the engine's chain verdicts)
   * and whose paths are traced only when read, by `tracer.trace(plans, packet, source, destination)`.
   */
  static deferred<Plans, Pkt, Pod>(
    flow: Flow,
    verdict: Verdict,
    tracer: PathTracer<Plans, Pkt, Pod>,
    plans: Plans,
    packet: Pkt,
    source: Pod | undefined,
    destination: Pod | undefined,
  ): Evaluation {
    return new Evaluation(
      flow,
      verdict,
      NO_ISSUES,
      undefined,
      tracer as PathTracer<unknown, unknown, unknown>,
      plans,
      packet,
      source,
      destination,
    );
  }

  #traced(): PathSet {
    this.#set ??= (this.#tracer as PathTracer<unknown, unknown, unknown>).trace(
      this.#plans,
      this.#packet,
      this.#source,
      this.#destination,
    );
    return this.#set;
  }

  get unsupported(): readonly UnsupportedUse[] {
    return this.#traced().unsupported;
  }

  get paths(): readonly PathResult[] {
    this.#paths ??= this.#traced().paths.map((d) => d.toResult());
    return this.#paths;
  }

  get decidedBy(): Decision | undefined {
    const first = this.paths[0]?.decidedBy;
    if (!first) return undefined;
    const key = formatDecision(first);
    return this.paths.every((p) => formatDecision(p.decidedBy) === key) ? first : undefined;
  }

  get trace(): readonly TraceStep[] {
    this.#trace ??= this.paths.flatMap((p) => p.steps);
    return this.#trace;
  }

  explain(): string {
    return explainText({
      flowText: typeof this.#flow === 'string' ? this.#flow : flowText(this.#flow),
      verdict: this.verdict,
      paths: this.paths,
      issues: this.issues,
      unsupported: this.unsupported,
    });
  }

  toJSON(): object {
    return {
      verdict: this.verdict,
      decidedBy: this.decidedBy,
      paths: this.paths,
      trace: this.trace,
      issues: this.issues,
      unsupported: this.unsupported,
    };
  }
}
