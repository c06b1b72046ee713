import { mergeConfig } from 'vitest/config';
import { calicoProject } from '../../vitest.shared.js';

// Most tests start the built CLI (a Node process, tsc for synth): on a loaded 2-core machine one
// can take several seconds, so the limit is generous; no test asserts a duration.
export default mergeConfig(calicoProject('cli'), {
  // init.test.ts scaffolds a repository (with its own tests) into test/.tmp-init-*.
  test: { testTimeout: 120_000, hookTimeout: 120_000, exclude: ['**/.tmp-*/**'] },
});
