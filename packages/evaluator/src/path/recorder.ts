/** Accumulates the steps of one path and turns chain outcomes into trace steps. */
import type { ChainClass, Direction, Engine } from '../engine.js';
import type { Packet } from '../match/packet.js';
import type { Decision, EndpointRef, PathResult, Stage, TraceStep, UnsupportedUse } from '../result/types.js';
import type { BackendModel, EndpointModel } from '../world/model.js';

/**
 * The trace reference of an endpoint.
 *
 * @example
 * ```ts
 * endpointRef(wep); // { kind: 'WorkloadEndpoint', name: 'web-1', namespace: 'default', node: 'node-1' }
 * ```
 */
export function endpointRef(e: EndpointModel): EndpointRef {
  let ref = REFS.get(e);
  if (!ref) {
    ref = makeRef(e);
    REFS.set(e, ref);
  }
  return ref;
}

/**
 * The trace reference of a node's host network namespace.
 *
 * @example
 * ```ts
 * hostRef('node-1'); // { kind: 'Host', name: 'node-1', node: 'node-1' }
 * ```
 */
export function hostRef(node: string | undefined): EndpointRef {
  return { kind: 'Host', name: node ?? 'unknown node', ...(node !== undefined ? { node } : {}) };
}

/**
 * The trace reference of a service backend: its workload endpoint, the node's host (a
 * hostNetwork backend), or the outside address; with the address and port it is DNAT'd to.
 *
 * @example
 * ```ts
 * backendRef(backend); // { kind: 'Host', name: 'node-1', node: 'node-1', ip: '10.0.0.11', port: 10250 }
 * ```
 */
export function backendRef(b: BackendModel): NonNullable<PathResult['backend']> {
  switch (b.kind) {
    case 'pod':
      return { ...endpointRef(b.endpoint), ip: b.ip.text, port: b.port };
    case 'host':
      return { kind: 'Host', name: b.node, node: b.node, ip: b.ip.text, port: b.port };
    case 'external':
      return { kind: 'External', name: 'outside', ip: b.ip.text, port: b.port };
  }
}

// Endpoint refs are immutable; build each once.
const REFS = new WeakMap<EndpointModel, EndpointRef>();

function makeRef(e: EndpointModel): EndpointRef {
  if (e.kind === 'WorkloadEndpoint') {
    return e.node === undefined
      ? { kind: e.kind, name: e.name, namespace: e.namespace }
      : { kind: e.kind, name: e.name, namespace: e.namespace, node: e.node };
  }
  return e.interfaceName === undefined
    ? { kind: e.kind, name: e.name, node: e.node }
    : { kind: e.kind, name: e.name, node: e.node, interface: e.interfaceName };
}

// Engines that keep their decision objects (the compiled engine) get each staged copy built once.
const STAGED = new WeakMap<Omit<Decision, 'stage'>, (Decision | undefined)[]>();
const STAGE_INDEX: Readonly<Record<Stage, number>> = {
  failsafe: 0,
  untracked: 1,
  preDnat: 2,
  dnat: 3,
  snat: 4,
  forward: 5,
  hostIngress: 6,
  hostEgress: 7,
  workloadEgress: 8,
  workloadIngress: 9,
  hostToWorkload: 10,
  endpointToHost: 11,
  exit: 12,
  interface: 13,
  reply: 14,
  loopback: 15,
};

function staged(d: Omit<Decision, 'stage'>, stage: Stage): Decision {
  let byStage = STAGED.get(d);
  if (!byStage) {
    byStage = new Array<Decision | undefined>(15).fill(undefined);
    STAGED.set(d, byStage);
  }
  const i = STAGE_INDEX[stage];
  let s = byStage[i];
  if (!s) {
    s = { stage, ...d };
    byStage[i] = s;
  }
  return s;
}

/** Something whose `steps` may be computed on first read (a chain outcome). */
interface StepSource {
  readonly steps: readonly TraceStep[];
}

/** A piece of a path's trace: a step, a chain outcome, or a thunk of steps. */
type Segment = TraceStep | StepSource | (() => readonly TraceStep[]);

