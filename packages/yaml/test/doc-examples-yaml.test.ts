// The YAML that builder examples in core's TSDoc show is what toYaml prints for them (as Kysely's
// docs show the SQL a query builder generates): every @example whose comment shows a resource
// (`// apiVersion: projectcalico.org/v3`, or a Kubernetes apiVersion for ClusterNetworkPolicy and
// the admin network policies) is run and printed, and must print exactly that text. The IR
// types' examples show the builder call (or `validate`) that makes them, with the same check.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { toYaml } from '../src/index.js';

const CORE_SRC = fileURLToPath(new URL('../../core/src/', import.meta.url));

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts') && !entry.name.includes('.test')) yield path;
  }
}

interface YamlExample {
  readonly where: string;
  readonly code: string;
  readonly yaml: string;
}

/** The @example blocks that show a resource as YAML: the code before the comment, the YAML in it. */
function yamlExamples(): YamlExample[] {
  const out: YamlExample[] = [];
  for (const file of sourceFiles(CORE_SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/@example[^\n]*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g)) {
      const lines = (m[1] ?? '').split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
      const start = lines.findIndex((l) => l.startsWith('// apiVersion: '));
      if (start < 0) continue;
      const code = lines.slice(0, start).join('\n').trim().replace(/;$/, '');
      const yaml = `${lines
        .slice(start)
        .map((l) => l.replace(/^\/\/ ?/, ''))
        .join('\n')}\n`;
      out.push({ where: `${file.slice(CORE_SRC.length)}: ${code.split('\n')[0]}`, code, yaml });
    }
  }
  return out;
}

const examples = yamlExamples();
const names = Object.keys(core);
const values = names.map((n) => (core as Record<string, unknown>)[n]);

describe('builder examples show the YAML they emit', () => {
  it('finds the examples (builders and IR types show their YAML)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(45);
  });

  it.each(examples.map((e) => [e.where, e] as const))('%s', (_where, example) => {
    // The example is one expression over core's exports (plain JavaScript, no type syntax).
    const run = new Function(...names, `return (${example.code});`) as (...args: unknown[]) => unknown;
    const resource = run(...values);
    expect(toYaml(resource as core.CalicoResource)).toBe(example.yaml);
  });
});
