/**
 * The page's state machine without the DOM: the manifests read once per text, the flow evaluated
 * on the current world, the baseline text for the diff. main.ts renders what this returns.
 */
import type { World } from '@calico-dsl/evaluator';
import { ManifestsReader, type ManifestsView, readManifests } from './model/manifests.js';
import { evaluateFlowText, type ResultView } from './model/result.js';

/**
 * What the result panel shows after an evaluation.
 *
 * @example
 * ```ts
 * const s: Evaluated = state.evaluate('tcp 198.51.100.7 -> 169.46.10.20:80');
 * if (s.result) s.result.verdict;
 * ```
 */
export interface Evaluated {
  readonly manifests: ManifestsView;
  readonly result: ResultView | undefined;
  /** Why there is no result: the flow does not parse, or the manifests have errors. */
  readonly flowError: string | undefined;
}

/**
 * Holds the current manifests text (and its world) and the baseline for the diff view.
 *
 * @example
 * ```ts
 * const state = new PlaygroundState(presetText);
 * state.setText(editedText);
 * state.evaluate(flowText).result?.verdict; // 'Deny'
 * ```
 */
export class PlaygroundState {
  readonly #reader = new ManifestsReader();
  #text = '';
  #manifests: ManifestsView = readManifests('');
  #baselineText = '';
  #baseline: World | undefined;

  constructor(text: string) {
    this.setText(text);
    this.setBaseline(text);
  }

  /** The manifests as last read. */
  get manifests(): ManifestsView {
    return this.#manifests;
  }

  get text(): string {
    return this.#text;
  }

  /** Reads new manifests text (only when it changed: the world is rebuilt once per text). */
  setText(text: string): ManifestsView {
    if (text !== this.#text || this.#text === '') {
      this.#text = text;
      this.#manifests = this.#reader.read(text);
    }
    return this.#manifests;
  }

  /** The text the diff compares against: what a preset or a link loaded. */
  setBaseline(text: string): void {
    this.#baselineText = text;
    this.#baseline = text === this.#text ? this.#manifests.world : readManifests(text).world;
  }

  /** The baseline world, when the text differs from it (no diff to show otherwise). */
  get changedFrom(): World | undefined {
    return this.#baselineText === this.#text ? undefined : this.#baseline;
  }

  /** Evaluates a flow on the current world. */
  evaluate(flowText: string): Evaluated {
    const manifests = this.#manifests;
    if (manifests.world === undefined) {
      const n = manifests.issues.length;
      return {
        manifests,
        result: undefined,
        flowError: `Fix the ${n} manifest problem${n === 1 ? '' : 's'} first.`,
      };
    }
    const r = evaluateFlowText(manifests.world, flowText, manifests.located);
    return r.ok
      ? { manifests, result: r.value, flowError: undefined }
      : { manifests, result: undefined, flowError: r.message };
  }
}
