// The CLI on ClusterNetworkPolicy manifests: validate (line:column issues), fmt (struct order),
// eval and explain (the Admin tier decides before the namespaced policy). Each test spawns the
// built CLI several times: generous timeouts, never a timing assertion.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from './run-cli.js';

const SCRAMBLED = `kind: ClusterNetworkPolicy
apiVersion: policy.networking.k8s.io/v1alpha2
spec:
  egress:
  - to: [{networks: [169.254.169.254/32]}]
    action: Deny
  subject: {namespaces: {}}
  priority: 10
  tier: Admin
metadata: {name: guard}
`;

describe('ClusterNetworkPolicy on the command line', () => {
  it('validate accepts it and reports a bad one with line and column', () => {
    expect(runCli(['validate', fixture('cnp-world.yaml')]).code).toBe(0);
    const dir = tempDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      SCRAMBLED.replace('priority: 10', 'priority: 5000').replace('action: Deny', 'action: Allow'),
    );
    const r = runCli(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.all).toContain(
      `${bad}:8:13: error spec.priority: spec.priority must be from 0 to 1000, not 5000 [out_of_range]`,
    );
    expect(r.all).toContain(`${bad}:6:13: error spec.egress[0].action`);
  }, 60_000);

  it('fmt rewrites it in the network-policy-api struct order', () => {
    const dir = tempDir();
    const file = join(dir, 'guard.yaml');
    writeFileSync(file, SCRAMBLED);
    expect(runCli(['fmt', file]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: guard
spec:
  tier: Admin
  priority: 10
  subject:
    namespaces: {}
  egress:
  - action: Deny
    to:
    - networks:
      - 169.254.169.254/32
`);
    expect(runCli(['fmt', '--check', file]).code).toBe(0);
  }, 60_000);

  it('eval and explain: the Admin tier denies before the namespaced allow', () => {
    const flow = 'tcp 10.1.0.10:40000 -> 169.254.169.254:80';
    const denied = runCli(['eval', fixture('cnp-world.yaml'), '--flow', flow, '--expect', 'deny']);
    expect(denied.code).toBe(0);
    expect(denied.stdout).toContain('KubernetesClusterNetworkPolicy deny-metadata-service (tier kube-admin)');
    const other = runCli([
      'eval',
      fixture('cnp-world.yaml'),
      '--flow',
      'tcp 10.1.0.10:40000 -> 198.51.100.7:443',
      '--expect',
      'allow',
    ]);
    expect(other.code).toBe(0);
    const explained = runCli(['explain', fixture('cnp-world.yaml'), '--flow', flow]);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toMatch(
      /▶ workloadEgress .* tier kube-admin KubernetesClusterNetworkPolicy deny-metadata-service egress rule 0 → deny/,
    );
  }, 60_000);
});
