import { defineConfig } from 'vitest/config';

// Three projects, so that `npx vitest run` runs everything and `npx vitest run tests/unit` needs no Neo4j:
// only "integration" has the Neo4j global setup (tests/setup/neo4j.ts), which finds or starts a real server.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/setup/neo4j.ts'],
          // One database shared by the files, each wiping it: one file at a time.
          fileParallelism: false,
        },
      },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] } },
    ],
  },
});
