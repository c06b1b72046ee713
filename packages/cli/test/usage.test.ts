import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, runInProcess } from './run-cli.js';

describe('help and usage errors', () => {
  it('--help lists every command with examples and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of [
      'synth',
      'validate',
      'fmt',
      'eval',
      'explain',
      'matrix',
      'apply',
      'delete',
      'get',
      'plan',
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^  ${cmd} `, 'm'));
    }
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('2 usage error');
  });

  it.each(['synth', 'validate', 'fmt', 'eval', 'explain', 'matrix', 'apply', 'delete', 'get', 'plan'])(
    '%s --help shows examples and --json',
    async (cmd) => {
      // In-process: the same program, without a Node start per command.
      const r = await runInProcess([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
      expect(r.stdout).toContain('--json');
    },
  );

  it('--version prints the package version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [['eval', '--no-such-flag']],
    [['no-such-command']],
    [[]],
    [['validate']],
    [['eval', 'world.yaml', '--flow', 'tcp 1.2.3.4 -> 5.6.7.8:80', '--expect', 'maybe']],
    [['eval', 'world.yaml']],
    [['matrix', 'world.yaml']],
    [['matrix', 'world.yaml', '--protocol', 'icmp', '--port', '80']],
    [['eval', 'world.yaml', '--flow', 'icmp 1.2.3.4 -> 5.6.7.8:80']],
    [['eval', 'world.yaml', '--flow', 'tcp 2001:db8::1 -> 5.6.7.8:80']],
    [['get', 'Pod']],
    [['get', 'gnp', '-o', 'name']],
    [['get', 'ns']],
    [['delete', 'gnp', 'foo', '-f', 'deny-nodeports.yaml']],
  ])('%j is a usage error: exit 2', async (args) => {
    const r = await runInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toBe('');
  });
});

describe('the committed launcher (what npm links as the calico-dsl bin)', () => {
  it('bin/calico-dsl.js runs the built program', () => {
    const launcher = join(dirname(BIN), '..', 'bin', 'calico-dsl.js');
    const r = spawnSync(process.execPath, [launcher, 'eval', '--no-such-flag'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option '--no-such-flag'");
  });
});
