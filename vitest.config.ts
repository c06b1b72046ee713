import { defineConfig } from 'vitest/config';

// One vitest run over every workspace package and app. Tests import sibling packages through the
// `@calico-dsl/source` export condition, so they run against src/ without a build.
export default defineConfig({
  resolve: { conditions: ['@calico-dsl/source'] },
  ssr: { resolve: { conditions: ['@calico-dsl/source'] } },
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
  },
});
