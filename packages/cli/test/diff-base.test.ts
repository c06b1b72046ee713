/**
 * `diff --base <ref>` reads the before side from the revision: files added since are empty there,
 * files deleted since are still read (the scaffold's CI runs it on every pull request). A revision
 * git cannot read is an error, never "no files before".
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from './run-cli.js';

const gitIn =
  (dir: string) =>
  (...args: string[]) =>
    void execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], {
      cwd: dir,
      stdio: 'ignore',
    });

function repo(): { dir: string; git: (...args: string[]) => void } {
  const dir = tempDir();
  const git = gitIn(dir);
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

  it('an unknown revision is a usage error naming it and what git said, not "no files before"', () => {
    const { dir } = repo();
    const r = runCli(['diff', '--base', 'no-such-branch', '-f', 'pol/'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("git does not know the revision 'no-such-branch'");
    expect(r.stderr).toContain('Not a valid object name no-such-branch');
  });

  it('a shallow clone without the base revision: the same usage error, with how to fetch it', () => {
    const { dir, git } = repo();
    git('commit', '-qm', 'second', '--allow-empty');
    const clone = tempDir();
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, join(clone, 'c')], {
      stdio: 'ignore',
    });
    const r = runCli(['diff', '--base', 'HEAD~1', '-f', 'pol/'], { cwd: join(clone, 'c') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'HEAD~1'");
    expect(r.stderr).toContain('shallow clone');
  });

  it("outside a git repository: exit 1 with git's message", () => {
    const dir = tempDir();
    copyFileSync(fixture('world.yaml'), join(dir, 'world.yaml'));
    const r = runCli(['diff', '--base', 'main', 'world.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("cannot read the revision 'main' with git: fatal: not a git repository");
  });

  it('a file git cannot read at the revision (outside the repository) is an error, not absent', () => {
    const { dir } = repo();
    const r = runCli(['diff', '--base', 'main', 'pol/world.yaml', fixture('deny-nodeports.yaml')], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('→');
    expect(r.stderr).toContain('outside repository');
  });

  it('an absolute path inside the repository is read at the revision', () => {
    const { dir } = repo();
    const r = runCli(['diff', '--base', 'main', '-f', join(dir, 'pol'), '--fail-on', 'opened'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('No flow changes its verdict.');
  });
});
