// Bundles src/cli.ts into dist/cli.js so `b2c` starts without resolving hundreds of modules.
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

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
 * string-width builds `/^\p{RGI_Emoji}$/v` when it loads and compiles it at the first text that
 * is not plain ASCII: 40–100 ms of every start-up (bench/README.md, "Start-up"). The bundle's
 * string-width uses src/state/text/rgi-emoji.ts instead, which answers the same and builds that
 * pattern only for a text that may hold an emoji (tests/state/text/rgi-emoji.test.ts). A new
 * string-width without that line fails the build, so the replacement is looked at again.
 */
const STRING_WIDTH = resolve('node_modules/string-width/index.js');
const RGI_EMOJI_LINE = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
const lazyRgiEmoji = {
  name: 'lazy-rgi-emoji',
  setup(b) {
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      if (resolve(args.path) !== STRING_WIDTH) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(RGI_EMOJI_LINE))
        throw new Error(`${STRING_WIDTH} no longer has "${RGI_EMOJI_LINE}": review scripts/build.mjs's lazyRgiEmoji`);
      const lazy = JSON.stringify(join(resolve('src/state/text'), 'rgi-emoji.ts'));
      return { contents: source.replace(RGI_EMOJI_LINE, `import { rgiEmojiRegex } from ${lazy};`), loader: 'js' };
    });
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
  plugins: [stubDevtools, lazyRgiEmoji],
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies (backblaze-b2 → axios) call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __b2cCreateRequire } from 'node:module'; const require = __b2cCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
