import { defineConfig } from 'vitest/config';
import { LongestFirst } from './tests/support/longest-first.js';

// .ci/run sets B2C_VITEST_JSON to get a machine-readable report for its closing summary line.
const jsonReport = process.env.B2C_VITEST_JSON;

export default defineConfig({
  // The tests run React as b2c ships it (scripts/build.mjs defines NODE_ENV=production): its
  // production build and JSX runtime, not the development ones with their extra checks, which
  // cost the component tests 7–8 % of their CPU time. NODE_ENV below picks React's build; this
  // picks the JSX runtime to match (the development runtime's jsxDEV is not in the production one).
  oxc: { jsx: { development: false } },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Builds dist/ once if it is missing, for the tests that run the real binary.
    globalSetup: ['tests/support/global-setup.ts'],
    // toEqual compares Buffers with one Buffer.equals (see the file).
    setupFiles: ['tests/support/buffer-equality.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: a few workers keep HTTP-heavy suites from starving each other (measured: 2
    // workers leave the CPU idle while tests wait on servers and terminals, 4 only add contention).
    maxWorkers: 3,
    pool: 'forks',
    // Test files share their worker's modules instead of importing everything again (React,
    // Ink, the providers, the server): importing was a third of the run. Files keep no state in
    // modules they share (tests/support/cli.ts records runs per file; every server, temp dir and
    // provider is made and closed by the file that uses it).
    isolate: false,
    // chalk decides once, when it is first imported, whether to emit styles, and with shared
    // modules that is whichever file imports it first: every file gets the same answer. (The
    // tests that check attributes such as dim and inverse need styles; none needs them absent.)
    env: { FORCE_COLOR: '1', NODE_ENV: 'production' },
    // Long files first, by the times a full run recorded (see the file).
    sequence: { sequencer: LongestFirst },
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
});
