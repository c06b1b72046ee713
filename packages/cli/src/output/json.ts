/** Machine-readable output: one JSON document per command run, on stdout. */
import type { CliStream } from '../io.js';

/**
 * Writes `value` as pretty JSON followed by a newline.
 *
 * @example
 * ```ts
 * writeJson(io.stdout, { ok: true, files: [] });
 * ```
 */
export function writeJson(stream: CliStream, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}
