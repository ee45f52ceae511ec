import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['test/setup-dom.ts'],
    // expect.poll waits as long as a browser test's step (harness.ts), not vitest's default of
    // one second, less than a loaded two-core CI machine may take; a poll ends once it holds.
    expect: { poll: { timeout: 10_000 } },
  },
});
