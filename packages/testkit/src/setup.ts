/**
 * `setupFiles: ['@calico-dsl/testkit/setup']` in a vitest config (or `import
 * '@calico-dsl/testkit/setup'` in a test) registers `toAllow`, `toDeny` and `toHaveVerdict`.
 */
import { expect } from 'vitest';
import { installCalicoMatchers } from './matchers.js';

export type { CalicoMatchers, FlowInput, VerdictOptions } from './matchers.js';

installCalicoMatchers(expect);
