/**
 * `diff --base <ref>` reads the before side from the revision: files added since are empty there,
 * files deleted since are still read (the scaffold's CI runs it on every pull request).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from './run-cli.js';

function repo(): { dir: string; git: (...args: string[]) => void } {
  const dir = tempDir();
  const git = (...args: string[]) =>
    void execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], {
      cwd: dir,
    });
  git('init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'pol'));
  for (const f of ['world.yaml', 'deny-nodeports.yaml']) copyFileSync(fixture(f), join(dir, 'pol', f));
  git('add', '-A');
  git('commit', '-qm', 'base');
  return { dir, git };
}

describe('diff --base', () => {
  it('a policy file deleted since the base still counts before: the flows it denied open', () => {
    const { dir, git } = repo();
    git('rm', '-q', 'pol/deny-nodeports.yaml');
    const r = runCli(['diff', '--base', 'main', '-f', 'pol/', '-R', '--fail-on', 'opened'], { cwd: dir });
    expect(r.stdout).toContain('Deny → Allow');
    expect(r.code).toBe(1);
  });

  it('a file or directory added since the base is empty before (no "not in main" error)', () => {
    const { dir, git } = repo();
    mkdirSync(join(dir, 'out'));
    git('mv', 'pol/deny-nodeports.yaml', 'out/deny-nodeports.yaml');
    const r = runCli(['diff', '--base', 'main', '-f', 'pol/', '-f', 'out/', '-R'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('No flow changes its verdict.');
  });
});
