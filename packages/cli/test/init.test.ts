/** `calico-dsl init`: the scaffold's files are valid — its TypeScript type-checks against the workspace packages. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, runCli } from './run-cli.js';

// Inside the workspace, so that @calico-dsl/*, vitest and typescript resolve as in a user's repo.
const dir = mkdtempSync(join(FIXTURES, '..', '.tmp-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

describe('init', { timeout: 120_000 }, () => {
  it('writes the scaffold; the TypeScript type-checks; the workflow runs validate, fmt --check, tests and lint', () => {
    const r = runCli(['init', dir, '--name', 'network-policies']);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      '.github',
      '.gitignore',
      'README.md',
      'package.json',
      'policies.test.ts',
      'policies.ts',
      'tsconfig.json',
    ]);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('network-policies');
    expect(pkg.devDependencies).toHaveProperty('@calico-dsl/testkit');

    const checked = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], {
      encoding: 'utf8',
    });
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);

    const workflow = parse(readFileSync(join(dir, '.github', 'workflows', 'policies.yml'), 'utf8'));
    const runs: string[] = workflow.jobs.check.steps.flatMap((s: { run?: string }) => (s.run ? [s.run] : []));
    for (const step of [
      'calico-dsl validate',
      'calico-dsl fmt --check',
      'npm test',
      'calico-dsl lint',
      'calico-dsl diff',
    ]) {
      expect(runs.some((run) => run.includes(step))).toBe(true);
    }
  });

  it('the scaffold synthesizes (type-checked) into valid YAML', () => {
    const out = join(dir, 'out');
    const r = runCli(['synth', join(dir, 'policies.ts'), '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(runCli(['validate', '-f', out]).code).toBe(0);
  });

  it('refuses to overwrite existing files unless --force', () => {
    writeFileSync(join(dir, 'README.md'), 'mine\n');
    const r = runCli(['init', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing was written');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('mine\n');
    expect(runCli(['init', dir, '--force']).code).toBe(0);
  });

  it('a bad package name is a usage error', () => {
    expect(runCli(['init', dir, '--name', 'Not A Name']).code).toBe(2);
  });
});
