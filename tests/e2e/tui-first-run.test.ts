/**
 * What a new user hit in the file manager (issue 11, "Bugs"), each reproduced through the real
 * binary in a pseudo-terminal at 80×24 against `b2c --demo`, as the user saw it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConfig } from '../../src/config/store.js';
import { startTestServer } from '../support/server.js';
import { KEYS, spawnB2c } from './pty-harness.js';
import { cursorTo, openFolder, see, startDemo, type DemoRun } from './tui-helpers.js';

/** Rows of the screen a dialog's double border is drawn on. */
function dialogRows(screen: string[]): string[] {
  return screen.filter((l) => /[║╔╚]/.test(l));
}

/** What shows between the panes' outer borders and a dialog row's own borders (should be blank). */
function besideDialog(row: string): string {
  const left = row.search(/[║╔╚]/);
  const right = Math.max(row.lastIndexOf('║'), row.lastIndexOf('╗'), row.lastIndexOf('╝'));
  return `${row.slice(1, left)}${row.slice(right + 1, row.length - 1)}`;
}

/** The last three rows at 80×24 are the panes' bottom border, the status line and the key bar, untouched. */
function bottomIntact(screen: string[]): boolean {
  const border = screen[20] ?? '';
  return /^└─+┘└─+┘$/.test(border) && !/[║╔╚]/.test(screen[21] ?? '') && (screen[22] ?? '').includes('10');
}

let run: DemoRun | null = null;
afterEach(async () => {
  await run?.close();
  run = null;
});

describe('a question a running transfer raises', () => {
  it('shows on top of the versions list at once, and the list is back after the answer', async () => {
    run = await startDemo();
    const { s } = run;
    await openFolder(run, 'demo-photos', 'docs');
    await cursorTo(run, 'report.pdf');
    s.write('v');
    await see(s, 'Versions of report.pdf', '3 versions, newest first');
    s.write(KEYS.f5);
    await see(s, 'Copy: 1 of 1 file done');
    // The same version again: report.pdf now exists in the local folder.
    s.write(KEYS.f5);
    const asked = await see(s, 'File exists', 'report.pdf already exists.');
    expect(asked).toContain('( ) Skip');
    s.write(KEYS.down);
    await see(s, '(•) Skip');
    s.write(KEYS.enter);
    const back = await see(s, 'Versions of report.pdf', 'Copy: 0 of 1 file done (0 B); 1 skipped.');
    expect(back).not.toContain('File exists');
  });
});

describe('dialogs over the panes at 80×24', () => {
  it('cover the panes through their last column and stay above the bottom border, status line and key bar', async () => {
    run = await startDemo();
    const { s } = run;
    await openFolder(run, 'demo-photos', 'docs');
    await cursorTo(run, 'report.pdf');
    const dialogs: Array<[string, string]> = [
      ['i', 'Info: report.pdf'],
      [KEYS.f5, 'Copy'],
      [KEYS.f6, 'Move'],
      [KEYS.f8, 'Delete'],
      ['L', 'Share link'],
      ['v', 'Versions of report.pdf'],
      ['+', 'Select by mask'],
    ];
    for (const [key, title] of dialogs) {
      s.write(key);
      await s.waitFor((t) => t.includes(title) && t.includes('╚'));
      const screen = s.screen();
      const rows = dialogRows(screen);
      expect(rows.length, title).toBeGreaterThan(3);
      for (const row of rows) expect(besideDialog(row), `${title}: ${row}`).toMatch(/^ *$/);
      expect(bottomIntact(screen), `${title}:\n${screen.join('\n')}`).toBe(true);
      s.write(KEYS.escape);
      await s.waitFor((t) => !t.includes('╚'));
    }
  });

  it('a copy\'s "file exists" question fits too, with every choice reachable', async () => {
    run = await startDemo();
    const { s } = run;
    await openFolder(run, 'demo-photos', 'docs');
    await cursorTo(run, 'notes.md');
    s.write(KEYS.f5);
    await see(s, 'Copy notes.md');
    s.write(KEYS.enter);
    await see(s, 'Copy: 1 of 1 file done');
    s.write(KEYS.f5);
    await see(s, 'Copy notes.md');
    s.write(KEYS.enter);
    await see(s, 'File exists', '(•) Overwrite');
    expect(bottomIntact(s.screen())).toBe(true);
    s.write(KEYS.end);
    s.write(KEYS.up);
    await see(s, '(•) Overwrite if newer, for all remaining conflicts');
    expect(bottomIntact(s.screen())).toBe(true);
  });
});

