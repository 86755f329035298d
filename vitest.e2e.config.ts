import { defineConfig } from 'vitest/config';

// Browser and whole-process tests: one file at a time, since each starts its
// own server and Chromium on a 2-core machine.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false
  }
});
