// The shared shape checks, and `validate` reading its fields through them: a value of the wrong
// type gets one code and one wording whichever entry point finds it; `validate` only puts the
// field path in front. Expected messages are written out here by hand.
import { describe, expect, it } from 'vitest';
import { formatPath, type Issue, shapeChecks, validate } from '../src/index.js';

const { boolean, integer, knownFields, list, listOf, mapping, number, object, string, stringMap } =
  shapeChecks;

function run(check: (v: unknown, p: readonly (string | number)[], i: Issue[]) => unknown, value: unknown) {
  const issues: Issue[] = [];
  const fits = check(value, ['at'], issues);
  return { fits, issues };
}

const gnp = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'p' }) => ({
  apiVersion: 'projectcalico.org/v3',
  kind: 'GlobalNetworkPolicy',
  metadata,
  spec,
});

function issuesOf(input: unknown): Issue[] {
  const r = validate(input);
  if (r.ok) throw new Error('expected issues');
  return r.issues;
}

describe('shape checks', () => {
  it('scalars say what the value must be and what it is, with a fix for quoting mistakes', () => {
    expect(run(string, 1).issues).toEqual([
      { code: 'invalid_type', path: ['at'], message: 'must be a string, not number 1; quote it: "1"' },
    ]);
    expect(run(string, true).issues[0]?.message).toBe('must be a string, not boolean true; quote it: "true"');
    expect(run(string, null).issues[0]?.message).toBe('must be a string, not null');
    expect(run(boolean, 'yes').issues[0]?.message).toBe('must be true or false, not string "yes"');
    expect(run(number, ' 100').issues[0]?.message).toBe(
      'must be a number, not string " 100"; write it without quotes: 100',
    );
    expect(run(number, 'ten').issues[0]?.message).toBe('must be a number, not string "ten"');
    expect(run(number, Number.NaN).issues[0]?.code).toBe('invalid_type');
  });

  it('guards return true exactly when they add no issue', () => {
    for (const [check, good, bad] of [
      [string, 'a', 2],
      [boolean, false, 0],
      [number, 1.5, '1.5'],
      [integer(0, 9), 9, 10],
      [list(), [], {}],
      [mapping(), new Map(), []],
    ] as const) {
      expect(run(check, good)).toEqual({ fits: true, issues: [] });
      const r = run(check, bad);
      expect(r.fits).toBe(false);
      expect(r.issues).toHaveLength(1);
    }
  });

  it('integers: a wrong type is invalid_type, a value outside the range out_of_range', () => {
    expect(run(integer(1, 65535), 1.5).issues).toEqual([
      { code: 'invalid_type', path: ['at'], message: 'must be an integer 1–65535, not number 1.5' },
    ]);
    expect(run(integer(1, 65535), '80').issues[0]?.message).toBe(
      'must be an integer 1–65535, not string "80"; write it without quotes: 80',
    );
    expect(run(integer(1, 65535), 0).issues).toEqual([
      { code: 'out_of_range', path: ['at'], message: 'must be from 1 to 65535, not 0' },
    ]);
    expect(run(integer(), 'x').issues[0]?.message).toBe('must be an integer, not string "x"');
  });

  it('long strings are cut in messages', () => {
    const message = run(number, 'x'.repeat(10_000)).issues[0]?.message ?? '';
    expect(message).toBe(`must be a number, not string "${'x'.repeat(37)}..."`);
  });

  it('lists and mappings name what they hold', () => {
    expect(run(list('a list of rules'), 'all').issues[0]?.message).toBe(
      'must be a list of rules, not string "all"',
    );
    expect(run(mapping(), [1]).issues[0]?.message).toBe('must be a mapping, not a list');
    expect(run(listOf(string), ['a', 7]).issues).toEqual([
      { code: 'invalid_type', path: ['at', 1], message: 'must be a string, not number 7; quote it: "7"' },
    ]);
    expect(run(stringMap, 'app=web').issues[0]?.message).toBe(
      'must be a mapping of strings, not string "app=web"',
    );
    expect(run(object({}), null).issues[0]?.message).toBe('must be a mapping, not null');
  });

  it('knownFields names unknown fields, with the closest allowed one (plain objects and Maps)', () => {
    const check = knownFields(['order', 'defaultAction']);
    const expected = [
      {
        code: 'unknown_field',
        path: ['at', 'ordr'],
        message: 'is not a known field: did you mean "order"? Allowed fields: order, defaultAction',
      },
    ];
    expect(run(check, { ordr: 1, order: 2 }).issues).toEqual(expected);
    expect(run(check, new Map([['ordr', 1]])).issues).toEqual(expected);
    expect(run(check, { zzzzzzzz: 1 }).issues[0]?.message).toBe(
      'is not a known field. Allowed fields: order, defaultAction',
    );
    expect(run(check, { __proto__: null, constructor: 1 }).issues[0]?.path).toEqual(['at', 'constructor']);
  });

  it('knownFields does not list the allowed names of a struct as large as FelixConfigurationSpec', () => {
    const many = Array.from({ length: 30 }, (_, i) => `field${String(i).padStart(2, '0')}Name`);
    expect(run(knownFields(many), { field07Nmae: 1 }).issues[0]?.message).toBe(
      'is not a known field: did you mean "field07Name"? Check its spelling and case against Calico\'s reference for this resource (30 fields).',
    );
  });
});

