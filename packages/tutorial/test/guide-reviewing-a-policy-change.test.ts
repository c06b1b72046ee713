// docs/reviewing-a-policy-change.md runs the CLI on the lesson-1 cluster (`cluster.yaml`) and
// lesson 2's `deny-nodeports.yaml`: its markdown block is what `diff --format markdown` prints, and
// each `# …` line under a command is the start of the line the command prints there.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main, nodeIo } from '@calico-dsl/cli';
import { toYaml } from '@calico-dsl/yaml';
import { describe, expect, it } from 'vitest';
import { clusterAfterLesson, TUTORIAL_DEFAULTS } from '../src/index.js';

const root = new URL('../../../', import.meta.url);
const guide = readFileSync(new URL('docs/reviewing-a-policy-change.md', root), 'utf8');

const dir = mkdtempSync(join(tmpdir(), 'calico-dsl-guide-'));
writeFileSync(join(dir, 'cluster.yaml'), toYaml(clusterAfterLesson(1, TUTORIAL_DEFAULTS)));
writeFileSync(
  join(dir, 'deny-nodeports.yaml'),
  readFileSync(new URL('apps/lesson-2-deny-nodeports/out/deny-nodeports.yaml', root), 'utf8'),
);

/** Runs `calico-dsl <args>` in `dir`; resolves with what it printed on stdout. */
async function cli(args: readonly string[]): Promise<string> {
  const base = nodeIo();
  const at = (p: string) => (p === '-' ? p : resolve(dir, p));
  const out: string[] = [];
  const io = {
    ...base,
    env: { PATH: process.env.PATH },
    stdout: { write: (t: string) => void out.push(t), isTTY: false },
    stderr: { write: () => undefined, isTTY: false },
    readFile: (p: string) => base.readFile(at(p)),
    realPath: (p: string) => base.realPath?.(at(p)) ?? Promise.resolve(at(p)),
  };
  await main(['node', 'calico-dsl', ...args], io);
  return out.join('');
}

/** The shell words of a guide command (single quotes only, as the guide writes them). */
const words = (line: string) => [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');

describe('docs/reviewing-a-policy-change.md', () => {
  it('shows what diff --format markdown prints', async () => {
    const command = 'calico-dsl diff cluster.yaml --after cluster.yaml deny-nodeports.yaml --format markdown';
    expect(guide).toContain(`\`\`\`sh\n${command}\n\`\`\``);
    const shown = /```markdown\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(shown).toBe(await cli(words(command).slice(1)));
  });

  const sessions = [
    ...guide.matchAll(/ *```sh\n((?: *calico-dsl [^\n]*\n(?: *# [^\n]*\n)+)+) *```/g),
  ].flatMap((m) =>
    (m[1] ?? '').split(/\n(?= *calico-dsl )/).map((part) => {
      const [command = '', ...comments] = part.trim().split('\n');
      return { command: command.trim(), printed: comments.map((c) => c.trim().replace(/^# /, '')) };
    }),
  );

  it('quotes the search and lint commands', () => {
    expect(sessions.map((s) => words(s.command).slice(1, 2).join(' '))).toEqual(['search', 'search', 'lint']);
  });

  it.each(sessions.map((s) => [s.command, s] as const))('%s', async (_command, s) => {
    const lines = (await cli(words(s.command).slice(1))).split('\n');
    s.printed.forEach((text, i) => {
      // A trailing `…` (and what follows it) abbreviates the rest of the line.
      const prefix = text.replace(/ ?….*$/, '');
      expect(lines[i]?.startsWith(prefix), `line ${i + 1}: ${lines[i]}`).toBe(true);
    });
  });
});
