import { describe, expect, it } from 'vitest';
import { createAliasBudget, fromYaml } from '../src/index.js';

/** A Pod document whose aliases expand to `copies` × (`items` + 1) nodes. */
function pod(i: number, items: number, copies: number): string {
  const list = Array.from({ length: items }, () => 1).join(',');
  const aliases = Array.from({ length: copies }, () => '*a').join(',');
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: default}\nspec:\n  containers:\n  - name: c\n    values: &a [${list}]\n    copies: [${aliases}]\n`;
}

describe('the alias budget', () => {
  it('counts expansion over the whole stream, not per document, and stops reading there', () => {
    // Each document expands 49 × 1001 = 49,049 nodes: fine alone, too much from the third on.
    const docs = Array.from({ length: 50 }, (_, i) => pod(i, 1000, 49));
    expect(fromYaml(docs[0] ?? '').ok).toBe(true);
    const r = fromYaml(docs.join('---\n'));
    // The third document (lines 19-26) is where the stream goes past 100,000: the issue points at
    // the alias whose expansion went over.
    expect(!r.ok && r.issues).toEqual([
      expect.objectContaining({
        code: 'alias_limit',
        document: 2,
        line: 26,
        column: 17,
        path: ['spec', 'containers', 0, 'copies', 1],
        message: expect.stringContaining('*a went past it'),
      }),
    ]);
  });

  it('is shared by every input read with the same budget', () => {
    const budget = createAliasBudget(60_000);
    expect(fromYaml(pod(1, 1000, 49), { budget }).ok).toBe(true);
    expect(budget.used).toBe(49 * 1001);
    const second = fromYaml(pod(2, 1000, 49), { budget });
    expect(!second.ok && second.issues.map((i) => i.code)).toEqual(['alias_limit']);
    expect(!second.ok && second.issues[0]?.message).toContain('more than 60000 nodes');
    // Input without aliases still reads once the budget is spent.
    expect(fromYaml('apiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n', { budget }).ok).toBe(true);
  });

  it('without a shared budget, each call has its own maxAliasNodes', () => {
    expect(fromYaml(pod(1, 1000, 49), { maxAliasNodes: 50_000 }).ok).toBe(true);
    expect(fromYaml(pod(1, 1000, 49), { maxAliasNodes: 50_000 }).ok).toBe(true);
    expect(fromYaml(pod(1, 1000, 49), { maxAliasNodes: 40_000 }).ok).toBe(false);
  });

  it('refuses 4000 documents that each expand to ~99k nodes quickly', () => {
    const text = Array.from({ length: 4000 }, (_, i) => pod(i, 1000, 98)).join('---\n');
    const r = fromYaml(text);
    expect(!r.ok && r.issues).toEqual([expect.objectContaining({ code: 'alias_limit', document: 1 })]);
  }, 60_000);
});
