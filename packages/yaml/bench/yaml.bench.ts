// toYaml / fromYaml over 5,000 policies against the plain `yaml` package on the same data:
// toYaml (field ordering + calicoctl layout) vs yaml.stringify of the same objects, and
// fromYaml (hardened parse + validate of every resource) vs yaml's parseAllDocuments + toJS.
// Targets: toYaml ≤ 1.5×, fromYaml ≤ 3× the plain library.
import type { GlobalNetworkPolicy, NetworkPolicy, Rule } from '@calico-dsl/core';
import { parseAllDocuments, stringify } from 'yaml';
import { fromYaml, toYaml } from '../src/index.js';

const POLICIES = 5_000;

function makePolicies(): (GlobalNetworkPolicy | NetworkPolicy)[] {
  return Array.from({ length: POLICIES }, (_, i) => {
    const ingress: Rule[] = [
      {
        action: 'Allow',
        protocol: 'TCP',
        source: { selector: `app == 'client-${i % 97}'` },
        destination: { ports: [80, 443, `${30000 + (i % 100)}:32767`] },
      },
      {
        action: 'Deny',
        protocol: 'UDP',
        source: { nets: [`10.${i % 256}.0.0/16`] },
        destination: { ports: [53] },
      },
      { action: 'Allow', protocol: 'ICMP', icmp: { type: 8 } },
    ];
    const egress: Rule[] = [
      { action: 'Allow', destination: { selector: 'has(dns)', namespaceSelector: 'all()' } },
    ];
    const metadata = {
      name: `policy-${i}`,
      labels: { team: `team-${i % 13}`, 'app.kubernetes.io/name': `svc-${i % 200}` },
    };
    return i % 2 === 0
      ? {
          apiVersion: 'projectcalico.org/v3',
          kind: 'GlobalNetworkPolicy',
          metadata,
          spec: {
            order: i,
            ingress,
            egress,
            selector: `app == 'svc-${i % 200}'`,
            types: ['Ingress', 'Egress'],
          },
        }
      : {
          apiVersion: 'projectcalico.org/v3',
          kind: 'NetworkPolicy',
          metadata: { ...metadata, namespace: `ns-${i % 50}` },
          spec: {
            tier: 'default',
            order: i,
            ingress,
            selector: `app == 'svc-${i % 200}'`,
            types: ['Ingress'],
          },
        };
  });
}

/** Median wall time of `rounds` runs after one warm-up run. */
function time(rounds: number, fn: () => unknown): number {
  fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

export function run(): void {
  const policies = makePolicies();
  const rounds = 7;

  const ours = time(rounds, () => toYaml(policies));
  const plain = time(rounds, () => policies.map((p) => stringify(p)).join('---\n'));
  const text = toYaml(policies);

  const read = time(rounds, () => {
    const r = fromYaml(text);
    if (!r.ok || r.value.length !== POLICIES) throw new Error('fromYaml failed on its own output');
  });
  const parse = time(rounds, () => parseAllDocuments(text).map((d) => d.toJS()));

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `${POLICIES} policies, ${(text.length / 1024 / 1024).toFixed(2)} MiB of YAML (median of ${rounds})`,
  );
  console.log(`toYaml                          ${ms(ours)}`);
  console.log(`yaml.stringify (same objects)   ${ms(plain)}`);
  console.log(`ratio toYaml / stringify        ${(ours / plain).toFixed(2)}x (target <= 1.5x)`);
  console.log(`fromYaml + validate             ${ms(read)}`);
  console.log(`yaml parseAllDocuments + toJS   ${ms(parse)}`);
  console.log(`ratio fromYaml / parse          ${(read / parse).toFixed(2)}x (target <= 3x)`);
}
