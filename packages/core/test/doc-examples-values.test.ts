// The values core's TSDoc examples claim are the values the code returns: every example line of
// the form `expression; // value` that runs alone over core's exports is run, and must equal the
// claim. (The YAML that builder examples claim is checked in packages/yaml/test.)
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';
import { compileOver, runnableClaims } from './example-claims.js';

const claims = runnableClaims(fileURLToPath(new URL('../src/', import.meta.url)), core);

describe('examples show the values the code returns', () => {
  it('finds the examples (IR types show how their values are made)', () => {
    expect(claims.length).toBeGreaterThanOrEqual(150);
  });

  it.each(claims.map((c) => [c.where, c] as const))('%s', (_where, claim) => {
    expect(compileOver(core, claim.expression)?.()).toEqual(compileOver(core, claim.value)?.());
  });
});