describe('validate reads fields through the shape checks', () => {
  /** The issue the shape check gives at `path`, as validate words it: the field path in front. */
  function asValidate(
    check: (v: unknown, p: readonly (string | number)[], i: Issue[]) => unknown,
    value: unknown,
    path: (string | number)[],
  ) {
    const issues: Issue[] = [];
    check(value, path, issues);
    return issues.map((i) => ({ ...i, message: `${formatPath(i.path)} ${i.message}` }));
  }

  it('a label value that is not a string', () => {
    const found = issuesOf(gnp({}, { name: 'p', labels: { tier: 1 } }));
    expect(found).toEqual([
      {
        code: 'invalid_type',
        path: ['metadata', 'labels', 'tier'],
        message: 'metadata.labels.tier must be a string, not number 1; quote it: "1"',
      },
    ]);
    expect(found).toEqual(asValidate(string, 1, ['metadata', 'labels', 'tier']));
  });

  it('a quoted order', () => {
    expect(issuesOf(gnp({ order: '100' }))).toEqual([
      {
        code: 'invalid_type',
        path: ['spec', 'order'],
        message: 'spec.order must be a number, not string "100"; write it without quotes: 100',
      },
    ]);
  });

  it('a boolean written as a word', () => {
    expect(issuesOf(gnp({ doNotTrack: 'yes' }))).toEqual(asValidate(boolean, 'yes', ['spec', 'doNotTrack']));
  });

  it('an ICMP type out of range and of the wrong type', () => {
    const rule = (icmp: unknown) => gnp({ ingress: [{ action: 'Allow', protocol: 'ICMP', icmp }] });
    expect(issuesOf(rule({ type: 300 }))).toEqual([
      {
        code: 'out_of_range',
        path: ['spec', 'ingress', 0, 'icmp', 'type'],
        message: 'spec.ingress[0].icmp.type must be from 0 to 254, not 300',
      },
    ]);
    expect(issuesOf(rule({ type: 1.5 }))).toEqual(
      asValidate(integer(0, 254), 1.5, ['spec', 'ingress', 0, 'icmp', 'type']),
    );
  });

  it('rules that are not a list, and a null rule', () => {
    expect(issuesOf(gnp({ ingress: 'all' }))).toEqual([
      {
        code: 'invalid_type',
        path: ['spec', 'ingress'],
        message: 'spec.ingress must be a list of rules, not string "all"',
      },
    ]);
    expect(issuesOf(gnp({ ingress: [null] }))).toEqual([
      {
        code: 'invalid_type',
        path: ['spec', 'ingress', 0],
        message: 'spec.ingress[0] must be a rule like { action: Allow }, not null',
      },
    ]);
  });

  it('an unknown field, with a suggestion', () => {
    expect(issuesOf(gnp({ ordr: 1 }))[0]).toEqual({
      code: 'unknown_field',
      path: ['spec', 'ordr'],
      message: expect.stringMatching(
        /^spec\.ordr is not a known field: did you mean "order"\? Allowed fields: /,
      ),
    });
  });

  it('a null label value reads as "" (as Go decodes it into a string map), other values are type errors', () => {
    const r = validate(gnp({}, { name: 'p', labels: { a: null, b: 'x' } }));
    expect(r.ok && r.value.metadata.labels).toEqual({ a: '', b: 'x' });
    expect(
      issuesOf(gnp({}, { name: 'p', labels: { a: 1, b: true, c: 'ok', d: [] } })).map((i) => i.path),
    ).toEqual([
      ['metadata', 'labels', 'a'],
      ['metadata', 'labels', 'b'],
      ['metadata', 'labels', 'd'],
    ]);
  });

  it('every wrong field is reported at its own path, in the order validate reads them (Calico field order)', () => {
    const found = issuesOf(
      gnp({
        order: 'x',
        doNotTrack: 1,
        ingress: [{ action: 'Allow', source: { nets: [1, '10.0.0.0/8', false] } }],
      }),
    );
    expect(found.map((i) => [i.code, i.message])).toEqual([
      ['invalid_type', 'spec.order must be a number, not string "x"'],
      ['invalid_type', 'spec.ingress[0].source.nets[0] must be a string, not number 1; quote it: "1"'],
      [
        'invalid_type',
        'spec.ingress[0].source.nets[2] must be a string, not boolean false; quote it: "false"',
      ],
      ['invalid_type', 'spec.doNotTrack must be true or false, not number 1'],
    ]);
  });

  it('a spec that is not a mapping', () => {
    expect(issuesOf(gnp(['Ingress'] as unknown as Record<string, unknown>))).toEqual(
      asValidate(mapping(), ['Ingress'], ['spec']),
    );
  });
});
