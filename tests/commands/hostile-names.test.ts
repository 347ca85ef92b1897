/**
 * Names B2 allows and a file system does not (issue 10, items 2, 3 and 7): `dir//double`,
 * `/abs/path`, the file `a` next to the file `a/b`, the object `endslash/` (name ending in `/`,
 * with data) and `marker/` (the same, zero bytes: a folder marker), uploaded with the exact
 * name through the raw b2_upload_file of the built-in server. `ls -r`, `cp -r` (down, up and
 * B2→B2), `rm -r --dry-run` and `rm -r` run in-process (tests/support/cli.ts): each ends (within a bound),
 * accounts for every object (done, skipped or failed with the reason, totals and exit code
 * agreeing), and addresses each by its exact name (checked on the server).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli, type CliRun } from '../support/cli.js';
import { useTempDirs } from '../support/temp-dirs.js';
import { useCliServer, type CliServer } from '../support/cli-server.js';

// Longer than the 60 s bound of `bounded`, so a run that loops is reported by it.
vi.setConfig({ testTimeout: 90_000 });

const tempDir = useTempDirs('b2c-cli-');
let s: CliServer;

/** Every name of the hostile bucket and its content (`marker/` is empty on purpose). */
const HOSTILE: Record<string, string> = {
  'dir//double': 'double',
  'dir/normal.txt': 'normal',
  '/abs/path': 'absolute',
  a: 'file a',
  'a/b': 'file a/b',
  'endslash/': 'data under a name ending in /',
  'marker/': '',
  'plain.txt': 'plain',
};

useCliServer({}, (server) => (s = server));

/** A fresh bucket holding `names`, each uploaded with exactly that name (raw b2_upload_file). */
async function bucketWith(names: Record<string, string>): Promise<{ name: string; id: string }> {
  const ref = await s.server.createBucket('hostile');
  for (const [name, content] of Object.entries(names)) await s.server.upload(ref.id, name, content);
  return ref;
}

/** `name action` of every version in the bucket, in server order. */
async function serverNames(bucketId: string, prefix = ''): Promise<string[]> {
  const r = await s.server.api<{ files: Array<{ fileName: string; action: string }> }>('b2_list_file_versions', {
    bucketId,
    prefix,
    maxFileCount: 10_000,
  });
  return r.files.map((f) => `${f.fileName} ${f.action}`);
}

/** Runs b2c and fails the test when it has not ended within 60 s: nothing may loop. */
async function bounded(
  args: string[],
  options: { env: Record<string, string>; cwd?: string } = { env: s.env() },
): Promise<CliRun> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<CliRun>((resolve) => {
    timer = setTimeout(() => resolve({ args, code: -1, stdout: 'still running after 60 s', stderr: '' }), 60_000);
  });
  try {
    return await Promise.race([runCli(args, options), limit]);
  } finally {
    clearTimeout(timer);
  }
}

interface Row {
  source: string | null;
  target: string | null;
  kind: string;
  isDir: boolean;
  state: string;
  note: string | null;
  error: { kind: string; message: string; detail: string | null } | null;
}
interface Doc {
  ok: boolean;
  totals: { files: number; done: number; skipped: number; failed: number; cancelled: number };
  results: Row[];
}

function files(doc: Doc): Row[] {
  return doc.results.filter((r) => !r.isDir);
}

async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const rel = relative(dir, join(e.parentPath, e.name));
    out.push(e.isDirectory() ? `${rel}/` : rel);
  }
  return out.sort();
}

