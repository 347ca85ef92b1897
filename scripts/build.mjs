// Bundles src/cli.ts into dist/cli.js so `b2c` starts without resolving hundreds of modules.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { dependencyPatches } from './dependency-patches.mjs';

/**
 * Ink's devtools.js imports react-devtools-core (not a dependency; only used with DEV=true).
 * Marking it external would leave a top-level import of a missing package in the bundle, so
 * resolve it to an empty module instead.
 */
const stubDevtools = {
  name: 'stub-react-devtools-core',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'b2c-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'b2c-stub' }, () => ({
      contents: 'export default { initialize() {}, connectToDevTools() {} };',
      loader: 'js',
    }));
  },
};

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  // One chunk per command (see src/cli.ts): `b2c ls` does not load the TUI.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  plugins: [stubDevtools, dependencyPatches],
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies (backblaze-b2 → axios) call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __b2cCreateRequire } from 'node:module'; const require = __b2cCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
