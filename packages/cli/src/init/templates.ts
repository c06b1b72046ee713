/**
 * The files `calico-dsl init` writes: a policies-as-code repository with the DSL, a vitest suite
 * using the testkit matchers, a CI workflow and a README. Kept as data so a test can type-check
 * exactly what users get.
 */

/**
 * One file of the scaffold: its path inside the new repository and its text.
 *
 * @example
 * ```ts
 * const f: ScaffoldFile = { path: 'README.md', text: '# network policies\n' };
 * ```
 */
export interface ScaffoldFile {
  readonly path: string;
  readonly text: string;
}

const POLICIES_TS = `// The cluster's Calico policies, written with the typed DSL. \`npm run synth\` writes one YAML file
// per exported resource into out/, which CI validates and calicoctl applies.
import { type GlobalNetworkSet, preDnat } from '@calico-dsl/core';

/** Block the node port range on public interfaces; load balancers keep working (pre-DNAT). */
export const denyNodeports = preDnat('deny-nodeports')
  .selector("ibm.role == 'worker_public'")
  .order(1100)
  .deny()
  .tcp()
  .ports('30000:32767');

/** Addresses no policy should let in (referenced by label from other policies). */
export const blocked: GlobalNetworkSet = {
  apiVersion: 'projectcalico.org/v3',
  kind: 'GlobalNetworkSet',
  metadata: { name: 'blocked', labels: { role: 'blocked' } },
  spec: { nets: ['203.0.113.0/24'] },
};
`;

const POLICIES_TEST_TS = `// What the policies must allow and deny, checked offline by the calico-dsl evaluator.
import '@calico-dsl/testkit/setup';
import { hostEndpoint } from '@calico-dsl/core';
import { namespace, node, pod, service, world } from '@calico-dsl/testkit';
import { describe, expect, it } from 'vitest';
import { blocked, denyNodeports } from './policies.js';

// A small model of the cluster: one worker with a public interface, one web pod behind a load balancer.
const cluster = [
  node('worker-1', { internalIP: '10.176.48.78', externalIP: '169.46.7.10' }),
  hostEndpoint('worker-1-public')
    .node('worker-1')
    .interfaceName('eth1')
    .expectedIPs('169.46.7.10')
    .labels({ 'ibm.role': 'worker_public' }),
  namespace('default'),
  pod('webserver-1', { ip: '172.30.10.5', node: 'worker-1', labels: { run: 'webserver' }, ports: [8080] }),
  service('webserver-lb', {
    selector: { run: 'webserver' },
    clusterIP: '172.21.10.10',
    loadBalancerIP: '169.46.10.20',
    ports: [{ port: 80, targetPort: 8080, nodePort: 31024 }],
  }),
];

describe('policies', () => {
  const w = world(cluster, denyNodeports, blocked);

  it('keeps the load balancer reachable from the internet', () => {
    expect(w).toAllow('tcp 198.51.100.7:40000 -> 169.46.10.20:80');
  });

  it('blocks node ports from the internet', () => {
    expect(w).toDeny('tcp 198.51.100.7:40000 -> 169.46.7.10:31024', { by: 'deny-nodeports' });
  });
});
`;

const TSCONFIG = `{
  "compilerOptions": {
    "target": "es2022",
    "module": "nodenext",
    "moduleResolution": "nodenext",
    "strict": true,
    "skipLibCheck": true,
    "noEmit": true
  },
  "include": ["*.ts"]
}
`;

const WORKFLOW = `# CI for the policies: synthesize, validate, check formatting, run the policy tests, and lint the
# result (calico-dsl lint/diff come with @calico-dsl/analysis; drop those steps if you do not use it).
name: policies
on:
  pull_request:
  push:
    branches: [main]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      - run: npm run synth
      # out/ is committed: what synth wrote, added or removed must be too (untracked files count).
      - run: git add --intent-to-add out/ && git diff --exit-code out/
      - run: npx calico-dsl validate -f out/ -R
      - run: npx calico-dsl fmt --check -f out/ -R
      - run: npm test
      - run: npx calico-dsl lint -f out/ -R
      - if: github.event_name == 'pull_request'
        run: npx calico-dsl diff --base origin/\${{ github.base_ref }} -f out/ -R
`;

const GITIGNORE = `node_modules/
`;

function packageJson(name: string, versions: ScaffoldVersions): string {
  const pkg = {
    name,
    private: true,
    type: 'module',
    description: 'Calico network policies as code',
    engines: { node: '>=20.19' },
    scripts: {
      synth: 'calico-dsl synth policies.ts -o out/ --prune',
      validate: 'calico-dsl validate -f out/ -R',
      'fmt:check': 'calico-dsl fmt --check -f out/ -R',
      test: 'vitest run',
      plan: 'calico-dsl plan -f out/ -R',
      apply: 'calico-dsl apply -f out/ -R',
    },
    devDependencies: {
      '@calico-dsl/cli': `^${versions.calicoDsl}`,
      '@calico-dsl/core': `^${versions.calicoDsl}`,
      '@calico-dsl/testkit': `^${versions.calicoDsl}`,
      tsx: '^4.20.0',
      typescript: '^5.9.0',
      vitest: '^4.0.0',
    },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function readme(name: string): string {
  return `# ${name}

Calico network policies as code with [calico-dsl](https://github.com/calico-dsl/calico-dsl):
written in TypeScript, tested offline, validated the way Calico does, applied with calicoctl.

\`\`\`sh
npm install
npm run synth        # policies.ts → out/*.yaml (type-checked first; stale files removed)
npm test             # what the policies allow and deny (policies.test.ts)
npm run validate     # Calico's own rules, file:line:column
npm run plan         # what calicoctl apply would change in the cluster
npm run apply
\`\`\`

- \`policies.ts\`: every exported builder or resource becomes one YAML file in \`out/\`.
- \`policies.test.ts\`: a small model of the cluster and the flows that must (not) get through.
- \`.github/workflows/policies.yml\`: CI runs synth, validate, \`fmt --check\`, the tests, and
  \`lint\` / \`diff\` when @calico-dsl/analysis is available.

To ask about one flow on your own cluster, save its objects (\`kubectl get nodes,pods,services,namespaces -A -o yaml > cluster.yaml\`),
then \`calico-dsl eval out/ cluster.yaml --flow 'tcp 198.51.100.7 -> 169.46.10.20:80'\` explains it;
\`calico-dsl --help\` lists every command.
`;
}

/**
 * The versions the scaffold's package.json asks for.
 *
 * @example
 * ```ts
 * const v: ScaffoldVersions = { calicoDsl: '0.1.0' };
 * ```
 */
export interface ScaffoldVersions {
  readonly calicoDsl: string;
}

/**
 * Every file of a new policies repository named `name`.
 *
 * @example
 * ```ts
 * scaffoldFiles('network-policies', { calicoDsl: '0.1.0' }).map((f) => f.path);
 * // ['package.json', 'tsconfig.json', 'policies.ts', 'policies.test.ts', '.github/workflows/policies.yml', 'README.md', '.gitignore']
 * ```
 */
export function scaffoldFiles(name: string, versions: ScaffoldVersions): ScaffoldFile[] {
  return [
    { path: 'package.json', text: packageJson(name, versions) },
    { path: 'tsconfig.json', text: TSCONFIG },
    { path: 'policies.ts', text: POLICIES_TS },
    { path: 'policies.test.ts', text: POLICIES_TEST_TS },
    { path: '.github/workflows/policies.yml', text: WORKFLOW },
    { path: 'README.md', text: readme(name) },
    { path: '.gitignore', text: GITIGNORE },
  ];
}
