/**
 * hold / release: a saved queue the user has not answered yet stays in the queue file while new
 * work is queued and after a quit ("Later"), and runs only once released and restored.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadPendingQueue } from '../../src/transfers/queue-file.js';
import { makeFixture } from './helpers/engine-fixture.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'b2c-hold-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A queue file holding one unfinished upload of `/s/old` (made by a first session). */
async function leftOver(file: string) {
  const first = makeFixture({ queueFile: file });
  first.local.put('/s/old', 'old bytes');
  first.engine.submit({
    operation: 'copy',
    from: 'local',
    to: 'b2',
    conflict: 'overwrite',
    items: [{ source: '/s/old', targetDir: '/k' }],
  });
  // Quit at once: the work is kept as pending (EngineOptions queueFile).
  await first.engine.close();
  const pending = await loadPendingQueue(file);
  if (pending === null) throw new Error('nothing was saved');
  return pending;
}

it('keeps held groups in the file beside new work and after close, without running them', async () => {
  const file = join(dir, 'queue.json');
  const pending = await leftOver(file);
  const f = makeFixture({ queueFile: file });
  f.local.put('/s/new', 'new');
  // The held upload's source exists here too, so running it would be seen on the target.
  f.local.put('/s/old', 'old bytes');
  f.engine.hold(pending);
  f.engine.submit({
    operation: 'copy',
    from: 'local',
    to: 'b2',
    conflict: 'overwrite',
    items: [{ source: '/s/new', targetDir: '/k' }],
  });
  await f.engine.whenIdle();
  await f.engine.close();
  const after = await loadPendingQueue(file);
  expect(after?.document.groups).toEqual(pending.document.groups);
  expect(f.b2.files.has('/k/old')).toBe(false);
  expect(f.b2.files.has('/k/new')).toBe(true);
});

it('release returns the held queue once; dropping it removes the file when nothing else is queued', async () => {
  const file = join(dir, 'queue.json');
  const pending = await leftOver(file);
  const f = makeFixture({ queueFile: file });
  f.engine.hold(pending);
  expect(f.engine.release()?.groups).toEqual(pending.document.groups);
  expect(f.engine.release()).toBeNull();
  expect(f.engine.store.getSnapshot().jobs).toHaveLength(0);
  await f.engine.saveNow();
  expect(await loadPendingQueue(file)).toBeNull();
  await f.engine.close();
});
