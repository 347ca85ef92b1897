import { defineConfig } from 'vitest/config';

// .ci/run sets B2C_VITEST_JSON to get a machine-readable report for its closing summary line.
const jsonReport = process.env.B2C_VITEST_JSON;

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Builds dist/ once if it is missing, for the tests that run the real binary.
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: a few workers keep HTTP-heavy suites from starving each other.
    maxWorkers: 3,
    pool: 'forks',
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
});
