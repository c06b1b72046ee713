import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from './run-cli.js';

// Each case starts Node (and tsc for .ts modules): generous limits, independent of machine load.
describe('synth', { timeout: 120_000 }, () => {
  it('imports a TypeScript module without a build step and prints YAML', () => {
    const r = runCli(['synth', 'policies.ts']);
    expect(r.code).toBe(0);
    // default export first; the same builder exported twice appears once.
    expect(r.stdout.match(/^kind: /gm)).toEqual(['kind: ', 'kind: ']);
    expect(r.stdout).toMatch(/^kind: GlobalNetworkPolicy\nmetadata:\n {2}name: deny-nodeports\n/m);
    expect(r.stdout).toContain('---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet');
    // the synthesized YAML validates
    const dir = tempDir();
    const out = runCli(['synth', 'policies.ts', '-o', dir]);
    expect(out.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'globalnetworkpolicy-deny-nodeports.yaml',
      'globalnetworkset-blocked.yaml',
    ]);
    expect(readFileSync(join(dir, 'globalnetworkset-blocked.yaml'), 'utf8')).toContain('- 203.0.113.0/24');
    expect(runCli(['validate', ...readdirSync(dir).map((f) => join(dir, f))]).code).toBe(0);
  }, 30_000); // spawns the CLI, which compiles the module on first import: slow on a loaded machine

  it('a .ts module in a folder without "type": "module" (loaded as CommonJS) keeps its default export', () => {
    const out = tempDir();
    // A file of the default export's resource, written by an earlier run: --prune must keep it.
    writeFileSync(join(out, 'globalnetworkset-blocked.yaml'), 'stale: true\n');
    const r = runCli(['synth', join('commonjs', 'policies.ts'), '-o', out, '--prune']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('removed');
    expect(readdirSync(out).sort()).toEqual(['globalnetworkset-blocked.yaml', 'tier-security.yaml']);
    const json = runCli(['synth', join('commonjs', 'policies.ts'), '--json', '--no-typecheck']);
    expect(JSON.parse(json.stdout).map((x: { metadata: { name: string } }) => x.metadata.name)).toEqual([
      'blocked',
      'security',
    ]);
  });

  it('--json prints the resources as JSON', () => {
    const r = runCli(['synth', 'policies.ts', '--json']);
    expect(JSON.parse(r.stdout).map((x: { metadata: { name: string } }) => x.metadata.name)).toEqual([
      'deny-nodeports',
      'blocked',
    ]);
  });

  it('an invalid exported resource: issues under the export name, exit 1', () => {
    const r = runCli(['synth', 'bad-policies.mjs']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.spec.applyOnForward');
    expect(r.stderr).toContain('"10.0.0.1/32"');
  });

  it('a module without resources: exit 1', () => {
    const r = runCli(['synth', 'empty-module.mjs', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).issues[0].code).toBe('empty_manifest');
  });

  it('a module that cannot load: exit 1', () => {
    const r = runCli(['synth', 'no-such-module.ts']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cannot load the module');
  });
});

describe('synth with Kubernetes NetworkPolicy', () => {
  it("writes it beside Calico's NetworkPolicy of the same name: two resources, two files", () => {
    const dir = tempDir();
    const file = join(dir, 'both.mjs');
    const k8s =
      "{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } }";
    const calico =
      "{ apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'shop' }, spec: { ingress: [{ action: 'Deny' }] } }";
    writeFileSync(file, `export const k8s = ${k8s};\nexport const calico = ${calico};\n`);
    const out = join(dir, 'out');
    const r = runCli(['synth', file, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'networkpolicy-shop-deny.yaml',
      'networkpolicy.networking.k8s.io-shop-deny.yaml',
    ]);
    expect(readFileSync(join(out, 'networkpolicy.networking.k8s.io-shop-deny.yaml'), 'utf8')).toContain(
      'apiVersion: networking.k8s.io/v1',
    );
  });
});

describe('synth refuses two resources of one kind, namespace and name', () => {
  it('names the export that had it first: exit 1', () => {
    const dir = tempDir();
    const file = join(dir, 'twice.mjs');
    const tier = (order: number) =>
      `{ apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'security' }, spec: { order: ${order} } }`;
    writeFileSync(file, `export const a = ${tier(100)};\nexport const b = ${tier(200)};\n`);
    const r = runCli(['synth', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Tier "security" is also exported as a: give each resource a unique name');
  });
});

describe('synth --prune', () => {
  it('removes the files of resources no longer exported, and nothing else', () => {
    const dir = tempDir();
    const file = join(dir, 'p.mjs');
    const gnp = (name: string) =>
      `{ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: '${name}' }, spec: { ingress: [{ action: 'Deny' }] } }`;
    const out = join(dir, 'out');
    writeFileSync(file, `export const a = ${gnp('a')};\nexport const b = ${gnp('b')};\n`);
    expect(runCli(['synth', file, '-o', out]).code).toBe(0);
    writeFileSync(join(out, 'notes.yaml'), 'kept: true\n');
    writeFileSync(file, `export const a = ${gnp('a')};\n`);
    expect(runCli(['synth', file, '-o', out]).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'globalnetworkpolicy-a.yaml',
      'globalnetworkpolicy-b.yaml',
      'notes.yaml',
    ]);
    const r = runCli(['synth', file, '-o', out, '--prune']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`removed ${join(out, 'globalnetworkpolicy-b.yaml')}`);
    expect(readdirSync(out).sort()).toEqual(['globalnetworkpolicy-a.yaml', 'notes.yaml']);
  });
});

describe('synth type-checks TypeScript modules', { timeout: 120_000 }, () => {
  it('a DSL type error stops synth (exit 1) unless --no-typecheck', () => {
    const dir = join(FIXTURES, '..', '.tmp-typecheck');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'typo.ts');
    writeFileSync(
      file,
      "import { preDnat } from '@calico-dsl/core';\nexport const p = preDnat('p').order('high');\n",
    );
    try {
      const r = runCli(['synth', file]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('type_check_failed');
      expect(r.stderr).toContain('TS2345');
      const skipped = runCli(['synth', file, '--no-typecheck']);
      expect(skipped.stderr).not.toContain('type_check_failed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so when no typescript can be resolved from the module', () => {
    const dir = tempDir();
    const file = join(dir, 'plain.ts');
    writeFileSync(
      file,
      "export const tier = { apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 't' }, spec: { order: 1 } };\n",
    );
    const r = runCli(['synth', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('was not type-checked');
  });
});
