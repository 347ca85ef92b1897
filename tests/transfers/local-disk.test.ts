/**
 * The engine over the real local provider, in real temp dirs: bytes compared after copies and
 * moves, nothing partial left after a cancelled transfer, and a full disk (a 1 MiB tmpfs, when
 * the test may mount one) reported, leaving other files intact and retryable.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/providers/errors.js';
import { createLocalProvider } from '../../src/providers/local/index.js';
import type { Provider } from '../../src/providers/types.js';
import { createTransferEngine, type TransferEngine } from '../../src/transfers/engine.js';
import type { JobView } from '../../src/transfers/types.js';
import { tree } from './helpers/disk-tree.js';
import { createGate, until } from './helpers/memory-provider.js';
import { sha1 as sha1Of } from '../support/hash.js';

let base = '';
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'b2c-xfer-'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Hex SHA1 (of nothing for a missing file): comparing hashes keeps assertion diffs of large buffers out of the way. */
function sha1(b: Buffer | undefined): string {
  return sha1Of(b ?? Buffer.alloc(0));
}

function engineWith(
  providers: Record<string, Provider>,
  extra: Partial<Parameters<typeof createTransferEngine>[0]> = {},
): { engine: TransferEngine; jobs: () => JobView[] } {
  const engine = createTransferEngine({
    providers: (ref) => {
      const p = providers[ref];
      if (!p) throw new Error(`no provider ${ref}`);
      return p;
    },
    autoRetries: 0,
    ...extra,
  });
  const latest = new Map<string, JobView>();
  engine.on('job', (j) => latest.set(j.id, j));
  return { engine, jobs: () => [...latest.values()] };
}

async function makeSource(): Promise<string> {
  const src = join(base, 'src');
  await mkdir(join(src, 'photos', 'raw'), { recursive: true });
  await mkdir(join(src, 'empty'), { recursive: true });
  await writeFile(join(src, 'notes ünïcødé.txt'), 'hello\n');
  await writeFile(join(src, 'photos', 'a.jpg'), randomBytes(300_000));
  await writeFile(join(src, 'photos', 'raw', 'b.raw'), randomBytes(1_234_567));
  await writeFile(join(src, 'zero'), '');
  return src;
}

describe('local to local on a real disk', () => {
  it.each([
    ['one provider (server-side copyFile)', false],
    ['two providers (streamed, SHA1 computed in flight)', true],
  ])('copies a tree through %s; every byte arrives', async (_label, twoProviders) => {
    const src = await makeSource();
    const dst = join(base, 'dst');
    const local = createLocalProvider();
    const { engine, jobs } = engineWith({ a: local, b: twoProviders ? createLocalProvider() : local });
    engine.submit({
      operation: 'copy',
      from: 'a',
      to: twoProviders ? 'b' : 'a',
      conflict: 'ask',
      items: [{ source: src, targetDir: dst }],
    });
    await engine.whenIdle();
    expect(await tree(join(dst, 'src'))).toEqual(await tree(src));
    const files = jobs().filter((j) => j.kind === 'local-copy');
    expect(files).toHaveLength(4);
    expect(files.every((j) => j.state === 'done')).toBe(true);
    // Modification times survive, to the millisecond (the provider contract's unit).
    const mtime = async (p: string): Promise<number> => Math.floor((await stat(p)).mtimeMs);
    expect(await mtime(join(dst, 'src', 'photos', 'a.jpg'))).toBe(await mtime(join(src, 'photos', 'a.jpg')));
  });

  it('moves a folder with one rename, and a merge file by file', async () => {
    const src = await makeSource();
    const before = await tree(src);
    const local = createLocalProvider();
    const { engine, jobs } = engineWith({ local });
    engine.submit({
      operation: 'move',
      from: 'local',
      to: 'local',
      conflict: 'ask',
      items: [{ source: src, targetDir: join(base, 'moved') }],
    });
    await engine.whenIdle();
    expect(await tree(join(base, 'moved', 'src'))).toEqual(before);
    await expect(stat(src)).rejects.toThrow();
    expect(jobs().find((j) => j.isDir && j.kind === 'local-copy')?.note).toBe('Moved in one step.');

    // Moving into an existing folder merges: files move one by one, then the emptied folders go.
    await mkdir(join(base, 'again', 'photos'), { recursive: true });
    await writeFile(join(base, 'again', 'photos', 'other.txt'), 'stays');
    const moved = join(base, 'moved', 'src');
    engine.submit({
      operation: 'move',
      from: 'local',
      to: 'local',
      conflict: 'ask',
      items: [{ source: join(moved, 'photos'), targetDir: join(base, 'again') }],
    });
    await engine.whenIdle();
    expect(Object.keys(await tree(join(base, 'again'))).sort()).toEqual([
      'photos/',
      'photos/a.jpg',
      'photos/other.txt',
      'photos/raw/',
      'photos/raw/b.raw',
    ]);
    expect(Object.keys(await tree(moved)).sort()).toEqual(['empty/', 'notes ünïcødé.txt', 'zero']);
  });

  it('a cancelled download leaves no partial or temporary file', async () => {
    const dl = join(base, 'dl');
    await mkdir(dl);
    const half = createGate();
    const hangs: Provider = {
      ...createLocalProvider(),
      traits: { kind: 'b2', bucketBased: true, hashKinds: ['sha1'], emptyDirectories: false, scheme: 'b2://' },
      stat: (path) => Promise.resolve({ name: 'big', path, kind: 'file', size: 1_000_000, mtimeMs: 1 }),
      openRead: (_path, o) => {
        const stream = new Readable({ read() {} });
        stream.push(Buffer.alloc(500_000, 1));
        half.open();
        o?.signal?.addEventListener('abort', () => stream.destroy(new CancelledError('Cancelled.')), { once: true });
        return Promise.resolve({ stream, size: 1_000_000, totalSize: 1_000_000, sha1: null, mtimeMs: 1 });
      },
    };
    const { engine, jobs } = engineWith({ b2: hangs, local: createLocalProvider() });
    engine.submit({
      operation: 'copy',
      from: 'b2',
      to: 'local',
      conflict: 'ask',
      items: [{ source: '/bkt/big', targetDir: dl }],
    });
    await half.promise;
    await until(() => jobs().some((j) => j.kind === 'download' && j.state === 'running'));
    engine.cancelAll();
    await engine.whenIdle();
    expect(jobs().find((j) => j.kind === 'download')?.state).toBe('cancelled');
    expect(await readdir(dl)).toEqual([]);
  });
});

