// The values core's TSDoc examples claim are the values the code returns: every example line of
// the form `expression; // value` (optionally `const name: Type = expression; // value`) whose
// expression uses only core's exports and whose value is a literal is run, and must equal the
// claim. (The YAML that builder examples claim is checked in packages/yaml/test.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts') && !entry.name.includes('.test')) yield path;
  }
}

const names = Object.keys(core);
const values = names.map((n) => (core as Record<string, unknown>)[n]);
/** A claimed value is a literal (not prose such as `// ok` or `// issues stays []`). */
const LITERAL = /^(?:[[{'"\d-]|true\b|false\b|null\b|undefined\b)/;
/** A note in parentheses after the value: `// false (uppercase)`. */
const NOTE = /\s+\([^()]*\)\s*$/;

interface Claim {
  readonly where: string;
  readonly expression: string;
  readonly value: string;
}

/** Compiles `source` as a function of core's exports, or `undefined` when it is not plain JavaScript. */
function compile(source: string): ((...args: unknown[]) => unknown) | undefined {
  try {
    return new Function(...names, `return (${source});`) as (...args: unknown[]) => unknown;
  } catch {
    return undefined;
  }
}

function claims(): Claim[] {
  const out: Claim[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/@example[^\n]*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g)) {
      for (const raw of (m[1] ?? '').split('\n')) {
        const line = raw.replace(/^\s*\* ?/, '');
        const parts = /^(?:const \w+(?::[^=]+)? = )?(.*?);\s*\/\/\s*(.+)$/.exec(line);
        if (!parts) continue;
        const [, expression = '', claimed = ''] = parts;
        const value = claimed.replace(NOTE, '');
        if (!LITERAL.test(value)) continue;
        out.push({ where: `${file.slice(SRC.length)}: ${expression}`, expression, value });
      }
    }
  }
  return out;
}

// Lines whose expression needs the lines before it (a variable of the example) cannot run alone.
const runnable = claims().filter((c) => {
  const run = compile(c.expression);
  if (run === undefined || compile(c.value) === undefined) return false;
  try {
    run(...values);
    return true;
  } catch (e) {
    return !(e instanceof ReferenceError);
  }
});

describe('examples show the values the code returns', () => {
  it('finds the examples (IR types show how their values are made)', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(150);
  });

  it.each(runnable.map((c) => [c.where, c] as const))('%s', (_where, claim) => {
    const actual = compile(claim.expression)?.(...values);
    const claimed = compile(claim.value)?.(...values);
    expect(actual).toEqual(claimed);
  });
});
