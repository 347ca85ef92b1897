/**
 * The file manager's first frame loads only what it draws (bench/README.md, "Start-up"): the B2
 * client library (backblaze-b2 with axios), the B2 provider (with mime-types), the config file's
 * library (conf with ajv and semver) and the built-in server are compiled when first used — the
 * first B2 connection (src/providers/b2/lazy.ts), the first read of the config file
 * (src/config/store.ts) — or never (the server runs in a thread of its own, dist/demo-server.js).
 * Checked on the built bundle: the chunks the TUI's chunk imports statically, followed through
 * their own static imports, hold none of it, and each is in a chunk of its own. Dependencies'
 * start-up costs are patched out of the bundle (scripts/dependency-patches.mjs, checked by
 * tests/e2e/dependency-patches.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
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

/** What the first frame must not load, each with a source file that shows it is bundled at all. */
const DEFERRED: Array<{ what: string; pattern: RegExp; bundled: string }> = [
  {
    what: 'the B2 client library',
    pattern: /node_modules\/(backblaze-b2|axios)\//,
    bundled: 'node_modules/backblaze-b2/',
  },
  { what: 'the config file library', pattern: /node_modules\/(conf|ajv|semver)\//, bundled: 'node_modules/conf/' },
  { what: 'the config file store', pattern: /src\/config\/store\.ts$/, bundled: 'src/config/store.ts' },
  { what: 'mime types', pattern: /node_modules\/mime-(db|types)\//, bundled: 'node_modules/mime-db/' },
  // lazy.ts loads the provider; home.ts is a pure rule the navigator uses.
  {
    what: 'the B2 provider',
    pattern: /src\/providers\/b2\/(?!lazy\.ts$|home\.ts$)/,
    bundled: 'src/providers/b2/connect.ts',
  },
  // The demo's key names are checked in the arguments, before anything starts.
  {
    what: 'the built-in server',
    pattern: /src\/emulator\/(?!demo\/demo-constants\.ts$)/,
    bundled: 'src/emulator/index.ts',
  },
];

describe('the TUI bundle', () => {
  const chunks = readdirSync(join(DIST, 'chunks')).filter((f) => f.endsWith('.js'));
  const tui = chunks.find((f) => f.startsWith('run-tui-'));
  const firstFrame = [...staticClosure(join('chunks', tui ?? ''))].flatMap(sourcesOf);

  it.each(DEFERRED)('loads $what only when used, from a chunk of its own', ({ pattern, bundled }) => {
    expect(tui).toBeDefined();
    expect(firstFrame.filter((s) => pattern.test(s))).toEqual([]);
    expect(chunks.some((f) => sourcesOf(join('chunks', f)).some((s) => s.includes(bundled)))).toBe(true);
  });

  // The demo's sign-in waits for the server thread to load: its MIME tables wait for a call that
  // may name b2/x-auto (src/emulator/api/names.ts).
  it("starts the demo server's thread without the MIME tables", () => {
    const thread = [...staticClosure('demo-server.js')].flatMap(sourcesOf);
    expect(thread.some((s) => s.endsWith('src/emulator/index.ts'))).toBe(true);
    expect(thread.filter((s) => /node_modules\/mime-(db|types)\//.test(s))).toEqual([]);
  });

  // scripts/dependency-patches.mjs: string-width and yoga.
  it("builds string-width's RGI emoji pattern only for a text that may hold an emoji", () => {
    const withStringWidth = chunks.filter((f) =>
      sourcesOf(join('chunks', f)).some((s) => /^(\.\.\/)*node_modules\/string-width\/index\.js$/.test(s)),
    );
    expect(withStringWidth).toHaveLength(1);
    const file = join('chunks', withStringWidth[0] ?? '');
    expect(sourcesOf(file).some((s) => s.endsWith('src/state/text/rgi-emoji.ts'))).toBe(true);
    expect(readFileSync(join(DIST, file), 'utf8')).not.toMatch(/var rgiEmojiRegex = new RegExp/);
  });

  it("loads without Node's fetch (undici): yoga decodes its WebAssembly itself", () => {
    const script = `await import(${JSON.stringify(join(DIST, 'chunks', tui ?? ''))}); console.log(JSON.stringify(process.moduleLoadList));`;
    const loaded = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    ) as string[];
    expect(loaded.filter((m) => m.includes('undici'))).toEqual([]);
  });

  // Node < 22.1 starts the file manager from this script with V8's code cache (src/start/code-cache.ts):
  // the whole text is read at every start, so it holds the file manager alone, minified.
  it('starts the file manager from a minified script without the subcommands or Ink devtools', () => {
    const sources = sourcesOf('cli.script.js');
    expect(sources.some((s) => s.endsWith('src/ui/run-tui.tsx'))).toBe(true);
    const left = sources.filter((s) =>
      /src\/commands\/(emulator|ls|cp|rm|sync|find|keys)\.ts$|src\/emulator\/index\.ts$|node_modules\/ws\//.test(s),
    );
    expect(left).toEqual([]);
    const script = readFileSync(join(DIST, 'cli.script.js'), 'latin1');
    expect(script.length).toBeLessThan(2_000_000);
    expect(script.split('\n').length).toBeLessThan(100);
    // Its source map leads to the line a text comes from (the profiles of bench/ read it).
    const text = 'needs an interactive terminal';
    const at = script.indexOf(text);
    const before = script.slice(0, at);
    const map = new SourceMap(JSON.parse(readFileSync(join(DIST, 'cli.script.js.map'), 'utf8')) as SourceMapPayload);
    const entry = map.findEntry(before.split('\n').length - 1, at - before.lastIndexOf('\n') - 1);
    expect('originalSource' in entry && entry.originalSource.endsWith('src/ui/terminal-session.ts')).toBe(true);
    const source = readFileSync(join(DIST, '..', 'src', 'ui', 'terminal-session.ts'), 'utf8').split('\n');
    expect('originalLine' in entry ? source[entry.originalLine] : '').toContain(text);
  });
});
