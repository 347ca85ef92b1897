// Where a V8 CPU profile's frames come from in b2c's bundle: the original source file (through
// the bundle's source maps) and its package or src folder, for the TUI profile benchmarks.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

const maps = new Map();
function mapFor(url) {
  if (!maps.has(url)) {
    let map = null;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8')));
    } catch {
      // Not a bundle file (node: internals, the preload): no map.
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** The original file of a profile frame (through the source map), or a label for V8's own entries. */
export function fileOf({ url, lineNumber, columnNumber, functionName }) {
  if (url === '')
    return ['(garbage collector)', '(program)', '(idle)'].includes(functionName) ? functionName : '(native)';
  if (!url.startsWith('file:') || !url.includes('/dist/')) return url.startsWith('node:') ? 'node: internals' : url;
  const entry = mapFor(url)?.findEntry(lineNumber, columnNumber);
  return entry?.originalSource?.replace(/^.*?(node_modules\/|src\/)/, '$1') ?? url.replace(/^.*\/dist\//, 'dist/');
}

/** The package (node_modules/NAME) or src folder (src/a/b) of a file from {@link fileOf}. */
export function packageOf(file) {
  if (file.startsWith('node_modules/')) {
    const parts = file.split('/');
    return parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join('/');
  }
  return file.startsWith('src/') ? file.split('/').slice(0, 3).join('/') : file;
}
