/** One bounded reader for every manifest, flows file and module the CLI reads (files and stdin). */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { DEFAULT_MAX_LENGTH, textTooLarge } from '@calico-dsl/yaml';

/**
 * The most bytes the CLI reads from one input: the same 16 MiB as `fromYaml`'s `maxLength`, so a
 * file either fits both or is refused here before it is held in memory.
 *
 * @example
 * ```ts
 * await readBounded('policy.yaml', MAX_INPUT_BYTES);
 * ```
 */
export const MAX_INPUT_BYTES = DEFAULT_MAX_LENGTH;

/**
 * Thrown when an input is larger than the limit; the message says how to fix it.
 *
 * @example
 * ```ts
 * try { await readBounded('-', 1024); } catch (e) { if (e instanceof InputTooLargeError) console.error(e.message); }
 * ```
 */
export class InputTooLargeError extends Error {
  constructor(what: string, bytesRead: number, limit: number) {
    // fromYaml's own words for a text over its limit, so both readers say the same thing.
    super(`${what}: ${textTooLarge(bytesRead, limit, 'bytes')?.message ?? `over the ${limit} byte limit`}`);
    this.name = 'InputTooLargeError';
  }
}

/**
 * Reads a file (or standard input for `-`) as UTF-8, stopping as soon as it passes `limit` bytes:
 * `/dev/zero`, a FIFO or an endless pipe end with {@link InputTooLargeError} instead of filling memory.
 *
 * @example
 * ```ts
 * const text = await readBounded('-', MAX_INPUT_BYTES); // what was piped in
 * ```
 */
export async function readBounded(path: string, limit: number = MAX_INPUT_BYTES): Promise<string> {
  const stdin = path === '-';
  const source: Readable = stdin ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of source) {
      const buf = chunk as Buffer;
      bytes += buf.length;
      if (bytes > limit) throw new InputTooLargeError(stdin ? 'standard input' : path, bytes, limit);
      chunks.push(buf);
    }
  } finally {
    // Stop reading (an endless source would otherwise keep the process alive).
    if (stdin) process.stdin.pause();
    source.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}
