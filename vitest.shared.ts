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
      // The machine is shared (2 cores, load far above 2 at times): property tests that take 1 s
      // idle can take 6 s then. Tests never assert durations; the limit only catches hangs.
      testTimeout: 60_000,
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
