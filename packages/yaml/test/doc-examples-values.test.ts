// The values the yaml package's TSDoc examples claim are the values the code returns: every
// example line of the form `expression; // value` that runs alone over the package's and core's
// exports must equal its claim (the YAML that builder examples claim is doc-examples-yaml.test.ts).
import { fileURLToPath } from 'node:url';
import * as core from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { compileOver, runnableClaims } from '../../core/test/example-claims.js';
import * as yaml from '../src/index.js';

const scope = { ...core, ...yaml };
const claims = runnableClaims(fileURLToPath(new URL('../src/', import.meta.url)), scope);

describe('yaml examples show the values the code returns', () => {
  it('finds the examples', () => {
    expect(claims.length).toBeGreaterThanOrEqual(4);
  });

  it.each(claims.map((c) => [c.where, c] as const))('%s', (_where, claim) => {
    expect(compileOver(scope, claim.expression)?.()).toEqual(compileOver(scope, claim.value)?.());
  });
});
