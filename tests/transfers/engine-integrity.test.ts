import { describe, expect, it } from 'vitest';
import { PermissionDeniedError, TransientError } from '../../src/providers/errors.js';
import type { PermissionQuery } from '../../src/transfers/types.js';
import { makeFixture } from './helpers/engine-fixture.js';
import { createMemoryProvider } from './helpers/memory-provider.js';

describe('transfer engine: integrity', () => {
  it('an upload whose stored SHA1 differs from what was read is removed and reported', async () => {
    const f = makeFixture();
    f.local.put('/s/x', 'payload');
    f.b2.hooks.reportSha1 = () => '0'.repeat(40);
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s/x', targetDir: '/k' }],
    });
    await f.engine.whenIdle();
    expect(f.b2.files.has('/k/x')).toBe(false);
    expect(f.byTarget('/k/x')?.failure).toMatchObject({
      kind: 'integrity',
      message: 'The data did not match its checksum; nothing was kept.',
      detail: 'Checksum check failed: the destination stored a different checksum than was sent.',
    });
  });

  it('a download whose connection drops leaves nothing behind, and its retry completes', async () => {
    const f = makeFixture();
    f.b2.put('/bkt/f', 'abcdefghijklmnop');
    let drop = true;
    f.b2.hooks.onReadChunk = (_p, offset) =>
      drop && offset >= 8 ? new TransientError('The connection was reset.') : undefined;
    f.engine.submit({
      operation: 'copy',
      from: 'b2',
      to: 'local',
      conflict: 'overwrite',
      items: [{ source: '/bkt/f', targetDir: '/dl' }],
    });
    await f.engine.whenIdle();
    expect(f.local.files.size).toBe(0);
    const failed = f.byTarget('/dl/f');
    expect(failed?.failure).toMatchObject({ kind: 'transient', detail: 'The connection was reset.', retryable: true });
    drop = false;
    f.engine.retry(failed?.id ?? '');
    await f.engine.whenIdle();
    expect(f.local.text('/dl/f')).toBe('abcdefghijklmnop');
  });

  it('passes the source SHA1 to the destination, which refuses bytes that do not match', async () => {
    const f = makeFixture();
    f.b2.put('/bkt/f', 'real');
    const b2 = f.b2;
    const realOpen = b2.openRead.bind(b2);
    b2.openRead = async (path, o) => ({ ...(await realOpen(path, o)), sha1: 'f'.repeat(40) });
    f.engine.submit({
      operation: 'copy',
      from: 'b2',
      to: 'local',
      conflict: 'overwrite',
      items: [{ source: '/bkt/f', targetDir: '/dl' }],
    });
    await f.engine.whenIdle();
    expect(f.local.files.size).toBe(0);
    expect(f.byTarget('/dl/f')?.failure?.kind).toBe('integrity');
  });

  it('reports size-only verification when neither side knows a SHA1', async () => {
    const local = createMemoryProvider({ kind: 'local', knowsSha1: false });
    const other = createMemoryProvider({ kind: 'local', knowsSha1: false });
    other.hooks.reportSha1 = () => '';
    const f = makeFixture({}, { local, b2: other });
    local.put('/a', 'aaa');
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/a', targetDir: '/b' }],
    });
    await f.engine.whenIdle();
    expect(f.byTarget('/b/a')).toMatchObject({ state: 'done', verified: 'size' });
  });
});

describe('transfer engine: permissions', () => {
  it('tells the rules whether a scan lists its source: a selected file whose row is known is only queued', async () => {
    const queries: PermissionQuery[] = [];
    const f = makeFixture({
      checkPermission: (q) => {
        queries.push(q);
        return { allowed: true };
      },
    });
    f.b2.put('/bkt/f', 'f');
    f.b2.put('/bkt/d/1', '1');
    f.engine.submit({
      operation: 'delete',
      on: 'b2',
      paths: ['/bkt/f', '/bkt/d'],
      mode: 'hide',
      known: [{ kind: 'file', size: 1, mtimeMs: null }, undefined],
    });
    await f.engine.whenIdle();
    expect(queries.filter((q) => q.kind === 'scan').map((q) => [q.source?.path, q.listsSource])).toEqual([
      ['/bkt/f', false],
      ['/bkt/d', true],
    ]);
  });

  it('asks the permission rules before each job and sends nothing that is forbidden', async () => {
    const queries: PermissionQuery[] = [];
    const f = makeFixture({
      checkPermission: (q) => {
        queries.push(q);
        return q.operation === 'delete' && q.kind === 'delete'
          ? { allowed: false, reason: 'Delete needs the deleteFiles capability; this key has listFiles, readFiles.' }
          : { allowed: true };
      },
    });
    f.b2.put('/bkt/d/1', '1');
    f.engine.submit({ operation: 'delete', on: 'b2', paths: ['/bkt/d'], mode: 'hide' });
    await f.engine.whenIdle();
    expect(f.b2.calls.filter((c) => c.startsWith('remove'))).toEqual([]);
    expect(f.bySource('/bkt/d/1')?.failure).toEqual({
      kind: 'permission-denied',
      message: 'Delete needs the deleteFiles capability; this key has listFiles, readFiles.',
      detail: null,
      retryable: false,
    });
    expect(queries.map((q) => [q.kind, q.source?.path, q.removeMode])).toEqual([
      ['scan', '/bkt/d', 'hide'],
      ['delete', '/bkt/d/1', 'hide'],
    ]);
    // The folder stays: something inside it was not deleted.
    expect(f.latest().some((j) => j.kind === 'rmdir')).toBe(false);
  });

  it('a key that loses a capability mid-run fails the remaining jobs with the reason', async () => {
    const f = makeFixture({ concurrency: 1 });
    for (const n of ['1', '2', '3']) f.local.put(`/s/${n}`, n);
    let written = 0;
    f.b2.hooks.beforeWrite = () => {
      if (written++ >= 1) throw new PermissionDeniedError('unauthorized', ['writeFiles']);
    };
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s', targetDir: '/k' }],
    });
    await f.engine.whenIdle();
    expect(f.b2.text('/k/s/1')).toBe('1');
    expect(['2', '3'].map((n) => f.byTarget(`/k/s/${n}`)?.failure?.message)).toEqual([
      'Not allowed: this key lacks writeFiles.',
      'Not allowed: this key lacks writeFiles.',
    ]);
  });

  it('a provider that cannot be opened fails its jobs with the reason, and is asked again on retry', async () => {
    let attempts = 0;
    const local = createMemoryProvider({ kind: 'local' });
    local.put('/x', 'x');
    const b2 = createMemoryProvider({ kind: 'b2' });
    const { createTransferEngine } = await import('../../src/transfers/engine.js');
    const engine = createTransferEngine({
      providers: (ref) => {
        if (ref === 'local') return local;
        if (attempts++ === 0) throw new PermissionDeniedError('The key was revoked.', []);
        return b2;
      },
      autoRetries: 0,
    });
    engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2:work',
      conflict: 'overwrite',
      items: [{ source: '/x', targetDir: '/k' }],
    });
    await engine.whenIdle();
    engine.publishNow();
    const scan = engine.store.getSnapshot().jobs[0];
    expect(scan?.failure).toMatchObject({ kind: 'permission-denied', detail: 'The key was revoked.' });
    engine.retry(scan?.id ?? '');
    await engine.whenIdle();
    expect(b2.text('/k/x')).toBe('x');
    await engine.close();
  });
});
