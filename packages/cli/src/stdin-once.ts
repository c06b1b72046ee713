/** Standard input (`-`) can feed one input of a command: a second reader would get nothing. */
import { EXIT, type ExitCode } from './context.js';
import type { CliIo } from './io.js';

/**
 * The usage error (exit 2) for `-` given to two different inputs of one command
 * (`eval -f - --flows -`, `diff - --after -`); `undefined` when at most one reads standard input.
 * Each input is its name in the message and the paths it was given.
 *
 * @example
 * ```ts
 * const usage = stdinReadTwice([['the manifests', ['-']], ['--flows', ['-']]], ctx.io);
 * if (usage !== undefined) return usage; // error: standard input can be read only once: …
 * ```
 */
export function stdinReadTwice(
  inputs: readonly (readonly [name: string, paths: readonly (string | undefined)[]])[],
  io: CliIo,
): ExitCode | undefined {
  const readers = inputs.filter(([, paths]) => paths.includes('-')).map(([name]) => name);
  if (readers.length < 2) return undefined;
  io.stderr.write(
    `error: standard input can be read only once, but - is given for ${readers.join(' and for ')}: save one of them to a file\n(add --help for usage)\n`,
  );
  return EXIT.usage;
}
