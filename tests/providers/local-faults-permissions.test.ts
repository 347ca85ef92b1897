/**
 * Permission faults for the local provider, for real. Root bypasses permission bits, so when the
 * tests run as root (CI does) the provider runs in a child process as user `nobody` (65534);
 * otherwise the child runs as the current user, for whom chmod already bites. The provider is
 * bundled with esbuild for the child, so it is the same code the app ships, not a copy.
 * Immutable files (chattr +i) refuse even root: that case runs in-process, as root only.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionDeniedError } from '../../src/providers/errors.js';
import { createLocalProvider } from '../../src/providers/local/index.js';
import { expectRejects, get, put } from './contract/helpers.js';
import { contextFor } from './contract/context.js';

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;
let base = '';

/** The child: performs each case with the bundled provider and prints `{case: outcome}` as JSON. */
const childScript = `
import { Readable } from 'node:stream';
import { createLocalProvider } from './provider.mjs';
const base = process.argv[2];
const p = createLocalProvider();
const outcome = async (f) => { try { return { ok: await f() }; } catch (e) { return { kind: e.kind ?? e.code ?? String(e), message: e.message }; } };
const drain = async (h) => { for await (const _ of h.stream) {} return h.size; };
const out = {
  readSecret: await outcome(async () => drain(await p.openRead(base + '/secret.txt'))),
  writeIntoLocked: await outcome(() => p.write(base + '/locked/new.txt', Readable.from([Buffer.from('x')]), { size: 1 }).then((e) => e.size)),
  overwriteInLocked: await outcome(() => p.write(base + '/locked/old.txt', Readable.from([Buffer.from('y')]), { size: 1, overwrite: true }).then((e) => e.size)),
  mkdirInLocked: await outcome(() => p.mkdir(base + '/locked/sub/deeper')),
  removeInLocked: await outcome(() => p.remove(base + '/locked/old.txt')),
  listNoSearch: await outcome(async () => { const rows = []; for await (const pg of p.list(base + '/nosearch')) rows.push(...pg); return rows.map((r) => [r.name, r.kind, r.mtimeMs]).sort(); }),
  listClosed: await outcome(async () => { for await (const _ of p.list(base + '/closed')) {} return 'listed'; }),
  statInsideClosed: await outcome(() => p.stat(base + '/closed/inner.txt')),
};
process.stdout.write(JSON.stringify(out));
`;

type Outcome = { ok?: unknown; kind?: string; message?: string };
let results: Record<string, Outcome> = {};
let cannotRun: string | null = null;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'b2c-perms-'));
  await chmod(base, 0o755);
  await build({
    entryPoints: [join(import.meta.dirname, '../../src/providers/local/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: join(base, 'provider.mjs'),
    logLevel: 'silent',
  });
  await writeFile(join(base, 'child.mjs'), childScript);
  await writeFile(join(base, 'secret.txt'), 'top secret');
  await chmod(join(base, 'secret.txt'), 0o600);
  await mkdir(join(base, 'locked'));
  await writeFile(join(base, 'locked', 'old.txt'), 'old');
  await chmod(join(base, 'locked'), 0o555);
  await mkdir(join(base, 'nosearch'));
  await writeFile(join(base, 'nosearch', 'a.txt'), 'a');
  await mkdir(join(base, 'nosearch', 'sub'));
  await chmod(join(base, 'nosearch'), 0o444);
  await mkdir(join(base, 'closed'));
  await writeFile(join(base, 'closed', 'inner.txt'), 'i');
  await chmod(join(base, 'closed'), 0o000);
  const as = isRoot ? { uid: 65534, gid: 65534 } : {};
  // Probe first: if `nobody` cannot run node from here (node under /root, TMPDIR not traversable),
  // that is the machine's limitation and the tests say so; a failing case run is a real failure.
  await writeFile(join(base, 'probe.mjs'), '');
  const probe = await run(process.execPath, [join(base, 'probe.mjs')], as).catch((e: unknown) => e as Error);
  if (probe instanceof Error) {
    cannotRun = `cannot run node as ${isRoot ? 'nobody' : 'this user'} from ${base}: ${probe.message.split('\n')[0]}`;
    return;
  }
  const { stdout } = await run(process.execPath, [join(base, 'child.mjs'), base], as);
  results = JSON.parse(stdout) as Record<string, Outcome>;
});

afterAll(async () => {
  for (const d of ['locked', 'nosearch', 'closed']) await chmod(join(base, d), 0o755).catch(() => undefined);
  await rm(base, { recursive: true, force: true });
});

describe(`permission denied (${isRoot ? 'child process as nobody' : 'child process as this user'})`, () => {
  it('reading an unreadable file → permission-denied, naming the path', (t) => {
    if (cannotRun !== null) return t.skip(cannotRun);
    expect(results.readSecret).toMatchObject({ kind: 'permission-denied' });
    expect(results.readSecret?.message).toContain(`${base}/secret.txt`);
  });

  it('writing, overwriting, mkdir and remove in a read-only folder → permission-denied; nothing changes', async (t) => {
    if (cannotRun !== null) return t.skip(cannotRun);
    for (const c of ['writeIntoLocked', 'overwriteInLocked', 'mkdirInLocked', 'removeInLocked']) {
      expect(results[c], c).toMatchObject({ kind: 'permission-denied' });
    }
    expect(await readdir(join(base, 'locked'))).toEqual(['old.txt']);
    expect((await get(createLocalProvider(), `${base}/locked/old.txt`)).toString()).toBe('old');
  });

  it('a folder whose entries cannot be lstat-ed still lists them (without details)', (t) => {
    if (cannotRun !== null) return t.skip(cannotRun);
    expect(results.listNoSearch).toEqual({
      ok: [
        ['a.txt', 'file', null],
        ['sub', 'dir', null],
      ],
    });
  });

  it('a folder that cannot be read at all → permission-denied; so is what is inside', (t) => {
    if (cannotRun !== null) return t.skip(cannotRun);
    expect(results.listClosed).toMatchObject({ kind: 'permission-denied' });
    expect(results.statInsideClosed).toMatchObject({ kind: 'permission-denied' });
  });
});

describe('immutable files (chattr +i, refuses even root)', () => {
  it('remove and overwrite → PermissionDeniedError; the file and folder are unchanged', async (t) => {
    if (!isRoot) return t.skip('chattr +i needs root (CAP_LINUX_IMMUTABLE)');
    const dir = join(base, 'immutable');
    await mkdir(dir);
    await writeFile(join(dir, 'frozen.txt'), 'frozen');
    try {
      execFileSync('chattr', ['+i', join(dir, 'frozen.txt')], { stdio: 'pipe' });
    } catch (e) {
      return t.skip(`this file system does not support chattr +i: ${(e as Error).message.split('\n')[0]}`);
    }
    try {
      const provider = createLocalProvider();
      const ctx = contextFor(provider, dir);
      await expectRejects(provider.remove(`${dir}/frozen.txt`), PermissionDeniedError);
      await expectRejects(
        put(ctx, `${dir}/frozen.txt`, Buffer.from('thawed'), { overwrite: true }),
        PermissionDeniedError,
      );
      expect((await get(provider, `${dir}/frozen.txt`)).toString()).toBe('frozen');
      expect(await readdir(dir)).toEqual(['frozen.txt']);
    } finally {
      execFileSync('chattr', ['-i', join(dir, 'frozen.txt')]);
    }
  });
});
