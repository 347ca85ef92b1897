import { describe, expect, it } from 'vitest';
import { CancelledError, NoSpaceError, TransientError } from '../../src/providers/errors.js';
import { makeFixture } from './helpers/engine-fixture.js';
import { createGate, createMemoryProvider, until } from './helpers/memory-provider.js';

/** A beforeWrite hook that holds every write until aborted (rejecting like a provider would). */
function holdUntilAborted(_path: string, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(new CancelledError('Cancelled.')), { once: true });
  });
}

describe('transfer engine: pause, resume, cancel, retry', () => {
  it('pausing a running job aborts it without a partial file; resuming restarts it', async () => {
    const f = makeFixture();
    f.local.put('/s/big', 'x'.repeat(100));
    f.b2.hooks.beforeWrite = holdUntilAborted;
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s/big', targetDir: '/b' }],
    });
    await until(() => f.b2.activeWrites === 1);
    const id = f.byTarget('/b/big')?.id ?? '';
    expect(f.engine.pause(id)).toBe(true);
    await f.engine.whenIdle();
    expect(f.byTarget('/b/big')?.state).toBe('paused');
    expect(f.b2.files.has('/b/big')).toBe(false);

    f.b2.hooks.beforeWrite = undefined;
    expect(f.engine.resume(id)).toBe(true);
    await f.engine.whenIdle();
    expect(f.byTarget('/b/big')).toMatchObject({ state: 'done', attempts: 2 });
    expect(f.b2.text('/b/big')).toBe('x'.repeat(100));
  });

  it('a paused queued job does not start until resumed; the others run', async () => {
    const f = makeFixture({ concurrency: 1 });
    f.local.put('/s/1', '1');
    f.local.put('/s/2', '2');
    const gate = createGate();
    f.b2.hooks.beforeWrite = () => gate.promise;
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s', targetDir: '/b' }],
    });
    await until(() => f.byTarget('/b/s/2')?.state === 'queued' && f.b2.activeWrites === 1);
    expect(f.engine.pause(f.byTarget('/b/s/2')?.id ?? '')).toBe(true);
    gate.open();
    await f.engine.whenIdle();
    expect(f.b2.text('/b/s/1')).toBe('1');
    expect(f.b2.files.has('/b/s/2')).toBe(false);
    expect(f.engine.resume(f.byTarget('/b/s/2')?.id ?? '')).toBe(true);
    await f.engine.whenIdle();
    expect(f.b2.text('/b/s/2')).toBe('2');
  });

  it('cancelling a running job leaves nothing behind and the rest completes', async () => {
    const f = makeFixture({ concurrency: 2 });
    f.local.put('/s/a', 'a');
    f.local.put('/s/b', 'b');
    f.b2.hooks.beforeWrite = (path, signal) => (path.endsWith('/a') ? holdUntilAborted(path, signal) : undefined);
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s', targetDir: '/b' }],
    });
    await until(() => f.byTarget('/b/s/a')?.state === 'running' && f.b2.activeWrites >= 1);
    f.engine.cancel(f.byTarget('/b/s/a')?.id ?? '');
    await f.engine.whenIdle();
    expect(f.byTarget('/b/s/a')).toMatchObject({ state: 'cancelled', note: 'Cancelled.' });
    expect(f.b2.files.has('/b/s/a')).toBe(false);
    expect(f.b2.text('/b/s/b')).toBe('b');
  });

  it('retries a failed job by hand; a retry of a full disk succeeds once there is space', async () => {
    const f = makeFixture();
    f.b2.put('/bkt/f', 'file');
    let full = true;
    f.local.hooks.beforeWrite = () => {
      if (full) throw new NoSpaceError('No space left on device.');
    };
    f.engine.submit({
      operation: 'copy',
      from: 'b2',
      to: 'local',
      conflict: 'overwrite',
      items: [{ source: '/bkt/f', targetDir: '/dl' }],
    });
    await f.engine.whenIdle();
    const failed = f.byTarget('/dl/f');
    expect(failed?.failure).toMatchObject({
      kind: 'no-space',
      message: 'The disk is full; nothing was kept. Free some space and retry.',
    });
    full = false;
    expect(f.engine.retry(failed?.id ?? '')).toBe(true);
    await f.engine.whenIdle();
    expect(f.byTarget('/dl/f')?.state).toBe('done');
    expect(f.local.text('/dl/f')).toBe('file');
  });

  it('retries transient failures automatically after Retry-After, on the injected clock', async () => {
    const f = makeFixture({ autoRetries: 2 });
    f.local.put('/s/t', 'tt');
    let failures = 1;
    f.b2.hooks.beforeWrite = () => {
      if (failures-- > 0) throw new TransientError('503 service_unavailable', 5_000);
    };
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s/t', targetDir: '/b' }],
    });
    await until(() => f.byTarget('/b/t')?.retryAt != null);
    expect(f.byTarget('/b/t')).toMatchObject({ state: 'queued', note: 'Retrying in 5 s.' });
    f.clock.advance(4_999);
    await Promise.resolve();
    expect(f.byTarget('/b/t')?.state).toBe('queued');
    f.clock.advance(1);
    await f.engine.whenIdle();
    expect(f.byTarget('/b/t')).toMatchObject({ state: 'done', attempts: 2 });
    expect(f.b2.text('/b/t')).toBe('tt');
  });

  it("a new attempt starts without the last one's failure (the queue panel shows no stale reason)", async () => {
    const f = makeFixture({ autoRetries: 2 });
    f.local.put('/s/t', 'tt');
    const held = createGate();
    let attempt = 0;
    f.b2.hooks.beforeWrite = () => {
      attempt++;
      if (attempt === 1) throw new TransientError('503 service_unavailable', 1_000);
      return held.promise;
    };
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s/t', targetDir: '/b' }],
    });
    await until(() => f.byTarget('/b/t')?.retryAt != null);
    expect(f.byTarget('/b/t')?.failure?.kind).toBe('transient');
    f.clock.advance(1_000);
    await until(() => f.byTarget('/b/t')?.state === 'running' && attempt === 2);
    expect(f.byTarget('/b/t')).toMatchObject({ state: 'running', failure: null, note: null });
    held.open();
    await f.engine.whenIdle();
    expect(f.byTarget('/b/t')).toMatchObject({ state: 'done', failure: null });
  });

  it('gives up after the automatic retries and reports the transient failure as retryable', async () => {
    const f = makeFixture({ autoRetries: 1, retryBaseMs: 100 });
    f.local.put('/s/t', 'tt');
    f.b2.hooks.beforeWrite = () => {
      throw new TransientError('connection reset');
    };
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s/t', targetDir: '/b' }],
    });
    await until(() => f.byTarget('/b/t')?.retryAt != null);
    f.clock.advance(100);
    await f.engine.whenIdle();
    expect(f.byTarget('/b/t')).toMatchObject({ state: 'failed', attempts: 2 });
    expect(f.byTarget('/b/t')?.failure).toMatchObject({
      kind: 'transient',
      retryable: true,
      detail: 'connection reset',
    });
  });

  it('pauseAll stops everything and starts nothing; resumeAll finishes the work', async () => {
    const f = makeFixture({ concurrency: 2 });
    for (const n of ['1', '2', '3', '4']) f.local.put(`/s/${n}`, n);
    f.b2.hooks.beforeWrite = holdUntilAborted;
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s', targetDir: '/b' }],
    });
    await until(() => f.b2.activeWrites === 2);
    f.engine.pauseAll();
    await until(() => f.b2.activeWrites === 0);
    await Promise.resolve();
    f.engine.publishNow();
    const snap = f.engine.store.getSnapshot();
    expect(snap.paused).toBe(true);
    expect(
      snap.jobs
        .filter((j) => j.kind === 'upload')
        .map((j) => j.state)
        .sort(),
    ).toEqual(['paused', 'paused', 'queued', 'queued']);
    expect(f.b2.writeOrder).toHaveLength(2);

    f.b2.hooks.beforeWrite = undefined;
    f.engine.resumeAll();
    await f.engine.whenIdle();
    expect(['1', '2', '3', '4'].map((n) => f.b2.text(`/b/s/${n}`))).toEqual(['1', '2', '3', '4']);
  });

  it('cancelAll stops the listing of a group as well as its transfers', async () => {
    const page2 = createGate();
    const f2 = makeFixture({ concurrency: 1 }, { local: createMemoryProvider({ kind: 'local', pageSize: 3 }) });
    for (let i = 0; i < 6; i++) f2.local.put(`/s/${i}`, `${i}`);
    f2.local.hooks.beforePage = (_dir, page) => (page === 1 ? page2.promise : undefined);
    const gid = f2.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s', targetDir: '/b' }],
    });
    await until(() => f2.b2.files.size === 3, 'first page copied');
    f2.engine.cancelAll(gid);
    page2.open();
    await f2.engine.whenIdle();
    expect(f2.b2.files.size).toBe(3);
    expect(f2.latest().find((j) => j.kind === 'scan')?.state).toBe('cancelled');
  });
});