describe('ls with names B2 allows and disks do not', () => {
  it('ls -r lists every name once, exactly, and ends', async () => {
    const b = await bucketWith(HOSTILE);
    const r = await bounded(['ls', '-r', `b2://${b.name}`]);
    expect(r.code).toBe(0);
    // Folders keep their exact prefix (`dir//` is the folder with an empty name in `dir/`); the
    // object `endslash/` lists as `endslash/` next to its folder, never as `endslash/endslash`.
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      '/',
      '/abs/',
      '/abs/path',
      'a',
      'a/',
      'a/b',
      'dir/',
      'dir//',
      'dir//double',
      'dir/normal.txt',
      'endslash/',
      'endslash/',
      'marker/',
      'marker/',
      'plain.txt',
    ]);
    const json = await bounded(['ls', '-r', '--json', `b2://${b.name}`]);
    const entries = (JSON.parse(json.stdout) as { entries: Array<{ name: string; location: string; kind: string }> })
      .entries;
    const listedFiles = entries.filter((e) => e.kind === 'file');
    expect(listedFiles.map((e) => e.name).sort()).toEqual(Object.keys(HOSTILE).sort());
    for (const e of listedFiles) expect(e.location).toBe(`b2://${b.name}/${e.name}`);
  });

  it('lists inside such folders exactly; an empty name shows as ""', async () => {
    const b = await bucketWith(HOSTILE);
    const lines = async (url: string): Promise<string[]> => {
      const r = await bounded(['ls', url]);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.split('\n').filter(Boolean);
    };
    expect(await lines(`b2://${b.name}/dir/`)).toEqual(['/', 'normal.txt']);
    expect(await lines(`b2://${b.name}/dir//`)).toEqual(['double']);
    expect(await lines(`b2://${b.name}//`)).toEqual(['abs/']);
    expect(await lines(`b2://${b.name}/endslash/`)).toEqual(['""']);
    const json = await bounded(['ls', '--json', `b2://${b.name}/endslash/`]);
    expect((JSON.parse(json.stdout) as { entries: unknown[] }).entries).toMatchObject([
      { name: '', kind: 'file', location: `b2://${b.name}/endslash/` },
    ]);
  });

  it('ls --versions of a folder whose names are all hidden lists them', async () => {
    const b = await bucketWith({ 'gone/x.txt': 'x', 'gone/y.txt': 'y' });
    for (const fileName of ['gone/x.txt', 'gone/y.txt'])
      await s.server.api('b2_hide_file', { bucketId: b.id, fileName });
    const r = await bounded(['ls', '--versions', `b2://${b.name}/gone`]);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(/\s+/));
    expect(rows.map((c) => [c[0], c[2]])).toEqual([
      ['hide', 'x.txt'],
      ['upload', 'x.txt'],
      ['hide', 'y.txt'],
      ['upload', 'y.txt'],
    ]);
  });
});

