// The file manager as one classic script (not an ES module), for V8's code cache on Node < 22.1
// (src/start/code-cache.ts): vm.Script takes cachedData, ES modules have no such door there.
import { createHash } from 'node:crypto';

/** `import … from "node:x"` in esbuild's output, as the `require` of the same module. */
function requireOf(clause, specifier) {
  const from = `require(${JSON.stringify(specifier)})`;
  const named = (list) => `{${list.replace(/\s+as\s+/g, ': ')}}`;
  let m;
  if ((m = /^\* as (\w+)$/.exec(clause))) return `const ${m[1]} = ${from};`;
  if ((m = /^(\w+)$/.exec(clause))) return `const ${m[1]} = ${from};`;
  if ((m = /^\{([^}]*)\}$/.exec(clause))) return `const ${named(m[1])} = ${from};`;
  if ((m = /^(\w+),\s*\{([^}]*)\}$/.exec(clause))) return `const ${m[1]} = ${from}; const ${named(m[2])} = ${m[1]};`;
  throw new Error(`classic-script: cannot turn "import ${clause} from ${specifier}" into a require`);
}

/**
 * Turns esbuild's one-file ES module bundle (no code splitting, Node built-ins external) into the
 * text of a classic script whose value is `async (require, importMetaUrl) => …`: the imports of
 * built-ins become `require` calls, `import.meta.url` the second argument, and the top-level
 * awaits (Ink, yoga) are inside the async function. Throws when anything else of module syntax
 * is left, so a bundle this cannot convert fails the build instead of running differently. The
 * first line is `// b2c-build <16 hex digits of the rest's SHA-256>`: the cache file's name.
 */
export function toClassicScript(esm) {
  const body = esm
    .replace(/^import\s+(.+?)\s+from\s+"(node:[\w/]+|[a-z_]+)";$/gm, (_, clause, specifier) =>
      requireOf(clause.trim(), specifier),
    )
    .replace(/\bimport\.meta\.url\b/g, '__b2cImportMetaUrl');
  const left = body.match(/^(?:import|export)\b.*$|\bimport\.meta\b/gm);
  if (left !== null) throw new Error(`classic-script: module syntax left: ${left.slice(0, 3).join(' | ')}`);
  // ASCII only, so the start reads it as latin1 (a third of the time of UTF-8 decoding, and V8
  // keeps it as a one-byte string). esbuild escapes everything but comments; those are escaped here.
  const ascii = body.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const script = `(async function (require, __b2cImportMetaUrl) {\n${ascii}\n})\n`;
  const hash = createHash('sha256').update(script).digest('hex').slice(0, 16);
  return `// b2c-build ${hash}\n${script}`;
}
