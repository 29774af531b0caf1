import { defineConfig } from 'vitest/config';

// One run keeps its temporary files in one folder it removes at the end, starts one embedded
// PostgreSQL and one redis-server for every test file, and readies the trained models once.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'client/**/*.test.ts', 'media/**/*.test.ts', 'prisma/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['server/test/temp-setup.ts', 'server/test/db-setup.ts', 'server/test/redis-setup.ts', 'server/test/intent-model-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
