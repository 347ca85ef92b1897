/**
 * B2 operations from the keyboard against the built-in server over real HTTP: upload and
 * download (bytes compared), delete in each mode, unhide, share link (fetched), versions, info,
 * make folder and rename. Results are checked through a separate master-key provider.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS, demoBytes } from '../../../src/emulator/index.js';
import { connectB2, type B2Provider } from '../../../src/providers/b2/index.js';
import type { Entry, VersionEntry } from '../../../src/providers/types.js';
import { b2PaneLocation } from '../../../src/state/location/pane-location.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

const P = DEMO_BUCKETS.photos;
/** Wide enough that names and footers are not cut (ink-testing-library's stdout is 100 columns). */
const WIDE = { columns: 100, rows: 30 };

async function master(fx: TuiFixture): Promise<B2Provider> {
  const emu = fx.emu;
  if (!emu) throw new Error('no server');
  return connectB2({ applicationKeyId: emu.masterKeyId, applicationKey: emu.masterKey, endpoint: emu.endpoint });
}

async function all<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const p of pages) out.push(...p);
  return out;
}

async function readAll(p: B2Provider, path: string): Promise<Buffer> {
  const h = await p.openRead(path);
  const chunks: Buffer[] = [];
  for await (const c of h.stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Puts the right pane's cursor on `name` with a kept filter. */
async function cursorTo(fx: TuiFixture, name: string): Promise<void> {
  await fx.see(name);
  fx.h.press('/', name, KEYS.enter);
  await fx.see(`filter "${name}"`);
  fx.h.press(KEYS.end);
}

function open(folder: string) {
  return () => b2PaneLocation('demo', P, folder);
}

describe('B2 operations', () => {
  it('uploads a local file with F5 and downloads a B2 file back, bytes compared', async () => {
    f = await startTui({ size: WIDE, b2: true, right: open('photos/2024/') });
    await f.see('beach.jpg', 'big.bin');
    await cursorTo(f, 'big.bin');
    f.h.press(KEYS.f5);
    await f.see('Copy big.bin (2.0 KiB)', 'b2://demo-photos/photos/2024/big.bin');
    f.h.press(KEYS.enter);
    await f.see('Copy: 1 of 1 file done (2.0 KiB).');
    const m = await master(f);
    expect(await readAll(m, `/${P}/photos/2024/big.bin`)).toEqual(Buffer.alloc(2_000, 7));

    f.h.press(KEYS.tab);
    await f.h.waitForFrame(() => f?.store.getSnapshot().app.active === 'right');
    await cursorTo(f, 'beach');
    f.h.press(KEYS.f5, KEYS.enter);
    await f.see('Copy: 1 of 1 file done (240.0 KiB).');
    expect(await readFile(join(f.dir, 'beach.jpg'))).toEqual(demoBytes('beach', 245_760));
  });

  it('F8 on B2 hides by default; the name leaves the listing and its versions stay', async () => {
    f = await startTui({ size: WIDE, b2: true, right: open('docs/'), active: 'right' });
    await cursorTo(f, 'notes.md');
    f.h.press(KEYS.f8);
    await f.see('Remove notes.md', '(•) Hide', 'every version is kept');
    f.h.press(KEYS.enter);
    await f.see('Delete: 1 of 1 file done.');
    await f.h.waitForFrame(
      (fr) => !fr.split('\n').some((l) => l.slice(40).includes('notes.md')) || fr.includes('filter "notes.md"'),
    );
    const versions: VersionEntry[] = await all((await master(f)).versions(`/${P}/docs/notes.md`));
    expect(versions.map((v) => v.action)).toEqual(['hide', 'upload']);
  });

  it('deletes every version with "Delete all versions"', async () => {
    f = await startTui({ size: WIDE, b2: true, right: open('docs/'), active: 'right' });
    await cursorTo(f, 'report.pdf');
    f.h.press(KEYS.f8, KEYS.down, KEYS.down);
    await f.see('(•) Delete all versions', 'Nothing can bring');
    f.h.press(KEYS.enter);
    // Cannot be undone: a second step that says what goes, and acts only on a typed "yes".
    await f.see(
      'Delete all versions: cannot be undone',
      'Delete every version of report.pdf',
      'in b2://demo-photos/docs/',
      'type yes',
    );
    f.h.press(KEYS.enter);
    await f.see('Nothing was deleted: type yes to delete for good.');
    expect(await all((await master(f)).versions(`/${P}/docs/report.pdf`))).toHaveLength(3);
    f.h.press('no', KEYS.enter);
    await f.see('Nothing was deleted');
    f.h.press('\x15yes', KEYS.enter);
    await f.see('Delete: 1 of 1 file done.');
    await expect(all((await master(f)).versions(`/${P}/docs/report.pdf`))).rejects.toThrow('has no versions');
  });

  it('on a folder the second step says everything in it goes; Esc steps back, nothing is deleted', async () => {
    f = await startTui({ size: WIDE, b2: true, right: open(''), active: 'right' });
    await cursorTo(f, 'docs');
    f.h.press(KEYS.f8, KEYS.down, KEYS.down, KEYS.enter);
    await f.see(
      'Delete every version of the folder docs with everything in it, for good.',
      'Every name in the folder, at any depth, goes with all its versions.',
    );
    f.h.press(KEYS.escape);
    await f.see('(•) Delete all versions');
    f.h.press(KEYS.escape);
    await f.h.waitForFrame(() => f?.store.getSnapshot().dialog === null);
    expect(await all((await master(f)).versions(`/${P}/docs/report.pdf`))).toHaveLength(3);
  });

  it('"Delete this version" brings the previous version back', async () => {
    f = await startTui({ size: WIDE, b2: true, right: open(''), active: 'right' });
    await cursorTo(f, 'README.txt');
    f.h.press(KEYS.f8, KEYS.down);
    await f.see('(•) Delete this version');
    f.h.press(KEYS.enter);
    await f.see(
      'Delete this version: cannot be undone',
      'Delete the newest version of README.txt',
      'An older version, if there is one, shows again.',
    );
    f.h.press('yes', KEYS.enter);
    await f.see('Delete: 1 of 1 file done.');
    expect((await readAll(await master(f), `/${P}/README.txt`)).toString()).toBe('Demo photos bucket, first draft.\n');
  });

  it('shows hidden files with . (marked in words, not only dim) and unhides one with u', async () => {
    f = await startTui({ size: WIDE, b2: true, right: open('docs/'), active: 'right', mono: true });
    await f.see('report.pdf');
    expect(f.h.plainFrame()).not.toContain('deleted-draft.txt');
    f.h.press('.');
    const shown = await f.see('deleted-draft.txt');
    expect(shown).toMatch(/deleted-draft\.txt\s+hidden /);
    expect(shown).toMatch(/report\.pdf\s+26500 /);
    await cursorTo(f, 'deleted-draft');
    f.h.press('u');
    await f.see('Unhide deleted-draft.txt', 'No file data is deleted.');
    f.h.press(KEYS.enter);
    await f.see('Unhid deleted-draft.txt.');
    const entries: Entry[] = await all((await master(f)).list(`/${P}/docs`));
    expect(entries.map((e) => e.name)).toContain('deleted-draft.txt');
  });

  it('makes a share link that downloads the file without a key', async () => {
    f = await startTui({ size: WIDE, b2: true, right: open('docs/'), active: 'right' });
    await cursorTo(f, 'notes.md');
    f.h.press('L');
    await f.see('How long', '(•) 1 day');
    f.h.press(KEYS.enter);
    const frame = await f.see('for 1 day:', 'Authorization=');
    // The dialog wraps the URL: join its lines back together.
    const lines = frame.split('\n').map((l) => l.replace(/^[^║]*║ ?/, '').replace(/ *║.*$/, ''));
    const start = lines.findIndex((l) => l.startsWith('http://127.0.0.1'));
    let url = '';
    for (let i = start; i >= 0 && i < lines.length && (lines[i] ?? '').trim() !== ''; i++)
      url += (lines[i] ?? '').trim();
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('back up the NAS');
  });

  it('lists versions with v and shows info with i', async () => {
    f = await startTui({ size: WIDE, b2: true, right: open('docs/'), active: 'right' });
    await cursorTo(f, 'report.pdf');
    f.h.press('v');
    await f.see('Versions of report.pdf', '3 versions, newest first', 'newest');
    f.h.press(KEYS.escape);
    await f.h.waitForFrame((fr) => !fr.includes('Versions of'));
    f.h.press('i');
    const info = await f.see('Info: report.pdf', 'application/pdf', 'SHA1', 'File ID');
    expect(info).toContain('26,500 bytes');
  });

  it('makes a folder (a .bzEmpty placeholder) and renames a file on B2', async () => {
    f = await startTui({ size: WIDE, b2: true, right: open('docs/'), active: 'right' });
    await f.see('report.pdf');
    f.h.press(KEYS.f7);
    await f.see('.bzEmpty placeholder');
    f.h.press('drafts', KEYS.enter);
    await f.see('Made folder drafts.', 'drafts/');
    await cursorTo(f, 'notes.md');
    f.h.press(KEYS.f2, '\x15', 'notes-2.md', KEYS.enter);
    await f.see('Rename: 1 of 1 file done');
    const m = await master(f);
    const names = (await all(m.list(`/${P}/docs`))).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['drafts', 'notes-2.md']));
    expect(names).not.toContain('notes.md');
    expect((await readAll(m, `/${P}/docs/notes-2.md`)).toString()).toContain('buy film');
  });

  it('shows hostile names escaped', async () => {
    f = await startTui({ size: WIDE, b2: true, right: open('weird/'), active: 'right' });
    const frame = await f.see('\\x1b[31m');
    expect(f.h.lastFrame()).not.toContain('\x1b[31mred');
    expect(frame).toContain('\\u202e');
  });

  it('writes a local file over an existing one only after asking', async () => {
    f = await startTui({ size: WIDE, b2: true, right: open('') });
    await writeFile(join(f.dir, 'README.txt'), 'mine');
    f.h.press('\x12');
    await f.see('README.txt');
    f.h.press(KEYS.tab);
    await f.h.waitForFrame(() => f?.store.getSnapshot().app.active === 'right');
    await cursorTo(f, 'README.txt');
    f.h.press(KEYS.f5, KEYS.enter);
    await f.see('File exists', 'README.txt already exists.');
    f.h.press(KEYS.escape);
    await f.see('1 cancelled');
    expect(await readFile(join(f.dir, 'README.txt'), 'utf8')).toBe('mine');
  });
});
