// Lines of dependencies that cost the file manager's start-up, replaced in the bundle only
// (bench/README.md, "Start-up"). Each patch names the exact text it replaces: when a new version
// of the dependency no longer has it, the build fails, so the patch is looked at again.
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * backblaze-b2 loads the whole of lodash (about 20 ms to set up its 300 functions) for `get`,
 * `merge` and `isString`; lodash publishes each as a module of its own, with the same code.
 */
const LODASH_WHOLE = "const _ = require('lodash');";
const LODASH_THREE =
  "const _ = { get: require('lodash/get'), merge: require('lodash/merge'), isString: require('lodash/isString') };";

/**
 * The patches that make mime-types (the file `file`) read mime-db and build its maps at the first
 * lookup instead of when it loads. `conflicts` is the line the version has after the maps' exports.
 */
function lazyMimeTypes(file, conflicts) {
  return [
    {
      file,
      from: "var db = require('mime-db')",
      to: "var db\nfunction mimeDb () { return db || (db = require('mime-db')) }",
    },
    {
      file,
      from: 'var mime = match && db[match[1].toLowerCase()]',
      to: 'var mime = match && mimeDb()[match[1].toLowerCase()]',
    },
    {
      file,
      from: 'Object.keys(db).forEach(function forEachMimeType (type) {',
      to: 'mimeDb()\n  Object.keys(db).forEach(function forEachMimeType (type) {',
    },
    {
      file,
      from: `exports.extensions = Object.create(null)
exports.lookup = lookup
exports.types = Object.create(null)
${conflicts}
// Populate the extensions/types maps
populateMaps(exports.extensions, exports.types)`,
      to: `var maps
function populated () {
  if (!maps) {
    maps = { extensions: Object.create(null), types: Object.create(null) }
    populateMaps(maps.extensions, maps.types)
  }
  return maps
}
Object.defineProperty(exports, 'extensions', { enumerable: true, get: function () { return populated().extensions } })
exports.lookup = lookup
Object.defineProperty(exports, 'types', { enumerable: true, get: function () { return populated().types } })
${conflicts}`,
    },
  ];
}

/**
 * A `const NAME` with the `segment` method of `new Intl.Segmenter(ARGS)`, which it makes at the
 * first call: the first segmenter of a process costs about 10 ms (ICU loads its break rules).
 */
