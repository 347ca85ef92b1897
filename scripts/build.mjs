// Bundles src/cli.ts into dist/cli.js so `b2c` starts without resolving hundreds of modules.
import { rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { buildClassicScript } from './classic-script.mjs';
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

/**
 * Ink loads its devtools (./devtools.js, with a WebSocket polyfill: the `ws` package) only when
 * DEV=true, to connect to react-devtools-core, which is not installed and resolves to the no-op
 * above. So with or without it the devtools do nothing: the one-file script, which keeps every
 * dynamic import in itself, leaves them out (125 KB of `ws` it would read at every start).
 */
const stubInkDevtools = {
  name: 'stub-ink-devtools',
  setup(b) {
    b.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      /[\\/]ink[\\/]build$/.test(args.resolveDir) ? { path: 'ink-devtools', namespace: 'b2c-stub' } : undefined,
    );
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  plugins: [stubDevtools, dependencyPatches],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

await rm('dist', { recursive: true, force: true });
await build({
  ...common,
  // The demo server (src/tui/providers/demo-server.ts loads it after the first frame) is an entry of its own.
  entryPoints: { cli: 'src/cli.ts', 'demo-server': 'src/emulator/demo/demo-entry.ts' },
  outdir: 'dist',
  // One chunk per command (see src/cli.ts): `b2c ls` does not load the TUI.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  // CommonJS dependencies (backblaze-b2 → axios) call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __b2cCreateRequire } from 'node:module'; const require = __b2cCreateRequire(import.meta.url);",
  },
});

// Node < 22.1 has no compile cache for the modules above: there the file manager starts from the
// same program as one classic script run through vm.Script with V8's code cache
// (src/start/code-cache.ts, loaded by bin/b2c.js as dist/start.js). Only the file manager starts
// from it, so its entry leaves the subcommands out (src/start/file-manager.ts), and it is minified.
const oneFile = await build({
  ...common,
  plugins: [stubInkDevtools, ...common.plugins],
  entryPoints: ['src/start/file-manager.ts'],
  write: false,
  outfile: 'dist/cli.script.js',
  sourcemap: true,
});
const output = (ext) => oneFile.outputFiles.find((f) => f.path.endsWith(ext)).text;
const classic = await buildClassicScript(output('.js'), output('.js.map'));
await writeFile('dist/cli.script.js', classic.script);
await writeFile('dist/cli.script.js.map', classic.map);
await build({ ...common, entryPoints: ['src/start/entry.ts'], outfile: 'dist/start.js' });
