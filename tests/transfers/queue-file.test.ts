import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelledError, TransientError } from '../../src/providers/errors.js';
import { createTransferEngine } from '../../src/transfers/engine.js';
import { loadPendingQueue, QueueFileError } from '../../src/transfers/queue-file.js';
import { makeFixture } from './helpers/engine-fixture.js';
import { createFakeClock } from './helpers/fake-clock.js';
import { createGate, createMemoryProvider, until, type MemoryProvider } from './helpers/memory-provider.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'b2c-queue-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function hold(_p: string, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((_r, reject) =>
    signal?.addEventListener('abort', () => reject(new CancelledError('Cancelled.')), { once: true }),
  );
}

describe('queue file', () => {
  it('is written debounced, atomically, mode 0600, with provider names and no secrets', async () => {
    const file = join(dir, 'state', 'queue.json');
    const f = makeFixture({ queueFile: file, queueSaveDelayMs: 1_000 });
    f.local.put('/s/a', 'a');
    f.b2.hooks.beforeWrite = hold;
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'ask',
      items: [{ source: '/s/a', targetDir: '/k' }],
    });
    await until(() => f.b2.activeWrites === 1);
    f.clock.advance(999);
    await Promise.resolve();
    expect(existsSync(file)).toBe(false);
    f.clock.advance(1);
    await until(() => existsSync(file), 'the debounced save');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'state'))).mode & 0o777).toBe(0o700);
    expect(await readdir(join(dir, 'state'))).toEqual(['queue.json']);
    const text = await readFile(file, 'utf8');
    expect(text).not.toMatch(/key|token|secret/i);
    const pending = await loadPendingQueue(file);
    expect(pending).toMatchObject({ groups: 1, pendingFiles: 1, failedFiles: 0, pendingBytes: 1, unfinishedScans: 0 });
    expect(pending?.document.groups[0]?.settings).toMatchObject({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      policy: 'ask',
    });
    expect(pending?.document.groups[0]?.jobs.map((j) => [j.kind, j.state, j.target?.path])).toEqual([
      ['upload', 'queued', '/k/a'],
    ]);
    await f.engine.close();
  });

  it('disappears when the work is done, so a clean exit offers nothing to resume', async () => {
    const file = join(dir, 'queue.json');
    const f = makeFixture({ queueFile: file });
    f.local.put('/s/a', 'a');
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'ask',
      items: [{ source: '/s/a', targetDir: '/k' }],
    });
    await f.engine.saveNow();
    await f.engine.whenIdle();
    await f.engine.close();
    expect(await loadPendingQueue(file)).toBeNull();
    await expect(stat(file)).rejects.toThrow();
  });

  it('reports a damaged file instead of guessing', async () => {
    const file = join(dir, 'queue.json');
    await writeFile(file, '{"version":1,"savedAt":1,"groups":[{"settings":{"operation":"format-disk"}}]}');
    await expect(loadPendingQueue(file)).rejects.toThrow(QueueFileError);
    await writeFile(file, 'not json');
    await expect(loadPendingQueue(file)).rejects.toThrow(/damaged/);
  });
});

