// The Go behaviours FelixConfiguration validation re-implements: time.ParseDuration /
// Duration.String (metav1.Duration), regexp.Compile's syntax errors (the `regexp` validator), and
// the CRD patterns rewritten so JavaScript's backtracking cannot blow up on them. The expected
// values were produced by Go (go1.19, `time` and `regexp`); where Go 1.22+ differs it is said.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BPF_CONNTRACK_TIMEOUT,
  FEATURE_DETECT_OVERRIDE,
  FEATURE_GATES,
} from '../src/validate/felix/crd-patterns.js';
import { formatGoDuration, parseGoDuration } from '../src/validate/felix/go-duration.js';
import { goRegexpProblem } from '../src/validate/felix/go-regexp.js';

describe('Go durations (metav1.Duration)', () => {
  it.each([
    ['0', 0n, '0s'],
    ['-0', 0n, '0s'],
    ['90s', 90_000_000_000n, '1m30s'],
    ['1m30s', 90_000_000_000n, '1m30s'],
    ['1.5s', 1_500_000_000n, '1.5s'],
    ['1500ms', 1_500_000_000n, '1.5s'],
    ['50ms', 50_000_000n, '50ms'],
    ['1h', 3_600_000_000_000n, '1h0m0s'],
    ['86400s', 86_400_000_000_000n, '24h0m0s'],
    ['100us', 100_000n, '100µs'],
    ['100µs', 100_000n, '100µs'],
    ['100μs', 100_000n, '100µs'],
    ['-1ns', -1n, '-1ns'],
    ['.5s', 500_000_000n, '500ms'],
    ['5.s', 5_000_000_000n, '5s'],
    ['1.0000000000000000000001h', 3_600_000_000_000n, '1h0m0s'],
    ['9223372036854775807ns', 9_223_372_036_854_775_807n, '2562047h47m16.854775807s'],
    ['-9223372036854775808ns', -9_223_372_036_854_775_808n, '-2562047h47m16.854775808s'],
  ])('%s parses to %s ns and prints as %s', (text, ns, printed) => {
    expect(parseGoDuration(text)).toBe(ns);
    expect(formatGoDuration(ns)).toBe(printed);
  });

  it.each(['', '90', '1', '.s', '1e3s', ' 1s', '1s ', '1d', '9223372036854775808ns', '--1s', '1.2.3s'])(
    '%j does not parse',
    (text) => {
      expect(parseGoDuration(text)).toBeUndefined();
    },
  );

  it('prints what it parses back to the same value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }), (ns) => {
        expect(parseGoDuration(formatGoDuration(ns))).toBe(ns);
      }),
    );
  });
});

describe('Go regexp syntax (regexp.Compile)', () => {
  it.each([
    'eth.*',
    '(?i)eth',
    '[[:alpha:]]+',
    '\\pL',
    '\\p{Greek}',
    '(?P<n>a)',
    // Go 1.22 added (?<name>…); Calico builds with Go 1.26.
    '(?<n>a)',
    '(a{100}){10}',
    '((a{10}){10}){10}',
    'a*?',
    '\\12',
    '\\Qa*\\E+',
    'a(?i)*',
    '[]a]',
    'a{,5}',
    'docker+',
    '^(eth|en)[0-9]+$',
  ])('%s compiles', (pattern) => {
    expect(goRegexpProblem(pattern)).toBeUndefined();
  });

  it.each([
    ['*', 'missing argument to repetition operator: `*`'],
    ['[[:foo:]]', 'invalid character class range: `[:foo:]`'],
    ['\\p{Foo}', 'invalid character class range: `\\p{Foo}`'],
    ['(?=a)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['a{1001}', 'invalid repeat count: `{1001}`'],
    ['a{2,1}', 'invalid repeat count: `{2,1}`'],
    ['(a{100}){11}', 'invalid repeat count: `{11}`'],
    ['(a{0}){2000}', 'invalid repeat count: `{2000}`'],
    ['a**', 'invalid nested repetition operator: `**`'],
    ['x{2}{3}', 'invalid nested repetition operator: `{2}{3}`'],
    ['\\1', 'invalid escape sequence: `\\1`'],
    ['\\Q\\E*', 'missing argument to repetition operator: `*`'],
    ['(*)', 'missing argument to repetition operator: `*`'],
    ['a|*', 'missing argument to repetition operator: `*`'],
    ['[z-a]', 'invalid character class range: `z-a`'],
    ['\\C', 'invalid escape sequence: `\\C`'],
    ['[\\b]', 'invalid escape sequence: `\\b`'],
    ['(?i-)a', 'invalid or unsupported Perl syntax: `(?i-)`'],
    ['[a', 'missing closing ]: `[a`'],
    ['a)', 'unexpected ): `a)`'],
    ['(a', 'missing closing ): `(a`'],
    ['\\', 'trailing backslash at end of expression: ``'],
    ['(?P=n)', 'invalid or unsupported Perl syntax: `(?P`'],
    ['\\x{110000}', 'invalid escape sequence: `\\x{110000`'],
    ['[[:a]b:]]', 'invalid character class range: `[:a]b:]`'],
    ['\\é', 'invalid escape sequence: `\\é`'],
  ])('%s fails: %s', (pattern, problem) => {
    expect(goRegexpProblem(pattern)).toBe(problem);
  });

  it('stays linear on long hostile patterns', () => {
    const start = performance.now();
    expect(goRegexpProblem(`${'[[:'.repeat(20_000)}`)).toBeDefined();
    expect(goRegexpProblem(`${'('.repeat(20_000)}${')'.repeat(20_000)}`)).toBeUndefined();
    expect(goRegexpProblem('a|'.repeat(50_000))).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('CRD patterns rewritten for JavaScript', () => {
  // The CRD's own regexes, run on short strings only (they backtrack exponentially on long ones).
  // Go reads `-` after a range as a literal; so does JavaScript without the u flag.
  const crd = (source: string) => new RegExp(source);
  const cases = [
    [FEATURE_GATES, ['a', 'b', '=', ',', '-', 'x']],
    [FEATURE_DETECT_OVERRIDE, ['a', '=', ',', 'true', 'false', 'x']],
    [BPF_CONNTRACK_TIMEOUT, ['1', '.', 'm', 's', 'h', 'u', 'Auto', 'x']],
  ] as const;

  it.each(cases.map(([p, alphabet]) => [p.source, p, alphabet] as const))(
    '%s: the rewrite accepts exactly what the CRD regex accepts',
    (_source, pattern, alphabet) => {
      const literal = crd(pattern.source);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 9 }), (parts) => {
          const value = parts.join('');
          expect(pattern.test(value), JSON.stringify(value)).toBe(literal.test(value));
        }),
        { numRuns: 3000 },
      );
    },
  );

  it('decides long hostile values quickly', () => {
    const start = performance.now();
    expect(BPF_CONNTRACK_TIMEOUT.test(`${'m'.repeat(100_000)}!`)).toBe(false);
    expect(FEATURE_GATES.test(`a=${',b'.repeat(50_000)}=`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
