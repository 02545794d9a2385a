import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Neo4j and Chromium are real parts started once for the whole run (tests/setup/).
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
