// The playground is an app on top of library packages: it never imports another app, nor a
// library's Node-only or test entry points (vite.config.ts also fails the build on a Node built-in).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?\s*['"]([^'"]+)['"]/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('playground imports', () => {
  it('imports library packages only: no app, no ./node or ./testing entry point, no Node built-in', () => {
    const imports = sources(src).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => `${relative(src, file)}: ${m[1]}`),
    );
    expect(imports.some((i) => i.endsWith(': @calico-dsl/tutorial'))).toBe(true);
    const wrong = imports.filter((i) =>
      /: (node:|@calico-dsl\/(lesson-|playground)|@calico-dsl\/[^/]+\/(node|testing)$|(\.\.\/){2,})/.test(i),
    );
    expect(wrong).toEqual([]);
  });
});
