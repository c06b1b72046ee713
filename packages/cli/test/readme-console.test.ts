// The README's console sessions are what the CLI prints: each `$ npx calico-dsl …` whose files are
// test fixtures (or files the README itself shows, `// policies.ts — …`) runs in a copy of them, and
// its output must be the lines the README shows under it.
import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from './run-cli.js';

interface Session {
  readonly args: string[];
  readonly output: string;
  /** The exit status the README shows with `echo $?`, if it does. */
  readonly status: number | undefined;
}

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** `$ npx calico-dsl …` lines of the console blocks, each with the lines printed under it. */
function sessions(markdown: string): Session[] {
  const out: Session[] = [];
  for (const block of markdown.matchAll(/```console\n([\s\S]*?)```/g)) {
    const lines = (block[1] ?? '').replace(/\n$/, '').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const command = /^\$ npx calico-dsl (.*)$/.exec(lines[i] ?? '')?.[1];
      if (command === undefined) continue;
      let end = i + 1;
      while (end < lines.length && !(lines[end] ?? '').startsWith('$ ')) end++;
      const printed = lines.slice(i + 1, end).join('\n');
      const status = lines[end] === '$ echo $?' ? Number(lines[end + 1]) : undefined;
      out.push({ args: words(command), output: printed === '' ? '' : `${printed}\n`, status });
    }
  }
  return out;
}

/** The shell words of a README command line (single quotes only, as the README writes them). */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

/** The files the README shows in full: code blocks that start with `// <file> — …`. */
const shownFiles = new Map(
  [...readme.matchAll(/```ts\n\/\/ (\S+\.ts) — [^\n]*\n([\s\S]*?)```/g)].map((m) => [
    m[1] ?? '',
    m[0].slice(6, -3),
  ]),
);

/** Commands on files the fixtures or the README hold, with no redirection and no elided output (`...`). */
const runnable = (s: Session) =>
  !s.args.includes('>') &&
  !/^\s*\.\.\.$/m.test(s.output) &&
  s.args.every(
    (a) =>
      a.startsWith('-') ||
      !/\.(ya?ml|ts|json)$/.test(a) ||
      shownFiles.has(a) ||
      existsSync(join(FIXTURES, a)),
  );

/** A folder with the fixtures, the README's files over them, and the workspace's packages. */
function sessionDir(): string {
  const dir = tempDir();
  cpSync(FIXTURES, dir, { recursive: true });
  for (const [name, text] of shownFiles) writeFileSync(join(dir, name), text);
  symlinkSync(new URL('../../../node_modules', import.meta.url), join(dir, 'node_modules'));
  return dir;
}

describe('README console sessions', () => {
  const all = sessions(readme);
  const run = all.filter(runnable);

  it('covers the commands whose files are fixtures', () => {
    expect(run.map((s) => s.args.slice(0, 2).join(' '))).toEqual([
      'synth policies.ts',
      'synth policies.ts',
      'validate invalid.yaml',
      'eval world.yaml',
      'explain world.yaml',
      'matrix matrix-world.yaml',
      'matrix matrix-world.yaml',
      'matrix world.yaml',
      'diff world.yaml',
      'diff world.yaml',
      'search world.yaml',
      'init network-policies',
    ]);
  });

  it.each(run.map((s) => [s.args.join(' '), s] as const))('$ npx calico-dsl %s', (_line, s) => {
    const r = runCli(s.args, { cwd: sessionDir() });
    expect(r.stdout).toBe(s.output);
    expect(r.code).toBe(s.status ?? 0);
  });
});
