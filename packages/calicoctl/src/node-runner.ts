import { type ChildProcess, spawn } from 'node:child_process';
import type { CalicoctlCommand, RunLimits, Runner, RunOutcome } from './runner.js';

/** How long to wait for the pipes to close after the process itself has gone. */
const PIPE_GRACE_MS = 500;
/** How long calicoctl gets to exit after SIGTERM before its group gets SIGKILL. */
const TERM_GRACE_MS = 2_000;
/** After SIGKILL, how long to wait for the group to disappear before reporting anyway. */
const KILL_WAIT_MS = 2_000;
const POLL_MS = 25;

/**
 * A command still running: `stop` ends its process group and resolves once the run has settled;
 * `end` only ends the group (the process is about to die of a signal).
 */
interface Running {
  readonly child: ChildProcess;
  stop(why: Ending): Promise<void>;
  end(): Promise<void>;
}
type Ending = 'timeout' | 'output-limit' | 'aborted';

// Commands still running, so that the parent can take them along when it stops (no orphans).
const running = new Set<Running>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous: no time for SIGTERM's grace, so SIGKILL at once.
  process.once('exit', () => {
    for (const r of running) signalGroup(r.child, 'SIGKILL');
  });
}

/**
 * Signals that would kill Node without running 'exit' handlers. While a command runs, a listener
 * on each ends calicoctl's group first; when it is the only listener (the program has none of its
 * own) it then re-raises the signal, so Node still dies of it exactly as it would have.
 */
const FATAL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type FatalSignal = (typeof FATAL_SIGNALS)[number];
// Whether the program had listeners of its own when ours were added ('once' ones remove themselves
// before they run, so counting only at signal time would miss them).
const hadOwnListeners = new Map<FatalSignal, boolean>();
const onFatalSignal = (signal: FatalSignal) => {
  if (hadOwnListeners.get(signal) === true || process.listenerCount(signal) > 1) {
    void abortRunningCommands(); // the program's handler decides what happens next
    return;
  }
  // Node would have died of this signal: end every group, then die of it (nothing settles first,
  // so no code of the program runs on as if the command had merely failed).
  void Promise.all([...running].map((r) => r.end())).then(() => {
    removeSignalListeners();
    process.kill(process.pid, signal);
  });
};
const signalListeners = new Map(FATAL_SIGNALS.map((s) => [s, () => onFatalSignal(s)] as const));

function addSignalListeners(): void {
  if (process.platform === 'win32' || running.size !== 1) return; // the first running command adds them
  for (const [signal, listener] of signalListeners) {
    hadOwnListeners.set(signal, process.listenerCount(signal) > 0);
    process.on(signal, listener);
  }
}

function removeSignalListeners(): void {
  for (const [signal, listener] of signalListeners) process.removeListener(signal, listener);
}

/**
 * Aborts every command the Node runner is running, as if each one's `AbortSignal` had fired:
 * each process group gets SIGTERM, then SIGKILL after a grace period, and each command rejects
 * with `ABORTED` (reporting what calicoctl had done). Resolves once all of them are gone.
 *
 * A signal that kills Node (SIGINT, SIGTERM with no handler) skips `process.on('exit')`, and
 * calicoctl runs in its own process group, so the terminal's Ctrl-C never reaches it. While a
 * command runs the runner listens for SIGINT, SIGTERM and SIGHUP itself: with no other listener
 * it ends calicoctl and re-raises the signal (Node dies of it as before); a program with its own
 * handlers (to report what was applied) calls this, or aborts its signals, from them.
 *
 * @example
 * ```ts
 * process.once('SIGINT', () => {
 *   void abortRunningCommands().then(() => process.exit(130));
 * });
 * ```
 */
export async function abortRunningCommands(): Promise<void> {
  await Promise.all([...running].map((r) => r.stop('aborted')));
}

/**
 * Sends a signal to the child's whole process group: the child was spawned `detached`, so it
 * leads its own group and `kill(-pid)` reaches anything it started too.
 */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  const pid = child.pid;
  if (pid !== undefined && process.platform !== 'win32') {
    try {
      process.kill(-pid, signal);
      return;
    } catch {
      // The group is already gone; fall through to the direct kill.
    }
  }
  try {
    child.kill(signal);
  } catch {
    // Already dead.
  }
}

