import { describe, expect, it } from 'vitest';
import { goRegexp } from '../src/validate/felix/go-regexp.js';

// The names Go 1.19's regexp.MustCompile(pattern).MatchString matches, for each pattern (run with
// Go on these names); the rewrite must match exactly those.
const NAMES = ['eth1', 'ETH1', 'eth', 'ehh1', 'e.h', 'xth1', 'eth1{01}', 'eth11', 'eth9', 'z-9', 'eth1z'];
const GO_MATCHES: readonly (readonly [string, readonly string[]])[] = [
  ['(?i)^ETH1$', ['eth1', 'ETH1']],
  ['^eth1\\z', ['eth1']],
  ['\\A[[:alpha:]]+1$', ['eth1', 'ETH1', 'ehh1', 'xth1']],
  ['^\\Qeth1\\E$', ['eth1']],
  ['^\\Qe.h\\E', ['e.h']],
  ['^eth\\x{31}$', ['eth1']],
  ['^[]e]th1$', ['eth1']],
  ['^[^]x]th1$', ['eth1']],
  ['^eth1{01}$', ['eth1{01}']],
  ['^eth1{,2}$', []],
  ['(?s)^eth.$', ['eth1', 'eth9']],
  ['^eth\\s?1$', ['eth1']],
  ['^eth\\S$', ['eth1', 'eth9']],
  ['(?m)^eth1$', ['eth1']],
  ['^e\\164h1$', ['eth1']],
  ['^eth[[:digit:]]$', ['eth1', 'eth9']],
  ['^(?P<p>eth)1$', ['eth1']],
  ['(?U)^eth1+$', ['eth1', 'eth11']],
  ['^eth1\\b', ['eth1', 'eth1{01}']],
  ['^[\\d-z]+$', ['z-9']],
  ['(?i)^[E-T]+H1$', ['eth1', 'ETH1', 'ehh1']],
];

describe("goRegexp: Go regexp syntax read with Go's meaning (regexp/syntax parse.go)", () => {
  it.each(GO_MATCHES)('%s matches what Go matches', (pattern, matched) => {
    const go = goRegexp(pattern);
    expect(go.ok).toBe(true);
    expect(NAMES.filter((n) => go.ok && go.js?.test(n))).toEqual(matched);
  });

  it('Go syntax with no JavaScript rewrite is undefined, not a guess', () => {
    for (const pattern of [
      '^\\pL+1$',
      '^\\p{Greek}',
      '[[:^digit:]]x',
      '^e(?i)TH1$',
      '(?i:e)th1',
      '(?i)\u212A',
    ])
      expect(goRegexp(pattern)).toEqual({ ok: true, js: undefined });
  });

  // Go 1.19: (?i)^\x{212A}$ matches k and K, (?i)^\577$ (ſ) s and S, (?i)^[\x{100}-\x{2200}]$ all
  // four, (?i)^[^\x{212A}]$ neither k nor K. Go folds case by Unicode simple folding (parse.go
  // literal/minFoldRune, appendFoldedRange); JavaScript without the u flag folds no non-ASCII
  // letter to an ASCII one.
  it('K (Kelvin) or ſ under (?i), however written, has no rewrite: Go folds them to k and s', () => {
    for (const pattern of [
      '(?i)^\\x{212A}$',
      '(?i)^\\577$',
      '(?i)^[\\x{100}-\\x{2200}]$',
      '(?i)^[^\\x{212A}]$',
      '(?i)^\\Q\u017F\\E$',
    ])
      expect(goRegexp(pattern)).toEqual({ ok: true, js: undefined });
    // Without (?i) Go folds nothing: ^\x{212A}$ matches neither k nor K.
    const go = goRegexp('^\\x{212A}$');
    const js = go.ok ? go.js : undefined;
    expect(js?.test('\u212A')).toBe(true);
    expect(['k', 'K'].filter((n) => js?.test(n))).toEqual([]);
  });
});
