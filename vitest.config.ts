import { defineConfig } from 'vitest/config';

// One runner, four tiers. The API suite runs twice: on PGlite and on a real PostgreSQL server.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['domain/**/*.test.ts', 'server/**/*.unit.test.ts', 'web/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'api-pglite',
          include: ['server/**/*.api.test.ts'],
          globalSetup: ['server/test/setup-pglite.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'api-postgres',
          include: ['server/**/*.api.test.ts'],
          globalSetup: ['server/test/setup-postgres.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['server/test/setup-pglite.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
