import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, runInProcess, tempDir } from './run-cli.js';

describe('validate', () => {
  it('accepts a valid policy: exit 0', () => {
    const r = runCli(['validate', 'deny-nodeports.yaml', 'world.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ deny-nodeports.yaml (1 resource)');
    expect(r.stdout).toContain('✓ world.yaml (5 resources)');
  });

  it('reports each issue as file:line:column with how to fix it: exit 1', () => {
    const r = runCli(['validate', 'invalid.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'invalid.yaml:12:9: error spec.ingress[0].destination.nets[0]: Invalid CIDR "10.0.0.1": rules need a prefix length, e.g. "10.0.0.1/32"',
    );
    expect(r.stdout).toMatch(/invalid\.yaml:5:1: error spec\.applyOnForward: applyOnForward must be true/);
    expect(r.stdout).toContain('2 issue(s) in 1 of 1 file(s)');
  });

  it('--json gives files, resources and issues with line and column', () => {
    const r = runCli(['validate', '--json', 'invalid.yaml', 'deny-nodeports.yaml']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(false);
    expect(j.files[1]).toEqual({
      file: 'deny-nodeports.yaml',
      ok: true,
      resources: [{ kind: 'GlobalNetworkPolicy', name: 'deny-nodeports' }],
      issues: [],
    });
    expect(j.files[0].issues).toContainEqual(
      expect.objectContaining({ file: 'invalid.yaml', code: 'invalid_cidr', line: 12, column: 9 }),
    );
  });

  it('reads standard input with -', () => {
    const r = runCli(['validate', '-'], {
      input: 'apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: x\nspec:\n  order: true\n',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^-:6:\d+: error spec\.order/m);
  });

  it('a file that is not UTF-8 is refused where its first bad byte is, never altered', () => {
    const dir = tempDir();
    const text =
      'apiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet\nmetadata:\n  name: g\n  annotations:\n    owner: Ren\u00e9 team\nspec:\n  nets: [10.0.0.0/8]\n';
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from(text, 'latin1'));
    writeFileSync(join(dir, 'utf8.yaml'), text);
    const r = runCli(['validate', 'latin1.yaml', 'utf8.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('latin1.yaml:6:15: error not UTF-8 text (byte 0xe9)');
    expect(r.stdout).toContain('✓ utf8.yaml (1 resource)');
  });

  it('a missing file is a finding, not a crash', () => {
    const r = runCli(['validate', 'no-such.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no-such.yaml: error Cannot read the file');
  });

  it('never colors piped output', () => {
    expect(runCli(['validate', 'invalid.yaml']).stdout).not.toContain('\u001b[');
    expect(runCli(['validate', 'invalid.yaml'], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(
      runCli(['validate', '--no-color', 'invalid.yaml'], { env: { FORCE_COLOR: '1' } }).stdout,
    ).not.toContain('\u001b[');
  });
});

describe('the same resource in two places', () => {
  const SET =
    'apiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet\nmetadata:\n  name: blocked\nspec:\n  nets:\n  - 203.0.113.0/24\n';
  // deny-nodeports again, allowing: which definition counts would depend on the argument order.
  const ALLOWING = readFileSync(fixture('deny-nodeports.yaml'), 'utf8').replace(
    'action: Deny',
    'action: Allow',
  );

  function inputs(): string {
    const dir = tempDir();
    for (const f of ['world.yaml', 'deny-nodeports.yaml']) copyFileSync(fixture(f), join(dir, f));
    writeFileSync(join(dir, 'copy.yaml'), `# an old copy\n${SET}---\n${ALLOWING}`);
    return dir;
  }
  const MESSAGE =
    'copy.yaml:10: error metadata.name: GlobalNetworkPolicy "deny-nodeports" is also defined at deny-nodeports.yaml:1: define each resource once';

  it('validate, eval, lint and plan refuse it, naming both file:line: exit 1', async () => {
    const cwd = inputs();
    const validate = await runInProcess(['validate', 'deny-nodeports.yaml', 'copy.yaml'], { cwd });
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(MESSAGE);
    const flow = ['--flow', 'tcp 198.51.100.7:40000 -> 169.46.7.10:31024'];
    const evaluated = await runInProcess(
      ['eval', 'world.yaml', 'deny-nodeports.yaml', 'copy.yaml', ...flow],
      { cwd },
    );
    expect([evaluated.code, evaluated.stdout]).toEqual([1, '']);
    expect(evaluated.stderr).toContain(MESSAGE);
    const lint = await runInProcess(['lint', 'world.yaml', 'deny-nodeports.yaml', 'copy.yaml', '--json'], {
      cwd,
    });
    expect(lint.code).toBe(1);
    expect(JSON.parse(lint.stdout).issues).toEqual([
      expect.objectContaining({ file: 'copy.yaml', code: 'duplicate_resource', line: 10 }),
    ]);
    const plan = await runInProcess(
      ['plan', 'deny-nodeports.yaml', 'copy.yaml', '--calicoctl', '/nonexistent'],
      {
        cwd,
      },
    );
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain(MESSAGE);
    expect(plan.stderr).not.toContain('calicoctl');
  });

  it('twice in one file too; fmt, which rewrites each file on its own, does not mind', async () => {
    const cwd = inputs();
    writeFileSync(join(cwd, 'twice.yaml'), `${SET}---\n${SET}`);
    const r = await runInProcess(['validate', 'twice.yaml'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'twice.yaml:9: error metadata.name: GlobalNetworkSet "blocked" is also defined at twice.yaml:1:',
    );
    const fmt = await runInProcess(['fmt', '--check', 'deny-nodeports.yaml', 'copy.yaml', 'twice.yaml'], {
      cwd,
    });
    expect(fmt.stdout).not.toContain('duplicate_resource');
  });
});
