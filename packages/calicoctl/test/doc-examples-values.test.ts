// The values the calicoctl package's TSDoc examples claim are the values the code returns (the
// pure parts: command constructors, output parsers, the environment): every example line of the
// form `expression; // value` that runs alone over the package's and core's exports must equal
// its claim.
import * as core from '@calico-dsl/core';
import { describeExampleClaims } from '../../core/test/example-claims.js';
import * as calicoctl from '../src/index.js';

describeExampleClaims(
  'calicoctl examples show the values the code returns',
  new URL('../src/', import.meta.url),
  { ...core, ...calicoctl },
  20,
);
