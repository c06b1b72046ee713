import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fromYaml } from '@calico-dsl/yaml';
import type { Flow } from '../../src/index.js';

/** The scenario sets: `eval`, and the Felix FV conversions `felix-fv` and `felix-fv-extra` (see their NOTICE.md). */
export const FIXTURE_ROOT = join(import.meta.dirname, '..', 'fixtures');
export const FIXTURES = join(FIXTURE_ROOT, 'eval');

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