describe('cp -r with names B2 allows and disks do not', () => {
  it('downloads what the disk can hold and names every other object with its reason', async () => {
    const b = await bucketWith(HOSTILE);
    const dir = tempDir();
    const r = await bounded(['cp', '-r', '--json', `b2://${b.name}`, `${dir}/`]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as Doc;
    const rows = files(doc);
    // Every object is in the results exactly once, and the totals agree with them.
    expect(rows.map((x) => x.source).sort()).toEqual(
      Object.keys(HOSTILE)
        .map((k) => `b2://${b.name}/${k}`)
        .sort(),
    );
    expect(doc.totals).toMatchObject({ files: 8, done: 3, skipped: 1, failed: 4, cancelled: 0 });
    expect(doc.ok).toBe(false);
    const by = (name: string): Row | undefined => rows.find((x) => x.source === `b2://${b.name}/${name}`);
    expect(by('plain.txt')?.state).toBe('done');
    expect(by('dir/normal.txt')?.state).toBe('done');
    expect(by('marker/')).toMatchObject({
      state: 'skipped',
      note: 'Skipped: "marker/" is an empty folder marker; its folder is made instead.',
    });
    expect(by('endslash/')?.error?.detail).toBe(
      'Refused "endslash/": a file on disk cannot have a name ending in "/".',
    );
    expect(by('dir//double')?.error?.detail).toBe(
      'Refused "dir//double": it is inside "dir//", and a folder on disk cannot have an empty name (B2 makes one from "//" or a leading "/").',
    );
    expect(by('/abs/path')?.error?.detail).toBe(
      'Refused "/abs/path": it is inside "/", and a folder on disk cannot have an empty name (B2 makes one from "//" or a leading "/").',
    );
    // `a` and `a/b` cannot both exist on disk: whichever came second failed, saying what is in the way.
    const pair = [by('a'), by('a/b')];
    expect(pair.map((x) => x?.state).sort()).toEqual(['done', 'failed']);
    const loser = pair.find((x) => x?.state === 'failed');
    expect(`${loser?.error?.message} ${loser?.error?.detail}`).toMatch(
      new RegExp(`(file|folder) named "${join(dir, b.name, 'a')}" is in the way`),
    );
    // The disk holds exactly what was reported done, and the folder marker became a folder.
    const winner = pair.find((x) => x?.state === 'done')?.source === `b2://${b.name}/a` ? ['a'] : ['a/', 'a/b'];
    expect(await tree(join(dir, b.name))).toEqual([...winner, 'dir/', 'dir/normal.txt', 'marker/', 'plain.txt'].sort());
    expect(await readFile(join(dir, b.name, 'dir', 'normal.txt'), 'utf8')).toBe('normal');
  });

  it('names each failure once on stderr, with a summary that agrees', async () => {
    const b = await bucketWith(HOSTILE);
    const dir = tempDir();
    const r = await bounded(['cp', '-r', `b2://${b.name}`, `${dir}/`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('3 files copied');
    expect(r.stdout).toContain('1 skipped, 4 failed.');
    for (const name of ['endslash/', 'dir//double', '/abs/path']) {
      expect(r.stderr.split('\n').filter((l) => l.startsWith(`b2c cp: b2://${b.name}/${name}:`))).toHaveLength(1);
    }
  });

  it('copies B2 to B2 on the server with every name exactly as it is', async () => {
    const b = await bucketWith(HOSTILE);
    const to = await s.b2.createBucket(`copy-${randomBytes(4).toString('hex')}`);
    const r = await bounded(['cp', '-r', '--json', `b2://${b.name}`, `b2://${to.name}/into/`]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.totals).toMatchObject({ files: 8, done: 8, skipped: 0, failed: 0 });
    expect(
      files(doc).every(
        (x) =>
          x.kind === 'server-copy' &&
          x.target === x.source?.replace(`b2://${b.name}/`, `b2://${to.name}/into/${b.name}/`),
      ),
    ).toBe(true);
    const expected = Object.keys(HOSTILE)
      .map((k) => `into/${b.name}/${k} upload`)
      .sort();
    expect((await serverNames(to.id)).sort()).toEqual(expected);
  });

  it('uploads a local tree and reports what it skips (links, pipes, sockets) with the reason', async () => {
    const dir = tempDir();
    const src = join(dir, 'tree');
    await mkdir(join(src, 'sub'), { recursive: true });
    await writeFile(join(src, 'one.txt'), '1');
    await writeFile(join(src, 'sub', 'two.txt'), '22');
    await symlink('one.txt', join(src, 'link'));
    execFileSync('mkfifo', [join(src, 'pipe')]);
    const sock = createServer();
    await new Promise<void>((resolve) => sock.listen(join(src, 'sock'), resolve));
    try {
      const to = await s.b2.createBucket(`up-${randomBytes(4).toString('hex')}`);
      const r = await bounded(['cp', '-r', '--json', src, `b2://${to.name}/`], { env: s.env() });
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as Doc;
      expect(doc.totals).toMatchObject({ files: 5, done: 2, skipped: 3, failed: 0 });
      const note = (name: string): string | null | undefined =>
        files(doc).find((x) => x.source === join(src, name))?.note;
      expect(note('link')).toBe('Skipped: symbolic links are not copied.');
      expect(note('pipe')).toBe('Skipped: it is a named pipe (FIFO), not a regular file.');
      expect(note('sock')).toBe('Skipped: it is a socket, not a regular file.');
      expect((await serverNames(to.id)).sort()).toEqual(['tree/one.txt upload', 'tree/sub/two.txt upload']);
    } finally {
      sock.close();
    }
  });
});

describe('rm -r with names B2 allows and disks do not', () => {
  const tops = (bucket: string): string[] =>
    ['dir/', '/', 'a', 'a/', 'endslash/', 'marker/', 'plain.txt'].map((k) => `b2://${bucket}/${k}`);

  it('--dry-run lists every version it would delete by its exact name, and ends', async () => {
    const b = await bucketWith(HOSTILE);
    const r = await bounded(['rm', '-r', '--dry-run', ...tops(b.name)]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('would '));
    const deleted = lines
      .filter((l) => l.startsWith('would delete '))
      .map((l) => l.replace(/^would delete (.*) \(version .*\)$/, '$1'));
    expect(deleted.sort()).toEqual(
      Object.keys(HOSTILE)
        .map((k) => `b2://${b.name}/${k}`)
        .sort(),
    );
    const folders = lines
      .filter((l) => l.startsWith('would remove folder '))
      .map((l) => l.slice('would remove folder '.length));
    expect(folders.sort()).toEqual(
      ['dir//', 'dir/', '/abs/', '/', 'a/', 'endslash/', 'marker/'].map((k) => `b2://${b.name}/${k}`).sort(),
    );
    expect(await serverNames(b.id)).toHaveLength(Object.keys(HOSTILE).length);
  });

  it('removes every object by its exact name and reports each', async () => {
    const b = await bucketWith({ ...HOSTILE, 'keep/me.txt': 'stays' });
    const r = await bounded(['rm', '-r', '--yes', '--json', ...tops(b.name)]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.totals).toMatchObject({ files: 8, done: 8, failed: 0 });
    expect(
      files(doc)
        .map((x) => x.source)
        .sort(),
    ).toEqual(
      Object.keys(HOSTILE)
        .map((k) => `b2://${b.name}/${k}`)
        .sort(),
    );
    expect(files(doc).every((x) => x.note === null)).toBe(true);
    // Exactly those names went (each had one version); the name next to them stayed.
    expect(await serverNames(b.id)).toEqual(['keep/me.txt upload']);
  });

  it('without -r removes exactly the object a URL ending in "/" names, not the folder', async () => {
    const b = await bucketWith({ 'endslash/': 'object', 'endslash/inner.txt': 'inner' });
    const r = await bounded(['rm', '--json', `b2://${b.name}/endslash/`]);
    expect(r.code, r.stderr).toBe(0);
    expect(await serverNames(b.id)).toEqual(['endslash/inner.txt upload']);
  });
});
