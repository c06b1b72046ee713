import { defineProject } from 'vitest/config';

/**
 * The vitest project settings every package and app shares: source-condition resolution and
 * type tests (`*.test-d.ts`) checked by the workspace's `tsc`.
 */
export function calicoProject(name: string) {
  return defineProject({
    resolve: { conditions: ['@calico-dsl/source'] },
    ssr: { resolve: { conditions: ['@calico-dsl/source'] } },
    test: {
      name,
      // Tests assert behaviour, never time: a loaded 2-core machine must not turn a slow test into a failure.
      testTimeout: 60_000,
      hookTimeout: 60_000,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: [
        '**/node_modules/**',
        '**/dist/**',
        ...(process.env.CALICOCTL_BIN ? [] : ['**/*.integration.test.ts']),
      ],
      typecheck: {
        enabled: true,
        include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'],
        tsconfig: './tsconfig.json',
      },
      benchmark: { include: ['bench/**/*.bench.ts'] },
    },
  });
}
