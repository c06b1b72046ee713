import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from './run-cli.js';

function withFake(options: { fail?: boolean } = {}) {
  const dir = tempDir();
  const bin = join(dir, 'calicoctl');
  copyFileSync(fixture('fake-calicoctl.mjs'), bin);
  if (options.fail) writeFileSync(join(dir, 'fail'), '');
  const log = join(dir, 'calls.jsonl');
  const env = { CALICOCTL_BIN: bin };
  const calls = (): { argv: string[]; stdin: string }[] =>
    readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
  return { env, calls };
}

describe('calicoctl commands (fake calicoctl binary)', () => {
  it('apply validates, then sends canonical YAML on stdin', () => {
    const { env, calls } = withFake();
    const r = runCli(['apply', 'deny-nodeports.yaml', '--datastore-type', 'kubernetes'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('applied 1 resource(s) (GlobalNetworkPolicy)');
    const [call] = calls();
    expect(call?.argv).toEqual(['apply', '-f', '-']);
    expect(call?.stdin).toContain('name: deny-nodeports');
  });

  it('apply refuses invalid input before calicoctl runs', () => {
    const { env } = withFake();
    const r = runCli(['apply', 'invalid.yaml'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/invalid\.yaml:12:9/);
  });

  it('apply refuses Kubernetes objects (they belong to kubectl)', () => {
    const { env } = withFake();
    const r = runCli(['apply', 'world.yaml'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Node "worker-1" is a Kubernetes object');
  });

  it("apply refuses Kubernetes' own NetworkPolicy, though Calico has a kind of that name", () => {
    const { env } = withFake();
    const dir = tempDir();
    writeFileSync(
      join(dir, 'knp.yaml'),
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: default-deny, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n',
    );
    const r = runCli(['apply', 'knp.yaml'], { env, cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('NetworkPolicy "default-deny" is a Kubernetes object');
    // calicoctl never ran: it logs every call.
    expect(existsSync(join(env.CALICOCTL_BIN, '..', 'calls.jsonl'))).toBe(false);
  });

  it('a calicoctl failure is reported with its code: exit 1', () => {
    const { env } = withFake({ fail: true });
    const r = runCli(['apply', 'deny-nodeports.yaml', '--json'], { env });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(false);
    expect(j.error.code).toBe('EXIT_NONZERO');
    expect(j.error.stderr).toContain('connection refused');
  });

  it('a missing binary is BINARY_NOT_FOUND', () => {
    const r = runCli(['apply', 'deny-nodeports.yaml', '--calicoctl', '/no/such/calicoctl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('BINARY_NOT_FOUND');
  });

  it('get prints canonical YAML without server metadata noise', () => {
    const { env, calls } = withFake();
    const r = runCli(['get', 'globalnetworksets'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  kind: GlobalNetworkSet\n  metadata:\n    name: blocked\n');
    expect(calls()[0]?.argv.slice(0, 2)).toEqual(['get', 'GlobalNetworkSet']);
  });

  it('get <kind> <name> prints the object; all of a kind is one <Kind>List, as calicoctl prints them', () => {
    const { env } = withFake();
    const named = runCli(['get', 'gnp', 'deny-nodeports', '-o', 'json'], { env });
    expect(named.code).toBe(0);
    expect(JSON.parse(named.stdout)).toMatchObject({
      kind: 'GlobalNetworkPolicy',
      metadata: { name: 'deny-nodeports' },
    });
    const all = JSON.parse(runCli(['get', 'gnp', '-o', 'json'], { env }).stdout);
    expect(all).toMatchObject({ apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicyList' });
    expect(all.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['deny-nodeports']);
    expect(runCli(['get', 'gnp', 'deny-nodeports'], { env }).stdout).toMatch(
      /^apiVersion: projectcalico\.org\/v3\nkind: GlobalNetworkPolicy\n/,
    );
    expect(runCli(['get', 'gnp'], { env }).stdout).toMatch(
      /^apiVersion: projectcalico\.org\/v3\nkind: GlobalNetworkPolicyList\nitems:\n- /,
    );
    // Nothing of the kind: still the kind's list, as calicoctl prints it.
    expect(JSON.parse(runCli(['get', 'hep', '-o', 'json'], { env }).stdout)).toEqual({
      apiVersion: 'projectcalico.org/v3',
      kind: 'HostEndpointList',
      items: [],
    });
  });

  it("-n fills the manifests' missing namespaces, as calicoctl -n does; a different one or a global kind is refused", () => {
    const { env, calls } = withFake();
    const dir = tempDir();
    writeFileSync(
      join(dir, 'np.yaml'),
      'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: allow-web}\nspec: {selector: all()}\n',
    );
    writeFileSync(
      join(dir, 'dev.yaml'),
      'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: allow-web, namespace: dev}\nspec: {selector: all()}\n',
    );
    expect(runCli(['delete', 'np.yaml', '-n', 'prod'], { env, cwd: dir }).code).toBe(0);
    expect(runCli(['apply', 'np.yaml', '-n', 'prod'], { env, cwd: dir }).code).toBe(0);
    for (const call of calls()) expect(call.stdin).toContain('namespace: prod');
    const conflict = runCli(['delete', 'dev.yaml', '-n', 'prod'], { env, cwd: dir });
    expect([conflict.code, conflict.stderr]).toEqual([1, expect.stringContaining('[namespace_conflict]')]);
    const global = runCli(['apply', 'deny-nodeports.yaml', '-n', 'prod'], { env });
    expect([global.code, global.stderr]).toEqual([1, expect.stringContaining('[not_namespaced]')]);
    expect(calls()).toHaveLength(2);
  });

  it('delete <kind> <names…> and delete <files…>', () => {
    const { env, calls } = withFake();
    expect(runCli(['delete', 'gnp', 'deny-nodeports'], { env }).code).toBe(0);
    expect(runCli(['delete', 'deny-nodeports.yaml', '--json'], { env }).code).toBe(0);
    const [byName, byFile] = calls();
    expect(byName?.argv.slice(0, 3)).toEqual(['delete', 'GlobalNetworkPolicy', 'deny-nodeports']);
    expect(byFile?.argv).toEqual(['delete', '-f', '-']);
  });

  it('plan shows what apply would change; --exit-code flags drift', () => {
    const { env } = withFake();
    const r = runCli(['plan', 'deny-nodeports.yaml'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('~ GlobalNetworkPolicy deny-nodeports (update: spec.order)');
    expect(r.stdout).toContain('    spec.order: 1000 → 1100\n');
    expect(r.stdout).toContain('0 to create, 1 to update, 0 unchanged');
    expect(runCli(['plan', 'deny-nodeports.yaml', '--exit-code'], { env }).code).toBe(1);
    const j = JSON.parse(runCli(['plan', 'deny-nodeports.yaml', '--json'], { env }).stdout);
    expect(j).toMatchObject({ ok: true, create: 0, update: 1, unchanged: 0, hasChanges: true });
    expect(j.steps[0].fieldChanges).toEqual([{ path: 'spec.order', before: 1000, after: 1100 }]);
  });
});
