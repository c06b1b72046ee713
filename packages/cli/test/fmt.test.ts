import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from './run-cli.js';

describe('fmt', () => {
  it('--check reports a file out of calicoctl order: exit 1, nothing written', () => {
    const dir = tempDir();
    const file = join(dir, 'deny-nodeports.yaml');
    copyFileSync(fixture('deny-nodeports.yaml'), file);
    const before = readFileSync(file, 'utf8');
    const r = runCli(['fmt', '--check', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`would reformat  ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('rewrites in canonical order; the result then passes --check', () => {
    const dir = tempDir();
    const file = join(dir, 'deny-nodeports.yaml');
    copyFileSync(fixture('deny-nodeports.yaml'), file);
    expect(runCli(['fmt', file]).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    // calicoctl's GlobalNetworkPolicySpec order: order before ingress, preDNAT/applyOnForward last.
    expect(text.indexOf('order:')).toBeLessThan(text.indexOf('ingress:'));
    expect(text.indexOf('types:')).toBeLessThan(text.indexOf('preDNAT:'));
    expect(text.indexOf('preDNAT:')).toBeLessThan(text.indexOf('applyOnForward:'));
    const again = runCli(['fmt', '--check', '--json', file]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      ok: true,
      files: [{ file, status: 'unchanged', issues: [] }],
    });
  });

  it('keeps .json files JSON', () => {
    const dir = tempDir();
    const file = join(dir, 'set.json');
    writeFileSync(
      file,
      '{"spec":{"nets":["203.0.113.0/24"]},"metadata":{"name":"blocked"},"kind":"GlobalNetworkSet","apiVersion":"projectcalico.org/v3"}',
    );
    expect(runCli(['fmt', file]).code).toBe(0);
    const written = readFileSync(file, 'utf8');
    expect(JSON.parse(written)).toMatchObject({ kind: 'GlobalNetworkSet' });
    expect(Object.keys(JSON.parse(written))).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
  });

  it('does not silently drop comments', () => {
    const dir = tempDir();
    const file = join(dir, 'commented.yaml');
    copyFileSync(fixture('commented.yaml'), file);
    const r = runCli(['fmt', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--drop-comments');
    expect(readFileSync(file, 'utf8')).toContain('# keep me');
    expect(runCli(['fmt', '--drop-comments', file]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('# keep me');
  });

  it("formats a file whose only '#' is inside a quoted string (not a comment)", () => {
    const dir = tempDir();
    const file = join(dir, 'hash.yaml');
    writeFileSync(
      file,
      'kind: GlobalNetworkPolicy\napiVersion: projectcalico.org/v3\nmetadata:\n  name: d\n  annotations:\n    note: "see #42"\nspec:\n  selector: all()\n',
    );
    expect(runCli(['fmt', file]).code).toBe(0);
    const written = readFileSync(file, 'utf8');
    expect(written.startsWith('apiVersion: projectcalico.org/v3\n')).toBe(true);
    expect(written).toContain('note: "see #42"');
  });

  it('-f - prints the YAML on stdout even when it is already canonical; the status goes to stderr', () => {
    const canonical = runCli(['fmt', '-f', '-'], {
      input: readFileSync(fixture('deny-nodeports.yaml'), 'utf8'),
    });
    expect(canonical.code).toBe(0);
    expect(canonical.stdout.startsWith('apiVersion: projectcalico.org/v3\n')).toBe(true);
    const again = runCli(['fmt', '-f', '-'], { input: canonical.stdout });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(canonical.stdout);
    expect(again.stderr).toContain('unchanged  -');
  });

  it('-f - with comments: the error on stderr, nothing on stdout, exit 1', () => {
    const r = runCli(['fmt', '-f', '-'], { input: readFileSync(fixture('commented.yaml'), 'utf8') });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--drop-comments');
    const dropped = runCli(['fmt', '-f', '-', '--drop-comments'], {
      input: readFileSync(fixture('commented.yaml'), 'utf8'),
    });
    expect(dropped.code).toBe(0);
    expect(dropped.stdout).not.toContain('# keep me');
    expect(dropped.stdout).toContain('kind: ');
  });

  it('-f - with an invalid document: the issues on stderr, nothing on stdout, exit 1', () => {
    const r = runCli(['fmt', '-f', '-'], { input: readFileSync(fixture('invalid.yaml'), 'utf8') });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^-:12:9: /m);
  });

  it('an invalid file is reported with file:line:column: exit 1', () => {
    const r = runCli(['fmt', '--check', 'invalid.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/invalid\.yaml:12:9: /);
  });
});
