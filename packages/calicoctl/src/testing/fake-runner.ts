import { type ChangeVerb, PAST_TENSE } from '../output/messages.js';
import type { CalicoctlCommand, RunLimits, Runner, RunOutcome } from '../runner.js';

/**
 * A scripted reply: a fixed outcome, or a function of the command.
 *
 * @example
 * ```ts
 * const reply: FakeReply = (command) => calicoctlSays.success('apply', 1, command.args.includes('-f') ? 'Tier' : undefined);
 * ```
 */
export type FakeReply =
  | RunOutcome
  | ((command: CalicoctlCommand, limits: RunLimits) => RunOutcome | Promise<RunOutcome>);

/**
 * For tests: an in-memory {@link Runner} that records every command and answers from a script.
 * Replies are used in order; after the script runs out `fallback` answers (by default the fake
 * throws, so an unexpected extra call fails the test loudly).
 *
 * @example
 * ```ts
 * const runner = createFakeRunner([calicoctlSays.success('apply', 1, 'Tier')]);
 * const ctl = createCalicoctl({ runner });
 * await ctl.apply(tier('security'));
 * runner.commands[0]?.args; // ['apply', '-f', '-']
 * ```
 */
export interface FakeRunner extends Runner {
  /** Every command run, in order. */
  readonly commands: CalicoctlCommand[];
  /** The limits each command ran with, in the same order. */
  readonly limits: RunLimits[];
  /** Appends replies to the script; returns the runner for chaining. */
  reply(...replies: FakeReply[]): FakeRunner;
}

/**
 * Creates a {@link FakeRunner}. For tests only: it never starts a process.
 *
 * @example
 * ```ts
 * const runner = createFakeRunner([], () => calicoctlSays.success('apply', 1));
 * ```
 */
export function createFakeRunner(script: readonly FakeReply[] = [], fallback?: FakeReply): FakeRunner {
  const queue: FakeReply[] = [...script];
  const commands: CalicoctlCommand[] = [];
  const limits: RunLimits[] = [];
  const runner: FakeRunner = {
    commands,
    limits,
    reply(...replies) {
      queue.push(...replies);
      return runner;
    },
    async run(command, runLimits) {
      commands.push(command);
      limits.push(runLimits);
      const next = queue.shift() ?? fallback;
      if (next === undefined) {
        throw new Error(`fake runner: no scripted reply for \`${command.bin} ${command.args.join(' ')}\``);
      }
      return typeof next === 'function' ? next(command, runLimits) : next;
    },
  };
  return runner;
}

const exited = (exitCode: number, stdout: string, stderr = ''): RunOutcome => ({
  status: 'exited',
  exitCode,
  signal: null,
  stdout,
  stderr,
});
const kindPart = (kind: string | undefined) => (kind === undefined || kind === '' ? '' : `'${kind}' `);

/**
 * For tests: outcomes that reproduce calicoctl v3.30's exact messages and exit codes.
 *
 * @example
 * ```ts
 * createFakeRunner([
 *   calicoctlSays.partial('apply', 2, 3, 'GlobalNetworkPolicy', 'resource does not exist: GlobalNetworkPolicy(c)'),
 * ]);
 * ```
 */
export const calicoctlSays = {
  /** `Successfully applied N 'Kind' resource(s)`, exit 0. */
  success(verb: ChangeVerb, count: number, kind?: string): RunOutcome {
    return exited(0, `Successfully ${PAST_TENSE[verb]} ${count} ${kindPart(kind)}resource(s)\n`);
  },
  /**
   * `Partial success: …` + `Hit error(s): [...]`, exit 1. Like calicoctl, the Partial line is
   * printed only when successes outnumber errors, except for `replace`, which always prints it
   * (counting the failed resource as handled) and reports only its last error, unbracketed.
   */
  partial(
    verb: Exclude<ChangeVerb, 'delete'>,
    handled: number,
    total: number,
    kind: string | undefined,
    ...errors: string[]
  ): RunOutcome {
    const line = `Partial success: ${PAST_TENSE[verb]} the first ${handled} out of ${total} ${kindPart(kind)}resources:\n`;
    if (verb === 'replace') return exited(1, line, `Hit error: ${errors.at(-1) ?? ''}\n`);
    const hit = verb === 'apply' || verb === 'validate' ? 'Hit error(s)' : 'Hit error';
    return exited(1, handled - errors.length > 0 ? line : '', `${hit}: [${errors.join(' ')}]\n`);
  },
  /** `Failed to apply 'Kind' resource: [...]` (nothing changed), exit 1. */
  failedAll(
    verb: Exclude<ChangeVerb, 'delete'>,
    total: number,
    kind: string | undefined,
    ...errors: string[]
  ): RunOutcome {
    const what = total === 1 ? `${kindPart(kind)}resource` : `any ${kindPart(kind)}resources`;
    return exited(1, '', `Failed to ${verb} ${what}: [${errors.join(' ')}]\n`);
  },
  /** `calicoctl delete`: success line for the deleted ones, one `Failed to delete` line per error, exit 1 if any. */
  deleted(count: number, kind: string | undefined, ...errors: string[]): RunOutcome {
    const out = count > 0 ? `Successfully deleted ${count} ${kindPart(kind)}resource(s)\n` : '';
    const err = errors.map((e) => `Failed to delete ${kindPart(kind)}resource: ${e}\n`).join('');
    return exited(errors.length > 0 ? 1 : 0, out, err);
  },
  /** A `get -o yaml` listing or resource. */
  yaml(text: string): RunOutcome {
    return exited(0, text);
  },
  /** `calicoctl version` output. */
  version(client: string, cluster?: { version: string; type: string }): RunOutcome {
    const c =
      cluster === undefined
        ? ''
        : `Cluster Version:   ${cluster.version}\nCluster Type:      ${cluster.type}\n`;
    return exited(0, `Client Version:    ${client}\nGit commit:        0123abcd\n${c}`);
  },
  /** Any exit with the given output. */
  exited,
  /** The process was killed after the time limit. */
  timeout(stdout = '', stderr = ''): RunOutcome {
    return { status: 'timeout', stdout, stderr };
  },
  /** The binary does not exist. */
  notFound(bin = 'calicoctl'): RunOutcome {
    return { status: 'not-found', message: `spawn ${bin} ENOENT` };
  },
  /** The command's `AbortSignal` fired and the process was ended, after printing this much. */
  aborted(stdout = '', stderr = ''): RunOutcome {
    return { status: 'aborted', stdout, stderr };
  },
  /**
   * A reply that hangs like a slow cluster until the command's `AbortSignal` fires, then reports
   * `aborted` (never settles without a signal: pair it with one).
   */
  hangUntilAborted(stdout = '', stderr = ''): FakeReply {
    return (_command, limits) =>
      new Promise<RunOutcome>((resolve) => {
        const done = () => resolve({ status: 'aborted', stdout, stderr });
        if (limits.signal?.aborted === true) done();
        else limits.signal?.addEventListener('abort', done, { once: true });
      });
  },
} as const;
