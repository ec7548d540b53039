import { defineConfig } from 'vitest/config';

// Unit tests: pure code, fast. Integration tests: real servers, real SQLite files,
// real sockets on 127.0.0.1 — slower, run one file at a time per worker.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
          // A rendered screen driven by user-event takes ~1 s alone and several times that on
          // a busy 2-core machine; 5 s (the default) timed out there. No test asserts timing.
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: ['tests/integration/postgres/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // The server against PostgreSQL: TEST_DATABASE_URL, else one embedded PostgreSQL
        // started for the run (tests/support/postgres). Each test server gets its own database.
        test: {
          name: 'integration-pg',
          include: [
            'tests/integration/postgres/**/*.test.ts',
            'tests/integration/server/**/*.test.ts',
            'tests/integration/supervisor/**/*.test.ts',
            'tests/integration/telephony/**/*.test.ts',
          ],
          // SQLite's own machinery (WAL checkpoints, the read-only connection's statements and
          // plans, the data folder the bootstrap writes): PostgreSQL has its own tests of these.
          exclude: [
            'tests/integration/server/checkpoints.test.ts',
            'tests/integration/server/change-reader.test.ts',
            'tests/integration/server/pull-reader.test.ts',
            'tests/integration/server/bootstrap-admin.test.ts',
          ],
          environment: 'node',
          globalSetup: ['tests/support/postgres/global-setup.ts'],
          env: { AGENT_DESK_TEST_STORE: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
