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

/** Mutable builder for one {@link PathResult}. */
export class PathRecorder {
  readonly steps: TraceStep[] = [];
  readonly unsupported: UnsupportedUse[];
  readonly #engine: Engine;
  readonly #index: number;

  constructor(engine: Engine, index: number, unsupported: UnsupportedUse[]) {
    this.#engine = engine;
    this.#index = index;
    this.unsupported = unsupported;
  }

  /** Records a non-policy step. */
  note(stage: Stage, action: TraceStep['action'], reason: string, endpoint?: EndpointRef): void {
    this.steps.push(
      endpoint
        ? { path: this.#index, stage, endpoint, action, reason }
        : { path: this.#index, stage, action, reason },
    );
  }

  /** Copies steps recorded for a shared prefix of this path (e.g. the entry stages). */
  replay(steps: readonly TraceStep[]): void {
    for (const s of steps) this.steps.push({ ...s, path: this.#index });
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
    for (const s of out.steps) this.steps.push(s);
    for (const u of out.unsupported) this.unsupported.push({ ...u, direction });
    return { verdict: out.verdict, decision: out.decision ? { stage, ...out.decision } : undefined };
  }

  /** Finishes the path. */
  done(
    verdict: 'Allow' | 'Deny',
    decidedBy: Decision,
    extra: { entry?: EndpointRef | undefined; backend?: PathResult['backend'] | undefined },
  ): PathResult {
    return {
      verdict,
      ...(extra.entry ? { entry: extra.entry } : {}),
      ...(extra.backend ? { backend: extra.backend } : {}),
      decidedBy,
      steps: this.steps,
    };
  }
}
