/**
 * The versions dialog's actions against the built-in server over real HTTP: details of a version,
 * copy of an older version to the local pane (bytes compared with what that version holds),
 * deleting one version (the list shrinks), deleting a hide marker (unhide), and the permission
 * rule's refusal for a key without deleteFiles. Results are checked through a master-key provider.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS, demoBytes } from '../../../src/emulator/index.js';
import { connectB2, type B2Provider } from '../../../src/providers/b2/index.js';
import type { VersionEntry } from '../../../src/providers/types.js';
import { DEFAULT_KEYMAP } from '../../../src/state/keyboard/keymap.js';
import { helpSections } from '../../../src/state/keyboard/keymap-views.js';
import { b2PaneLocation } from '../../../src/state/location/pane-location.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

const P = DEMO_BUCKETS.photos;
const WIDE = { columns: 100, rows: 40 };

async function master(fx: TuiFixture): Promise<B2Provider> {
  const emu = fx.emu;
  if (!emu) throw new Error('no server');
  return connectB2({ applicationKeyId: emu.masterKeyId, applicationKey: emu.masterKey, endpoint: emu.endpoint });
}

async function versionsOf(fx: TuiFixture, path: string): Promise<VersionEntry[]> {
  const out: VersionEntry[] = [];
  const m = await master(fx);
  if (!m.versions) throw new Error('no versions');
  for await (const page of m.versions(path)) out.push(...page);
  return out;
}

async function cursorTo(fx: TuiFixture, name: string): Promise<void> {
  await fx.see(name);
  fx.h.press('/', name, KEYS.enter);
  await fx.see(`filter "${name}"`);
  fx.h.press(KEYS.end);
}

const docs = (profile: string) => () => b2PaneLocation(profile, P, 'docs/');

describe('versions dialog actions', () => {
  it('shows the keys in its footer and in the help, from the keymap', () => {
    const section = helpSections(DEFAULT_KEYMAP).find((s) => s.context === 'versions');
    expect(section?.title).toBe('Versions dialog (v)');
    const rows = section?.rows.map((r) => `${r.keys}: ${r.description}`) ?? [];
    expect(rows).toContain('F5: Download or copy this version to the other pane');
    expect(rows.some((r) => r.startsWith('F8') && r.includes('Delete exactly this version'))).toBe(true);
  });

  it('at 80×24 the versions differ visibly: upload time to the second, size, and where the file IDs differ', async () => {
    f = await startTui({ b2: true, right: docs('demo'), active: 'right' });
    await f.see('report.pdf');
    // At 80 columns the footer cuts the filter's name short: wait for its start.
    f.h.press('/', 'report.pdf', KEYS.enter);
    await f.see('filter "report');
    f.h.press(KEYS.end, 'v');
    const frame = await f.see('3 versions, newest first');
    const versions = await versionsOf(f, `/${P}/docs/report.pdf`);
    expect(frame).toMatch(/Uploaded \(UTC\)\s+Size\s+File ID/);
    const rows = frame.split('\n').filter((l) => /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(l));
    expect(rows).toHaveLength(3);
    for (const [i, v] of versions.entries()) {
      const row = rows[i] ?? '';
      expect(row).toContain(new Date(v.uploadTimestamp ?? 0).toISOString().slice(0, 19).replace('T', ' '));
      expect(row).toContain(['25.9 KiB', '23.4 KiB', '19.5 KiB'][i]);
      // The shown part of the ID is a piece of this version's ID that no other version has.
      const shown = /(…?[\w]+…?)\s*║/.exec(row)?.[1]?.replace(/…/g, '') ?? '';
      expect(shown.length).toBeGreaterThan(8);
      expect(v.fileId).toContain(shown);
      for (const other of versions.filter((o) => o !== v)) expect(other.fileId).not.toContain(shown);
    }
    // The details show the whole ID, wrapped.
    f.h.press(KEYS.enter);
    await f.h.waitForFrame((fr) => fr.replace(/[\s║│]/g, '').includes(`FileID${versions[0]?.fileId ?? '?'}`));
  });

  it('shows the details of an older version and copies exactly that version to the other pane', async () => {
    f = await startTui({ size: WIDE, b2: true, right: docs('demo'), active: 'right' });
    await cursorTo(f, 'report.pdf');
    f.h.press('v');
    await f.see('3 versions, newest first', 'Enter/F3 details · F5 copy · F8 delete · Esc close');
    const older = (await versionsOf(f, `/${P}/docs/report.pdf`))[1];
    if (!older) throw new Error('no second version');
    f.h.press(KEYS.down, KEYS.enter);
    const details = await f.see('Action', 'upload', 'File ID', older.sha1 ?? 'no sha1');
    expect(details).toContain('24,000 bytes');
    expect(details).toContain('application/pdf');
    f.h.press(KEYS.f5);
    await f.see('Copy: 1 of 1 file done');
    expect(await readFile(join(f.dir, 'report.pdf'))).toEqual(demoBytes('report-v2', 24_000));
  });

  it('deletes exactly one version after a typed confirmation naming it, and the list shrinks', async () => {
    f = await startTui({ size: WIDE, b2: true, right: docs('demo'), active: 'right' });
    await cursorTo(f, 'report.pdf');
    f.h.press('v');
    await f.see('3 versions, newest first');
    const before = await versionsOf(f, `/${P}/docs/report.pdf`);
    const oldest = before[2];
    if (!oldest) throw new Error('no third version');
    f.h.press(KEYS.down, KEYS.down, KEYS.f8);
    // The id is long: the dialog wraps it, so compare without the frame's borders and padding.
    await f.h.waitForFrame(
      (fr) =>
        fr.includes('Delete version: cannot be undone') &&
        fr.replace(/[\s║│]/g, '').includes(`(fileID${oldest.fileId})`),
    );
    // Enter alone deletes nothing: the word must be typed.
    f.h.press(KEYS.enter);
    await f.see('Nothing was deleted: type yes');
    expect(await versionsOf(f, `/${P}/docs/report.pdf`)).toHaveLength(3);
    f.h.press('yes', KEYS.enter);
    await f.see('2 versions, newest first');
    const after = await versionsOf(f, `/${P}/docs/report.pdf`);
    expect(after.map((v) => v.fileId)).toEqual(before.slice(0, 2).map((v) => v.fileId));
  });

  it('shows a hide marker as such; deleting it unhides the name', async () => {
    f = await startTui({ size: WIDE, b2: true, right: docs('demo'), active: 'right' });
    await f.see('report.pdf');
    f.h.press('.');
    await cursorTo(f, 'deleted-draft.txt');
    f.h.press('v');
    await f.see('hide marker');
    f.h.press(KEYS.f8);
    await f.see('Delete hide marker (unhide)', 'No file data is deleted');
    f.h.press(KEYS.enter);
    await f.h.waitForFrame((fr) => fr.includes('newest first') && !fr.includes('hide marker'));
    const left = await versionsOf(f, `/${P}/docs/deleted-draft.txt`);
    expect(left.map((v) => v.action)).not.toContain('hide');
  });

  it('refuses deleting a version with the rule reason for a key without deleteFiles', async () => {
    f = await startTui({ size: WIDE, b2: true, right: docs('demo-no-delete'), active: 'right' });
    await cursorTo(f, 'report.pdf');
    f.h.press('v');
    await f.see('3 versions, newest first');
    f.h.press(KEYS.f8);
    await f.see('Delete needs the deleteFiles capability');
    expect(f.store.getSnapshot().dialog?.kind).toBe('versions');
    expect(await versionsOf(f, `/${P}/docs/report.pdf`)).toHaveLength(3);
  });
});
