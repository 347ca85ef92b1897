/**
 * The repository explains itself (ARCHITECTURE.md, "Conventions"): code, tests and documents point
 * only at files inside it — design rules at ARCHITECTURE.md by section name, B2 facts at
 * docs/b2-api.md by § number — and what ARCHITECTURE.md names exists. A newcomer who clones the
 * repository can follow every pointer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FOLDERS = ['src', 'tests', 'bench', 'scripts', 'docs'];
const ROOT_FILES = ['README.md', 'ARCHITECTURE.md', 'oxlint.config.js', 'vitest.config.ts', 'package.json'];
const TEXT = /\.(ts|tsx|js|mjs|json|md)$/;

/**
 * Documents outside the repository that comments used to cite. Each pattern is written so that
 * this file does not match it.
 */
const OUTSIDE: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\bDESIGN\.md\b/, what: 'the old design document (cite a section of ARCHITECTURE.md by name)' },
  { pattern: /\bb2-native[-]api\b/, what: 'the outside B2 reference notes (cite docs/b2-api.md §N)' },
  { pattern: /\breference\s*§/i, what: 'a § of the outside reference notes (cite docs/b2-api.md §N)' },
  { pattern: /(?:\.\.\/|\/work\/)shared\//, what: 'a path outside the repository' },
];

/** Text files under `dir` (relative to the root), recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(path);
    return e.isFile() && TEXT.test(e.name) ? [path] : [];
  });
}

/** Every text file the rule covers, relative to the repository root. */
function coveredFiles(): string[] {
  return [...FOLDERS.flatMap(filesUnder), ...ROOT_FILES.filter((f) => existsSync(join(ROOT, f)))];
}

function read(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}

/** `line: text` for every line of `text` that points outside the repository. */
function outsidePointers(text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const o of OUTSIDE) if (o.pattern.test(line)) out.push(`${i + 1}: ${o.what}: ${line.trim()}`);
  });
  return out;
}

/** The text with comment line breaks (`\n *`, `\n //`) folded into spaces, so a wrapped citation reads as one. */
function unwrapped(text: string): string {
  return text.replace(/\s*\n\s*(?:\*(?!\/)|\/\/)?\s*/g, ' ');
}

/** The section names a citation of ARCHITECTURE.md may use: its headings. */
function architectureSections(): Set<string> {
  return new Set([...read('ARCHITECTURE.md').matchAll(/^#{2,3} (.+)$/gm)].map((m) => (m[1] ?? '').trim()));
}

/** The § numbers docs/b2-api.md defines: `## N.` headings and `**§N.M` entries. */
function apiSections(): Set<string> {
  const text = read('docs/b2-api.md');
  return new Set([
    ...[...text.matchAll(/^## (\d+)\./gm)].map((m) => m[1] ?? ''),
    ...[...text.matchAll(/\*\*§(\d+\.\d+)/g)].map((m) => m[1] ?? ''),
  ]);
}

/** The sections `text` cites in ARCHITECTURE.md and in docs/b2-api.md. */
function citations(text: string): { architecture: string[]; api: string[] } {
  const flat = unwrapped(text);
  const architecture = [...flat.matchAll(/ARCHITECTURE\.md, "([^"]+)"/g)].map((m) => m[1] ?? '');
  const api = [...flat.matchAll(/docs\/b2-api\.md((?:[\s,–-]*(?:and\s+)?§\d+(?:\.\d+)?)+)/g)].flatMap((m) =>
    [...(m[1] ?? '').matchAll(/§(\d+(?:\.\d+)?)/g)].map((n) => n[1] ?? ''),
  );
  return { architecture, api };
}

/** The `src/…` and `tests/…` paths ARCHITECTURE.md names in backticks (placeholders such as `<kind>` left out). */
function namedPaths(markdown: string): string[] {
  return [...markdown.matchAll(/`((?:src|tests)\/[^`\s]*)`/g)].map((m) => m[1] ?? '').filter((p) => !/[<>*]/.test(p));
}

describe('the repository is self-contained', () => {
  it('the checks below can fail', () => {
    expect(outsidePointers(`see ${'DESIGN'}.md §Style`)).toHaveLength(1);
    expect(outsidePointers(`retry rules (${'Reference'} §4)`)).toHaveLength(1);
    expect(outsidePointers(`/work/${'shared'}/reference/b2-native${'-'}api.md`)).toHaveLength(2);
    expect(outsidePointers('docs/b2-api.md §3.2; ARCHITECTURE.md, "Layers"; prefix team/')).toEqual([]);
    expect(
      citations(` * (docs/b2-api.md §2.2–§2.3, and\n * ${'ARCHITECTURE'}.md, "Keypress\n * flow", step 1)`),
    ).toEqual({ architecture: ['Keypress flow'], api: ['2.2', '2.3'] });
    expect(namedPaths('`src/a.ts`, `src/tui/dialogs/<kind>.ts`, `npm test`, `tests/x/`')).toEqual([
      'src/a.ts',
      'tests/x/',
    ]);
  });

  it('no file points at a document outside the repository', () => {
    const found = coveredFiles().flatMap((f) => outsidePointers(read(f)).map((p) => `${f}:${p}`));
    expect(found).toEqual([]);
  });

  it('every path ARCHITECTURE.md names exists', () => {
    const missing = namedPaths(read('ARCHITECTURE.md')).filter((p) => !existsSync(join(ROOT, p)));
    expect(missing).toEqual([]);
  });

  it('every cited section of ARCHITECTURE.md and docs/b2-api.md exists', () => {
    const sections = architectureSections();
    const api = apiSections();
    const dangling = coveredFiles().flatMap((f) => {
      const c = citations(read(f));
      return [
        ...c.architecture.filter((s) => !sections.has(s)).map((s) => `${f}: no section "${s}" in ARCHITECTURE.md`),
        ...c.api.filter((n) => !api.has(n)).map((n) => `${f}: no §${n} in docs/b2-api.md`),
      ];
    });
    expect(dangling).toEqual([]);
  });
});
