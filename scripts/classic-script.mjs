// The file manager as one classic script (not an ES module), for V8's code cache on Node < 22.1
// (src/start/code-cache.ts): vm.Script takes cachedData, ES modules have no such door there.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { build } from 'esbuild';

const requireHere = createRequire(import.meta.url);

/**
 * Built-ins the first frame does not use, and that cost milliseconds to load (crypto ≈ 5 ms,
 * http with https and tls ≈ 5 ms, child_process and assert ≈ 2 ms, fs/promises ≈ 1.8 ms and
 * worker_threads ≈ 1.2 ms on the reference machine): an import of one of them becomes a stand-in
 * that loads it at its first use (LAZY_PROLOGUE).
 */
const LAZY_BUILTINS = new Set([
  'node:crypto',
  'node:http',
  'node:https',
  'node:child_process',
  'node:assert',
  'node:fs/promises',
  'node:worker_threads',
]);

/**
 * `__b2cLazy(specifier, name)`: a stand-in for `require(specifier)` (name null) or its export
 * `name`, which requires the module at the first call, `new`, property read or write, or `in`
 * (a Proxy over a function, so that calling and constructing it work; `instanceof` and `extends`
 * read `prototype` through it). Only used for values that are functions or objects (checked when
 * the script is built); `typeof` of a stand-in is always "function".
 */
const LAZY_PROLOGUE = `const __b2cLazy = (specifier, name) => {
  let value;
  const load = () => (value ??= name === null ? require(specifier) : require(specifier)[name]);
  const proxy = new Proxy(function () {}, {
    apply: (_, self, args) => Reflect.apply(load(), self, args),
    construct: (_, args, newTarget) => Reflect.construct(load(), args, newTarget === proxy ? load() : newTarget),
    get: (_, key) => Reflect.get(load(), key),
    set: (_, key, v) => Reflect.set(load(), key, v),
    has: (_, key) => Reflect.has(load(), key),
  });
  return proxy;
};
`;

/** True when `value` may stand behind a lazy stand-in (a function or an object). */
function proxiable(value) {
  return typeof value === 'function' || (typeof value === 'object' && value !== null);
}

/** `import … from "node:x"` in esbuild's output, as the `require` of the same module (lazy: see LAZY_BUILTINS). */
function requireOf(clause, specifier) {
  const from = `require(${JSON.stringify(specifier)})`;
  const lazy = LAZY_BUILTINS.has(specifier) ? requireHere(specifier) : null;
  const whole = (local) =>
    lazy !== null && proxiable(lazy)
      ? `const ${local} = __b2cLazy(${JSON.stringify(specifier)}, null);`
      : `const ${local} = ${from};`;
  const named = (list) => {
    const pairs = list
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => {
        const [name, local = name] = p.split(/\s+as\s+/);
        return { name, local };
      });
    if (lazy !== null && pairs.every(({ name }) => proxiable(lazy[name])))
      return pairs
        .map(({ name, local }) => `const ${local} = __b2cLazy(${JSON.stringify(specifier)}, ${JSON.stringify(name)});`)
        .join(' ');
    return `const {${pairs.map(({ name, local }) => (name === local ? name : `${name}: ${local}`)).join(', ')}} = ${from};`;
  };
  let m;
  if ((m = /^\* as (\w+)$/.exec(clause))) return whole(m[1]);
  if ((m = /^(\w+)$/.exec(clause))) return whole(m[1]);
  if ((m = /^\{([^}]*)\}$/.exec(clause))) return named(m[1]);
  if ((m = /^(\w+),\s*\{([^}]*)\}$/.exec(clause))) return `${whole(m[1])} ${named(m[2])}`;
  throw new Error(`classic-script: cannot turn "import ${clause} from ${specifier}" into a require`);
}

/**
 * Turns esbuild's one-file ES module bundle (no code splitting, Node built-ins external, not
 * minified: one import per line) into the text of a classic script whose value is
 * `async (require, importMetaUrl, importModule) => …`: the imports of built-ins become `require`
 * calls, `import.meta.url` the second argument, dynamic `import(…)` calls of the third (V8 drops a
 * script's dynamic import callback from the functions it reads from a code cache: there they
 * throw "A dynamic import callback was not specified"), and the top-level awaits (Ink, yoga) are
 * inside the async function. Throws when anything else of module syntax is left, so a bundle
 * this cannot convert fails the build instead of running differently. The function's head (with the stand-ins'
 * helper) is the first line, the bundle's first line the second.
 */
export function toClassicScript(esm) {
  const body = esm
    .replace(/^import\s+(.+?)\s+from\s+"(node:[\w/]+|[a-z_]+)";$/gm, (_, clause, specifier) =>
      requireOf(clause.trim(), specifier),
    )
    .replace(/\bimport\.meta\.url\b/g, '__b2cImportMetaUrl')
    .replace(/(?<![\w$.])import\(/g, '__b2cImport(');
  const left = body.match(/^(?:import|export)\b.*$|\bimport\.meta\b/gm);
  if (left !== null) throw new Error(`classic-script: module syntax left: ${left.slice(0, 3).join(' | ')}`);
  // The prologue goes on the head's line: the bundle starts on the second, as its map expects.
  const prologue = LAZY_PROLOGUE.trim().replace(/\n\s*/g, ' ');
  return `(async function (require, __b2cImportMetaUrl, __b2cImport) { ${prologue}\n${body}\n})\n`;
}

/**
 * The classic script as dist/cli.script.js holds it, from the bundle's code and source map:
 * converted ({@link toClassicScript}), then minified by esbuild (the map follows the bundle's).
 * Smaller is faster here: the start reads the whole text and V8 keeps it as a string, about
 * 10 ms per megabyte on this machine, and a minified function compiles sooner when the cache
 * lacks it (bench/README.md, "Start-up"). Function names are esbuild's short ones; the map names
 * the sources. The text is ASCII (esbuild's `charset: 'ascii'`), so the start reads it as latin1
 * (a third of UTF-8 decoding's time, and V8 keeps it as a one-byte string). The first line is
 * `// b2c-build <16 hex digits of the rest's SHA-256>`: the cache file's name.
 * @throws when the script does not compile as a classic script.
 */
export async function buildClassicScript(esm, esmMap) {
  const dir = await mkdtemp(join(tmpdir(), 'b2c-classic-'));
  try {
    const input = join(dir, 'cli.script.js');
    // The head line is one more line before the bundle's first: the map starts one line later.
    const map = JSON.parse(esmMap);
    await writeFile(`${input}.map`, JSON.stringify({ ...map, mappings: `;${map.mappings}` }));
    await writeFile(input, `${toClassicScript(esm)}//# sourceMappingURL=cli.script.js.map\n`);
    const minified = await build({
      entryPoints: [input],
      outfile: join(dir, 'out.js'),
      write: false,
      // Not minifySyntax: it drops the script's one statement, whose value nothing in it uses.
      minifyWhitespace: true,
      minifyIdentifiers: true,
      charset: 'ascii',
      legalComments: 'none',
      sourcemap: 'external',
      logLevel: 'warning',
    });
    const text = (ext) => minified.outputFiles.find((f) => f.path.endsWith(ext)).text;
    const script = text('.js');
    // A classic script with module syntax left in it does not compile: fail the build, not the start.
    new vm.Script(script, { filename: 'cli.script.js' });
    const hash = createHash('sha256').update(script).digest('hex').slice(0, 16);
    const out = JSON.parse(text('.js.map'));
    return {
      script: `// b2c-build ${hash}\n${script}`,
      map: JSON.stringify({ ...out, mappings: `;${out.mappings}` }),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
