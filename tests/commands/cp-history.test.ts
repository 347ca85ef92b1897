/**
 * `b2c cp` adds what it did to the transfer history in the config folder (the TUI's `h` shows the
 * same file): a real upload to the built-in server, read back from `history.json`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistoryFile } from '../../src/transfers/index.js';
import { runCli } from '../support/cli.js';
import { useCliServer, type CliServer } from '../support/cli-server.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('b2c-cp-history-');
let s: CliServer;
useCliServer({}, (server) => (s = server));

describe('b2c cp and the transfer history', () => {
  it('records the upload in history.json beside the config', async () => {
    const dir = tempDir();
    const config = tempDir();
    await writeFile(join(dir, 'kept.txt'), 'history bytes');
    const r = await runCli(['cp', join(dir, 'kept.txt'), `b2://${s.bucket}/hist/`], {
      env: { ...s.env(), B2C_CONFIG_DIR: config },
    });
    expect(r.code).toBe(0);
    const entries = await readHistoryFile(join(config, 'history.json'));
    expect(entries).toEqual([
      expect.objectContaining({
        operation: 'copy',
        kind: 'upload',
        source: join(dir, 'kept.txt'),
        target: `b2://${s.bucket}/hist/kept.txt`,
        bytes: 13,
        result: 'done',
      }),
    ]);
    expect((await s.read('hist/kept.txt')).toString()).toBe('history bytes');
  });
});
