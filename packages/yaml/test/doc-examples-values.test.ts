// The values the yaml package's TSDoc examples claim are the values the code returns: every
// example line of the form `expression; // value` that runs alone over the package's and core's
// exports must equal its claim (the YAML that builder examples claim is doc-examples-yaml.test.ts).
import * as core from '@calico-dsl/core';
import { describeExampleClaims } from '../../core/test/example-claims.js';
import * as yaml from '../src/index.js';

describeExampleClaims(
  'yaml examples show the values the code returns',
  new URL('../src/', import.meta.url),
  { ...core, ...yaml },
  4,
);
