/**
 * The file manager's first frame loads no B2 client library: backblaze-b2 (with axios and its
 * helpers) is a fifth of the start-up, and is loaded by the first B2 connection instead
 * (src/providers/b2/session.ts). Checked on the built bundle: the chunks the TUI's chunk imports
 * statically, followed through their own static imports, hold none of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '..', '..', 'dist');
const STATIC_IMPORT = /^import\s*(?:[\w{}\s,*$]+from\s*)?["'](\.{1,2}\/[^"']+)["'];?$/gm;

/** Files (relative to dist/) loaded together with `file`: it and its static imports, recursively. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(join(DIST, file), 'utf8');
  for (const m of source.matchAll(STATIC_IMPORT)) staticClosure(join(file, '..', m[1] ?? ''), seen);
  return seen;
}

/** The original sources bundled into a dist file, from its source map. */
function sourcesOf(file: string): string[] {
  return (JSON.parse(readFileSync(join(DIST, `${file}.map`), 'utf8')) as { sources: string[] }).sources;
}

describe('the TUI bundle', () => {
  it('loads no B2 client library before the first frame, and has it in a chunk of its own', () => {
    const tui = readdirSync(join(DIST, 'chunks')).find((f) => f.startsWith('run-tui-') && f.endsWith('.js'));
    expect(tui).toBeDefined();
    const loaded = [...staticClosure(join('chunks', tui ?? ''))];
    const libraries = loaded.flatMap(sourcesOf).filter((s) => /node_modules\/(backblaze-b2|axios)\//.test(s));
    expect(libraries).toEqual([]);
    const all = readdirSync(join(DIST, 'chunks')).filter((f) => f.endsWith('.js'));
    expect(all.some((f) => sourcesOf(join('chunks', f)).some((s) => s.includes('node_modules/backblaze-b2/')))).toBe(
      true,
    );
  });
});
