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
  /** Reads a UTF-8 text file; `-` means standard input. Rejects past 16 MiB (`MAX_INPUT_BYTES`). */
  readFile(path: string): Promise<string>;
  /** Writes a UTF-8 text file, creating parent directories. */
  writeFile(path: string, text: string): Promise<void>;
  /** Joins a directory and a file name the platform's way. */
  join(dir: string, name: string): string;
  /** Imports a JavaScript or TypeScript module (no build step) and returns its exports. */
  importModule(path: string): Promise<Record<string, unknown>>;
  /** How calicoctl commands run; `undefined` uses @calico-dsl/calicoctl's Node runner. */
  readonly runner?: Runner;
  /** Deletes a file (`synth --prune`); without it nothing is removed. */
  removeFile?(path: string): Promise<void>;
  /** A directory's entries, or `undefined` when `path` is not a directory. Without it every path is a file. */
  listDirectory?(path: string): Promise<readonly DirectoryEntry[] | undefined>;
  /** The canonical path (symbolic links resolved), so that a file named twice is read once. */
  realPath?(path: string): Promise<string>;
  /** Type-checks a TypeScript module with the TypeScript installed next to it. */
  typeCheck?(path: string): Promise<TypeCheckOutcome>;
  /**
   * Calls `handler` on Ctrl-C (SIGINT) or SIGTERM until the returned function is called. When the
   * handler returns an exit status the process ends with it at once; `undefined` lets the command
   * finish (it has aborted calicoctl and reports what is known).
   */
  onInterrupt?(handler: (signal: Interrupt) => number | undefined): () => void;
}

/**
 * One entry of a directory listing.
 *
 * @example
 * ```ts
 * const e: DirectoryEntry = { name: 'policies', directory: true };
 * ```
 */
export interface DirectoryEntry {
  readonly name: string;
  /** A directory, or a symbolic link to one. */
  readonly directory: boolean;
}

/**
 * The signals that interrupt a command (exit status 128 + the signal number).
 *
 * @example
 * ```ts
 * const code = (signal: Interrupt) => (signal === 'SIGINT' ? 130 : 143);
 * ```
 */
export type Interrupt = 'SIGINT' | 'SIGTERM';

/**
 * What type-checking a module found: `ok`, compiler `output` on errors, or no TypeScript to
 * check with.
 *
 * @example
 * ```ts
 * const outcome: TypeCheckOutcome = { status: 'failed', output: "policies.ts(3,5): error TS2345: …" };
 * ```
 */
export type TypeCheckOutcome =
  | { readonly status: 'ok' }
  | { readonly status: 'failed'; readonly output: string }
  | { readonly status: 'no-typescript' };
