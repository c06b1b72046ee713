// The YAML the READMEs and guides show is what toYaml prints, byte for byte: calicoctl's field
// order and its un-indented sequences (`- action: Deny` under `ingress:`), so a reader who copies
// a block gets exactly what the tools emit. Blocks with comments are annotated excerpts and
// fragments do not parse as resources; both are skipped. The playground's README shows manifests
// as a user types them (flow style), not output, so it is left out.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromYaml, toYaml } from '../src/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function markdownFiles(): string[] {
  const inFolder = (dir: string, name = (n: string) => n.endsWith('.md')) =>
    readdirSync(join(ROOT, dir))
      .filter(name)
      .map((n) => join(dir, n));
  const readmes = (dir: string) =>
    readdirSync(join(ROOT, dir), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'playground')
      .map((e) => join(dir, e.name, 'README.md'));
  return ['README.md', ...inFolder('docs'), ...readmes('packages'), ...readmes('apps')];
}

/** Each ```yaml block of a Markdown file, without the indentation of its fence (blocks in lists). */
function yamlBlocks(text: string): { line: number; body: string }[] {
  return [...text.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```/gm)].map((m) => ({
    line: text.slice(0, m.index).split('\n').length,
    body: (m[2] ?? '')
      .split('\n')
      .map((l) => l.slice((m[1] ?? '').length))
      .join('\n'),
  }));
}

const cases = markdownFiles().flatMap((file) =>
  yamlBlocks(readFileSync(join(ROOT, file), 'utf8'))
    .filter(({ body }) => !body.includes('#'))
    .flatMap(({ line, body }) => {
      const parsed = fromYaml(body);
      return parsed.ok ? [[`${file}:${line}`, body, parsed.value] as const] : [];
    }),
);

describe('YAML shown in Markdown', () => {
  it('finds the blocks (READMEs, guides, lesson apps)', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases)('%s is what toYaml prints', (_where, body, resources) => {
    expect(body).toBe(toYaml(resources));
  });
});
