import { type ChildProcess, spawn } from 'node:child_process';
import type { CalicoctlCommand, RunLimits, Runner, RunOutcome } from './runner.js';

/** How long to wait for the pipes to close after the process itself has gone. */
const PIPE_GRACE_MS = 500;

// Children still running, so that a parent exiting normally takes them along (no orphans).
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) killTree(child);
  });
}

/**
 * Kills the child and its whole process group: the child was spawned `detached`, so it leads its
 * own group and `kill(-pid)` reaches anything it started too.
 */
function killTree(child: ChildProcess): void {
  const pid = child.pid;
  if (pid !== undefined && process.platform !== 'win32') {
    try {
      process.kill(-pid, 'SIGKILL');
      return;
    } catch {
      // The group is already gone; fall through to the direct kill.
    }
  }
  try {
    child.kill('SIGKILL');
  } catch {
    // Already dead.
  }
}

/**
 * The default {@link Runner}: spawns the binary with an argument array (`shell: false`, so names
 * with `;`, `$(…)` or backticks reach calicoctl verbatim), writes stdin and closes it, collects
 * stdout/stderr as UTF-8, and on timeout or too much output kills the child's whole process group.
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
  return new Promise<RunOutcome>((resolve) => {
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
    let ending: 'timeout' | 'output-limit' | undefined;
    let graceTimer: NodeJS.Timeout | undefined;
    let exit: { code: number | null; signal: string | null } | undefined;

    const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');
    const finish = (outcome: RunOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      live.delete(child);
      child.stdout?.destroy();
      child.stderr?.destroy();
      resolve(outcome);
    };
    const finishFromEnding = () => {
      if (ending === undefined) {
        const e = exit ?? { code: null, signal: null };
        finish({
          status: 'exited',
          exitCode: e.code,
          signal: e.signal,
          stdout: text(out),
          stderr: text(err),
        });
      } else {
        finish({ status: ending, stdout: text(out), stderr: text(err) });
      }
    };
    const stop = (why: 'timeout' | 'output-limit') => {
      if (settled || ending !== undefined) return;
      ending = why;
      killTree(child);
      // Do not wait for pipes a stray grandchild may hold open: settle soon after the kill.
      graceTimer = setTimeout(finishFromEnding, PIPE_GRACE_MS);
    };
    const collect = (sink: Buffer[]) => (chunk: Buffer) => {
      if (ending !== undefined) return;
      bytes += chunk.length;
      if (bytes > limits.maxOutputBytes) {
        stop('output-limit');
        return;
      }
      sink.push(chunk);
    };

    const timer = setTimeout(() => stop('timeout'), limits.timeoutMs);
    live.add(child);
    installExitHook();

    child.on('error', (e: NodeJS.ErrnoException) => {
      // 'error' before a pid means the binary could not be started at all.
      if (child.pid === undefined) finish(spawnFailure(command.bin, e));
    });
    child.stdout?.on('data', collect(out));
    child.stderr?.on('data', collect(err));
    child.on('exit', (code, signal) => {
      if (settled) return;
      exit = { code, signal };
      if (ending !== undefined) {
        finishFromEnding();
        return;
      }
      // Normally 'close' follows at once; if something else keeps the pipes open, stop waiting.
      graceTimer = setTimeout(() => {
        killTree(child);
        finishFromEnding();
      }, PIPE_GRACE_MS);
    });
    child.on('close', () => {
      if (!settled && ending === undefined) finishFromEnding();
    });

    // calicoctl may exit before reading stdin (bad flags): EPIPE then is expected, not a failure.
    child.stdin?.on('error', () => {});
    child.stdin?.end(command.stdin ?? '');
  });
}

function spawnFailure(bin: string, e: unknown): RunOutcome {
  const errno = typeof e === 'object' && e !== null ? String((e as { code?: unknown }).code ?? '') : '';
  const message = e instanceof Error ? e.message : String(e);
  if (errno === 'ENOENT') return { status: 'not-found', message: `${bin}: ${message}` };
  return { status: 'spawn-failed', errno: errno || 'UNKNOWN', message: `${bin}: ${message}` };
}
