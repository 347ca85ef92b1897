// Two lines of dependencies that cost the file manager's start-up, replaced in the bundle only
// (bench/README.md, "Start-up"). Each patch names the exact text it replaces: when a new version
// of the dependency no longer has it, the build fails, so the patch is looked at again.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const PATCHES = [
  {
    // string-width builds /^\p{RGI_Emoji}$/v when it loads (20–50 ms here, every command) and V8
    // compiles it at the first text that is not plain ASCII (as long again: every first frame,
    // for its borders). src/state/text/rgi-emoji.ts answers the same and builds it only for a
    // text that may hold an emoji (tests/state/text/rgi-emoji.test.ts).
    file: 'node_modules/string-width/index.js',
    from: 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
    to: `import { rgiEmojiRegex } from ${JSON.stringify(resolve('src/state/text/rgi-emoji.ts'))};`,
  },
  {
    // yoga's Emscripten loader reads its WebAssembly, inlined as a data: URL, with fetch() when
    // there is one: on Node that loads undici (Node's fetch) and parses the URL through it, about
    // 40 ms of CPU before the first frame. Without fetch it decodes the same base64 itself.
    file: 'node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
    from: '"function"!=typeof fetch?Promise.resolve()',
    to: '!0?Promise.resolve()',
  },
];

/** An esbuild plugin applying {@link PATCHES} to the files they name. */
export const dependencyPatches = {
  name: 'b2c-dependency-patches',
  setup(b) {
    const byFile = new Map(PATCHES.map((p) => [resolve(p.file), p]));
    b.onLoad({ filter: /[\\/]node_modules[\\/]/ }, async (args) => {
      const patch = byFile.get(resolve(args.path));
      if (patch === undefined) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (source.split(patch.from).length !== 2)
        throw new Error(`${patch.file} no longer has "${patch.from}" once: review scripts/dependency-patches.mjs`);
      return { contents: source.replace(patch.from, patch.to), loader: 'js' };
    });
  },
};
