/**
 * One calicoctl invocation as data: the binary, its argument array (never a shell string), the
 * text for stdin (manifests go there with `-f -`) and the complete environment of the child.
 *
 * @example
 * ```ts
 * // What a Runner receives: here one that records the command and answers as calicoctl would.
 * const seen: CalicoctlCommand[] = [];
 * const ctl = createCalicoctl({
 *   parentEnv: { PATH: '/usr/bin', HOME: '/home/me' },
 *   datastoreType: 'kubernetes',
 *   runner: {
 *     run: async (command) => {
 *       seen.push(command);
 *       return { status: 'exited', exitCode: 0, signal: null, stdout: "Successfully applied 1 'Tier' resource(s)\n", stderr: '' };
 *     },
 *   },
 * });
 * await ctl.apply([tier('security').order(100)]);
 * // seen[0]: { bin: 'calicoctl', args: ['apply', '-f', '-'],
 * //   env: { PATH: '/usr/bin', HOME: '/home/me', DATASTORE_TYPE: 'kubernetes' },
 * //   stdin: 'apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: security\nspec:\n  order: 100\n' }
 * ```
 */
export interface CalicoctlCommand {
  readonly bin: string;
  readonly args: readonly string[];
  readonly stdin?: string;
  readonly env: Readonly<Record<string, string>>;
}

/**
 * Limits a {@link Runner} must enforce for one command.
 *
 * @example
 * ```ts
 * // What createCalicoctl uses unless told otherwise:
 * const limits: RunLimits = { timeoutMs: DEFAULT_TIMEOUT_MS, maxOutputBytes: DEFAULT_MAX_OUTPUT_BYTES }; // { timeoutMs: 30000, maxOutputBytes: 16777216 }
 * ```
 */
export interface RunLimits {
  /** Kill the command (and everything it started) after this many milliseconds. */
  readonly timeoutMs: number;
  /** Kill the command once stdout + stderr exceed this many bytes. */
  readonly maxOutputBytes: number;
  /**
   * Stop the command when this signal aborts: end its whole process group (SIGTERM, then SIGKILL
   * after a grace period), wait until it is gone, and report `aborted`.
   */
  readonly signal?: AbortSignal;
}

/**
 * How a command ended, as a {@link Runner} reports it. Runners resolve with an outcome and never
 * reject; the wrapper turns outcomes into results or `CalicoctlError`s.
 *
 * - `exited`: the process ended by itself (`exitCode` is `null` when a signal ended it).
 * - `timeout`: it ran longer than `timeoutMs` and was killed.
 * - `output-limit`: it printed more than `maxOutputBytes` and was killed.
 * - `aborted`: the `signal` aborted; the process (and everything it started) was ended.
 * - `not-found`: the binary does not exist (ENOENT).
 * - `spawn-failed`: the binary exists but could not be started (`errno` e.g. `EACCES`).
 *
 * @example
 * ```ts
 * const outcome: RunOutcome = { status: 'exited', exitCode: 0, signal: null, stdout: "Successfully applied 1 'Tier' resource(s)\n", stderr: '' };
 * ```
 */
export type RunOutcome =
  | {
      readonly status: 'exited';
      readonly exitCode: number | null;
      readonly signal: string | null;
      readonly stdout: string;
      readonly stderr: string;
    }
  | { readonly status: 'timeout'; readonly stdout: string; readonly stderr: string }
  | { readonly status: 'output-limit'; readonly stdout: string; readonly stderr: string }
  | { readonly status: 'aborted'; readonly stdout: string; readonly stderr: string }
  | { readonly status: 'not-found'; readonly message: string }
  | { readonly status: 'spawn-failed'; readonly errno: string; readonly message: string };

/**
 * Executes {@link CalicoctlCommand}s. The Node default (`createNodeRunner`) spawns the binary;
 * tests inject `createFakeRunner` to script outcomes and record commands.
 *
 * @example
 * ```ts
 * const echo: Runner = {
 *   async run(command) {
 *     return { status: 'exited', exitCode: 0, signal: null, stdout: command.args.join(' '), stderr: '' };
 *   },
 * };
 * ```
 */
export interface Runner {
  run(command: CalicoctlCommand, limits: RunLimits): Promise<RunOutcome>;
}