/**
 * A finished path whose plain {@link PathResult} (with its lazy `steps`) is built only when
 * someone reads `paths`: a verdict-only evaluation allocates no accessor objects.
 *
 * @example
 * ```ts
 * const draft = recorder.done('Allow', decision, {});
 * draft.verdict; // 'Allow'
 * draft.toResult().steps;
 * ```
 */
export class PathDraft {
  readonly verdict: 'Allow' | 'Deny';
  readonly decidedBy: Decision;
  readonly entry: EndpointRef | undefined;
  readonly backend: PathResult['backend'] | undefined;
  /** How many equivalent paths this one stands for besides itself. */
  readonly folded: number;
  readonly #segments: readonly Segment[];
  #steps: readonly TraceStep[] | undefined;

  constructor(
    verdict: 'Allow' | 'Deny',
    decidedBy: Decision,
    entry: EndpointRef | undefined,
    backend: PathResult['backend'] | undefined,
    segments: readonly Segment[],
    folded = 0,
  ) {
    this.verdict = verdict;
    this.decidedBy = decidedBy;
    this.entry = entry;
    this.backend = backend;
    this.folded = folded;
    this.#segments = segments;
    this.#steps = undefined;
  }

  /** The path's steps (flattened on first read). */
  get steps(): readonly TraceStep[] {
    this.#steps ??= flatten(this.#segments);
    return this.#steps;
  }

  /** The public result: a plain object whose enumerable `steps` is computed on first read. */
  toResult(): PathResult {
    const result = {
      verdict: this.verdict,
      ...(this.entry ? { entry: this.entry } : {}),
      ...(this.backend ? { backend: this.backend } : {}),
      decidedBy: this.decidedBy,
      ...(this.folded > 0 ? { folded: this.folded } : {}),
    };
    Object.defineProperty(result, 'steps', { enumerable: true, get: () => this.steps });
    return result as PathResult;
  }
}

/**
 * Mutable builder for one {@link PathResult}. Steps are kept as segments and flattened only
 * when someone reads `steps` (or the result's `trace` / `explain()`), so an evaluation that
 * only wants the verdict does not pay for the trace.
 */
export class PathRecorder {
  readonly unsupported: UnsupportedUse[];
  readonly #segments: Segment[];
  readonly #engine: Engine;
  readonly #index: number;

  constructor(engine: Engine, index: number, unsupported: UnsupportedUse[]) {
    this.#segments = [];
    this.#engine = engine;
    this.#index = index;
    this.unsupported = unsupported;
  }

  /** Records a non-policy step. */
  note(stage: Stage, action: TraceStep['action'], reason: string, endpoint?: EndpointRef): void {
    this.#segments.push(
      endpoint
        ? { path: this.#index, stage, endpoint, action, reason }
        : { path: this.#index, stage, action, reason },
    );
  }

  /** Runs one chain through the engine and records its steps. */
  chain(
    stage: Stage,
    endpoint: EndpointModel,
    chain: ChainClass,
    direction: Direction,
    packet: Packet,
  ): { verdict: 'allow' | 'deny' | 'none'; decision: Decision | undefined } {
    const out = this.#engine.evaluateChain({
      endpoint,
      chain,
      direction,
      packet,
      trace: { path: this.#index, stage, endpoint: endpointRef(endpoint) },
    });
    // Engines may compute `steps` lazily: read it only when the trace is read.
    this.#segments.push(out);
    const un = out.unsupported;
    for (let i = 0; i < un.length; i++)
      this.unsupported.push({ ...(un[i] as (typeof un)[number]), direction });
    return { verdict: out.verdict, decision: out.decision ? staged(out.decision, stage) : undefined };
  }

  /** Finishes the path; its steps are materialised on first read. */
  done(
    verdict: 'Allow' | 'Deny',
    decidedBy: Decision,
    entry: EndpointRef | undefined,
    backend: PathResult['backend'] | undefined,
    folded = 0,
  ): PathDraft {
    return new PathDraft(verdict, decidedBy, entry, backend, this.#segments, folded);
  }
}

function flatten(segments: readonly Segment[]): readonly TraceStep[] {
  const out: TraceStep[] = [];
  for (const seg of segments) {
    if (typeof seg === 'function') for (const s of seg()) out.push(s);
    else if ('action' in seg) out.push(seg);
    else for (const s of seg.steps) out.push(s);
  }
  return out;
}
