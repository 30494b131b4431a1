import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every reply of a route with a contract is checked against its declared schema (engine/api/routeHandler.ts).
    env: { ALUR_CHECK_REPLIES: '1' },
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
