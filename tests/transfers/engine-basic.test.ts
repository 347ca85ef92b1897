import { describe, expect, it } from 'vitest';
import { PermissionDeniedError } from '../../src/providers/errors.js';
import { makeFixture } from './helpers/engine-fixture.js';
import { createGate, createMemoryProvider, sha1, until } from './helpers/memory-provider.js';

describe('transfer engine: copying, moving, deleting', () => {
  it('uploads two files and a folder tree; every byte arrives and is SHA1-verified', async () => {
    const f = makeFixture();
    f.local.put('/home/a.txt', 'alpha');
    f.local.put('/home/b.bin', Buffer.alloc(1000, 7));
    f.local.put('/home/dir/c.txt', 'charlie');
    f.local.put('/home/dir/sub/d.txt', 'delta');
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'ask',
      items: ['/home/a.txt', '/home/b.bin', '/home/dir'].map((source) => ({ source, targetDir: '/bkt/up' })),
    });
    await f.engine.whenIdle();

    expect(f.b2.text('/bkt/up/a.txt')).toBe('alpha');
    expect(sha1(f.b2.files.get('/bkt/up/b.bin')?.data ?? '')).toBe(sha1(Buffer.alloc(1000, 7)));
    expect(f.b2.text('/bkt/up/dir/c.txt')).toBe('charlie');
    expect(f.b2.text('/bkt/up/dir/sub/d.txt')).toBe('delta');
    const files = f.latest().filter((j) => j.kind === 'upload');
    expect(files).toHaveLength(4);
    expect(files.every((j) => j.state === 'done' && j.verified === 'sha1')).toBe(true);
    f.engine.publishNow();
    const t = f.engine.store.getSnapshot().totals;
    expect(t).toMatchObject({ files: 4, filesDone: 4, filesFailed: 0, bytesTotal: 5 + 1000 + 7 + 5, bytesDone: 1017 });
    expect(f.engine.store.getSnapshot().active).toBe(false);
  });

  it('downloads and keeps modification times; names the route of every job', async () => {
    const f = makeFixture();
    f.b2.put('/bkt/x/one.txt', 'one', 5_000);
    f.engine.submit({
      operation: 'copy',
      from: 'b2',
      to: 'local',
      conflict: 'overwrite',
      items: [{ source: '/bkt/x', targetDir: '/dl' }],
    });
    await f.engine.whenIdle();
    expect(f.local.files.get('/dl/x/one.txt')).toMatchObject({ mtimeMs: 5_000 });
    expect(f.byTarget('/dl/x/one.txt')).toMatchObject({ kind: 'download', state: 'done', verified: 'sha1' });
  });

  it('copies B2 to B2 on the server when both sides are the same account', async () => {
    const f = makeFixture();
    f.b2.put('/one/f.txt', 'server side');
    f.engine.submit({
      operation: 'copy',
      from: 'b2',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/one/f.txt', targetDir: '/two' }],
    });
    await f.engine.whenIdle();
    expect(f.b2.text('/two/f.txt')).toBe('server side');
    expect(f.b2.calls).toContain('copy /one/f.txt /two/f.txt');
    expect(f.b2.calls.some((c) => c.startsWith('read '))).toBe(false);
    expect(f.byTarget('/two/f.txt')).toMatchObject({ kind: 'server-copy', verified: 'sha1' });
  });

  it('never runs more than N files at once and starts them in listing order', async () => {
    const f = makeFixture({ concurrency: 3 });
    const names = Array.from({ length: 10 }, (_, i) => `f${String(i).padStart(2, '0')}.txt`);
    for (const n of names) f.local.put(`/src/${n}`, n);
    const gate = createGate();
    f.b2.hooks.beforeWrite = () => gate.promise;
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/src', targetDir: '/bkt' }],
    });
    await until(() => f.b2.activeWrites === 3, 'three writes in flight');
    f.engine.publishNow();
    expect(f.engine.store.getSnapshot().jobs.filter((j) => j.state === 'running' && j.kind === 'upload')).toHaveLength(
      3,
    );
    gate.open();
    await f.engine.whenIdle();
    expect(f.b2.maxActiveWrites).toBe(3);
    expect(f.b2.writeOrder).toEqual(names.map((n) => `/bkt/src/${n}`));
  });

  it('a failed job does not stop the others, and keeps a reason a user understands', async () => {
    const f = makeFixture({ concurrency: 2 });
    for (const n of ['a', 'b', 'c', 'd']) f.local.put(`/s/${n}`, n);
    f.b2.hooks.beforeWrite = (path) => {
      if (path.endsWith('/b')) throw new PermissionDeniedError('The key may not write there.', ['writeFiles'], path);
    };
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s', targetDir: '/k' }],
    });
    await f.engine.whenIdle();
    expect(['a', 'c', 'd'].map((n) => f.b2.text(`/k/s/${n}`))).toEqual(['a', 'c', 'd']);
    expect(f.b2.files.has('/k/s/b')).toBe(false);
    const failed = f.byTarget('/k/s/b');
    expect(failed?.state).toBe('failed');
    expect(failed?.failure).toMatchObject({
      kind: 'permission-denied',
      message: 'Not allowed: this key lacks writeFiles.',
    });
    f.engine.publishNow();
    expect(f.engine.store.getSnapshot().totals).toMatchObject({ files: 4, filesDone: 3, filesFailed: 1 });
  });

  it('moves a tree: sources are removed only after a verified copy, then the emptied folders', async () => {
    const f = makeFixture();
    f.local.put('/m/keep/a.txt', 'A');
    f.local.put('/m/keep/deep/b.txt', 'B');
    f.local.dirs.add('/m/keep/empty');
    f.engine.submit({
      operation: 'move',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/m/keep', targetDir: '/bkt' }],
    });
    await f.engine.whenIdle();
    expect(f.b2.text('/bkt/keep/a.txt')).toBe('A');
    expect(f.b2.text('/bkt/keep/deep/b.txt')).toBe('B');
    expect(f.b2.dirs.has('/bkt/keep/empty')).toBe(true);
    expect([...f.local.files.keys()]).toEqual([]);
    expect([...f.local.dirs]).toEqual([]);
    const writeA = f.b2.calls.indexOf('write /bkt/keep/a.txt');
    const removeA = f.local.calls.indexOf('remove /m/keep/a.txt default');
    expect(writeA).toBeGreaterThanOrEqual(0);
    expect(removeA).toBeGreaterThanOrEqual(0);
    // Folders go bottom-up, after their files.
    const removals = f.local.calls.filter((c) => c.startsWith('remove '));
    expect(removals.indexOf('remove /m/keep/deep default')).toBeGreaterThan(
      removals.indexOf('remove /m/keep/deep/b.txt default'),
    );
    expect(removals.at(-1)).toBe('remove /m/keep default');
  });

  it('a move keeps the source folder when something inside failed', async () => {
    const f = makeFixture();
    f.local.put('/m/d/ok.txt', 'ok');
    f.local.put('/m/d/bad.txt', 'bad');
    f.b2.hooks.beforeWrite = (path) => {
      if (path.endsWith('bad.txt')) throw new PermissionDeniedError('no', ['writeFiles']);
    };
    f.engine.submit({
      operation: 'move',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/m/d', targetDir: '/bkt' }],
    });
    await f.engine.whenIdle();
    expect(f.local.files.has('/m/d/ok.txt')).toBe(false);
    expect(f.local.text('/m/d/bad.txt')).toBe('bad');
    expect(f.local.calls).not.toContain('remove /m/d default');
  });

  it('moves within one provider with its atomic rename, whole folders at once', async () => {
    const local = createMemoryProvider({ kind: 'local', withMove: true });
    const f = makeFixture({}, { local });
    local.put('/a/tree/x.txt', 'x');
    local.put('/a/tree/y/z.txt', 'z');
    f.engine.submit({
      operation: 'move',
      from: 'local',
      to: 'local',
      conflict: 'ask',
      items: [{ source: '/a/tree', targetDir: '/b' }],
    });
    await f.engine.whenIdle();
    expect(local.calls).toContain('move /a/tree /b/tree');
    expect(local.text('/b/tree/y/z.txt')).toBe('z');
    expect(local.files.has('/a/tree/x.txt')).toBe(false);
  });

  it('deletes a folder recursively with the chosen mode, files before folders', async () => {
    const f = makeFixture();
    f.b2.put('/bkt/old/1', '1');
    f.b2.put('/bkt/old/sub/2', '2');
    f.b2.put('/bkt/keep', 'k');
    f.engine.submit({ operation: 'delete', on: 'b2', paths: ['/bkt/old'], mode: 'all-versions' });
    await f.engine.whenIdle();
    expect([...f.b2.files.keys()]).toEqual(['/bkt/keep']);
    const removes = f.b2.calls.filter((c) => c.startsWith('remove'));
    expect(removes).toContain('remove /bkt/old/1 all-versions');
    expect(removes.at(-1)).toBe('remove /bkt/old all-versions');
    f.engine.publishNow();
    expect(f.engine.store.getSnapshot().totals).toMatchObject({ files: 2, filesDone: 2 });
  });

  it('deletes one exact version when asked, and tells when a group is finished', async () => {
    const f = makeFixture();
    f.b2.put('/bkt/v.txt', 'v');
    const finished: string[] = [];
    f.engine.on('group-finished', (g) => finished.push(`${g.label}: ${g.totals.filesDone}/${g.totals.files}`));
    let idle = 0;
    f.engine.on('idle', () => idle++);
    const gid = f.engine.submit({
      operation: 'delete',
      on: 'b2',
      paths: ['/bkt/v.txt'],
      mode: 'delete-version',
      fileId: '4_zabc',
    });
    await f.engine.whenIdle();
    expect(gid).toMatch(/^g\d+$/);
    expect(f.b2.calls.filter((c) => c.startsWith('remove'))).toEqual(['remove /bkt/v.txt delete-version 4_zabc']);
    expect(finished).toEqual(['Delete v.txt: 1/1']);
    expect(idle).toBeGreaterThanOrEqual(1);
  });

  it('refuses to copy a folder into itself and a folder without recursion', async () => {
    const f = makeFixture();
    f.b2.put('/bkt/d/f', 'f');
    f.engine.submit({
      operation: 'copy',
      from: 'b2',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/bkt/d', targetDir: '/bkt/d' }],
    });
    f.engine.submit({
      operation: 'copy',
      from: 'b2',
      to: 'local',
      conflict: 'overwrite',
      recursive: false,
      items: [{ source: '/bkt/d', targetDir: '/x' }],
    });
    await f.engine.whenIdle();
    const scans = f.latest().filter((j) => j.kind === 'scan');
    expect(scans.map((s) => s.failure?.message)).toEqual([
      'A folder cannot be copied or moved into itself.',
      '"d" is a folder; it needs a recursive copy.',
    ]);
    expect(f.b2.files.size).toBe(1);
    expect(f.local.files.size).toBe(0);
  });
});
