// `npm run test:stress`: the hardening cases too slow for `npm test` (see test/stress/).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/stress/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // One file at a time: the timing budgets are about one core, and the kill tests spawn processes.
    fileParallelism: false,
  },
});