describe('deleting all versions of a B2 folder', () => {
  it('says what it removed: a folder holding no files counts as a folder, not "0 of 0 files"', async () => {
    run = await startDemo();
    const { s } = run;
    await openFolder(run, 'demo-photos');
    await cursorTo(run, 'empty-folder');
    s.write(KEYS.f8);
    await see(s, 'Remove the folder empty-folder', '(•) Hide');
    s.write(KEYS.down);
    s.write(KEYS.down);
    await see(s, '(•) Delete all versions');
    s.write(KEYS.enter);
    // It cannot be undone: the second step deletes on a typed "yes".
    await see(s, 'Delete all versions: cannot be undone');
    s.write('yes');
    s.write(KEYS.enter);
    const done = await see(s, 'Delete: ');
    expect(done).not.toContain('0 of 0 files');
    await see(s, 'Delete: 1 folder removed (it held no files).');
  });

  it('counts the files and the folders of a folder with files in it', async () => {
    run = await startDemo();
    const { s } = run;
    await openFolder(run, 'demo-photos');
    await cursorTo(run, 'docs');
    s.write(KEYS.f8);
    await see(s, 'Remove the folder docs', '(•) Hide');
    s.write(KEYS.down);
    s.write(KEYS.down);
    await see(s, '(•) Delete all versions');
    s.write(KEYS.enter);
    await see(s, 'Delete all versions: cannot be undone');
    s.write('yes');
    s.write(KEYS.enter);
    // notes.md, report.pdf and the hidden deleted-draft.txt, then the folder itself.
    await see(s, 'Delete: 3 of 3 files done, 1 folder removed.');
  });
});

describe('the cursor after F2 and F7', () => {
  it('stays on a file renamed on B2, so the next F2 renames it again', async () => {
    run = await startDemo();
    const { s } = run;
    await openFolder(run, 'demo-photos', 'docs');
    await see(s, 'notes.md', 'report.pdf');
    // No filter: Home is `..`, the next row notes.md.
    s.write(KEYS.home);
    s.write(KEYS.down);
    s.write(KEYS.f2);
    await see(s, 'New name for notes.md');
    s.write(`\x15zz-notes.md${KEYS.enter}`);
    await see(s, 'Rename: 1 of 1 file done');
    await s.waitFor((t) => t.includes('zz-notes.md') && !/ notes\.md /.test(t));
    s.write(KEYS.f2);
    await see(s, 'New name for zz-notes.md');
  });

  it('lands on a folder just made, even when a filter was hiding it (the filter goes)', async () => {
    run = await startDemo();
    const { s } = run;
    await openFolder(run, 'demo-photos');
    await cursorTo(run, 'docs');
    s.write(KEYS.f7);
    await see(s, 'Name of the new folder');
    s.write(`new-folder${KEYS.enter}`);
    // Said once the pane shows it: a filter typed after the message is not undone by the refresh.
    const made = await see(s, 'Made folder new-folder.');
    expect(made).not.toContain('filter "docs"');
    expect(made).toContain('new-folder/');
    s.write(KEYS.f2);
    await see(s, 'New name for new-folder');
  });

  it('lands on a local file renamed while a filter hides its new name', async () => {
    run = await startDemo([], { prepare: (cwd) => writeFile(join(cwd, 'draft.txt'), 'draft') });
    const { s } = run;
    await see(s, 'draft.txt', 'demo-photos');
    s.write(KEYS.tab);
    await cursorTo(run, 'draft');
    s.write(KEYS.f2);
    await see(s, 'New name for draft.txt');
    s.write(`\x15final.txt${KEYS.enter}`);
    const renamed = await see(s, 'Renamed draft.txt to final.txt.');
    expect(renamed).not.toContain('filter "draft"');
    expect(renamed).toContain('final.txt');
    s.write(KEYS.f2);
    await see(s, 'New name for final.txt');
  });
});

