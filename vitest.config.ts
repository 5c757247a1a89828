import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    // Whole-service tests start servers and child processes; two cores go further one file per core.
    maxWorkers: 2,
  },
});
