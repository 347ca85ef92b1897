/**
 * `b2c ls` on names B2 lists only with their versions (issue 11, bug 7): an unfinished large file
 * (the demo's `demo-backups/server2/in-progress.tar`, started and never finished) and a name whose
 * newest version is a hide marker. `--versions` lists them with their action (`start`, `hide`),
 * as its help and the README say, folder by folder and recursively alike; a plain `ls` of a folder
 * holding only such names lists nothing and says what `--versions` would show, instead of
 * claiming the folder `ls --versions -r` just listed does not exist.
 */
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { connectB2 } from '../../src/providers/b2/index.js';
import { runCli } from '../support/cli.js';
import { useDemoAccount } from './demo-account.js';

const demo = useDemoAccount();
const masterEnv = (): Record<string, string> => demo.masterEnv();
const lines = (out: string): string[] => out.split('\n').filter((l) => l !== '');
let startId = '';

beforeAll(async () => {
  const b2 = await connectB2({
    applicationKeyId: demo.emu.masterKeyId,
    applicationKey: demo.emu.masterKey,
    endpoint: demo.emu.endpoint,
  });
  await b2.write('/demo-backups/old/gone.txt', Readable.from([Buffer.from('gone')]), { size: 4, overwrite: true });
  await b2.remove('/demo-backups/old/gone.txt', { mode: 'hide' });
  const unfinished = (await b2.unfinishedUploads('/demo-backups/server2'))[0];
  startId = unfinished?.fileId ?? '';
  await b2.close();
  expect(startId).not.toBe('');
});

describe('unfinished large files in b2c ls', () => {
  it('--versions -r lists the unfinished file with action start, under its folder', async () => {
    const r = await runCli(['ls', '--versions', '-r', 'b2://demo-backups/'], { env: masterEnv() });
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    const folder = out.indexOf('-       -  server2/');
    expect(folder).toBeGreaterThanOrEqual(0);
    expect(out[folder + 1]).toBe(`start   ${startId}  server2/in-progress.tar`);
    expect(out).toContain('-       -  old/');
    expect(out.some((l) => /^hide {4}\S+ {2}old\/gone\.txt$/.test(l))).toBe(true);
  });

  it('--versions of the folder lists it too, in JSON as well', async () => {
    const r = await runCli(['ls', '--versions', 'b2://demo-backups/server2/'], { env: masterEnv() });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([`start   ${startId}  in-progress.tar`]);
    const json = await runCli(['ls', '--versions', '--json', 'b2://demo-backups/server2'], { env: masterEnv() });
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { entries: Array<Record<string, unknown>> };
    expect(doc.entries).toEqual([
      expect.objectContaining({ name: 'in-progress.tar', action: 'start', fileId: startId, isLatest: false }),
    ]);
  });

  it('a plain ls of a folder holding only an unfinished file lists nothing, says why, and succeeds', async () => {
    for (const url of ['b2://demo-backups/server2/', 'b2://demo-backups/server2']) {
      const r = await runCli(['ls', url], { env: masterEnv() });
      expect(r.code, url).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `b2c ls: "${url}" holds no finished, visible file: only 1 unfinished large file (ls --versions lists it).\n`,
      );
    }
  });

  it('a plain ls of a folder holding only hidden names says so', async () => {
    const r = await runCli(['ls', 'b2://demo-backups/old/'], { env: masterEnv() });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'b2c ls: "b2://demo-backups/old/" holds no finished, visible file: only 1 hidden name (ls --versions lists it).\n',
    );
  });

  it('a folder that holds nothing at all still does not exist', async () => {
    const r = await runCli(['ls', 'b2://demo-backups/nothing-here/'], { env: masterEnv() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"b2://demo-backups/nothing-here/" does not exist.');
  });
});