describe('a full disk', () => {
  let mnt = '';
  let cannotMount: string | null = null;
  beforeEach(() => {
    mnt = join(base, 'mnt');
    execFileSync('mkdir', [mnt]);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0755', 'tmpfs', mnt], { stdio: 'pipe' });
      cannotMount = null;
    } catch (e) {
      cannotMount = `cannot mount a 1 MiB tmpfs (needs root / CAP_SYS_ADMIN): ${(e as Error).message.split('\n')[0] ?? ''}`;
    }
  });
  afterEach(() => {
    if (cannotMount === null) execFileSync('umount', ['-l', mnt]);
  });

  it('fails only the file that does not fit, keeps nothing partial, and succeeds on retry once there is room', async (t) => {
    if (cannotMount !== null) t.skip(cannotMount);
    const src = join(base, 'src');
    await mkdir(src);
    // Any two of these fit in 1 MiB, never all three: whichever comes last meets a full disk.
    const data: Record<string, Buffer> = { a: randomBytes(400_000), b: randomBytes(400_000), c: randomBytes(400_000) };
    for (const [n, d] of Object.entries(data)) await writeFile(join(src, n), d);
    const { engine, jobs } = engineWith(
      { src: createLocalProvider(), disk: createLocalProvider() },
      { concurrency: 1 },
    );
    engine.submit({
      operation: 'copy',
      from: 'src',
      to: 'disk',
      conflict: 'ask',
      items: [{ source: src, targetDir: mnt }],
    });
    await engine.whenIdle();
    const files = jobs().filter((j) => j.kind === 'local-copy');
    const failed = files.filter((j) => j.state === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.failure).toMatchObject({
      kind: 'no-space',
      message: 'The disk is full; nothing was kept. Free some space and retry.',
    });
    const doneNames = files.filter((j) => j.state === 'done').map((j) => (j.target?.path ?? '').split('/').pop() ?? '');
    // Exactly the finished files, intact; no temporary file of the failed one.
    expect((await readdir(join(mnt, 'src'))).sort()).toEqual(doneNames.sort());
    for (const n of doneNames) expect(sha1(await readFile(join(mnt, 'src', n)))).toBe(sha1(data[n]));

    await unlink(join(mnt, 'src', doneNames[0] ?? ''));
    engine.retry(failed[0]?.id ?? '');
    await engine.whenIdle();
    const failedName = (failed[0]?.target?.path ?? '').split('/').pop() ?? '';
    expect(sha1(await readFile(join(mnt, 'src', failedName)))).toBe(sha1(data[failedName]));
    expect((await readdir(join(mnt, 'src'))).sort()).toEqual([doneNames[1] ?? '', failedName].sort());
  });
});
