// validate() throughput on a synthetic set of 5,000 policies of the shapes real clusters use
// (pre-DNAT host policies, namespaced app policies with ports, nets and services, staged policies,
// untracked policies), and the cost of rejecting an invalid one.
import { validate } from '../src/validate/index.js';
import { fmt, measure, rng } from './measure.js';

const POLICIES = 5_000;

function makePolicies(random: () => number): Record<string, unknown>[] {
  const pick = (n: number) => Math.floor(random() * n);
  const rule = () => ({
    action: ['Allow', 'Deny', 'Pass', 'Log'][pick(4)],
    protocol: ['TCP', 'UDP', 6, 'SCTP'][pick(4)],
    source: {
      selector: `app == 'app-${pick(200)}' && role in {'frontend', 'backend'}`,
      nets: [`10.${pick(256)}.0.0/16`, `192.168.${pick(256)}.0/24`],
      ports: [pick(60000) + 1, `${1000 + pick(1000)}:${3000 + pick(1000)}`],
    },
    destination: { ports: ['http', 8080, '30000:32767'], notNets: [`172.16.${pick(256)}.0/24`] },
  });
  return Array.from({ length: POLICIES }, (_, i) => {
    switch (i % 4) {
      case 0:
        return {
          apiVersion: 'projectcalico.org/v3',
          kind: 'GlobalNetworkPolicy',
          metadata: { name: `host-${i}`, labels: { team: `t${pick(9)}` } },
          spec: {
            order: pick(2000),
            preDNAT: true,
            applyOnForward: true,
            selector: "ibm.role in {'worker_public', 'worker_private'}",
            ingress: [
              rule(),
              rule(),
              { action: 'Deny', protocol: 'TCP', destination: { ports: ['30000:32767'] } },
            ],
            types: ['Ingress'],
          },
        };
      case 1:
        return {
          apiVersion: 'projectcalico.org/v3',
          kind: 'NetworkPolicy',
          metadata: { name: `app-${i}`, namespace: `ns-${pick(50)}` },
          spec: {
            tier: 'security',
            order: 100 + pick(100),
            selector: `app == 'app-${pick(200)}'`,
            ingress: [rule(), rule(), rule()],
            egress: [
              rule(),
              { action: 'Allow', destination: { services: { name: 'kube-dns', namespace: 'kube-system' } } },
            ],
            types: ['Ingress', 'Egress'],
          },
        };
      case 2:
        return {
          apiVersion: 'projectcalico.org/v3',
          kind: 'StagedGlobalNetworkPolicy',
          metadata: { name: `security.staged-${i}` },
          spec: {
            stagedAction: 'Set',
            tier: 'security',
            order: pick(1000),
            namespaceSelector: `team == 't${pick(9)}'`,
            ingress: [
              rule(),
              { action: 'Allow', source: { namespaceSelector: 'global()', selector: "role == 'partner'" } },
            ],
            egress: [rule()],
          },
        };
      default:
        return {
          apiVersion: 'projectcalico.org/v3',
          kind: 'GlobalNetworkPolicy',
          metadata: { name: `untracked-${i}` },
          spec: {
            order: 10,
            doNotTrack: true,
            applyOnForward: true,
            selector: `has(node-role.kubernetes.io/worker) && zone == 'z${pick(3)}'`,
            ingress: [rule(), { action: 'Allow', protocol: 'ICMP', icmp: { type: 8 } }],
            egress: [rule(), { action: 'Allow', ipVersion: 6, destination: { nets: ['fd00::/8'] } }],
            types: ['Ingress', 'Egress'],
          },
        };
    }
  });
}

export function run(): void {
  const resources = makePolicies(rng(7));
  const bad = resources.map((r) => ({ ...r, metadata: { name: 'Bad_Name' } }));
  for (const r of resources) {
    const v = validate(r);
    if (!v.ok) throw new Error(`synthetic policy rejected: ${v.issues[0]?.message}`);
  }
  const good = measure(
    resources.length,
    () => {
      let n = 0;
      for (const r of resources) if (validate(r).ok) n++;
      return n;
    },
    500,
  );
  const invalid = measure(
    bad.length,
    () => {
      let n = 0;
      for (const r of bad) if (!validate(r).ok) n++;
      return n;
    },
    500,
  );
  const rules = resources.reduce((n, r) => {
    const spec = r.spec as { ingress?: unknown[]; egress?: unknown[] };
    return n + (spec.ingress?.length ?? 0) + (spec.egress?.length ?? 0);
  }, 0);
  console.log(`validate: ${POLICIES} policies (${rules} rules), ${fmt(good.rate)} policies/s`);
  console.log(
    `          ${fmt((good.rate * rules) / POLICIES)} rules/s; the whole set in ${((POLICIES / good.rate) * 1000).toFixed(0)} ms`,
  );
  console.log(
    `          invalid (bad name) ${fmt(invalid.rate)} policies/s, ratio invalid/valid ${(invalid.rate / good.rate).toFixed(2)}`,
  );
  if (good.sink < 0 || invalid.sink < 0) console.log('');
}
