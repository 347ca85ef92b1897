// Lint is part of `npm test`. Type-aware rules catch what ARCHITECTURE.md, "Conventions", forbids:
// floating promises, `any`, non-exhaustive switches.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The layer boundaries (ARCHITECTURE.md, "Layers"): what each layer may not import. A violation
 * fails `npm run lint`; tests/lint/boundaries.test.ts shows each rule failing on purpose.
 */
const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });
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
  { files: ['src/**'], ignores: ['src/emulator/**', ...SERVER_WIRING], rules: restrict(NO_SERVER) },
  // The UI renders: no providers or config values (types only where unavoidable), no server, no CLI.
  { files: ['src/ui/**'], rules: restrict(...UI, NO_SERVER) },
  // The TUI core is plain TypeScript: no React, no Ink, nothing of the UI.
  { files: ['src/tui/**'], ignores: SERVER_WIRING, rules: restrict(TUI, NO_SERVER) },
  { files: SERVER_WIRING.filter((f) => f.startsWith('src/tui/')), rules: restrict(TUI) },
  // State is pure and stands alone (string-width measures text).
  { files: ['src/state/**'], rules: restrict(STATE, NO_SERVER) },
  // The built-in server is a separate program.
  { files: ['src/emulator/**'], rules: restrict(CLIENT) },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...boundaries,
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    // Tests and benchmarks poke at loosely typed JSON from the wire.
    files: ['tests/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
