// Bundles src/cli.ts into dist/cli.js so `b2c` starts without resolving hundreds of modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  // ink imports react-devtools-core only when DEV=true; it is not a dependency.
  external: ['react-devtools-core'],
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies (backblaze-b2 → axios) call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __b2cCreateRequire } from 'node:module'; const require = __b2cCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
