import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fromYaml } from '@calico-dsl/yaml';
import type { CalicoVersion, Flow } from '../../src/index.js';

/** Where the scenario sets are (see {@link SCENARIO_SETS}). */
export const FIXTURE_ROOT = join(import.meta.dirname, '..', 'fixtures');
export const FIXTURES = join(FIXTURE_ROOT, 'eval');

/**
 * The scenario sets under {@link FIXTURE_ROOT}: shared/conformance/eval, its Felix FV conversions
 * (`felix-fv`), the FV states that set leaves out (`felix-fv-extra`), more FV files
 * (`felix-fv-more`, `felix-fv-flowlogs`, `felix-fv-routing`, `felix-fv-vxlan`,
 * `felix-fv-wireguard`), more FV files and the converted states re-run with FV's IP pools,
 * tunnel and CrossSubnet configurations (`felix-fv-variants`), with the ClusterNetworkPolicy cases in `cnp/`, the Kubernetes
 * network-policy-api ClusterNetworkPolicy conformance tests (`npa-conformance`), the same suite's
 * v0.1.5 AdminNetworkPolicy / BaselineAdminNetworkPolicy (v1alpha1) tests, evaluated as Calico
 * v3.31 (`npa-conformance-v1alpha1`), and the Kubernetes NetworkPolicy e2e tests of
 * kubernetes/kubernetes `test/e2e/network/netpol` (`k8s-netpol-e2e`), and Project Calico's own
 * policy, networking and host endpoint e2e tests (`e2e/pkg/tests/policy`: `calico-e2e-policy`;
 * `e2e/pkg/tests/networking` and `hostendpoints`: `calico-e2e-networking`), and cases derived from
 * Felix's own rules where no test states them (natOutgoing, the tunnels' static rules:
 * `felix-source`).
 * The NOTICE.md of each says where its expectations come from.
 */
export const SCENARIO_SETS = [
  'eval',
  'felix-fv',
  'felix-fv/cnp',
  'felix-fv-extra',
  'felix-fv-extra/cnp',
  'felix-fv-more',
  'felix-fv-flowlogs',
  'felix-fv-routing',
  'felix-fv-vxlan',
  'felix-fv-wireguard',
  'felix-fv-variants',
  'npa-conformance',
  'npa-conformance-v1alpha1',
  'k8s-netpol-e2e',
  'calico-e2e-policy',
  'calico-e2e-networking',
  'felix-source',
] as const;

export interface ScenarioCase {
  readonly flow: Flow;
  readonly verdict: 'Allow' | 'Deny' | 'Mixed';
  readonly decidedBy: string | null;
  readonly why: string;
}

export interface Scenario {
  readonly name: string;
  readonly worldText: string;
  readonly about: string;
  readonly flows: readonly ScenarioCase[];
  /** `World.from` options the world needs (flows.json `options`, e.g. `{ calicoVersion: 'v3.31' }`). */
  readonly options: { readonly calicoVersion?: CalicoVersion };
}

/** Every scenario folder (one with a `flows.json`) directly under `dir` (test/fixtures/eval by default). */
export function scenarios(dir: string = FIXTURES): Scenario[] {
  return readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory() && existsSync(join(dir, d, 'flows.json')))
    .sort()
    .map((name) => {
      const flows = JSON.parse(readFileSync(join(dir, name, 'flows.json'), 'utf8'));
      return {
        name,
        worldText: readFileSync(join(dir, name, 'world.yaml'), 'utf8'),
        about: flows.about,
        flows: flows.flows,
        options: flows.options ?? {},
      };
    });
}

/** The world as `fromYaml` returns it (what the acceptance check feeds to `World.from`). */
export function parseWorld(text: string): unknown[] {
  const parsed = fromYaml(text);
  if (!parsed.ok)
    throw new Error(
      `fromYaml failed: ${parsed.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.value as unknown[];
}
