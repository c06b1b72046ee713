/** One bounded reader for every manifest, flows file and module the CLI reads (files and stdin). */
import { isUtf8 } from 'node:buffer';
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
 * Thrown when an input is not UTF-8: where its first bad byte is (1-based line and column, in
 * bytes), so that the text is never silently changed (a Latin-1 `é` would become `�`).
 *
 * @example
 * ```ts
 * try { await readBounded('latin1.yaml'); } catch (e) { if (e instanceof NotUtf8Error) e.line; }
 * ```
 */
export class NotUtf8Error extends Error {
  readonly line: number;
  readonly column: number;
  /** What is wrong, without where (an issue carries line and column itself). */
  readonly reason: string;
  constructor(what: string, bytes: Buffer) {
    const at = firstBadByte(bytes);
    const before = bytes.subarray(0, at);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const column = at - (before.lastIndexOf(0x0a) + 1) + 1;
    const reason = `not UTF-8 text (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')}); save it as UTF-8 (calicoctl and kubectl read UTF-8 only)`;
    super(`${what}:${line}:${column}: ${reason}`);
    this.name = 'NotUtf8Error';
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/** The offset of the first byte that starts no valid UTF-8 sequence (the input is not UTF-8). */
function firstBadByte(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return bytes.length;
}

/** The length of the valid UTF-8 sequence at `i`, or 0 (RFC 3629: no overlongs, surrogates or values past U+10FFFF). */
function sequenceLength(b: Buffer, i: number): number {
  const c = b[i] as number;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const x = b[i + k];
    return x !== undefined && x >= lo && x <= hi;
  };
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/**
 * Reads a file (or standard input for `-`) as UTF-8, stopping as soon as it passes `limit` bytes:
 * `/dev/zero`, a FIFO or an endless pipe end with {@link InputTooLargeError} instead of filling memory.
 * Bytes that are not UTF-8 end with {@link NotUtf8Error}.
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
  const all = Buffer.concat(chunks);
  if (!isUtf8(all)) throw new NotUtf8Error(stdin ? 'standard input' : path, all);
  return all.toString('utf8');
}
