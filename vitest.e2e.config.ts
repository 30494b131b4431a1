import { defineConfig } from 'vitest/config';

// Browser tests: headless Chromium against a real server; run after `npm run build`.
export default defineConfig({
  test: {
    // Every reply of a route with a contract is checked against its declared schema (engine/api/routeHandler.ts).
    env: { ALUR_CHECK_REPLIES: '1' },
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
