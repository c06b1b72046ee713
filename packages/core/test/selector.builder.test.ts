import { describe, expect, it } from 'vitest';
import { CalicoValidationError } from '../src/result.js';
import { isSelectorBuilder, parseSelector, resolveSelector, sel } from '../src/selector/index.js';

describe('sel builder', () => {
  it('prints every operation in canonical form', () => {
    expect(sel.label('ibm.role').eq('worker_public').toString()).toBe('ibm.role == "worker_public"');
    expect(sel.label('a').neq('b').toString()).toBe('a != "b"');
    expect(sel.label('env').in(['prod', 'dev', 'prod']).toString()).toBe('env in {"dev", "prod"}');
    expect(sel.label('env').notIn([]).toString()).toBe('env not in {}');
    expect(sel.label('app').has().toString()).toBe('has(app)');
    expect(sel.has('app').toString()).toBe('has(app)');
    expect(sel.label('a').contains('x').toString()).toBe('a contains "x"');
    expect(sel.label('a').startsWith('x').toString()).toBe('a starts with "x"');
    expect(sel.label('a').endsWith('x').toString()).toBe('a ends with "x"');
    expect(sel.all().toString()).toBe('all()');
    expect(sel.global().toString()).toBe('global()');
  });

  it('quotes values the way Calico does', () => {
    expect(sel.label('a').eq('say "hi"').toString()).toBe(`a == 'say "hi"'`);
    expect(sel.label('a').eq("it's").toString()).toBe(`a == "it's"`);
    expect(sel.label('a').in(['"', "'"]).toString()).toBe(`a in {'"', "'"}`);
  });

  it('combines with and/or/not, chained or as sel.and(...)', () => {
    const pub = sel.label('ibm.role').eq('worker_public');
    const priv = sel.label('ibm.role').eq('worker_private');
    expect(pub.or(priv).toString()).toBe('(ibm.role == "worker_public" || ibm.role == "worker_private")');
    expect(sel.and(pub, sel.not(sel.has('dedicated'))).toString()).toBe(
      '(ibm.role == "worker_public" && !has(dedicated))',
    );
    // Nested groups of the same kind are flattened; other groups stay parenthesised.
    expect(pub.and(sel.has('a')).and(sel.has('b')).toString()).toBe(
      '(ibm.role == "worker_public" && has(a) && has(b))',
    );
    expect(pub.or(priv).and(sel.has('z')).toString()).toBe(
      '((ibm.role == "worker_public" || ibm.role == "worker_private") && has(z))',
    );
    expect(sel.has('a').not().not().toString()).toBe('has(a)');
    expect(sel.and().toString()).toBe('all()');
    expect(sel.or().matches({})).toBe(false);
    expect(sel.and(sel.has('a')).toString()).toBe('has(a)');
  });

  it('accepts text and trees as operands, and sel.raw as an escape hatch', () => {
    expect(sel.has('a').and("b == 'c'", { kind: 'has', label: 'd' }).toString()).toBe(
      '(has(a) && b == "c" && has(d))',
    );
    expect(sel.raw("  ibm.role in {'b','a',} ").toString()).toBe('ibm.role in {"a", "b"}');
  });

  it('matches like matchSelector', () => {
    const s = sel.label('env').neq('prod');
    expect(s.matches({})).toBe(true);
    expect(s.matches(new Map([['env', 'prod']]))).toBe(false);
  });

  it('is immutable', () => {
    const base = sel.has('a');
    const derived = base.and(sel.has('b'));
    expect(base.toString()).toBe('has(a)');
    expect(derived.toString()).toBe('(has(a) && has(b))');
    expect(Object.isFrozen(base)).toBe(true);
    expect(Object.isFrozen(sel)).toBe(true);
    expect(Object.isFrozen(sel.label('a'))).toBe(true);
  });

  it('serialises to its text inside JSON', () => {
    expect(JSON.stringify({ selector: sel.has('a') })).toBe('{"selector":"has(a)"}');
  });

  it('carries mistakes as issues that surface where the selector is used', () => {
    const bad = sel.raw('a = "b"');
    expect(bad.issues).toHaveLength(1);
    expect(bad.issues[0]?.message).toContain('at column 3: expected ==');
    const r = bad.and(sel.has('ok')).toResult();
    expect(r.ok).toBe(false);
    expect(() => bad.toString()).toThrow(CalicoValidationError);
    expect(() => bad.matches({})).toThrow(CalicoValidationError);
    expect(bad.not()).toBe(bad);

    const both = sel.label('a').eq(`it's "x"`);
    expect(both.issues[0]?.message).toMatch(/contains both ' and "/);
    expect(() => `${both}`).toThrow(/no escapes/);
    expect(sel.label('a').in(['ok', `'"`]).issues).toHaveLength(1);

    // Literal keys like these are compile-time errors (see selector.test-d.ts); computed ones are checked here.
    expect(sel.label('app name' as string).eq('x').issues[0]?.message).toBe(
      'Invalid selector label "app name": use 1–512 characters of A-Z a-z 0-9 _ . / -',
    );
    expect(sel.label('' as string).has().issues).toHaveLength(1);
    expect(sel.label('a'.repeat(513)).has().issues).toHaveLength(1);
    expect(sel.label('a'.repeat(512)).has().issues).toHaveLength(0);

    // Issues from several operands are all reported.
    expect(sel.and(sel.raw('('), sel.label('x y' as string).has()).issues).toHaveLength(2);
  });

  it('resolveSelector / isSelectorBuilder', () => {
    expect(isSelectorBuilder(sel.all())).toBe(true);
    expect(isSelectorBuilder({ kind: 'all' })).toBe(false);
    expect(resolveSelector('has(a)')).toEqual(parseSelector('has(a)'));
    expect(resolveSelector({ kind: 'has', label: 'bad label' }).ok).toBe(false);
    expect(resolveSelector(null as never).ok).toBe(false);
  });
});
