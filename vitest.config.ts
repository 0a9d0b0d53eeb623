import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Slow on purpose (50 MB inputs, SIGKILL mid-write, timing budgets): `npm run test:stress`.
    exclude: [...configDefaults.exclude, 'test/stress/**'],
    testTimeout: 30000,
  },
});