function lazySegmenter(name, args) {
  const made = `made${name}`;
  return `let ${made};\nconst ${name} = { segment: (text) => (${made} ??= new Intl.Segmenter(${args})).segment(text) };`;
}

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
    // The first Intl.Segmenter of a process costs about 10 ms (ICU loads its break rules), and
    // string-width segments every text that is not plain ASCII: the first frame's borders too.
    // Text of narrow characters that never join (src/state/text/narrow-text.ts) needs no
    // segmenter; and the segmenter is made at the first text that does, not when string-width loads.
    file: 'node_modules/string-width/index.js',
    from: 'if (/^[\\u0020-\\u007E]*$/.test(string)) {',
    to: 'if (ambiguousIsNarrow && NARROW_TEXT.test(string)) {',
  },
  {
    file: 'node_modules/string-width/index.js',
    from: 'const segmenter = new Intl.Segmenter();',
    to: `import { NARROW_TEXT } from ${JSON.stringify(resolve('src/state/text/narrow-text.ts'))};
${lazySegmenter('segmenter', '')}`,
  },
  // wrap-ansi (Ink's wrapping) has its own string-width, older; ansi-tokenize (Ink's output step,
  // used when a frame is not drawn directly) and slice-ansi (Ink's clipping) make theirs too.
  {
    file: 'node_modules/wrap-ansi/node_modules/string-width/index.js',
    from: 'const segmenter = new Intl.Segmenter();',
    to: lazySegmenter('segmenter', ''),
  },
  {
    file: 'node_modules/@alcalzone/ansi-tokenize/build/tokenize.js',
    from: 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
    to: lazySegmenter('segmenter', "undefined, { granularity: 'grapheme' }"),
  },
  {
    file: 'node_modules/slice-ansi/tokenize-ansi.js',
    from: "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
    to: lazySegmenter('GRAPHEME_SEGMENTER', "undefined, { granularity: 'grapheme' }"),
  },
  {
    // yoga's Emscripten loader reads its WebAssembly, inlined as a data: URL, with fetch() when
    // there is one: on Node that loads undici (Node's fetch) and parses the URL through it, about
    // 40 ms of CPU before the first frame. Without fetch it decodes the same base64 itself.
    file: 'node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
    from: '"function"!=typeof fetch?Promise.resolve()',
    to: '!0?Promise.resolve()',
  },
  {
    // …and decodes that base64 with atob and a loop over every byte: 10–15 ms of the first frame.
    // Buffer decodes it natively.
    file: 'node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
    from: 'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c',
    to: 'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))',
  },
  {
    // …and compiles it with WebAssembly.instantiate, which V8 does on its helper threads: on 2
    // cores the main thread then stalls 40–55 ms right after the first frame, waiting for them
    // (strace: a futex wait while a helper thread commits code pages), before the demo server and
    // the first listings can start. Compiled on the main thread, the module's functions are
    // compiled lazily, each at its first call (bench/README.md, "Start-up").
    file: 'node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
    from: 'return WebAssembly.instantiate(f,d)',
    to: 'return{instance:new WebAssembly.Instance(new WebAssembly.Module(f),d)}',
  },
  {
    // signal-exit 3 (Ink's) loads node:assert (≈ 0.7 ms, four modules) for one check of its
    // argument: loaded only when that check fails, to throw the same AssertionError.
    file: 'node_modules/signal-exit/index.js',
    from: "  var assert = require('assert')\n",
    to: '',
  },
  {
    file: 'node_modules/signal-exit/index.js',
    from: "    assert.equal(typeof cb, 'function', 'a callback must be provided for exit handler')",
    to: "    if (typeof cb !== 'function') require('assert').equal(typeof cb, 'function', 'a callback must be provided for exit handler')",
  },
  {
    file: 'node_modules/backblaze-b2/lib/actions/auth.js',
    from: LODASH_WHOLE,
    to: LODASH_THREE,
  },
  {
    file: 'node_modules/backblaze-b2/lib/actions/bucket.js',
    from: LODASH_WHOLE,
    to: LODASH_THREE,
  },
  {
    file: 'node_modules/backblaze-b2/lib/actions/file.js',
    from: LODASH_WHOLE,
    to: LODASH_THREE,
  },
  {
    file: 'node_modules/backblaze-b2/lib/actions/key.js',
    from: LODASH_WHOLE,
    to: LODASH_THREE,
  },
  // mime-types parses mime-db and builds its maps of 1,000 types when it loads (form-data, which
  // axios loads, requires it, in a version of its own): 10–15 ms of every B2 command's start.
  ...lazyMimeTypes('node_modules/mime-types/index.js', 'exports._extensionConflicts = []\n'),
  ...lazyMimeTypes('node_modules/form-data/node_modules/mime-types/index.js', ''),
  {
    // axios reads the global FormData when it loads, which loads Node's undici (about 15 ms).
    // Read when the value checked could be one: never a primitive or a plain object (the
    // function answers false for those anyway), such as every JSON call's body.
    file: 'node_modules/axios/dist/node/axios.cjs',
    from: `const FormDataCtor = typeof G.FormData !== 'undefined' ? G.FormData : undefined;
const isFormData = thing => {
  if (!thing) return false;
  if (FormDataCtor && thing instanceof FormDataCtor) return true;
  // Reject plain objects inheriting directly from Object.prototype so prototype-pollution gadgets can't spoof FormData.
  const proto = getPrototypeOf(thing);
  if (!proto || proto === Object.prototype) return false;`,
    to: `const isFormData = thing => {
  if (!thing) return false;
  if (typeof thing !== 'object' && typeof thing !== 'function') return false;
  // Reject plain objects inheriting directly from Object.prototype so prototype-pollution gadgets can't spoof FormData.
  const proto = getPrototypeOf(thing);
  if (!proto || proto === Object.prototype) return false;
  const FormDataCtor = G.FormData;
  if (FormDataCtor && thing instanceof FormDataCtor) return true;`,
  },
  {
    // …and loads node:http2 (about 10 ms: nghttp2 is set up) for requests that ask for HTTP/2,
    // which b2c never makes. Loaded at the first use of either of the two things axios takes from it.
    file: 'node_modules/axios/dist/node/axios.cjs',
    from: "var http2 = require('http2');",
    to: "var http2 = { get connect() { return require('http2').connect; }, get constants() { return require('http2').constants; } };",
  },
  {
    // form-data (which axios loads) sets its prototype's Symbol.toStringTag through
    // es-set-tostringtag, whose get-intrinsic walks every intrinsic of the language when it loads
    // (≈ 12 ms). The one call it makes, written out.
    file: 'node_modules/form-data/lib/form_data.js',
    from: "var setToStringTag = require('es-set-tostringtag');",
    to: `var setToStringTag = function (object, value) {
  if (!Object.prototype.hasOwnProperty.call(object, Symbol.toStringTag)) {
    Object.defineProperty(object, Symbol.toStringTag, { configurable: true, enumerable: false, value: value, writable: false });
  }
};`,
  },
  {
    // axios builds its fetch adapter when it loads (a Request, a Response and a ReadableStream
    // to probe them, which loads Node's undici): 10–15 ms of every B2 command's start. b2c uses
    // its http adapter; the fetch adapter is still built when asked for (knownAdapters.fetch.get).
    file: 'node_modules/axios/dist/node/axios.cjs',
    from: 'getFetch();\n\n/**\n * Known adapters mapping.',
    to: '\n\n/**\n * Known adapters mapping.',
  },
];

/** An esbuild plugin applying {@link PATCHES} to the files they name. */
export const dependencyPatches = {
  name: 'b2c-dependency-patches',
  setup(b) {
    // By real path: esbuild loads files by theirs, so a node_modules that is a symbolic link (a
    // worktree sharing another's) would otherwise build unpatched without a word. A patched file
    // that is missing fails the build here.
    const byFile = new Map();
    for (const p of PATCHES) {
      const file = realpathSync(resolve(p.file));
      byFile.set(file, [...(byFile.get(file) ?? []), p]);
    }
    b.onLoad({ filter: /[\\/]node_modules[\\/]/ }, async (args) => {
      const patches = byFile.get(realpathSync(args.path));
      if (patches === undefined) return undefined;
      let source = await readFile(args.path, 'utf8');
      for (const patch of patches) {
        if (source.split(patch.from).length !== 2)
          throw new Error(`${patch.file} no longer has "${patch.from}" once: review scripts/dependency-patches.mjs`);
        source = source.replace(patch.from, () => patch.to);
      }
      return { contents: source, loader: 'js' };
    });
  },
};
