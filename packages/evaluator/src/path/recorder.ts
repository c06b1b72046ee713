/** Accumulates the steps of one path and turns chain outcomes into trace steps. */
import type { ChainClass, Direction, Engine } from '../engine.js';
import type { Packet } from '../match/packet.js';
import type { Decision, EndpointRef, PathResult, Stage, TraceStep, UnsupportedUse } from '../result/types.js';
import type { EndpointModel } from '../world/model.js';

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

/** A piece of a path's trace: a step, or steps an engine produces on demand. */
type Segment = TraceStep | (() => readonly TraceStep[]);

/**
 * Mutable builder for one {@link PathResult}. Steps are kept as segments and flattened only
 * when someone reads `steps` (or the result's `trace` / `explain()`), so an evaluation that
 * only wants the verdict does not pay for the trace.
 */
export class PathRecorder {
  readonly unsupported: UnsupportedUse[];
  readonly #segments: Segment[] = [];
  readonly #engine: Engine;
  readonly #index: number;

  constructor(engine: Engine, index: number, unsupported: UnsupportedUse[]) {
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

  /** The steps recorded so far, as a thunk (for sharing a prefix with other paths). */
  snapshot(): () => readonly TraceStep[] {
    const segments = [...this.#segments];
    let cached: readonly TraceStep[] | undefined;
    return () => {
      cached ??= flatten(segments);
      return cached;
    };
  }

  /** Adds steps recorded for a shared prefix of this path (e.g. the entry stages). */
  replay(prefix: () => readonly TraceStep[]): void {
    const index = this.#index;
    this.#segments.push(() => prefix().map((s) => (s.path === index ? s : { ...s, path: index })));
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
    this.#segments.push(() => out.steps);
    for (const u of out.unsupported) this.unsupported.push({ ...u, direction });
    return { verdict: out.verdict, decision: out.decision ? { stage, ...out.decision } : undefined };
  }

  /** Finishes the path; its `steps` are materialised on first read. */
  done(
    verdict: 'Allow' | 'Deny',
    decidedBy: Decision,
    extra: { entry?: EndpointRef | undefined; backend?: PathResult['backend'] | undefined },
  ): PathResult {
    const steps = this.snapshot();
    const result = {
      verdict,
      ...(extra.entry ? { entry: extra.entry } : {}),
      ...(extra.backend ? { backend: extra.backend } : {}),
      decidedBy,
    };
    Object.defineProperty(result, 'steps', { enumerable: true, get: steps });
    return result as PathResult;
  }
}

function flatten(segments: readonly Segment[]): readonly TraceStep[] {
  const out: TraceStep[] = [];
  for (const seg of segments) {
    if (typeof seg === 'function') for (const s of seg()) out.push(s);
    else out.push(seg);
  }
  return out;
}
