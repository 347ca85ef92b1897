import { describe, expect, it } from 'vitest';
import { PermissionDeniedError, TransientError } from '../../src/providers/errors.js';
import type { Entry } from '../../src/providers/types.js';
import { makeFixture } from './helpers/engine-fixture.js';
import { createGate, createMemoryProvider, until } from './helpers/memory-provider.js';

describe('transfer engine: streamed folder expansion', () => {
  it('starts transferring a folder before its listing is complete', async () => {
    const b2 = createMemoryProvider({ kind: 'b2', pageSize: 2 });
    const f = makeFixture({}, { b2 });
    for (let i = 0; i < 6; i++) b2.put(`/bkt/big/f${i}`, `content ${i}`);
    const lastPage = createGate();
    b2.hooks.beforePage = (_dir, page) => (page === 2 ? lastPage.promise : undefined);
    f.engine.submit({
      operation: 'copy',
      from: 'b2',
      to: 'local',
      conflict: 'overwrite',
      items: [{ source: '/bkt/big', targetDir: '/dl' }],
    });
    await until(() => f.local.files.size === 4, 'the first two pages downloaded');
    f.engine.publishNow();
    const snap = f.engine.store.getSnapshot();
    expect(snap.groups[0]).toMatchObject({ scanning: true, finished: false });
    expect(snap.groups[0]?.totals).toMatchObject({ files: 4, filesDone: 4, etaSeconds: null });
    expect(f.latest().find((j) => j.kind === 'scan')?.state).toBe('running');
    lastPage.open();
    await f.engine.whenIdle();
    expect([...f.local.files.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `/dl/big/f${i}`));
    f.engine.publishNow();
    expect(f.engine.store.getSnapshot().groups[0]).toMatchObject({ scanning: false, finished: true });
  });

  it('holds the listing while the queue is full, so memory stays bounded', async () => {
    const f = makeFixture({ concurrency: 1, maxQueued: 3 });
    for (let i = 0; i < 20; i++) f.local.put(`/s/${String(i).padStart(2, '0')}`, 'x');
    const gate = createGate();
    f.b2.hooks.beforeWrite = () => gate.promise;
    let maxQueued = 0;
    const state = new Map<string, string>();
    f.engine.on('job', (j) => {
      if (j.kind !== 'upload') return;
      state.set(j.id, j.state);
      maxQueued = Math.max(maxQueued, [...state.values()].filter((s) => s === 'queued').length);
    });
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s', targetDir: '/k' }],
    });
    await until(() => f.b2.activeWrites === 1 && [...state.values()].filter((s) => s === 'queued').length === 3);
    expect(state.size).toBe(4);
    gate.open();
    await f.engine.whenIdle();
    expect(f.b2.files.size).toBe(20);
    expect(maxQueued).toBe(3);
  });

  it('refuses hostile B2 names on download and writes nothing for them', async () => {
    const f = makeFixture();
    const hostile = [
      '/bkt/d/../../etc/passwd',
      '/bkt/d/..\\..\\evil',
      '/bkt/d/nul\0name',
      '/bkt/d/C:boot.ini',
      '/bkt/d//abs',
    ];
    for (const p of hostile) f.b2.put(p, 'pwned');
    f.b2.put('/bkt/d/good.txt', 'good');
    f.engine.submit({
      operation: 'copy',
      from: 'b2',
      to: 'local',
      conflict: 'overwrite',
      items: [{ source: '/bkt/d', targetDir: '/home/me/dl' }],
    });
    await f.engine.whenIdle();
    expect([...f.local.files.keys()]).toEqual(['/home/me/dl/d/good.txt']);
    expect(f.local.calls.filter((c) => c.startsWith('write '))).toEqual(['write /home/me/dl/d/good.txt']);
    const refused = f.latest().filter((j) => j.state === 'failed');
    expect(refused.map((j) => j.failure?.kind)).toEqual([
      'invalid-name',
      'invalid-name',
      'invalid-name',
      'invalid-name',
      'invalid-name',
    ]);
    expect(refused.every((j) => j.target === null)).toBe(true);
    // Each refusal names the B2 name itself (not an empty or partial piece of it); names inside
    // a folder the disk cannot hold are refused with that folder's reason.
    expect(refused.map((j) => j.failure?.detail).sort()).toEqual([
      'Refused "d/../../etc/passwd": it is inside "d/../", and the name contains a ".." segment.',
      'Refused "d/..\\..\\evil": the name contains a backslash.',
      'Refused "d//abs": it is inside "d//", and a folder on disk cannot have an empty name (B2 makes one from "//" or a leading "/").',
      'Refused "d/C:boot.ini": the name starts with a drive letter.',
      'Refused "d/nul\0name": the name contains a NUL character.',
    ]);
    expect(refused[0]?.failure?.message).toBe('The name cannot be used here; nothing was written.');
  });

  it('counts a folder that cannot be listed, and a vanished selected file, in the totals', async () => {
    const local = createMemoryProvider({ kind: 'local' });
    const f = makeFixture({}, { local });
    local.put('/s/ok.txt', 'ok');
    local.put('/s/locked/secret.txt', 'no');
    const list = local.list.bind(local);
    local.list = (path, o) => (path === '/s/locked' ? failing(path) : list(path, o));
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [
        { source: '/s', targetDir: '/k' },
        { source: '/gone.txt', targetDir: '/k' },
      ],
    });
    await f.engine.whenIdle();
    f.engine.publishNow();
    // Nothing passes unnoticed: the unlisted folder and the file that vanished both show.
    expect(f.engine.store.getSnapshot().totals).toMatchObject({
      files: 2,
      filesDone: 1,
      filesFailed: 1,
      foldersFailed: 1,
    });
  });

  it('refuses a hostile name for a selected entry too', async () => {
    const f = makeFixture();
    f.b2.put('/bkt/..', 'x');
    f.engine.submit({
      operation: 'copy',
      from: 'b2',
      to: 'local',
      conflict: 'overwrite',
      items: [{ source: '/bkt/..', targetDir: '/dl' }],
    });
    await f.engine.whenIdle();
    expect(f.local.files.size).toBe(0);
    expect(f.latest().find((j) => j.kind === 'download')?.failure?.kind).toBe('invalid-name');
  });

  it('a failed listing is retried without copying its first pages twice', async () => {
    const local = createMemoryProvider({ kind: 'local', pageSize: 2 });
    const f = makeFixture({}, { local });
    for (let i = 0; i < 5; i++) local.put(`/s/${i}`, `${i}`);
    let fail = true;
    local.hooks.beforePage = (_dir, page) => {
      if (page === 1 && fail) throw new TransientError('listing timed out');
    };
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'ask',
      items: [{ source: '/s', targetDir: '/k' }],
    });
    await f.engine.whenIdle();
    const scan = f.latest().find((j) => j.kind === 'scan');
    expect(scan?.failure).toMatchObject({ kind: 'transient', detail: 'listing timed out' });
    expect(f.b2.files.size).toBe(2);
    fail = false;
    f.engine.retry(scan?.id ?? '');
    await f.engine.whenIdle();
    expect([...f.b2.files.keys()].sort()).toEqual([0, 1, 2, 3, 4].map((i) => `/k/s/${i}`));
    expect(f.b2.writeOrder).toHaveLength(5);
  });

  it('skips the stat of entries the caller already knows', async () => {
    const f = makeFixture();
    f.local.put('/s/known.txt', 'k');
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s/known.txt', targetDir: '/k', known: { kind: 'file', size: 1, mtimeMs: 1_000 } }],
    });
    await f.engine.whenIdle();
    expect(f.b2.text('/k/known.txt')).toBe('k');
    expect(f.local.calls.filter((c) => c.startsWith('stat'))).toEqual([]);
  });

  it('recreates empty folders', async () => {
    const f = makeFixture();
    f.local.dirs.add('/s/empty');
    f.local.put('/s/full/x', 'x');
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s', targetDir: '/k' }],
    });
    await f.engine.whenIdle();
    expect(f.b2.dirs.has('/k/s/empty')).toBe(true);
    expect(f.b2.text('/k/s/full/x')).toBe('x');
    expect(
      f
        .latest()
        .filter((j) => j.kind === 'mkdir')
        .map((j) => j.state),
    ).toEqual(['done']);
  });
});

/** A listing that the file system refuses. */
// eslint-disable-next-line require-yield -- it fails before its first page, as a refused opendir does
async function* failing(path: string): AsyncGenerator<Entry[]> {
  await Promise.resolve();
  throw new PermissionDeniedError(`"${path}" cannot be read.`, [], path);
}
