/**
 * A source that changes between the listing and its copy (issue 10, item 7): `--json` reports the
 * bytes really copied, not the size the listing promised. Deterministic: a proxy holds the first
 * upload (one file at a time) while the test truncates the other file, then lets it go.
 */
import { randomBytes } from 'node:crypto';
import { truncate, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import { startStallProxy } from '../support/net-faults.js';
import { runCli, startCli } from '../support/cli.js';
import { useTempDirs } from '../support/temp-dirs.js';
import { useCliServer, type CliServer } from '../support/cli-server.js';

const tempDir = useTempDirs('b2c-cli-');
let s: CliServer;
useCliServer({ partSize: 64 * 1024 }, (server) => (s = server));

interface Row {
  source: string;
  state: string;
  bytes: number;
  note: string | null;
}

it('a file truncated after it was listed: done, with the bytes copied and a note', async () => {
  const dir = tempDir();
  for (const name of ['x.bin', 'y.bin']) await writeFile(join(dir, name), randomBytes(50_000));
  let release: () => void = () => undefined;
  const proxy = await startStallProxy(s.emu.endpoint, {
    match: (path) => path.includes('b2_upload_file'),
    at: 'request',
    times: 1,
    release: new Promise((r) => (release = r)),
  });
  try {
    const run = startCli(['cp', '-r', '--json', '--concurrency', '1', `${dir}/`, `b2://${s.bucket}/changed/`], {
      env: { ...s.env(), B2_ENDPOINT: proxy.endpoint },
    });
    await proxy.firstHold;
    const other = basename(proxy.heldFileNames[0] ?? '') === 'x.bin' ? 'y.bin' : 'x.bin';
    await truncate(join(dir, other), 10);
    release();
    const r = await run.done;
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { results: Row[]; totals: { bytes: number } }).results;
    const shrunk = rows.find((row) => row.source.endsWith(other));
    expect(shrunk).toMatchObject({
      state: 'done',
      bytes: 10,
      note: 'The file changed since it was listed: 10 bytes were copied, not 50000.',
    });
    expect(JSON.parse(r.stdout).totals.bytes).toBe(50_010);
    const listed = await runCli(['ls', '-l', '-r', `b2://${s.bucket}/changed/`], { env: s.env() });
    expect(listed.stdout).toMatch(new RegExp(`\\s10\\s.*${other.replace('.', '\\.')}`));
  } finally {
    release();
    await proxy.close();
  }
});
