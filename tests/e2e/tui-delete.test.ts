/**
 * Deleting on B2 in each mode from `b2c --demo`, checked on screen: hide (the name leaves the
 * listing and comes back as hidden with `.`), delete this version (an older one shows), delete
 * all versions (gone, hidden or not); the two that cannot be undone ask for a typed "yes".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS } from './pty-harness.js';
import { cursorTo, openFolder, rightRows, see, startDemo, type DemoRun } from './tui-helpers.js';

let run: DemoRun | null = null;
afterEach(async () => {
  await run?.close();
  run = null;
});

describe('delete modes on B2', () => {
  it('hides, deletes one version, and deletes all versions', async () => {
    // Wide enough for whole names in the panes.
    run = await startDemo([], { cols: 120, rows: 30 });
    const { s } = run;
    await openFolder(run, 'demo-backups', 'server1');
    await see(s, 'latest.tar.gz', '2024-01-01.tar.gz');

    // Hide: gone from the listing; `.` shows it again as hidden, and its versions show the marker.
    await cursorTo(run, '2024-01-01');
    s.write(KEYS.f8);
    await see(s, '(•) Hide', 'every version is kept');
    s.write(KEYS.enter);
    await see(s, 'Delete: 1 of 1 file done.');
    await s.waitFor((t) => !rightRows(t).some((l) => l.includes('2024-01-01')));
    s.write('.');
    await s.waitFor((t) => rightRows(t).some((l) => l.includes('2024-01-01')));
    await cursorTo(run, '2024-01-01');
    s.write('v');
    await see(s, 'Versions of 2024-01-01.tar.gz', '2 versions', 'hide marker');
    s.write(KEYS.escape);
    await s.waitFor((t) => !t.includes('Versions of'));

    // Delete this version: latest.tar.gz had three; two remain and the name stays.
    await cursorTo(run, 'latest');
    s.write(KEYS.f8);
    await see(s, '(•) Hide');
    s.write(KEYS.down);
    await see(s, '(•) Delete this version');
    s.write(KEYS.enter);
    // Cannot be undone: the second step acts on a typed "yes" only.
    await see(s, 'Delete this version: cannot be undone', 'type yes');
    s.write('yes');
    s.write(KEYS.enter);
    await s.waitFor(
      (t) => t.includes('Delete: 1 of 1 file done.') && rightRows(t).some((l) => l.includes('latest.tar.gz')),
    );
    s.write('v');
    await see(s, 'Versions of latest.tar.gz', '2 versions');
    s.write(KEYS.escape);
    await s.waitFor((t) => !t.includes('Versions of'));

    // Delete all versions: gone even with hidden files shown.
    s.write(KEYS.f8);
    await see(s, '(•) Hide');
    s.write(KEYS.down);
    s.write(KEYS.down);
    await see(s, '(•) Delete all versions');
    s.write(KEYS.enter);
    await see(s, 'Delete all versions: cannot be undone', 'Delete every version of latest.tar.gz');
    s.write('yes');
    s.write(KEYS.enter);
    // Done, and the pane listed again (no key is typed into a listing that is loading).
    await s.waitFor((t) => t.includes('Delete: 1 of 1 file done.') && t.includes('empty · filter "latest"'));
    // Without the filter: the hidden file is listed (hidden files are shown), latest.tar.gz is gone.
    s.write(`/\x15${KEYS.enter}`);
    // The footer's count follows the rows (a listing streams in): wait for the screen to settle on it.
    const after = await s.waitFor(
      (t) =>
        !t.includes('filter "') &&
        rightRows(t).some((l) => l.includes('2024-01-01.tar.gz')) &&
        !rightRows(t).some((l) => l.includes('latest.tar.gz')) &&
        t.includes('1 file'),
    );
    expect(after).toContain('1 file');
  });
});
