/**
 * Queue persistence in the TUI (issue 5): a queue file left by an earlier session (written by the
 * real engine while its upload was under way) produces the start-up offer; Resume uploads the file
 * (bytes compared on the server), Discard deletes the saved queue, Later keeps it for next time.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_BUCKETS, type RunningEmulator } from '../../../src/emulator/index.js';
import { connectB2, type B2Provider } from '../../../src/providers/b2/index.js';
import { createLocalProvider } from '../../../src/providers/local/index.js';
import { NotFoundError } from '../../../src/providers/errors.js';
import { b2PaneLocation } from '../../../src/state/location/pane-location.js';
import { createTransferEngine, type PermissionAnswer } from '../../../src/transfers/index.js';
import { KEYS } from '../../e2e/pty-harness.js';
import { startTui, type TuiFixture } from './tui-fixture.js';

let f: TuiFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

const P = DEMO_BUCKETS.photos;
const WIDE = { columns: 100, rows: 30 };
const DATA = randomBytes(300_000);

function masterOf(emu: RunningEmulator | null): Promise<B2Provider> {
  if (!emu) throw new Error('no server');
  return connectB2({ applicationKeyId: emu.masterKeyId, applicationKey: emu.masterKey, endpoint: emu.endpoint });
}

/**
 * Leaves `queueFile` as a session that was killed mid-upload leaves it: the engine saves the
 * queue while the upload of `resume.bin` is under way (held at its permission check), and that
 * file is what stays behind.
 */
function leavePendingUpload(queueFile: string) {
  return async (dir: string, emu: RunningEmulator | null): Promise<void> => {
    const source = join(dir, 'resume.bin');
    await writeFile(source, DATA);
    const b2 = await masterOf(emu);
    const local = createLocalProvider();
    let release: (a: PermissionAnswer) => void = () => undefined;
    let started: () => void = () => undefined;
    const running = new Promise<void>((r) => (started = r));
    const gate = new Promise<PermissionAnswer>((r) => (release = r));
    const engine = createTransferEngine({
      providers: (ref) => Promise.resolve(ref === 'local' ? local : b2),
      queueFile,
      // The folder listing passes; the upload itself is held, so it is under way when saved.
      checkPermission: (q) => {
        if (q.kind !== 'upload') return { allowed: true };
        started();
        return gate;
      },
    });
    const st = await stat(source);
    engine.submit({
      operation: 'copy',
      from: 'local',
      to: 'b2:demo',
      conflict: 'overwrite',
      items: [
        {
          source,
          targetDir: `/${P}/restored`,
          known: { kind: 'file', size: DATA.length, mtimeMs: st.mtimeMs, sha1: null },
        },
      ],
    });
    await running;
    await engine.saveNow();
    const saved = await readFile(queueFile, 'utf8');
    release({ allowed: false, reason: 'stopped by the test' });
    await engine.close();
    await b2.close?.();
    await writeFile(queueFile, saved, { mode: 0o600 });
  };
}

async function startWithPending(): Promise<{ fx: TuiFixture; queueFile: string }> {
  let queueFile = '';
  const fx = await startTui({
    size: WIDE,
    b2: true,
    right: () => b2PaneLocation('demo', P, 'photos/'),
    before: async (dir, emu) => {
      queueFile = join(dir, 'config', 'queue.json');
      await leavePendingUpload(queueFile)(dir, emu);
    },
    get queueFile() {
      return queueFile;
    },
  });
  return { fx, queueFile };
}

describe('saved transfer queue', () => {
  it('offers the unfinished upload at start, and Resume completes it with the same bytes', async () => {
    const { fx, queueFile } = await startWithPending();
    f = fx;
    // Profile references only, never secrets.
    const saved = await readFile(queueFile, 'utf8');
    expect(saved).toContain('b2:demo');
    expect(saved).not.toContain(fx.emu?.masterKey ?? 'no server');
    expect((await stat(queueFile)).mode & 0o777).toBe(0o600);
    await fx.see('1 transfer (1 file, 293.0 KiB) was not finished.', 'Resume', 'Discard', 'Later');
    fx.h.press(KEYS.enter);
    await fx.see('Resumed 1 transfer from the last session');
    await fx.engine.whenIdle();
    const b2 = await masterOf(fx.emu);
    const h = await b2.openRead(`/${P}/restored/resume.bin`);
    const chunks: Buffer[] = [];
    for await (const c of h.stream) chunks.push(c as Buffer);
    await b2.close?.();
    expect(Buffer.concat(chunks).equals(DATA)).toBe(true);
    // Nothing is left to resume: the saved queue is gone once the work is done.
    await fx.engine.saveNow();
    expect(existsSync(queueFile)).toBe(false);
  });

  it('Discard deletes the saved queue and uploads nothing', async () => {
    const { fx, queueFile } = await startWithPending();
    f = fx;
    await fx.see('was not finished.');
    fx.h.press(KEYS.down, KEYS.enter);
    await fx.see('Discarded the unfinished transfers');
    await fx.engine.saveNow();
    expect(existsSync(queueFile)).toBe(false);
    const b2 = await masterOf(fx.emu);
    await expect(b2.stat(`/${P}/restored/resume.bin`)).rejects.toThrow(NotFoundError);
    await b2.close?.();
  });

  it('Later (Esc) keeps the saved queue for the next start, even after quitting', async () => {
    const { fx, queueFile } = await startWithPending();
    f = fx;
    const before = JSON.parse(await readFile(queueFile, 'utf8')) as { groups: unknown[] };
    await fx.see('was not finished.');
    fx.h.press(KEYS.escape);
    await fx.see('offers them again at the next start');
    await fx.engine.close();
    const after = JSON.parse(await readFile(queueFile, 'utf8')) as { groups: unknown[] };
    expect(after.groups).toEqual(before.groups);
  });

  it('the quit question says whether unfinished work is offered next time', async () => {
    f = await startTui({ size: WIDE });
    await f.see('a.txt');
    f.store.dispatch({ type: 'openDialog', dialog: { kind: 'confirmQuit', running: 2, saves: true } });
    await f.see('2 transfers are still queued or running.', 'offered to resume the next time b2c starts');
    f.h.press(KEYS.escape);
    await f.h.waitForFrame((fr) => !fr.includes('Quit?'));
    f.store.dispatch({ type: 'openDialog', dialog: { kind: 'confirmQuit', running: 1, saves: false } });
    await f.see('1 transfer is still queued or running.', 'files not finished yet are not copied');
  });
});
