// The root entry point is bundled by the playground, so everything it imports (its own modules and
// the workspace packages they use, followed transitively) must run in a browser: no `node:*` or
// Node built-in imports and no `process`. The pattern of the evaluator's purity test, applied to the
// import graph instead of one folder, since ./node and ./testing live beside the root entry.
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const packagesDir = resolve(import.meta.dirname, '..', '..');
const NODE_BUILTINS = new Set(builtinModules);
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const PROCESS = /\bprocess\s*\.\s*[A-Za-z_]/;

/** A workspace package's source file for `@calico-dsl/<pkg>[/<subpath>]` (its source condition). */
function workspaceEntry(specifier: string): string | undefined {
  const [, pkg, sub] = /^@calico-dsl\/([^/]+)(\/.*)?$/.exec(specifier) ?? [];
  if (pkg === undefined) return undefined;
  const dir = join(packagesDir, pkg);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    exports: Record<string, Record<string, string>>;
  };
  const target = manifest.exports[sub === undefined ? '.' : `.${sub}`]?.['@calico-dsl/source'];
  return target === undefined ? undefined : join(dir, target);
}

/** Every file reachable from `entry`, and what in them a browser cannot run. */
function nodeOnlyReachableFrom(entry: string): { files: string[]; problems: string[] } {
  const seen = new Set<string>();
  const problems: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const where = relative(packagesDir, file);
    if (PROCESS.test(text)) problems.push(`${where} uses process`);
    for (const m of text.matchAll(IMPORT)) {
      const specifier = m[1] ?? m[2] ?? '';
      if (specifier.startsWith('.')) {
        const base = resolve(dirname(file), specifier.replace(/\.js$/, ''));
        const next = [`${base}.ts`, join(base, 'index.ts')].find(existsSync);
        if (next === undefined) problems.push(`${where}: cannot resolve ${specifier}`);
        else visit(next);
      } else if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0] ?? '')) {
        problems.push(`${where} imports ${specifier}`);
      } else if (specifier.startsWith('@calico-dsl/')) {
        const next = workspaceEntry(specifier);
        if (next === undefined) problems.push(`${where}: ${specifier} is not a workspace entry point`);
        else visit(next);
      }
    }
  };
  visit(entry);
  return { files: [...seen], problems };
}

describe('browser safety', () => {
  it('the root entry point and everything it imports are browser-safe', () => {
    const { files, problems } = nodeOnlyReachableFrom(resolve(import.meta.dirname, '..', 'src', 'index.ts'));
    expect(problems).toEqual([]);
    // It did follow the graph into the library and the packages it builds on.
    expect(files.some((f) => f.includes(join('tutorial', 'src', 'simulate.ts')))).toBe(true);
    expect(files.some((f) => f.includes(join('evaluator', 'src')))).toBe(true);
  });

  it('finds the Node-only modules of ./node (so the check above can fail)', () => {
    const { problems } = nodeOnlyReachableFrom(resolve(import.meta.dirname, '..', 'src', 'node', 'index.ts'));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/node\/cli\.ts imports node:fs$/),
        expect.stringMatching(/node\/cli\.ts uses process$/),
        expect.stringMatching(/^calicoctl\/src\/.* imports node:child_process$/),
      ]),
    );
  });
});
