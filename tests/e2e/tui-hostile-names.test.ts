/**
 * The panes with names B2 allows and disks do not (issue 10): `dir//double`, `/abs/path`, the
 * object `endslash/` and the files `a` and `a/b`, uploaded with their exact names to the built-in
 * server (raw b2_upload_file). The real binary runs in a pseudo-terminal at 80×24 against it:
 * browsing into `dir//` and `/` shows what is inside them (no loop back to the parent), info and
 * delete act on the exact name, and a copy of the whole bucket to the disk accounts for every
 * object in its summary.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startCliServer, type CliServer } from '../support/cli-server.js';
import { KEYS } from './pty-harness.js';
import { cursorTo, openFolder, see, startSignedIn, type DemoRun } from './tui-helpers.js';

let s: CliServer & { close(): Promise<void> };
let run: DemoRun | null = null;

const NAMES: Record<string, string> = {
  'dir//double': 'double',
  'dir/normal.txt': 'normal',
  '/abs/path': 'absolute',
  a: 'file a',
  'a/b': 'file a/b',
  'endslash/': 'an object whose name ends in /',
  'endslash/inner.txt': 'inner',
  'plain.txt': 'plain',
};

beforeAll(async () => {
  s = await startCliServer();
  for (const [name, content] of Object.entries(NAMES)) await s.put(name, content);
});

afterEach(async () => {
  await run?.close();
  run = null;
});

afterAll(async () => {
  await s.close();
});

/** `b2c` (the account from the environment) in a pty, in a fresh temp folder (the left pane). */
function startTui(): Promise<DemoRun> {
  return startSignedIn(s.env());
}

/** Rows of the right pane (columns 41…78 at 80 columns), without titles, footer, status and bar. */
function rightRows(text: string): string[] {
  return text
    .split('\n')
    .slice(3, -5)
    .map((l) => l.slice(41, 79).trim());
}

it('browses into empty-named folders without looping; info and delete address the exact name; a copy accounts for every object', async () => {
  run = await startTui();
  const { s: pty } = run;
  const bucket = s.bucket;
  await openFolder(run, bucket);
  await pty.waitFor((t) =>
    ['""/', 'a/', 'dir/', 'endslash/', 'plain.txt'].every((n) => rightRows(t).some((r) => r.startsWith(n))),
  );

  // dir/ holds `normal.txt` and the folder with an empty name (`dir//`), which holds `double`.
  await cursorTo(run, 'dir');
  pty.write(KEYS.enter);
  await pty.waitFor((t) => t.includes(`b2://${bucket}/dir/ `) && rightRows(t).some((r) => r.startsWith('normal.txt')));
  pty.write(KEYS.home);
  pty.write(KEYS.down);
  pty.write(KEYS.enter);
  const inside = await pty.waitFor(
    (t) => t.includes(`b2://${bucket}/dir// `) && rightRows(t).some((r) => r.startsWith('double')),
  );
  expect(rightRows(inside).filter((r) => r !== '')).toEqual([
    expect.stringMatching(/^\.\./),
    expect.stringMatching(/^double\s/),
  ]);
  pty.write(KEYS.backspace);
  await pty.waitFor((t) => t.includes(`b2://${bucket}/dir/ `) && rightRows(t).some((r) => r.startsWith('normal.txt')));
  pty.write(KEYS.backspace);
  await pty.waitFor((t) => t.includes(`b2://${bucket}/ `) && rightRows(t).some((r) => r.startsWith('plain.txt')));

  // The folder `/` (names starting with `/`) holds `abs/`, which holds `path`: info shows its exact path.
  pty.write(KEYS.home);
  pty.write(KEYS.down);
  pty.write(KEYS.enter);
  await pty.waitFor((t) => t.includes(`b2://${bucket}// `) && rightRows(t).some((r) => r.startsWith('abs/')));
  pty.write(KEYS.down);
  pty.write(KEYS.enter);
  await pty.waitFor((t) => rightRows(t).some((r) => r.startsWith('path')));
  pty.write(KEYS.down);
  pty.write('i');
  await see(pty, 'Info: path', `b2://${bucket}//abs/path`);
  pty.write(KEYS.escape);
  await pty.waitFor((t) => !t.includes('Info: path'));
  pty.write(KEYS.backspace);
  await see(pty, `b2://${bucket}// `);
  pty.write(KEYS.backspace);
  await pty.waitFor((t) => t.includes(`b2://${bucket}/ `) && rightRows(t).some((r) => r.startsWith('plain.txt')));

  // Inside endslash/: the object `endslash/` shows as `""`; deleting it deletes exactly that name.
  await cursorTo(run, 'endslash');
  pty.write(KEYS.enter);
  // (The title is cut in the middle at 80 columns: `b2://cli-45da…ad/endslash/ [env …`.)
  await pty.waitFor(
    (t) =>
      t.includes('/endslash/ [') &&
      rightRows(t).some((r) => r.startsWith('""')) &&
      rightRows(t).some((r) => r.startsWith('inner.txt')),
  );
  pty.write(KEYS.home);
  pty.write(KEYS.down);
  pty.write('i');
  await see(pty, 'Info: ""', `b2://${bucket}/endslash/`);
  pty.write(KEYS.escape);
  await pty.waitFor((t) => !t.includes('Info: ""'));
  pty.write(KEYS.f8);
  await see(pty, '(•) Hide');
  pty.write(KEYS.down);
  await see(pty, '(•) Delete this version');
  pty.write(KEYS.enter);
  // It cannot be undone: a second step names it, and deletes once "yes" is typed.
  await see(pty, 'Delete this version: cannot be undone', 'Delete the newest version of ""');
  pty.write('yes');
  pty.write(KEYS.enter);
  await pty.waitFor((t) => t.includes('Delete: 1 of 1 file done.') && !rightRows(t).some((r) => r.startsWith('""')));
  expect(await s.versions('endslash/')).toEqual([]);
  expect(await s.versions('endslash/inner.txt')).toHaveLength(1);

  // Copy everything in the bucket to the disk: 7 objects, each done or failed, none left out.
  pty.write(KEYS.backspace);
  await pty.waitFor((t) => t.includes(`b2://${bucket}/ `) && rightRows(t).some((r) => r.startsWith('plain.txt')));
  pty.write(KEYS.home);
  pty.write(KEYS.down);
  for (let i = 0; i < 6; i++) pty.write(KEYS.insert);
  await pty.waitFor((t) => rightRows(t).filter((r) => r.startsWith('*')).length === 6);
  pty.write(KEYS.f5);
  await see(pty, '(•) Ask');
  pty.write(KEYS.down + KEYS.down + KEYS.down);
  await pty.waitFor((t) => /\(•\) Overwrite\s+║/.test(t));
  pty.write(KEYS.enter);
  const done = await pty.waitFor((t) => t.includes('Copy: '));
  expect(done).toMatch(/Copy: 4 of 7 files done \(\d+ B\); 3 failed\./);
  const local: string[] = [];
  for (const e of await readdir(run.cwd, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) local.push(relative(run.cwd, join(e.parentPath, e.name)));
  }
  // `a` or `a/b` (whichever came first), and neither `dir//double` nor `/abs/path` anywhere.
  expect(local.sort()).toEqual(expect.arrayContaining(['dir/normal.txt', 'endslash/inner.txt', 'plain.txt']));
  expect(local).toHaveLength(4);
  expect(local.filter((p) => p === 'a' || p === 'a/b')).toHaveLength(1);
});
