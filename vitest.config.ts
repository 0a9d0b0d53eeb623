import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Slow on purpose (50 MB inputs, SIGKILL mid-write, timing budgets): `npm run test:stress`.
    exclude: [...configDefaults.exclude, 'test/stress/**'],
    testTimeout: 30000,
    // Most test files spend their time waiting on processes they start (the bin, git, tmux,
    // Chromium, pre-commit) rather than computing: two files per core keep the cores busy
    // (on 2 cores, 230 s with one file per core, 140 s with two).
    maxWorkers: Math.max(2, availableParallelism() * 2),
  },
});
