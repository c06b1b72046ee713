import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fromYaml } from '../src/index.js';

const HEAD = 'apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n  name: allow-web\n';

function only(text: string) {
  const r = fromYaml(text);
  expect(r.ok).toBe(false);
  const issues = r.ok ? [] : r.issues;
  expect(issues).toHaveLength(1);
  return issues[0];
}

describe('messages for indentation mistakes', () => {
  it('a key indented one space too far under a rule', () => {
    const text = `${HEAD}spec:\n  ingress:\n  - action: Allow\n    protocol: TCP\n     destination:\n      ports: [80]\n`;
    expect(only(text)).toEqual({
      code: 'yaml_syntax',
      path: ['spec', 'ingress', 0],
      message:
        'line 9 is indented 5 spaces, more than line 8 (`protocol: TCP`), which already has a value: YAML reads `destination` as part of that value. Indent `destination` 4 spaces to make it a field of spec.ingress[0], like `protocol` on line 8',
      line: 9,
      column: 6,
      document: 0,
    });
  });

  it('a top-level key indented by one space', () => {
    const issue = only(`${HEAD} spec:\n  selector: all()\n`);
    expect(issue).toMatchObject({ path: [], line: 5, column: 2 });
    expect(issue?.message).toBe(
      'line 5 is indented 1 space, which lines up with no block around it; indent it 0 spaces (like `metadata` on line 3) or 2 spaces (like `name` on line 4)',
    );
  });

  it('a rule field at the column of the list items', () => {
    const issue = only(`${HEAD}spec:\n  ingress:\n    - action: Allow\n    protocol: TCP\n`);
    expect(issue).toMatchObject({ path: ['spec', 'ingress'], line: 8, column: 5 });
    expect(issue?.message).toBe(
      'line 8: `protocol` is indented 4 spaces, the column of the `- ` items of spec.ingress, but it is not an item; indent it 6 spaces, like `action` on line 7, to make it a field of spec.ingress[0], or indent it 2 spaces, like `ingress` on line 6, to make it a field of spec',
    );
  });

  it('a mistake in the second document is placed in it', () => {
    const issue = only(
      `${HEAD}spec:\n  selector: all()\n---\n${HEAD}spec:\n  selector: all()\n  types:\n  - Ingress\n   order: 10\n`,
    );
    expect(issue).toMatchObject({ document: 1, line: 16, column: 4, path: ['spec'] });
    expect(issue?.message).toBe(
      'line 16 is indented 3 spaces, more than line 15 (`- Ingress`), which already has a value: YAML reads `order` as part of that value. Indent `order` 2 spaces to make it a field of spec, like `types` on line 14',
    );
  });

  it('keeps the parser message where the structure is not simple block YAML', () => {
    const r = fromYaml('a: [1,\n  2]\nb: c\n  d: e\n');
    expect(!r.ok && r.issues[0]).toMatchObject({
      code: 'yaml_syntax',
      line: 3,
      message: 'Nested mappings are not allowed in compact mappings',
    });
  });
});

describe('did you mean, for fields', () => {
  it('a misspelt FelixConfiguration field is placed and named, as calicoctl rejects it', () => {
    const r = fromYaml(
      'apiVersion: projectcalico.org/v3\nkind: FelixConfiguration\nmetadata:\n  name: default\nspec:\n  logSeverityScren: Debug\n',
    );
    expect(r.ok).toBe(false);
    const issue = r.ok ? undefined : r.issues[0];
    expect(issue?.code).toBe('unknown_field');
    expect(issue?.path).toEqual(['spec', 'logSeverityScren']);
    expect(issue?.line).toBe(6);
    expect(issue?.message).toContain('did you mean "logSeverityScreen"?');
  });
});

describe('did you mean, for kinds', () => {
  it.each([
    ['projectcalico.org/v3', 'GlobalNetworkPolcy', 'GlobalNetworkPolicy'],
    ['projectcalico.org/v3', 'NetworkPolcy', 'NetworkPolicy'],
    ['projectcalico.org/v3', 'globalnetworkpolicy', 'GlobalNetworkPolicy'],
    ['projectcalico.org/v3', 'Teir', 'Tier'],
    ['projectcalico.org/v3', 'HostEndPoint', 'HostEndpoint'],
    ['networking.k8s.io/v1', 'NetworkPolicies', 'NetworkPolicy'],
    ['v1', 'Pods', 'Pod'],
    ['v1', 'Namespce', 'Namespace'],
  ])('%s %s → %s', (apiVersion, kind, wanted) => {
    const issue = only(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n`);
    expect(issue).toMatchObject({ code: 'unknown_kind', path: ['kind'], line: 2 });
    expect(issue?.message).toContain(`did you mean ${wanted}?`);
  });

  it('names the apiVersion when the closest kind needs another one', () => {
    const issue = only('apiVersion: example.com/v1\nkind: GlobalNetworkPolcy\nmetadata:\n  name: x\n');
    expect(issue?.message).toContain(
      'did you mean GlobalNetworkPolicy? (with apiVersion: projectcalico.org/v3)',
    );
  });

  it('suggests nothing for kinds that are not near a supported one', () => {
    const issue = only('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n');
    expect(issue?.message).not.toContain('did you mean');
    expect(
      only('apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata:\n  name: x\n')?.message,
    ).not.toContain('did you mean');
  });
});

describe('indentation messages on generated manifests', () => {
  it('property: a line moved by one space is the line the message names', () => {
    const word = fc.constantFrom('a', 'b', 'name', 'ports', 'x-y', 'selector', 'TCP', '80', 'all()');
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        word,
        fc.array(tie('value'), { minLength: 1, maxLength: 3 }),
        fc.dictionary(word, tie('value'), { minKeys: 1, maxKeys: 3 }),
      ),
    }));
    const doc = fc.dictionary(word, value, { minKeys: 2, maxKeys: 4 });
    fc.assert(
      fc.property(doc, fc.boolean(), fc.nat(), fc.constantFrom(-1, 1), (data, indentSeq, pick, shift) => {
        const lines = stringify(data, { indentSeq }).trimEnd().split('\n');
        const index = pick % lines.length;
        const line = lines[index] ?? '';
        if (shift < 0 && !line.startsWith(' ')) return;
        lines[index] = shift > 0 ? ` ${line}` : line.slice(1);
        const r = fromYaml(`${lines.join('\n')}\n`);
        const named = r.ok ? [] : r.issues.filter((i) => /^line \d+/.test(i.message));
        // The moved line, or a later one when the moved line is fine alone (a block moved as a
        // whole by its first line) and a line after it no longer lines up; never a line before it.
        for (const issue of named) {
          expect(issue.line ?? 0).toBeGreaterThanOrEqual(index + 1);
          expect(issue.message.startsWith(`line ${issue.line ?? 0}`)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});
