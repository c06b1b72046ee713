// The values the calicoctl package's TSDoc examples claim are the values the code returns (the
// pure parts: command constructors, output parsers, the environment): every example line of the
// form `expression; // value` that runs alone over the package's and core's exports must equal
// its claim.
import { fileURLToPath } from 'node:url';
import * as core from '@calico-dsl/core';
import { describe, expect, it } from 'vitest';
import { compileOver, runnableClaims } from '../../core/test/example-claims.js';
import * as calicoctl from '../src/index.js';

const scope = { ...core, ...calicoctl };
const claims = runnableClaims(fileURLToPath(new URL('../src/', import.meta.url)), scope);

describe('calicoctl examples show the values the code returns', () => {
  it('finds the examples', () => {
    expect(claims.length).toBeGreaterThanOrEqual(20);
  });

  it.each(claims.map((c) => [c.where, c] as const))('%s', (_where, claim) => {
    expect(compileOver(scope, claim.expression)?.()).toEqual(compileOver(scope, claim.value)?.());
  });
});
