// Types of eslint.config.js for tests/lint/boundaries.test.ts, which runs its boundary rules.
import type { Linter } from 'eslint';

/** The layer boundaries (see eslint.config.js). */
export declare const boundaries: Linter.Config[];
declare const config: Linter.Config[];
export default config;
