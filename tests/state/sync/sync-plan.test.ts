/** The pure sync planner: compare modes, exclusions, removal choices, counts and bytes. */
import { describe, expect, it } from 'vitest';
import { comparePair, namesToHash, type SyncEntry } from '../../../src/state/sync/sync-compare.js';
import { compileExcludes } from '../../../src/state/sync/sync-exclude.js';
import { foldersOverlap, nothingToDo, planSync, type SyncOptions } from '../../../src/state/sync/sync-plan.js';

const T = 1_700_000_000_000;
const e = (rel: string, size: number, mtimeMs: number | null = T, sha1: string | null = null): SyncEntry => ({
  rel,
  size,
  mtimeMs,
  sha1,
});
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const opts = (o: Partial<SyncOptions> = {}): SyncOptions => ({ compare: 'mtime', exclude: [], removal: 'none', ...o });

describe('comparePair', () => {
  it('size: only the sizes count', () => {
    expect(comparePair(e('x', 1, T), e('x', 1, T + 5000), 'size')).toBe('same');
    expect(comparePair(e('x', 1), e('x', 2), 'size')).toBe('different');
  });

  it('mtime: whole milliseconds, the later side is newer, a size difference at the same time differs', () => {
    expect(comparePair(e('x', 1, T), e('x', 1, T), 'mtime')).toBe('same');
    expect(comparePair(e('x', 1, T + 1), e('x', 1, T), 'mtime')).toBe('newer');
    expect(comparePair(e('x', 1, T), e('x', 1, T + 1), 'mtime')).toBe('older');
    expect(comparePair(e('x', 1, T), e('x', 2, T), 'mtime')).toBe('different');
    expect(comparePair(e('x', 1, null), e('x', 2, T), 'mtime')).toBe('different');
    expect(comparePair(e('x', 1, null), e('x', 1, T), 'mtime')).toBe('same');
  });

  it('sha1: equal hashes are the same whatever the times; unknown hashes fall back to mtime', () => {
    expect(comparePair(e('x', 1, T, A), e('x', 1, T + 9, A), 'sha1')).toBe('same');
    expect(comparePair(e('x', 1, T, A), e('x', 1, T, B), 'sha1')).toBe('different');
    expect(comparePair(e('x', 1, T + 9, A), e('x', 1, T, B), 'sha1')).toBe('newer');
    expect(comparePair(e('x', 1, T + 9, null), e('x', 1, T, B), 'sha1')).toBe('newer');
    expect(comparePair(e('x', 1, T, null), e('x', 1, T, B), 'sha1')).toBe('same');
  });

  it('namesToHash: only equal-sized pairs whose other side knows its SHA1', () => {
    const src = [e('same', 3), e('sized', 4), e('only', 1), e('unknown', 2)];
    const dst = [e('same', 3, T, A), e('sized', 5, T, A), e('unknown', 2)];
    expect(namesToHash(src, dst, 'source')).toEqual(['same']);
  });
});

describe('compileExcludes', () => {
  it('a pattern without / matches any segment; with / the path or a folder on the way', () => {
    const ex = compileExcludes(['*.tmp', 'node_modules', '/build/*', 'logs/2024']);
    expect(ex('a.tmp')).toBe(true);
    expect(ex('deep/er/x.tmp')).toBe(true);
    expect(ex('app/node_modules/lib/x.js')).toBe(true);
    expect(ex('build/out.js')).toBe(true);
    expect(ex('logs/2024/jan.txt')).toBe(true);
    expect(ex('logs/2025/jan.txt')).toBe(false);
    expect(ex('src/build.ts')).toBe(false);
    expect(compileExcludes([])('anything')).toBe(false);
  });
});

describe('planSync', () => {
  const src = [e('new.txt', 10), e('same.txt', 5), e('changed.txt', 7, T + 1000), e('skip.tmp', 99)];
  const dst = [e('same.txt', 5), e('changed.txt', 6, T), e('gone.txt', 3), e('hidden.txt', 4)];
  dst[3] = { ...e('hidden.txt', 4), hidden: true };

  it('uploads, replaces, keeps, with counts and bytes; hidden names are absent', () => {
    const plan = planSync(src, dst, opts({ exclude: ['*.tmp'] }));
    expect(plan.items.map((i) => `${i.action} ${i.rel} ${i.why}`)).toEqual([
      'replace changed.txt newer',
      'unchanged gone.txt only-destination',
      'upload new.txt only-source',
      'unchanged same.txt same',
    ]);
    expect(plan.counts).toEqual({
      upload: { files: 1, bytes: 10 },
      replace: { files: 1, bytes: 7 },
      remove: { files: 0, bytes: 0 },
      unchanged: { files: 2, bytes: 0 },
    });
    expect(plan.excluded).toBe(1);
  });

  it('removal hide or delete removes what only the destination has, never excluded names', () => {
    const plan = planSync(src, [...dst, e('keep.tmp', 1)], opts({ exclude: ['*.tmp'], removal: 'delete' }));
    expect(plan.items.filter((i) => i.action === 'remove').map((i) => i.rel)).toEqual(['gone.txt']);
    expect(plan.counts.remove).toEqual({ files: 1, bytes: 3 });
    expect(planSync(src, dst, opts({ removal: 'hide' })).counts.remove.files).toBe(1);
  });

  it('identical listings: nothing to do', () => {
    expect(nothingToDo(planSync(src, src, opts({ removal: 'delete' })))).toBe(true);
    expect(nothingToDo(planSync(src, [], opts()))).toBe(false);
  });
});

describe('foldersOverlap', () => {
  it('the same folder or one inside the other, on the same kind of place only', () => {
    const at = (kind: string, path: string) => ({ kind, path });
    expect(foldersOverlap(at('local', '/a'), at('local', '/a/'))).toBe(true);
    expect(foldersOverlap(at('local', '/a'), at('local', '/a/b'))).toBe(true);
    expect(foldersOverlap(at('local', '/a/b'), at('local', '/a'))).toBe(true);
    expect(foldersOverlap(at('local', '/a'), at('local', '/ab'))).toBe(false);
    expect(foldersOverlap(at('local', '/a'), at('b2', '/a'))).toBe(false);
    expect(foldersOverlap(at('b2', '/bucket'), at('b2', '/bucket/x'))).toBe(true);
  });
});