describe('renaming a profile in P', () => {
  it('renames it in the pane header too, and the pane keeps working', async () => {
    const { emu } = await startTestServer({ demo: true });
    const base = await mkdtemp(join(tmpdir(), 'b2c-e2e-rename-'));
    const configDir = join(base, 'config');
    openConfig({ dir: configDir, env: {} }).saveProfile({
      name: 'work',
      applicationKeyId: emu.masterKeyId,
      applicationKey: emu.masterKey,
      endpoint: emu.endpoint,
    });
    const s = spawnB2c([], {
      cwd: base,
      env: {
        B2C_CONFIG_DIR: configDir,
        FORCE_COLOR: '2',
        B2_APPLICATION_KEY_ID: undefined,
        B2_APPLICATION_KEY: undefined,
      },
    });
    run = {
      s,
      cwd: base,
      async close() {
        s.kill();
        await s.exited;
        await emu.close();
        await rm(base, { recursive: true, force: true });
      },
    };
    await see(s, 'b2://', '[work]', 'demo-photos');
    s.write('P');
    await see(s, 'Profiles');
    s.write('r');
    await see(s, 'Rename work to');
    s.write(`\x15office${KEYS.enter}`);
    await see(s, 'Renamed work to office.');
    s.write(KEYS.escape);
    const panes = await s.waitFor((t) => t.includes('demo-photos') && !t.includes('Renamed work'));
    expect(panes).toContain('[office]');
    expect(panes).not.toContain('[work]');
    // The pane still lists through the renamed profile.
    await cursorTo(run, 'demo-photos');
    s.write(KEYS.enter);
    await see(s, 'b2://demo-photos/', 'README.txt', '[office]');
  });
});

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the account wizard', () => {
  it('drops the error of the last check once the field is edited', async () => {
    const { emu } = await startTestServer({ demo: true });
    const base = await mkdtemp(join(tmpdir(), 'b2c-e2e-wizard-'));
    const s = spawnB2c([], {
      cwd: base,
      env: {
        B2C_CONFIG_DIR: join(base, 'config'),
        B2C_NETWORK_TIMEOUT: '0.5',
        FORCE_COLOR: '2',
        B2_APPLICATION_KEY_ID: undefined,
        B2_APPLICATION_KEY: undefined,
      },
    });
    run = {
      s,
      cwd: base,
      async close() {
        s.kill();
        await s.exited;
        await emu.close();
        await rm(base, { recursive: true, force: true });
      },
    };
    const dead = `127.0.0.1:${await closedPort()}`;
    await see(s, 'Add a Backblaze B2 account', 'Application key ID');
    s.write(`${emu.masterKeyId}${KEYS.enter}`);
    s.write(`${emu.masterKey}${KEYS.enter}`);
    s.write(`http://${dead}${KEYS.enter}`);
    s.write(KEYS.enter);
    await see(s, `Cannot reach B2 at ${dead}`);
    // The user types the right server, forgetting http://: only the new problem shows.
    const live = emu.endpoint.replace('http://', '');
    s.write(`\x15${live}`);
    await s.waitFor((t) => t.includes(live) && !t.includes(`http://${dead}`));
    s.write(KEYS.enter);
    const screen = await see(s, 'The endpoint must be an http:// or https:// URL');
    expect(screen).not.toContain('Cannot reach B2');
  });
});

/** The rows of the transfer queue panel (between its hint line and its bottom border). */
function queueRows(screen: string[]): string[] {
  return screen
    .slice(3, 20)
    .map((l) => l.slice(1, -1).trimEnd())
    .filter((l) => l !== '');
}

