import { type ValidResource, validate } from '@calico-dsl/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromYaml, toJson, toYaml } from '../src/index.js';
import { validResource } from './arbitraries.js';
import { ONE_OF_EVERY_KIND, TUTORIAL } from './fixtures/resources.js';
import validation from './fixtures/validation.json' with { type: 'json' };

interface Row {
  readonly name: string;
  readonly valid: boolean;
  readonly resource: unknown;
}

/** The resource as validate returns it: the canonical form fromYaml(toYaml(x)) must reproduce. */
function validated(resource: unknown): ValidResource {
  const result = validate(structuredClone(resource));
  if (!result.ok) throw new Error(`fixture rejected by validate: ${JSON.stringify(result.issues[0])}`);
  return result.value;
}

describe('fromYaml(toYaml(x)) = x', () => {
  const rows = (validation as readonly Row[]).filter((row) => row.valid);
  it.each(rows.map((row) => [row.name, row] as const))('conformance row: %s', (_name, row) => {
    const x = validated(row.resource);
    const text = toYaml(x);
    expect(text).not.toContain('crd.projectcalico.org');
    expect(toYaml(x)).toBe(text);
    expect(fromYaml(text)).toEqual({ ok: true, value: [x] });
    expect(fromYaml(toJson(x))).toEqual({ ok: true, value: [x] });
  });

  it('tutorial policies and one of every kind, as one stream and as a List', () => {
    const all = [...Object.values(TUTORIAL), ...Object.values(ONE_OF_EVERY_KIND)].map(validated);
    expect(fromYaml(toYaml(all))).toEqual({ ok: true, value: all });
    expect(fromYaml(toYaml(all, { list: true }))).toEqual({ ok: true, value: all });
  });

  it('property: generated valid resources', () => {
    fc.assert(
      fc.property(fc.array(validResource, { minLength: 1, maxLength: 4 }), (resources) => {
        const xs = resources.map(validated);
        expect(fromYaml(toYaml(xs))).toEqual({ ok: true, value: xs });
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('printer quoting', () => {
  it('property: any string keys and values survive toYaml and toJson (Kubernetes annotations)', () => {
    const key = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
      .filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
    const value = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(
        'yes',
        'on',
        'no',
        'null',
        '~',
        '1_000',
        '0777',
        '30000:32767',
        '1:30',
        '.inf',
        ' lead',
        'trail ',
        'a: b',
        '# c',
        '- d',
        '!e',
        '&f',
        '*g',
        '"',
        "'",
        '\n',
        'x\ny\n',
        '',
        '0x1F',
        '1e3',
        '-',
        '---',
        '...',
      ),
    );
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), (annotations) => {
        const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev', annotations } } as const;
        expect(fromYaml(toYaml(ns))).toEqual({ ok: true, value: [ns] });
        expect(fromYaml(toJson(ns))).toEqual({ ok: true, value: [ns] });
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});

describe('fromYaml validates Calico kinds', () => {
  it('puts a bad port on its line and column', () => {
    const text =
      'apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n  name: badport\nspec:\n  ingress:\n  - action: Allow\n    protocol: TCP\n    destination:\n      ports: [80, 70000]\n';
    const r = fromYaml(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const issue = r.issues.find((i) => i.path.join('.').startsWith('spec.ingress.0.destination.ports'));
      expect(issue).toMatchObject({ line: 10, column: 19, document: 0 });
    }
  });

  it('prefixes paths of List items and locates them', () => {
    const text = `apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicyList
items:
- metadata: {name: ok}
  spec: {selector: all()}
- metadata: {name: bad}
  spec:
    ingress:
    - action: Maybe
`;
    const r = fromYaml(text);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0]).toMatchObject({
        path: ['items', 1, 'spec', 'ingress', 0, 'action'],
        line: 9,
        document: 0,
      });
  });
});
