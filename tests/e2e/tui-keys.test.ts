/**
 * Every demo key through the real binary in a pseudo-terminal (issue 9): F8 on a file (what the
 * dialog offers), `.` and u, F5 both ways, F6, F7, F2, L, v, I and K — one b2c process per key,
 * signed in with the key through B2_APPLICATION_KEY_ID against a built-in server in this process,
 * so after each step the server's own state is checked, and at the end that the server never
 * answered 401 to anything b2c sent with the key.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS, type DemoKey } from '../../src/emulator/index.js';
import { useDemoServer } from './demo-server.js';
import { KEYS, type PtySession } from './pty-harness.js';
import { cursorTo, go, see, startSignedIn, type DemoRun } from './tui-helpers.js';
import { until } from '../support/poll.js';

const server = useDemoServer();

const P = DEMO_BUCKETS.photos;

/** What a key may do in its test folder (`photos/e2e-NAME/`, inside the prefix key's prefix). */
interface Can {
  list: boolean;
  hide: boolean;
  unhide: boolean;
  write: boolean;
  download: boolean;
  rename: boolean;
  share: boolean;
}

const KEY_CAN: Record<string, Can> = {
  'read-only': { list: true, hide: false, unhide: false, write: false, download: true, rename: false, share: false },
  'no-delete': { list: true, hide: true, unhide: false, write: true, download: true, rename: true, share: true },
  prefix: { list: true, hide: true, unhide: true, write: true, download: true, rename: true, share: true },
  'multi-bucket': { list: true, hide: false, unhide: false, write: false, download: true, rename: false, share: false },
  'write-only': { list: false, hide: true, unhide: false, write: true, download: false, rename: false, share: false },
};

function key(name: string): DemoKey {
  const k = server.emu.demoKeys.find((d) => d.name === name);
  if (!k) throw new Error(`no demo key ${name}`);
  return k;
}

const put = (path: string, body: string): Promise<void> => server.put(path, body);
const exists = (path: string): Promise<boolean> => server.exists(path);
const text = (path: string): Promise<string> => server.text(path);

/** Polls `check` until it holds (a transfer finishes in the background); fails after 15 s. */
function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
  return until(check, what, { intervalMs: 50 });
}

/** Starts b2c signed in with demo key `name` (environment credentials, an empty config dir). */
function startWithKey(name: string, prepare: (cwd: string) => Promise<void>): Promise<DemoRun> {
  const k = key(name);
  return startSignedIn(
    {
      B2_APPLICATION_KEY_ID: k.applicationKeyId,
      B2_APPLICATION_KEY: k.applicationKey,
      B2_ENDPOINT: server.emu.endpoint,
    },
    { cols: 120, rows: 30, prepare },
  );
}

/** The status line (above the function-key bar). */
function statusLine(s: PtySession): string {
  const lines = s.screen();
  return lines[lines.length - 2] ?? '';
}

async function refused(s: PtySession, keys: string, reason: string): Promise<void> {
  s.write(keys);
  await s.waitFor((t) => t.includes(reason));
  expect(s.text()).not.toMatch(/Enter: (copy|move|hide|make the link)/);
}

