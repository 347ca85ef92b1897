/**
 * The backstop behind exact names (src/providers/walk-guard.ts): should a provider ever hand back
 * a folder that lists itself, or folders nested without end, `ls -r`, `rm --dry-run` and the
 * transfer queue's folder scans stop with an error instead of recursing forever. The providers
 * here are deliberately broken stand-ins for such a future bug (B2 itself is tested against the
 * built-in server elsewhere).
 */
import { describe, expect, it } from 'vitest';
import { walk } from '../../src/commands/ls-walk.js';
import { dryRun } from '../../src/commands/rm-dryrun.js';
import { MAX_FOLDER_DEPTH, WalkLimitError } from '../../src/providers/walk-guard.js';
import type { Entry, Provider } from '../../src/providers/types.js';
import { makeFixture } from '../transfers/helpers/engine-fixture.js';
import { createMemoryProvider } from '../transfers/helpers/memory-provider.js';

/** A folder entry at `path`. */
function folder(path: string): Entry {
  return { name: 'x', path, kind: 'dir', size: 0, mtimeMs: null };
}

/** A provider whose every folder holds one folder: itself (`self`) or one level deeper. */
function broken(mode: 'self' | 'deeper'): Provider {
  return {
    traits: { kind: 'b2', bucketBased: true, hashKinds: ['sha1'], emptyDirectories: true, scheme: 'b2://' },
    // eslint-disable-next-line @typescript-eslint/require-await -- an async generator by contract
    async *list(path: string) {
      yield [folder(mode === 'self' ? path : `${path}x/`)];
    },
    stat: (path: string) => Promise.resolve(folder(path)),
    openRead: () => Promise.reject(new Error('not used')),
    write: () => Promise.reject(new Error('not used')),
    mkdir: () => Promise.resolve(),
    remove: () => Promise.resolve(),
  };
}

async function drain<T>(rows: AsyncIterable<T>): Promise<number> {
  let n = 0;
  for await (const _ of rows) n++;
  return n;
}

describe('every recursive walk is bounded', () => {
  it('ls -r stops at a folder that lists itself again', async () => {
    await expect(drain(walk(broken('self'), '/b/loop/', true, { recursive: true, versions: false }))).rejects.toThrow(
      WalkLimitError,
    );
  });

  it(`ls -r stops below ${MAX_FOLDER_DEPTH} levels`, async () => {
    const err = await drain(walk(broken('deeper'), '/b/', true, { recursive: true, versions: false })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WalkLimitError);
    expect((err as Error).message).toContain(`nested more than ${MAX_FOLDER_DEPTH} folders deep`);
  });

  it('rm --dry-run stops the same way', async () => {
    const target = {
      loc: { kind: 'b2', bucket: 'b', key: 'loop/', path: '/b/loop/', trailingSlash: true, raw: 'b2://b/loop/' },
      mode: 'hide',
      folder: true,
      known: { kind: 'dir', size: 0, mtimeMs: null },
      fileId: null,
    } as const;
    await expect(drain(dryRun(broken('self'), target, null, 0, null))).rejects.toThrow(WalkLimitError);
    await expect(drain(dryRun(broken('deeper'), target, null, 0, null))).rejects.toThrow(WalkLimitError);
  });

  it('the transfer queue fails the folder that is too deep, says so, and goes idle', async () => {
    const b2 = createMemoryProvider({ kind: 'b2' });
    const loop = broken('deeper');
    b2.list = loop.list.bind(loop);
    const f = makeFixture({}, { b2 });
    f.engine.submit({
      operation: 'delete',
      on: 'b2',
      paths: ['/b/deep/'],
      mode: 'hide',
      known: [{ kind: 'dir', size: 0, mtimeMs: null }],
    });
    await f.engine.whenIdle();
    const failed = f.latest().filter((j) => j.state === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.failure?.message).toContain(`nested more than ${MAX_FOLDER_DEPTH} folders deep`);
    f.engine.publishNow();
    expect(f.engine.store.getSnapshot().totals.foldersFailed).toBe(1);
  });

  it('the transfer queue lists a folder once even when a listing hands it back', async () => {
    const b2 = createMemoryProvider({ kind: 'b2' });
    const loop = broken('self');
    const listed: string[] = [];
    b2.list = async function* (path, options) {
      listed.push(path);
      yield* loop.list(path, options);
    };
    const f = makeFixture({}, { b2 });
    f.engine.submit({
      operation: 'delete',
      on: 'b2',
      paths: ['/b/self/'],
      mode: 'hide',
      known: [{ kind: 'dir', size: 0, mtimeMs: null }],
    });
    await f.engine.whenIdle();
    expect(listed).toEqual(['/b/self/']);
  });
});
