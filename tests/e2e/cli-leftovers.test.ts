/**
 * No leftovers after a killed download (issue 10, item 4): the built binary (a real process, so
 * that it can be killed) downloads a folder through a proxy that holds one file's body in the
 * middle, so the copy is caught with a temporary file on disk, and is then killed — SIGKILL (no cleanup can run) or SIGHUP (the SSH
 * connection dropping: handled like SIGTERM). A later `cp -r` of that folder never uploads
 * b2c's temporary file, and a rerun of the download leaves exactly the downloaded files.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isTempName } from '../../src/providers/local/index.js';
import { runB2c, startB2c } from '../support/binary.js';
import { useCliServer, type CliServer } from '../support/cli-server.js';
import { sha1 } from '../support/hash.js';
import { startStallProxy } from '../support/net-faults.js';
import { untilValue } from '../support/poll.js';
import { useTempDirs } from '../support/temp-dirs.js';
import { filesUnder } from '../support/disk.js';

const tempDir = useTempDirs('b2c-e2e-');
let s: CliServer;
useCliServer({ partSize: 64 * 1024 }, (server) => (s = server));

const FILES: Record<string, Buffer> = {
  'big.bin': randomBytes(3_000_000),
  'a.txt': Buffer.from('alpha'),
  'sub/b.txt': Buffer.from('beta'),
};

beforeAll(async () => {
  for (const [name, data] of Object.entries(FILES)) await s.upload(`tree/${name}`, data);
});

/** b2c's temporary files anywhere under `dir`, relative. */
async function temps(dir: string): Promise<string[]> {
  return (await filesUnder(dir)).filter((n) => isTempName(n.split('/').pop() ?? ''));
}

/** Polls (bounded) until b2c's temporary file for big.bin exists under `dir`. */
async function tempFileIn(dir: string): Promise<string> {
  return untilValue(async () => (await temps(dir)).find((n) => n.includes('.big.bin.')), 'a temporary file', {
    timeoutMs: 20_000,
  });
}

/** Starts `cp -r` of the tree into `target`, holds big.bin's body after 200 KB, kills the copy with `signal`. */
async function killedDownload(target: string, signal: NodeJS.Signals): Promise<{ code: number | null; temp: string }> {
  const proxy = await startStallProxy(s.emu.endpoint, {
    match: (path) => path.includes('big.bin'),
    at: 'response-body',
    afterBytes: 200_000,
    times: 1,
  });
  try {
    const run = startB2c(['cp', '-r', `b2://${s.bucket}/tree/`, `${target}/`], {
      env: { ...s.env(), B2_ENDPOINT: proxy.endpoint },
    });
    await proxy.firstHold;
    const temp = await tempFileIn(target);
    run.child.kill(signal);
    const r = await run.done;
    return { code: r.code, temp };
  } finally {
    await proxy.close();
  }
}

/** `cp -r b2://bucket/tree/ target/` makes target/tree: exactly the bucket's files, bytes equal. */
async function expectExactlyTheFiles(target: string): Promise<void> {
  expect(await filesUnder(target)).toEqual(
    Object.keys(FILES)
      .map((n) => `tree/${n}`)
      .sort(),
  );
  for (const [name, data] of Object.entries(FILES))
    expect(sha1(await readFile(join(target, 'tree', name)))).toBe(sha1(data));
}

describe('a download killed in the middle', () => {
  it('SIGKILL leaves a temporary file; cp -r of the folder skips it; the rerun removes it', async () => {
    const target = tempDir();
    const { code, temp } = await killedDownload(target, 'SIGKILL');
    expect(code).toBeNull();
    // The held file's, and maybe a small one's that was being written at that moment.
    expect(await temps(target)).toContain(temp);

    // The folder is uploaded as it is: b2c's own temporary file is not the user's, never sent.
    const up = await runB2c(['cp', '-r', '--json', `${target}/`, `b2://${s.bucket}/back/`], { env: s.env() });
    expect(up.code).toBe(0);
    const sent = (JSON.parse(up.stdout) as { results: Array<{ target: string }> }).results.map((r) => r.target);
    expect(sent.some((t) => t.includes('b2c-tmp'))).toBe(false);

    const rerun = await runB2c(['cp', '-r', `b2://${s.bucket}/tree/`, `${target}/`], { env: s.env() });
    expect(rerun.code).toBe(0);
    await expectExactlyTheFiles(target);
  }, 60_000);

  it('SIGHUP cleans up like SIGTERM: exit 129, no temporary file; the rerun completes the folder', async () => {
    const target = tempDir();
    const { code } = await killedDownload(target, 'SIGHUP');
    expect(code).toBe(129);
    expect(await temps(target)).toEqual([]);
    expect(await filesUnder(target)).not.toContain('tree/big.bin');

    const rerun = await runB2c(['cp', '-r', `b2://${s.bucket}/tree/`, `${target}/`], { env: s.env() });
    expect(rerun.code).toBe(0);
    await expectExactlyTheFiles(target);
  }, 60_000);
});
