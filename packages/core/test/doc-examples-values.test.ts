// The values core's TSDoc examples claim are the values the code returns: every example line of
// the form `expression; // value` that runs alone over core's exports is run, and must equal the
// claim (IR types show how their values are made). The YAML that builder examples claim is
// checked in packages/yaml/test.
import * as core from '../src/index.js';
import { describeExampleClaims } from './example-claims.js';

describeExampleClaims(
  'examples show the values the code returns',
  new URL('../src/', import.meta.url),
  core,
  150,
);
