import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScalar, parse, parseDocument, visit } from 'yaml';
import { fromYaml, toYaml } from '../src/index.js';
import { goYamlResolve } from '../src/yaml11.js';

// What go-yaml v2's resolve.go (with Go's strconv) makes of plain scalars.
const GO_YAML_V2: [string, ReturnType<typeof goYamlResolve>][] = [
  ['017', { type: 'int', value: 15 }],
  ['-017', { type: 'int', value: -15 }],
  ['0_17', { type: 'int', value: 15 }],
  ['08', { type: 'float', value: 8 }],
  ['0x1F', { type: 'int', value: 31 }],
  ['0X1F', { type: 'int', value: 31 }],
  ['+0x1F', { type: 'int', value: 31 }],
  ['0o17', { type: 'int', value: 15 }],
  ['0O17', { type: 'int', value: 15 }],
  ['0b101', { type: 'int', value: 5 }],
  ['-0b101', { type: 'int', value: -5 }],
  ['1_000', { type: 'int', value: 1000 }],
  ['18446744073709551615', { type: 'int', value: Number(18446744073709551615n) }], // ParseUint
  ['1e3', { type: 'float', value: 1000 }],
  ['1_0.5', { type: 'float', value: 10.5 }],
  ['.5', { type: 'float', value: 0.5 }],
  ['-.inf', { type: 'float', value: -Infinity }],
  ['y', { type: 'bool', value: true }],
  ['Yes', { type: 'bool', value: true }],
  ['ON', { type: 'bool', value: true }],
  ['n', { type: 'bool', value: false }],
  ['off', { type: 'bool', value: false }],
  ['oN', { type: 'string', value: 'oN' }],
  ['~', { type: 'null', value: null }],
  ['', { type: 'null', value: null }],
  ['1:20', { type: 'string', value: '1:20' }], // go-yaml v2 does not read sexagesimal
  ['30000:32767', { type: 'string', value: '30000:32767' }],
  ['2001-12-14', { type: 'string', value: '2001-12-14' }], // timestamps stay strings in untyped data
  ['0x', { type: 'string', value: '0x' }],
  ['0b102', { type: 'string', value: '0b102' }],
  ['TCP', { type: 'string', value: 'TCP' }],
];

const gnp = (ports: string) =>
  `apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n  name: e\nspec:\n  selector: all()\n  ingress:\n    - action: Allow\n      protocol: TCP\n      destination:\n        ports: ${ports}\n`;

describe('YAML 1.1 (calicoctl, kubectl) against YAML 1.2 (fromYaml)', () => {
  it.each(GO_YAML_V2)('go-yaml v2 reads %j as %j', (plain, want) => {
    expect(goYamlResolve(plain)).toEqual(want);
  });

  it('reports a port written 017 (15 for calicoctl) with line, column and the fix', () => {
    const r = fromYaml(gnp('[017]'));
    expect(!r.ok && r.issues).toEqual([
      {
        code: 'ambiguous_scalar',
        path: ['spec', 'ingress', 0, 'destination', 'ports', 0],
        message: expect.stringMatching(
          /^017 is 17 in YAML 1\.2 but the number 15 for calicoctl .*octal.*write 17/,
        ),
        line: 11,
        column: 17,
        document: 0,
      },
    ]);
    expect(fromYaml(gnp('[17, 0x1F, 0o17]')).ok).toBe(true); // the same numbers in both
  });

  it.each([
    [
      'a name that is a boolean there',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: on\n',
      ['metadata', 'name'],
    ],
    [
      'a label value',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n  labels: {enabled: yes}\n',
      ['metadata', 'labels', 'enabled'],
    ],
    [
      'a key',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n  labels:\n    y: a\n',
      ['metadata', 'labels', 'y'],
    ],
    [
      'an underscored number',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n  annotations: {size: 1_000}\n',
      ['metadata', 'annotations', 'size'],
    ],
  ])('reports %s', (_name, text, path) => {
    const r = fromYaml(text);
    expect(!r.ok && r.issues.map((i) => [i.code, i.path])).toEqual([['ambiguous_scalar', path]]);
  });

  it('says when the ambiguous scalar is a key', () => {
    const r = fromYaml('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n  labels:\n    on: a\n');
    expect(!r.ok && r.issues[0]?.message).toMatch(
      /^the key on is the string "on" in YAML 1\.2 but the boolean true/,
    );
  });

  it('leaves quoted, tagged and unambiguous scalars alone', () => {
    const text =
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: "on"\n  labels: {a: "yes", b: !!str 017, c: "1_000", d: 1:20}\n';
    expect(fromYaml(text).ok).toBe(true);
  });

  const tricky = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.stringMatching(/^[-+]?(0[xXoObB]?)?[0-9a-fA-F_:.eE]{0,8}$/),
    fc.constantFrom(
      'y',
      'Y',
      'n',
      'N',
      'yes',
      'No',
      'on',
      'OFF',
      'True',
      '~',
      'null',
      '.inf',
      '-.Inf',
      '.NaN',
    ),
    fc.constantFrom('017', '0X1F', '0O17', '0B101', '1_000', '1:20', '190:20:30', '2001-12-14', '1e3', '+.5'),
  );

  it('property: toYaml quotes every string a YAML 1.1 reader would misread', () => {
    fc.assert(
      fc.property(fc.dictionary(tricky, tricky, { maxKeys: 6 }), (raw) => {
        const annotations = Object.fromEntries(
          Object.entries(raw).filter(([k]) => !['__proto__', 'constructor', 'prototype'].includes(k)),
        );
        const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev', annotations } } as const;
        const text = toYaml(ns);
        // go-yaml v2 (calicoctl, kubectl): every plain scalar in the output stays a string.
        visit(parseDocument(text), {
          Scalar(_key, node) {
            if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string') {
              expect([node.source, goYamlResolve(String(node.source)).type]).toEqual([node.source, 'string']);
            }
          },
        });
        // A reader of the YAML 1.1 spec (yaml's 1.1 mode: sexagesimal, timestamps) and YAML 1.2.
        expect(parse(text, { version: '1.1' })).toEqual(ns);
        expect(fromYaml(text)).toEqual({ ok: true, value: [ns] });
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});

describe('YAML 1.1 mapping keys (go-yaml v2, as calicoctl and kubectl read them)', () => {
  const pod = (annotations: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  labels: &l {app: web}\n  annotations:\n    ${annotations}\nspec:\n  containers: [{name: c}]\n`;

  it('refuses a plain << merge key with its line and column, rather than reading it as a field', () => {
    const r = fromYaml(pod('<<: *l'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: 'ambiguous_scalar',
        path: ['metadata', 'annotations', '<<'],
        line: 7,
        column: 5,
        message: expect.stringContaining('merge key for calicoctl and kubectl'),
      }),
    ]);
  });

  it('keeps a quoted "<<" as a key (go-yaml merges only the plain one)', () => {
    const r = fromYaml(pod('"<<": x'));
    expect(r.ok && r.value[0]?.metadata.annotations).toEqual({ '<<': 'x' });
  });

  it('keeps every digit of an integer key past 2^53, as go-yaml reads an int64', () => {
    const r = fromYaml(
      'apiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet\nmetadata:\n  name: g\n  labels: {9007199254740993: v}\nspec: {nets: [10.0.0.0/8]}\n',
    );
    expect(r.ok && r.value[0]?.metadata.labels).toEqual({ '9007199254740993': 'v' });
  });
});