describe.each(Object.keys(KEY_CAN))('demo key %s in a terminal', (name) => {
  const can = KEY_CAN[name] as Can;
  const dir = `photos/e2e-${name}`;
  const at = (file: string): string => `/${P}/${dir}/${file}`;
  let run: DemoRun | null = null;
  afterAll(async () => {
    await run?.close();
  });

  it('F8, u, F5 both ways, F6, F7, F2, L, v, I and K do what the key allows, and nothing B2 refuses is sent', async () => {
    for (const f of ['f.txt', 'g.txt', 'h.txt']) await put(at(f), `${f} of ${name}`);
    await server.master.remove(at('h.txt'), { mode: 'hide' });
    run = await startWithKey(name, async (cwd) => {
      await writeFile(join(cwd, 'up.txt'), 'up');
      await writeFile(join(cwd, 'mv.txt'), 'mv');
    });
    const { s } = run;
    await see(s, '[env');
    await go(s, `b2://${P}/${dir}/`);
    if (can.list) await see(s, 'f.txt', 'g.txt');
    else await see(s, 'This key may upload here but not list.', 'May upload, make folders; not list');

    // F8 on a file: what the dialog offers.
    if (!can.list) {
      await refused(s, KEYS.f8, 'Nothing to act on');
    } else if (can.hide) {
      await cursorTo(run, 'f.txt');
      s.write(KEYS.f8);
      const dialog = await see(s, '(•) Hide', 'Delete all versions');
      expect(dialog.includes('Delete this version — not allowed with this key')).toBe(name === 'no-delete');
      s.write(KEYS.enter);
      await eventually('hiding f.txt', async () => !(await exists(at('f.txt'))));
    } else {
      await cursorTo(run, 'f.txt');
      await refused(s, KEYS.f8, 'Hide needs the writeFiles capability');
      expect(await exists(at('f.txt'))).toBe(true);
    }

    // `.` shows hidden files; u on the hidden one.
    if (can.list) {
      s.write('.');
      await see(s, 'Showing dotfiles and hidden B2 files.');
      await cursorTo(run, 'h.txt');
      if (can.unhide) {
        s.write('u');
        await see(s, 'Unhide h.txt');
        s.write(KEYS.enter);
        await eventually('unhiding h.txt', () => exists(at('h.txt')));
      } else {
        await refused(s, 'u', 'Unhide needs the');
        expect(await exists(at('h.txt'))).toBe(false);
      }
    } else {
      await refused(s, 'u', 'Unhide needs the listFiles and deleteFiles capabilities');
    }

    // F5 from B2 to the local folder (a download).
    if (can.list) {
      await cursorTo(run, 'g.txt');
      s.write(KEYS.f5);
      await see(s, 'Copy g.txt');
      s.write(KEYS.enter);
      await eventually(
        'downloading g.txt',
        async () => (await readFile(join(run?.cwd ?? '', 'g.txt'), 'utf8').catch(() => '')) === `g.txt of ${name}`,
      );
    } else {
      await refused(s, KEYS.f5, 'Copy needs the readFiles capability on the source');
    }

    // F5 and F6 from the local folder up to B2.
    s.write(KEYS.tab);
    await cursorTo(run, 'up.txt');
    if (can.write) {
      s.write(KEYS.f5);
      await see(s, 'Copy up.txt');
      s.write(KEYS.enter);
      await eventually(
        'uploading up.txt',
        async () => (await exists(at('up.txt'))) && (await text(at('up.txt'))) === 'up',
      );
      await cursorTo(run, 'mv.txt');
      s.write(KEYS.f6);
      await see(s, 'Move mv.txt');
      s.write(KEYS.enter);
      await eventually(
        'moving mv.txt',
        async () =>
          (await exists(at('mv.txt'))) &&
          !(await stat(join(run?.cwd ?? '', 'mv.txt')).then(
            () => true,
            () => false,
          )),
      );
    } else {
      await refused(s, KEYS.f5, 'Copy needs the writeFiles capability at the destination');
      await cursorTo(run, 'mv.txt');
      await refused(s, KEYS.f6, 'Move needs the writeFiles capability at the destination');
      expect(await exists(at('up.txt'))).toBe(false);
    }
    s.write(KEYS.tab);

    // F7 on B2.
    if (can.write) {
      s.write(KEYS.f7);
      await see(s, 'Name of the new folder');
      s.write(`newdir${KEYS.enter}`);
      await eventually('making newdir', () => exists(at('newdir/.bzEmpty')));
      // The status line says so once b2c has the server's answer; until then a later key's
      // message could be replaced by it.
      await see(s, 'Made folder newdir.');
    } else {
      await refused(s, KEYS.f7, 'Make folder needs the writeFiles capability');
    }

    // F2 on a B2 file.
    if (can.rename) {
      await cursorTo(run, 'g.txt');
      s.write(KEYS.f2);
      await see(s, 'New name for g.txt');
      s.write(`\x15g2.txt${KEYS.enter}`);
      await eventually('renaming g.txt', async () => (await exists(at('g2.txt'))) && !(await exists(at('g.txt'))));
    } else {
      if (can.list) await cursorTo(run, 'g.txt');
      await refused(s, KEYS.f2, 'Rename needs the');
      expect(await exists(at('g.txt'))).toBe(true);
    }

    // L: a share link.
    if (can.share) {
      await cursorTo(run, 'g2.txt');
      s.write('L');
      await see(s, 'Share link', '(•) 1 day');
      s.write(KEYS.enter);
      await see(s, 'Anyone with this link can download g2.txt for 1 day');
      s.write(KEYS.escape);
      await s.waitFor((t) => !t.includes('Anyone with this link'));
    } else {
      await refused(s, 'L', 'Share link needs the shareFiles capability');
    }

    // v: the versions of a file.
    if (can.list) {
      await cursorTo(run, can.rename ? 'g2.txt' : 'g.txt');
      s.write('v');
      await see(s, 'Versions of');
      s.write(KEYS.escape);
      await s.waitFor((t) => !t.includes('Versions of'));
    } else {
      await refused(s, 'v', 'Versions needs the listFiles capability');
    }

    // I and K.
    s.write('I');
    await see(s, 'Key inspector', key(name).applicationKeyId, 'restricted application key');
    s.write(KEYS.escape);
    await see(s, '10Quit');
    s.write('K');
    await see(s, 'Application keys', 'List keys needs');
    s.write(KEYS.escape);
    await see(s, '10Quit');

    expect(statusLine(s)).not.toContain('Unexpected');
    s.write('q');
    expect(await s.exited).toBe(0);
    expect(server.emu.stats().unauthorizedByKey[key(name).applicationKeyId]).toBeUndefined();
  }, 90_000);
});

describe('the expired demo key in a terminal', () => {
  it('every key says why; I shows the key expired, K why keys cannot be listed; nothing is refused by B2', async () => {
    const run = await startWithKey('expired', async (cwd) => writeFile(join(cwd, 'up.txt'), 'up'));
    try {
      const { s } = run;
      await see(s, 'This application key has expired');
      for (const k of [KEYS.f8, KEYS.f7, KEYS.f2, 'L', 'v', 'u'])
        await refused(s, k, 'This application key has expired');
      s.write('I');
      const inspector = await see(s, 'Key inspector', 'B2 refuses to sign in with this key', 'Expires');
      expect(inspector).toContain(key('expired').applicationKeyId);
      expect(inspector).toMatch(/Expires\s+expired/);
      s.write(KEYS.escape);
      await see(s, '10Quit');
      s.write('K');
      await see(s, 'The keys cannot be listed: B2 refuses to sign in with this key.');
      s.write(KEYS.escape);
      await see(s, '10Quit');
      s.write('q');
      expect(await s.exited).toBe(0);
      expect(server.emu.stats().unauthorizedByKey[key('expired').applicationKeyId]).toBeUndefined();
    } finally {
      await run.close();
    }
  }, 60_000);
});
