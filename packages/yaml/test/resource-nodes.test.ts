import { describe, expect, it } from 'vitest';
import { fromYaml, nodeLine, resourceNodes } from '../src/index.js';

const names = (text: string) =>
  resourceNodes(text).nodes.map((n) => String(n.getIn(['metadata', 'name']) ?? '(none)'));

describe('resourceNodes', () => {
  it('flattens documents, <Kind>List items, v1 Lists and a top-level list as fromYaml does', () => {
    const text = [
      'apiVersion: projectcalico.org/v3',
      'kind: Tier',
      'metadata: {name: a}',
      '---',
      'apiVersion: projectcalico.org/v3',
      'kind: TierList',
      'items:',
      '- metadata: {name: b}',
      '- metadata: {name: c}',
      '---',
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- {apiVersion: projectcalico.org/v3, kind: Tier, metadata: {name: d}}',
      '---',
      '- {apiVersion: projectcalico.org/v3, kind: Tier, metadata: {name: e}}',
      '',
    ].join('\n');
    expect(names(text)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const read = fromYaml(text);
    expect(read.ok && read.value.map((r) => r.metadata.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const { nodes, lines } = resourceNodes(text);
    expect(nodes.map((n) => nodeLine(n, lines))).toEqual([1, 8, 9, 14, 16]);
  });

  it('keeps a kind ending in List without items as a resource of its own', () => {
    expect(names('kind: AllowList\nmetadata: {name: x}\n')).toEqual(['x']);
  });

  it('never throws: broken, too deep or empty text gives what it can', () => {
    expect(names('kind: Tier\nmetadata: {name: a}\n---\nkind: [\n::: {')[0]).toBe('a');
    expect(resourceNodes(`${'['.repeat(100_000)}`).nodes).toEqual([]);
    expect(resourceNodes('').nodes).toEqual([]);
  });
});
