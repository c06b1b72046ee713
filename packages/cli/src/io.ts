/** Everything the CLI touches outside the process: files, streams, modules, calicoctl. */
import type { Runner } from '@calico-dsl/calicoctl';

/**
 * One output stream: where text goes and whether a person is watching (colors and progress
 * lines only then).
 *
 * @example
 * ```ts
 * const out: CliStream = { write: (t) => void process.stdout.write(t), isTTY: false };
 * ```
 */
export interface CliStream {
  write(text: string): void;
  readonly isTTY: boolean;
}

/**
 * The CLI's only door to the outside world (architecture.md: I/O behind an injected interface).
 * `nodeIo()` is the real one; tests pass an in-memory one to `main`.
 *
 * @example
 * ```ts
 * const chunks: string[] = [];
 * const io: CliIo = { ...nodeIo(), stdout: { write: (t) => chunks.push(t), isTTY: false } };
 * await main(['node', 'calico-dsl', 'validate', 'policy.yaml'], io);
 * chunks.join(''); // what the command printed
 * ```
 */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  /** Environment variables (`NO_COLOR`, `FORCE_COLOR`, calicoctl datastore settings). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reads a UTF-8 text file; `-` means standard input. */
  readFile(path: string): Promise<string>;
  /** Writes a UTF-8 text file, creating parent directories. */
  writeFile(path: string, text: string): Promise<void>;
  /** Joins a directory and a file name the platform's way. */
  join(dir: string, name: string): string;
  /** Imports a JavaScript or TypeScript module (no build step) and returns its exports. */
  importModule(path: string): Promise<Record<string, unknown>>;
  /** How calicoctl commands run; `undefined` uses @calico-dsl/calicoctl's Node runner. */
  readonly runner?: Runner;
}