describe('the transfer queue says what each row did', () => {
  it('a hide reads hide, a rename rename, and a "keep both" download the name it wrote', async () => {
    run = await startDemo();
    const { s } = run;
    await openFolder(run, 'demo-photos', 'docs');
    // Hide notes.md.
    await cursorTo(run, 'notes.md');
    s.write(KEYS.f8);
    await see(s, '(•) Hide');
    s.write(KEYS.enter);
    await see(s, 'Delete: 1 of 1 file done.');
    // Rename report.pdf (on B2: a copy, then a hide of the old name).
    await cursorTo(run, 'report.pdf');
    s.write(KEYS.f2);
    await see(s, 'New name for report.pdf');
    s.write(`\x15paper.pdf${KEYS.enter}`);
    await see(s, 'Rename: 1 of 1 file done');
    // Download paper.pdf twice, keeping both.
    await cursorTo(run, 'paper.pdf');
    s.write(KEYS.f5);
    await see(s, 'Copy paper.pdf');
    s.write(KEYS.enter);
    await see(s, 'Copy: 1 of 1 file done');
    s.write(KEYS.f5);
    await see(s, 'Copy paper.pdf');
    for (let i = 0; i < 4; i++) s.write(KEYS.down);
    await see(s, '(•) Keep both');
    s.write(KEYS.enter);
    await see(s, 'Copy: 1 of 1 file done');
    s.write('t');
    // The second download's row names the file it wrote, once it is done.
    await s.waitFor(
      (t) =>
        t.includes('Transfer queue') && queueRows(t.split('\n')).filter((r) => /^done +download /.test(r)).length === 2,
    );
    // A selected file's look-up (a scan that found it) leaves no row of its own once done.
    const rows = queueRows(s.screen());
    expect(rows.some((r) => /^\S+ +(scan|look up|list) /.test(r))).toBe(false);
    expect(rows.filter((r) => r.includes(' rename '))).toHaveLength(1);
    expect(rows.find((r) => r.includes('notes.md'))).toMatch(/^done {6}hide {8}notes\.md( |$)/);
    expect(rows.some((r) => r.includes('delete'))).toBe(false);
    expect(rows.find((r) => r.includes('report.pdf'))).toMatch(
      /^done {6}rename {6}report\.pdf → b2:\/\/demo-photos\/docs\/paper\.pdf/,
    );
    expect(rows.some((r) => r.includes('server-copy'))).toBe(false);
    const downloads = rows.filter((r) => / download /.test(r));
    expect(downloads).toHaveLength(2);
    expect(downloads[0]).toContain(`→ ${run.cwd}/paper.pdf `);
    expect(downloads[1]).toContain(`→ ${run.cwd}/paper (1).pdf `);
  });
});

describe('smaller things', () => {
  it('a status message longer than the line is cut with "…", never moving the layout', async () => {
    run = await startDemo(['--key', 'read-only']);
    const { s } = run;
    await openFolder(run, 'demo-photos');
    await cursorTo(run, 'README.txt');
    const before = s.screen();
    expect(before[20]).toMatch(/^└─+┘└─+┘$/);
    s.write(KEYS.f8);
    await see(s, 'Hide needs the writeFiles');
    const screen = s.screen();
    expect(screen[20]).toMatch(/^└─+┘└─+┘$/);
    expect(screen[21]).toMatch(/^Delete: no way is allowed here\. Hide needs the writeFiles .*…$/);
    expect(screen[22]).toContain('10Quit');
  });

  it('a demo key has one name: the pane header and the key inspector agree', async () => {
    run = await startDemo(['--key', 'no-delete']);
    const { s } = run;
    await see(s, '[demo/no-delete]', 'demo-photos');
    s.write('I');
    const inspector = await see(s, 'Key inspector', 'Profile');
    expect(inspector).toMatch(/Profile +demo\/no-delete/);
    expect(inspector).not.toContain('demo-no-delete');
  });

  it('the local delete dialog keeps a size on one line and speaks of one file as "it"', async () => {
    // 64 characters: "Delete NAME (2" fills the dialog's 74-column line exactly.
    const name = `${'n'.repeat(60)}.txt`;
    run = await startDemo([], { prepare: (cwd) => writeFile(join(cwd, name), 'hi') });
    const { s } = run;
    await see(s, 'demo-photos');
    s.write(KEYS.tab);
    await cursorTo(run, 'nnnn');
    s.write(KEYS.f8);
    const dialog = await see(s, 'Delete', 'There is no undo.');
    expect(dialog).toContain('(2 B)');
    expect(dialog).not.toMatch(/\(2 *║/);
    expect(dialog).toContain('Deletes it from the disk for good.');
    expect(dialog).not.toContain('Deletes them');
  });
});
