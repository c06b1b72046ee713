/** Runs the BUILT cli (`dist/bin.js`) as a subprocess, as users and CI do. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
