// Lint is part of `npm test` (oxlint, with the type-aware rules of oxlint-tsgolint). Type-aware
// rules catch what ARCHITECTURE.md, "Conventions", forbids: floating promises, `any`, non-exhaustive
// switches. The rule set is the one the project kept with ESLint and typescript-eslint (ESLint's
// recommended rules, typescript-eslint's recommended type-checked set, and the rules below); oxlint
// does the same checks in a tenth of the time (README, "How it is tested").
import { defineConfig } from 'oxlint';

/** ESLint's rule as oxlint has it; `allowTypeImports` works as in typescript-eslint's variant. */
const RULE = 'eslint/no-restricted-imports';
const restrict = (...patterns) => ({ [RULE]: ['error', { patterns }] });
/** `dir` reached from a file one or two folders below src (src/ui/x.tsx, src/ui/app/x.tsx). */
const fromSrc = (...dirs) => dirs.flatMap((d) => [`../${d}`, `../${d}/**`, `../../${d}`, `../../${d}/**`]);
const NO_SERVER = {
  group: fromSrc('emulator'),
  message: 'The client imports nothing of the built-in server (only the --demo wiring and `b2c emulator` do).',
};
const UI = [
  {
    group: fromSrc('providers', 'config'),
    allowTypeImports: true,
    message: 'src/ui renders only: providers and config are reached through the TUI core (src/tui).',
  },
  { group: fromSrc('commands'), message: 'src/ui renders only: the CLI is not its business.' },
];
const TUI = {
  group: ['react', 'react/*', 'react-dom', 'ink', 'ink/*', 'ink-*', ...fromSrc('ui')],
  message: 'src/tui is the TUI core without React or Ink: rendering belongs in src/ui.',
};
const STATE = {
  group: ['../../**', 'node:*', 'react', 'ink', 'conf', 'backblaze-b2', 'cli-progress', 'mime-types'],
  message: 'src/state is pure: it imports nothing outside src/state.',
};
const CLIENT = {
  group: fromSrc('tui', 'ui', 'commands', 'providers', 'transfers', 'config', 'state', 'cli.js', 'error-text.js'),
  message: 'The built-in server imports nothing of the client.',
};
/** Where the client may start the server: the --demo wiring and `b2c emulator`. */
const SERVER_WIRING = [
  'src/tui/setup.ts',
  'src/tui/providers/demo-profiles.ts',
  'src/tui/providers/demo-server.ts',
  'src/commands/emulator.ts',
];

/**
 * The layer boundaries (ARCHITECTURE.md, "Layers"): what each layer may not import. Later blocks
 * replace the rule of earlier ones for their files, so each block lists all of its patterns. A
 * violation fails `npm run lint`; tests/lint/boundaries.test.ts shows each rule failing on purpose.
 */
export const boundaries = [
  { files: ['src/**'], rules: restrict(NO_SERVER) },
  // The server itself and the wiring that starts it may import the server.
  { files: ['src/emulator/**', ...SERVER_WIRING], rules: { [RULE]: 'off' } },
  // The UI renders: no providers or config values (types only where unavoidable), no server, no CLI.
  { files: ['src/ui/**'], rules: restrict(...UI, NO_SERVER) },
  // The TUI core is plain TypeScript: no React, no Ink, nothing of the UI.
  { files: ['src/tui/**'], rules: restrict(TUI, NO_SERVER) },
  { files: SERVER_WIRING.filter((f) => f.startsWith('src/tui/')), rules: restrict(TUI) },
  // State is pure and stands alone (string-width measures text).
  { files: ['src/state/**'], rules: restrict(STATE, NO_SERVER) },
  // The built-in server is a separate program.
  { files: ['src/emulator/**'], rules: restrict(CLIENT) },
];

/** The rules that need type information: off for the .js/.mjs scripts, which have none. */
const TYPED = [
  'await-thenable',
  'no-array-delete',
  'no-base-to-string',
  'no-duplicate-type-constituents',
  'no-floating-promises',
  'no-for-in-array',
  'no-implied-eval',
  'no-misused-promises',
  'no-redundant-type-constituents',
  'no-unnecessary-type-assertion',
  'no-unsafe-argument',
  'no-unsafe-assignment',
  'no-unsafe-call',
  'no-unsafe-enum-comparison',
  'no-unsafe-member-access',
  'no-unsafe-return',
  'no-unsafe-unary-minus',
  'only-throw-error',
  'prefer-promise-reject-errors',
  'require-await',
  'restrict-plus-operands',
  'restrict-template-expressions',
  'switch-exhaustiveness-check',
  'unbound-method',
].map((rule) => `typescript/${rule}`);

/** Untyped rules of typescript-eslint's recommended set, and the project's own. */
const UNTYPED = {
  'typescript/ban-ts-comment': 'error',
  'typescript/consistent-type-imports': 'error',
  'typescript/no-array-constructor': 'error',
  'typescript/no-duplicate-enum-values': 'error',
  'typescript/no-empty-object-type': 'error',
  'typescript/no-explicit-any': 'error',
  'typescript/no-extra-non-null-assertion': 'error',
  'typescript/no-misused-new': 'error',
  'typescript/no-namespace': 'error',
  'typescript/no-non-null-asserted-optional-chain': 'error',
  'typescript/no-require-imports': 'error',
  'typescript/no-this-alias': 'error',
  'typescript/no-unnecessary-type-constraint': 'error',
  'typescript/no-unsafe-declaration-merging': 'error',
  'typescript/no-unsafe-function-type': 'error',
  'typescript/no-wrapper-object-types': 'error',
  'typescript/prefer-as-const': 'error',
  'typescript/prefer-namespace-keyword': 'error',
  'typescript/triple-slash-reference': 'error',
  'eslint/no-unused-expressions': 'error',
  'eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
};

/**
 * Rules of oxlint's "correctness" category that the project's ESLint setup did not have. Each
 * finds something in today's code that is intended (spreading a string into its code points is
 * how the key decoder and the text fields walk characters; `sort()` on strings is what the tests
 * mean); turning one on is a decision of its own, not part of changing linters.
 */
const NOT_ADOPTED = [
  'typescript/no-misused-spread',
  'typescript/require-array-sort-compare',
  'typescript/no-meaningless-void-operator',
  'unicorn/no-useless-spread',
  'unicorn/no-new-array',
  'unicorn/prefer-string-starts-ends-with',
  'unicorn/no-useless-fallback-in-spread',
];

export default defineConfig({
  plugins: ['eslint', 'typescript', 'unicorn', 'oxc'],
  // "correctness" stands for ESLint's recommended rules: code that is wrong or does nothing.
  categories: { correctness: 'error' },
  ignorePatterns: ['dist/**', 'node_modules/**', 'coverage/**', 'bin/**'],
  env: { node: true, es2024: true },
  rules: {
    ...Object.fromEntries(TYPED.map((rule) => [rule, 'error'])),
    ...UNTYPED,
    ...Object.fromEntries(NOT_ADOPTED.map((rule) => [rule, 'off'])),
  },
  overrides: [
    ...boundaries,
    { files: ['**/*.js', '**/*.mjs'], rules: Object.fromEntries(TYPED.map((rule) => [rule, 'off'])) },
    {
      // Tests and benchmarks poke at loosely typed JSON from the wire.
      files: ['tests/**', 'bench/**'],
      rules: {
        'typescript/no-unsafe-member-access': 'off',
        'typescript/no-unsafe-assignment': 'off',
        'typescript/no-unsafe-argument': 'off',
        'typescript/no-unsafe-call': 'off',
        'typescript/no-unsafe-return': 'off',
      },
    },
  ],
});
