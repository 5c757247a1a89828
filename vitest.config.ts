import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that spawn the service run the compiled JavaScript, built here once (only when dist/ is stale).
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    // Whole-service tests start servers and child processes; two cores go further one file per core.
    maxWorkers: 2,
  },
});