/** Whether anything of the child's process group is still running. */
function groupAlive(child: ChildProcess): boolean {
  const pid = child.pid;
  if (pid === undefined || process.platform === 'win32')
    return child.exitCode === null && child.signalCode === null;
  try {
    process.kill(-pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitGone(child: ChildProcess, ms: number): Promise<boolean> {
  for (let waited = 0; groupAlive(child); waited += POLL_MS) {
    if (waited >= ms) return false;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return true;
}

/** SIGTERM to the group, SIGKILL if anything is left after the grace period; resolves when gone. */
async function endGroup(child: ChildProcess): Promise<void> {
  signalGroup(child, 'SIGTERM');
  if (await waitGone(child, TERM_GRACE_MS)) return;
  signalGroup(child, 'SIGKILL');
  await waitGone(child, KILL_WAIT_MS);
}

/**
 * The default {@link Runner}: spawns the binary with an argument array (`shell: false`, so names
 * with `;`, `$(…)` or backticks reach calicoctl verbatim) in its own process group, writes stdin
 * and closes it, and collects stdout/stderr as UTF-8. On timeout, too much output or an aborted
 * `signal` it ends the whole group (SIGTERM, then SIGKILL) and waits until it is gone.
 *
 * @example
 * ```ts
 * const runner = createNodeRunner();
 * const outcome = await runner.run(
 *   { bin: 'calicoctl', args: ['version', '--client'], env: { PATH: process.env.PATH ?? '' } },
 *   { timeoutMs: 10_000, maxOutputBytes: 1 << 20 },
 * );
 * if (outcome.status === 'exited') console.log(outcome.stdout);
 * ```
 */
export function createNodeRunner(): Runner {
  return { run: runWithNode };
}

function runWithNode(command: CalicoctlCommand, limits: RunLimits): Promise<RunOutcome> {
  if (limits.signal?.aborted === true) return Promise.resolve({ status: 'aborted', stdout: '', stderr: '' });
  let settledPromise: Promise<RunOutcome>;
  const result = new Promise<RunOutcome>((resolve) => {
    let child: ChildProcess;
    try {
      child = spawn(command.bin, [...command.args], {
        env: { ...command.env },
        shell: false,
        detached: process.platform !== 'win32',
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (e) {
      // Synchronous spawn errors: NUL bytes in arguments, invalid options.
      resolve(spawnFailure(command.bin, e));
      return;
    }

    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    let ending: Ending | undefined;
    let graceTimer: NodeJS.Timeout | undefined;
    let exit: { code: number | null; signal: string | null } | undefined;

    const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');
    const finish = (outcome: RunOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      limits.signal?.removeEventListener('abort', onAbort);
      running.delete(entry);
      if (running.size === 0) removeSignalListeners();
      child.stdout?.destroy();
      child.stderr?.destroy();
      resolve(outcome);
    };
    const finishExited = () => {
      const e = exit ?? { code: null, signal: null };
      finish({ status: 'exited', exitCode: e.code, signal: e.signal, stdout: text(out), stderr: text(err) });
    };
    const stop = async (why: Ending): Promise<void> => {
      if (!settled && ending === undefined) {
        ending = why;
        // Settle only once the whole group is gone: no process outlives the command's report.
        await endGroup(child);
        finish({ status: why, stdout: text(out), stderr: text(err) });
      }
      await settledPromise;
    };
    const end = async (): Promise<void> => {
      ending ??= 'aborted';
      await endGroup(child);
    };
    const entry: Running = { child, stop, end };
    const onAbort = () => void stop('aborted');
    const collect = (sink: Buffer[]) => (chunk: Buffer) => {
      if (ending !== undefined) return;
      bytes += chunk.length;
      if (bytes > limits.maxOutputBytes) {
        void stop('output-limit');
        return;
      }
      sink.push(chunk);
    };

    const timer = setTimeout(() => void stop('timeout'), limits.timeoutMs);
    running.add(entry);
    installExitHook();
    addSignalListeners();
    limits.signal?.addEventListener('abort', onAbort, { once: true });

    child.on('error', (e: NodeJS.ErrnoException) => {
      // 'error' before a pid means the binary could not be started at all.
      if (child.pid === undefined) finish(spawnFailure(command.bin, e));
    });
    child.stdout?.on('data', collect(out));
    child.stderr?.on('data', collect(err));
    child.on('exit', (code, signal) => {
      if (settled) return;
      exit = { code, signal };
      if (ending !== undefined) return; // stop() settles once the group is gone
      // Normally 'close' follows at once; if a stray grandchild keeps the pipes open, end it.
      graceTimer = setTimeout(() => {
        signalGroup(child, 'SIGKILL');
        finishExited();
      }, PIPE_GRACE_MS);
    });
    child.on('close', () => {
      if (!settled && ending === undefined) finishExited();
    });

    // calicoctl may exit before reading stdin (bad flags): EPIPE then is expected, not a failure.
    child.stdin?.on('error', () => {});
    child.stdin?.end(command.stdin ?? '');
  });
  settledPromise = result;
  return result;
}

function spawnFailure(bin: string, e: unknown): RunOutcome {
  const errno = typeof e === 'object' && e !== null ? String((e as { code?: unknown }).code ?? '') : '';
  const message = e instanceof Error ? e.message : String(e);
  if (errno === 'ENOENT') return { status: 'not-found', message: `${bin}: ${message}` };
  return { status: 'spawn-failed', errno: errno || 'UNKNOWN', message: `${bin}: ${message}` };
}