describe('resuming after a crash', () => {
  it('restores pending, paused and failed jobs; finished work is not redone', async () => {
    const file = join(dir, 'queue.json');
    const local = createMemoryProvider({ kind: 'local' });
    const b2 = createMemoryProvider({ kind: 'b2' });
    for (const n of ['1', '2', '3', '4']) local.put(`/s/${n}`, `data ${n}`);
    const clock = createFakeClock();
    const providers = (ref: string): MemoryProvider => (ref === 'local' ? local : b2);
    const first = createTransferEngine({ providers, clock, queueFile: file, concurrency: 1, autoRetries: 0 });
    // File 1 completes; file 2 hangs mid-write (the crash happens then); 3 and 4 wait.
    const crash = createGate();
    b2.hooks.beforeWrite = (p) => (p.endsWith('/2') ? crash.promise : undefined);
    first.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'ask',
      items: [{ source: '/s', targetDir: '/k' }],
    });
    await until(() => b2.activeWrites === 1 && b2.files.size === 1);
    await first.saveNow();
    // The process dies here: no close(), the write never finishes.

    const pending = await loadPendingQueue(file);
    expect(pending).toMatchObject({ pendingFiles: 3, pendingBytes: 18 });
    const writesBefore = b2.writeOrder.length;
    b2.hooks.beforeWrite = undefined;
    const second = createTransferEngine({ providers, clock: createFakeClock(), queueFile: file, autoRetries: 0 });
    const events: string[] = [];
    second.on('question', (q) => events.push(`question ${q.target.location.path}`));
    if (!pending) throw new Error('no pending queue');
    second.restore(pending);
    await second.whenIdle();
    expect(['1', '2', '3', '4'].map((n) => b2.text(`/k/s/${n}`))).toEqual(['data 1', 'data 2', 'data 3', 'data 4']);
    expect(b2.writeOrder.slice(writesBefore)).toEqual(['/k/s/2', '/k/s/3', '/k/s/4']);
    expect(events).toEqual([]);
    await second.close();
    expect(await loadPendingQueue(file)).toBeNull();
  });

  it('a job saved while it waited to retry comes back without the old failure', async () => {
    const file = join(dir, 'queue.json');
    const local = createMemoryProvider({ kind: 'local' });
    const b2 = createMemoryProvider({ kind: 'b2' });
    local.put('/s/t', 'tt');
    const providers = (ref: string): MemoryProvider => (ref === 'local' ? local : b2);
    const first = createTransferEngine({ providers, clock: createFakeClock(), queueFile: file, autoRetries: 3 });
    b2.hooks.beforeWrite = () => {
      throw new TransientError('503 service_unavailable', 60_000);
    };
    let waiting = false;
    first.on('job', (j) => {
      if (j.kind === 'upload') waiting = j.state === 'queued' && j.failure?.kind === 'transient' && j.retryAt !== null;
    });
    first.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s/t', targetDir: '/k' }],
    });
    await until(() => waiting, 'the upload to wait for its retry');
    await first.saveNow();
    const pending = await loadPendingQueue(file);
    if (!pending) throw new Error('no pending queue');

    b2.hooks.beforeWrite = undefined;
    const second = createTransferEngine({ providers, clock: createFakeClock(), autoRetries: 0 });
    const restored: Array<{ state: string; failure: unknown; note: string | null }> = [];
    second.on('job', (j) => {
      if (j.kind === 'upload') restored.push({ state: j.state, failure: j.failure, note: j.note });
    });
    second.restore(pending);
    await second.whenIdle();
    expect(restored[0]).toEqual({ state: 'queued', failure: null, note: 'Restored from the previous session.' });
    expect(restored.every((r) => r.failure === null)).toBe(true);
    expect(b2.text('/k/t')).toBe('tt');
  });

  it('re-lists unfinished folders; targets already complete count as done, not as conflicts', async () => {
    const file = join(dir, 'queue.json');
    const local = createMemoryProvider({ kind: 'local', pageSize: 2 });
    const b2 = createMemoryProvider({ kind: 'b2' });
    for (const n of ['a', 'b', 'c', 'd']) local.put(`/s/${n}`, `data ${n}`);
    const providers = (ref: string): MemoryProvider => (ref === 'local' ? local : b2);
    const first = createTransferEngine({ providers, clock: createFakeClock(), queueFile: file, autoRetries: 0 });
    const secondPage = createGate();
    local.hooks.beforePage = (_d, page) => (page === 1 ? secondPage.promise : undefined);
    first.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'ask',
      items: [{ source: '/s', targetDir: '/k' }],
    });
    await until(() => b2.files.size === 2);
    await first.saveNow();
    const pending = await loadPendingQueue(file);
    expect(pending).toMatchObject({ unfinishedScans: 1, pendingFiles: 0 });

    local.hooks.beforePage = undefined;
    const second = createTransferEngine({ providers, clock: createFakeClock(), autoRetries: 0 });
    const questions: string[] = [];
    second.on('question', (q) => questions.push(q.target.location.path));
    if (!pending) throw new Error('no pending queue');
    second.restore(pending);
    await second.whenIdle();
    expect(questions).toEqual([]);
    expect(['a', 'b', 'c', 'd'].map((n) => b2.text(`/k/s/${n}`))).toEqual(['data a', 'data b', 'data c', 'data d']);
    second.publishNow();
    const notes = second.store
      .getSnapshot()
      .jobs.filter((j) => j.kind === 'upload')
      .map((j) => [j.target?.path, j.note]);
    expect(notes).toEqual([
      ['/k/s/a', 'Already complete at the destination.'],
      ['/k/s/b', 'Already complete at the destination.'],
      ['/k/s/c', null],
      ['/k/s/d', null],
    ]);
    await second.close();
  });

  it('close() keeps running work as pending, and paused work as paused', async () => {
    const file = join(dir, 'queue.json');
    const f = makeFixture({ queueFile: file, concurrency: 1 });
    f.local.put('/s/1', '1');
    f.local.put('/s/2', '2');
    f.b2.hooks.beforeWrite = hold;
    f.engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2',
      conflict: 'overwrite',
      items: [{ source: '/s', targetDir: '/k' }],
    });
    await until(() => f.b2.activeWrites === 1 && f.byTarget('/k/s/2')?.state === 'queued');
    f.engine.pause(f.byTarget('/k/s/2')?.id ?? '');
    await f.engine.close();
    const pending = await loadPendingQueue(file);
    expect(pending?.document.groups[0]?.jobs.map((j) => [j.target?.path, j.state])).toEqual([
      ['/k/s/1', 'queued'],
      ['/k/s/2', 'paused'],
    ]);
    expect(() => f.engine.submit({ operation: 'delete', on: 'b2', paths: ['/x'], mode: 'hide' })).toThrow(/closed/);
  });
});
