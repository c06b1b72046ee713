// docs/cluster-network-policy.md: the guardrail's YAML is what the DSL prints, and every row of the
// guide's flow table holds on the tutorial's cluster at the end of lesson 4 (both engines).
import { readFileSync } from 'node:fs';
import { clusterNetworkPolicy, type Resource } from '@calico-dsl/core';
import { type Flow, parseFlow, World } from '@calico-dsl/evaluator';
import { fromYaml, toYaml } from '@calico-dsl/yaml';
import { describe, expect, it } from 'vitest';
import { resolveResources, TUTORIAL_DEFAULTS, tutorialCluster } from '../src/index.js';

const root = new URL('../../../', import.meta.url);
const guide = readFileSync(new URL('docs/cluster-network-policy.md', root), 'utf8');

// The DSL exactly as the guide writes it.
const KUBE_SYSTEM = { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } };
const kubeSystemMetadataService = clusterNetworkPolicy('kube-system-metadata-service')
  .admin(5)
  .namespaces(KUBE_SYSTEM)
  .egress((r) => r.named('kube-system-decides').pass().toNetworks('169.254.169.254/32'));
const denyMetadataService = clusterNetworkPolicy('deny-metadata-service')
  .admin(10)
  .namespaces()
  .egress((r) => r.named('no-metadata-service').deny().toNetworks('169.254.169.254/32'));

function block(marker: string): string {
  const at = guide.indexOf(marker);
  const start = guide.indexOf('```yaml\n', at) + '```yaml\n'.length;
  return guide.slice(start, guide.indexOf('```', start));
}

function read(text: string): Resource[] {
  const r = fromYaml(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues[0]));
  return r.value;
}

const tutorialPolicies = [
  'apps/lesson-2-deny-nodeports/out/deny-nodeports.yaml',
  'apps/lesson-4-blacklist-client/out/blacklist.yaml',
].flatMap((f) => read(readFileSync(new URL(f, root), 'utf8')));

const kubeSystem: Resource[] = [
  {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'kube-system', labels: { 'kubernetes.io/metadata.name': 'kube-system' } },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: { nodeName: '10.176.48.79', containers: [{ name: 'coredns' }] },
    status: { phase: 'Running', podIP: '172.30.152.50', podIPs: [{ ip: '172.30.152.50' }] },
  },
];

const guardrail = read(block('<!-- guardrail.yaml -->'));
const resources = [
  ...resolveResources(tutorialCluster(TUTORIAL_DEFAULTS)),
  ...tutorialPolicies,
  ...kubeSystem,
  ...guardrail,
];

interface Claim {
  readonly flow: Flow;
  readonly text: string;
  readonly verdict: string;
  readonly decidedBy: string;
}
const claims: Claim[] = guide
  .split('\n')
  .map((line) => /^\| `(tcp [^`]+)`\s*\| (Allow|Deny)\s*\| `([^`]+)`/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map(([, text = '', verdict = '', decidedBy = '']) => {
    const flow = parseFlow(text);
    if (!flow.ok) throw new Error(`the guide's flow ${text} does not parse`);
    return { flow: flow.value, text, verdict, decidedBy };
  });

describe('guide: cluster guardrails with ClusterNetworkPolicy', () => {
  it('prints the YAML the guide shows', () => {
    expect(toYaml([kubeSystemMetadataService, denyMetadataService])).toBe(block('<!-- guardrail.yaml -->'));
    expect(guardrail).toEqual([kubeSystemMetadataService.toResource(), denyMetadataService.toResource()]);
  });

  it('has the six flows of its table', () => {
    expect(claims.map((c) => c.text)).toHaveLength(6);
  });

  for (const engine of ['compiled', 'reference'] as const) {
    it(`${engine}: every row of the table holds`, { timeout: 60_000 }, () => {
      const world = World.from(resources, { engine });
      expect(world.issues).toEqual([]);
      for (const c of claims) {
        const result = world.evaluate(c.flow);
        const text = result.explain();
        expect(result.verdict, `${c.text}\n${text}`).toBe(c.verdict);
        if (c.verdict === 'Deny') {
          for (const p of result.paths)
            expect(p.decidedBy.policy?.name, `${c.text}\n${text}`).toBe(c.decidedBy);
        } else {
          // An allowed flow is decided at its last step (leaving the cluster, or the pod's profile);
          // the named policy is the one that allows it on the way.
          expect(text).toContain(`${c.decidedBy} `);
          expect(text.split('\n').some((l) => l.includes(` ${c.decidedBy} `) && l.includes('→ allow'))).toBe(
            true,
          );
        }
      }
    });
  }

  it('explain shows the guardrail as the guide quotes it', () => {
    const quoted = guide.slice(guide.indexOf('```text\n') + '```text\n'.length);
    const lines = quoted.slice(0, quoted.indexOf('```')).trimEnd().split('\n');
    const first = claims[0];
    if (!first) throw new Error('no claims');
    const text = World.from(resources).evaluate(first.flow).explain();
    for (const line of lines) expect(text).toContain(line);
  });

  it('with calicoVersion v3.31 the guardrail is listed as not enforced', () => {
    const world = World.from(resources, { calicoVersion: 'v3.31' });
    expect(world.issues.filter((i) => i.code === 'not_enforced')).toHaveLength(2);
    const first = claims[0];
    if (first) expect(world.evaluate(first.flow).verdict).toBe('Allow');
  });
});
