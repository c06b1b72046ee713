/** Runs the BUILT cli (`dist/bin.js`) as a subprocess, as users and CI do. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const BIN = join(here, '..', 'dist', 'bin.js');
export const FIXTURES = join(here, 'fixtures');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout + stderr. */
  readonly all: string;
}

export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string; asNobody?: boolean } = {},
): CliRun {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build the cli first (npm run build)`);
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  // Colors must come only from the TTY check; the test runner may set these.
  if (options.env?.FORCE_COLOR === undefined) delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  // Root ignores file permissions: permission tests drop to nobody the way the acceptance check does.
  const [cmd, argv] = options.asNobody
    ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args]]
    : [process.execPath, [BIN, ...args]];
  const r = spawnSync(cmd as string, argv as string[], {
    cwd: options.cwd ?? FIXTURES,
    env,
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, all: r.stdout + r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'calico-dsl-cli-'));
}

export const fixture = (name: string): string => join(FIXTURES, name);

/** Permission tests need a user that file modes apply to: not root, or root with setpriv. */
export const CAN_TEST_PERMISSIONS =
  process.getuid?.() !== 0 || spawnSync('setpriv', ['--version']).status === 0;
export const AS_NOBODY = process.getuid?.() === 0;

/**
 * Runs the CLI in this process (`main` with the real `nodeIo`, relative paths read from
 * `cwd`, default the fixtures): no Node start-up per case, so the suite stays quick under load.
 * Use `runCli` for what needs a process of its own (stdin, exit statuses of the bin, signals).
 */
export async function runInProcess(args: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
  const { main, nodeIo } = await import('../src/index.js');
  const cwd = options.cwd ?? FIXTURES;
  const at = (p: string) => (p === '-' ? p : resolve(cwd, p));
  const base = nodeIo();
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    ...base,
    env: { PATH: process.env.PATH },
    stdout: { write: (t: string) => void out.push(t), isTTY: false },
    stderr: { write: (t: string) => void err.push(t), isTTY: false },
    readFile: (p: string) => base.readFile(at(p)),
    writeFile: (p: string, text: string) => base.writeFile(at(p), text),
    listDirectory: (p: string) => base.listDirectory?.(at(p)) ?? Promise.resolve(undefined),
    realPath: (p: string) => base.realPath?.(at(p)) ?? Promise.resolve(at(p)),
  };
  const code = await main(['node', 'calico-dsl', ...args], io);
  const stdout = out.join('');
  const stderr = err.join('');
  return { code, stdout, stderr, all: stdout + stderr };
}
