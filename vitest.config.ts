import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    // CI runs on two shared cores beside the 10,000-case simulation: allow slow steps there.
    testTimeout: process.env.CI ? 180_000 : 60_000,
    // The summary reporter prints a final plain `N passed, N failed[, N skipped]` line.
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
