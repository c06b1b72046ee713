import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Flow } from '../../src/index.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'eval');

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

/** Every scenario folder under test/fixtures/eval. */
export function scenarios(): Scenario[] {
  return readdirSync(FIXTURES)
    .filter((d) => statSync(join(FIXTURES, d)).isDirectory())
    .sort()
    .map((name) => {
      const flows = JSON.parse(readFileSync(join(FIXTURES, name, 'flows.json'), 'utf8'));
      return {
        name,
        worldText: readFileSync(join(FIXTURES, name, 'world.yaml'), 'utf8'),
        about: flows.about,
        flows: flows.flows,
      };
    });
}

/** Plain YAML parse (no validation): the world as plain objects. */
export function parseWorld(text: string): unknown[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS())
    .filter((d) => d !== null && d !== undefined);
}
