/** The concrete {@link EvaluationResult}: trace and text are built on first use. */
import type { Issue } from '@calico-dsl/core';
import type { Packet } from '../match/packet.js';
import { type Flow, flowText, flowTextOf, invalidFlowText } from '../path/flow.js';
import type { PathDraft } from '../path/recorder.js';
import type { PathSet } from '../path/trace.js';
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

/** {@link combineVerdicts} over drafts, without building an array. */
function combined(drafts: readonly PathDraft[]): Verdict {
  const first = drafts[0]?.verdict;
  if (first === undefined) return 'Deny';
  for (let i = 1; i < drafts.length; i++) if ((drafts[i] as PathDraft).verdict !== first) return 'Mixed';
  return first;
}

/** A valid flow's text; a flow whose getters throw when read again still gets one. */
function readFlowText(flow: Flow): string {
  try {
    return flowText(flow);
  } catch {
    return invalidFlowText(flow);
  }
}

/**
 * Traces a flow's paths on demand (what a verdict-only evaluation keeps instead of its paths):
 * the evaluation hands back the `subject` it was made with (for a plain flow, its packet: the
 * plans and role binding follow from it again, so the evaluation keeps nothing else).
 *
 * @example
 * ```ts
 * // World keeps a PathTracer<Packet> that re-plans the packet and runs tracePlans; here a counting one.
 * let calls = 0;
 * const tracer: PathTracer<PathSet> = { trace: (set) => (calls++, set) };
 * const e = new Evaluation(flow, 'Allow', [], tracer, { paths: [], unsupported: [] });
 * calls; // 0: a verdict-only evaluation has traced nothing
 * e.paths; e.trace; e.unsupported;
 * calls; // 1: traced on the first read, then cached
 * ```
 */
export interface PathTracer<Subject> {
  trace(subject: Subject): PathSet;
}

/** What an evaluation has built on first read (one object, allocated only when read). */
interface ReadCache {
  readonly set: PathSet;
  paths: readonly PathResult[] | undefined;
  trace: readonly TraceStep[] | undefined;
}

/**
 * Lazily rendered evaluation result: paths, trace and text are built on first read. One small
 * object per flow (the per-flow path allocates it and the packet, nothing else).
 */
export class Evaluation implements EvaluationResult {
  // `declare`d fields, set by the constructor alone, and TypeScript-private ones rather than `#`
  // fields: one is built per flow, and baseline code defines each class field, then stores it
  // again in the constructor (twice the work for `#` fields, whose stores are keyed).
  declare readonly verdict: Verdict;
  declare readonly issues: readonly Issue[];
  /** The flow (its text is built only for `explain()`), or the text of an invalid one. */
  declare private readonly flow: Flow | string;
  // Traces `subject` on first read; undefined when `subject` is the traced path set itself.
  declare private readonly tracer: PathTracer<unknown> | undefined;
  declare private readonly subject: unknown;
  declare private read: ReadCache | undefined;

  /**
   * A verdict-only evaluation (`tracer` set: its paths are traced from `subject` when read), or
   * a traced one (`tracer` undefined: `subject` is its path set, see {@link Evaluation.traced}).
   * The per-flow path calls this directly (one call, no factory).
   */
  constructor(
    flow: Flow | string,
    verdict: Verdict,
    issues: readonly Issue[],
    tracer: PathTracer<unknown> | undefined,
    subject: unknown,
  ) {
    this.verdict = verdict;
    this.issues = issues;
    this.flow = flow;
    this.tracer = tracer;
    this.subject = subject;
    this.read = undefined;
  }

  /** An evaluation whose paths are already traced (or an invalid flow's: no paths, its issues). */
  static traced(flow: Flow | string, set: PathSet, issues: readonly Issue[]): Evaluation {
    return new Evaluation(flow, combined(set.paths), issues, undefined, set);
  }

  private cache(): ReadCache {
    if (this.read === undefined) {
      const tracer = this.tracer;
      const set = tracer === undefined ? (this.subject as PathSet) : tracer.trace(this.subject);
      this.read = { set, paths: undefined, trace: undefined };
    }
    return this.read;
  }

  get unsupported(): readonly UnsupportedUse[] {
    return this.cache().set.unsupported;
  }

  get paths(): readonly PathResult[] {
    const read = this.cache();
    read.paths ??= read.set.paths.map((d) => d.toResult());
    return read.paths;
  }

  get decidedBy(): Decision | undefined {
    const first = this.paths[0]?.decidedBy;
    if (!first) return undefined;
    const key = formatDecision(first);
    return this.paths.every((p) => formatDecision(p.decidedBy) === key) ? first : undefined;
  }

  get trace(): readonly TraceStep[] {
    const read = this.cache();
    read.trace ??= this.paths.flatMap((p) => p.steps);
    return read.trace;
  }

  explain(): string {
    // A plain flow is the caller's object, read again now: its packet says what was evaluated.
    const subject = this.subject as Partial<Packet> | undefined;
    const packet = subject?.src !== undefined && subject.dst !== undefined ? (subject as Packet) : undefined;
    return resultText(
      this,
      typeof this.flow === 'string'
        ? this.flow
        : packet !== undefined
          ? flowTextOf(this.flow, packet)
          : readFlowText(this.flow),
    );
  }

  toJSON(): object {
    return resultJson(this);
  }
}

/**
 * A result as readable text (what `explain()` prints), headed by its flow's text.
 *
 * @example
 * ```ts
 * resultText(world.evaluate(flow), 'TCP 10.0.0.1 → 10.0.0.2:80'); // 'Flow TCP 10.0.0.1 → 10.0.0.2:80\nVerdict: Allow\n…'
 * ```
 */
export function resultText(r: EvaluationResult, flowText: string): string {
  return explainText({
    flowText,
    verdict: r.verdict,
    paths: r.paths,
    issues: r.issues,
    unsupported: r.unsupported,
  });
}

/**
 * A result as plain data (what `JSON.stringify(result)` prints): its getters read once.
 *
 * @example
 * ```ts
 * JSON.stringify(resultJson(world.evaluate(flow))); // {"verdict":"Allow","decidedBy":{…},"paths":[…],…}
 * ```
 */
export function resultJson(r: EvaluationResult): object {
  return {
    verdict: r.verdict,
    decidedBy: r.decidedBy,
    paths: r.paths,
    trace: r.trace,
    issues: r.issues,
    unsupported: r.unsupported,
  };
}
