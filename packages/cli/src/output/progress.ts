/** A single self-overwriting status line on stderr for long runs, only on a terminal. */
import type { CliStream } from '../io.js';

/**
 * Reports `done/total` now and then.
 *
 * @example
 * ```ts
 * const p = progress(io.stderr, 'evaluating flows', flows.length);
 * flows.forEach((f, i) => { p.tick(i + 1); });
 * p.done();
 * ```
 */
export interface Progress {
  tick(done: number): void;
  done(): void;
}

// Below this many items a run is quick enough that a progress line would only flicker.
const MIN_ITEMS = 200;

/**
 * Creates a {@link Progress}; silent when the stream is not a TTY or the run is short.
 *
 * @example
 * ```ts
 * progress(io.stderr, 'evaluating flows', 10_000).tick(500); // '\r\u001b[2Kevaluating flows 500/10000'
 * ```
 */
export function progress(stream: CliStream, label: string, total: number): Progress {
  if (!stream.isTTY || total < MIN_ITEMS) return { tick: () => undefined, done: () => undefined };
  const every = Math.max(1, Math.floor(total / 100));
  let shown = false;
  return {
    tick(done) {
      if (done % every !== 0 && done !== total) return;
      shown = true;
      stream.write(`\r\u001b[2K${label} ${done}/${total}`);
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
