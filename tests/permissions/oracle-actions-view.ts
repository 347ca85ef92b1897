/**
 * The oracle's specs for F3 view and F4 edit (issue 12): the truth is the provider calls the
 * product makes — a ranged read of the version opened; a read, then a write of the same name —
 * and b2c's path is the key pressed in the headless TUI: the pager opens on the file's bytes, or
 * the editor (a script, through the headless TUI's terminal stand-in) changes the file and the
 * new version is on the server.
 */
import { Readable } from 'node:stream';
import { until } from '../support/poll.js';
import type { HeadlessTui } from './headless-tui.js';
import { atPlace } from './oracle-drive.js';
import { fileAction, readAll, targetOf, type ActionSpec, type B2cOutcome } from './oracle-spec.js';

/** What the headless TUI's editor script appends (tests/permissions/headless-tui.ts). */
export const EDIT_MARK = ' +edited';

/** After a command that works on its own: refused when the status line shows an error or a warning. */
async function outcome(t: HeadlessTui, done: () => boolean): Promise<B2cOutcome> {
  const failed = (): string | null => {
    const st = t.store.getSnapshot().app.status;
    return st !== null && st.tone !== 'info' ? st.text : null;
  };
  await until(() => done() || failed() !== null, 'the command to finish or be refused');
  const reason = failed();
  return reason === null ? { kind: 'went-through' } : { kind: 'refused', reason };
}

/** The pager's rows as text, or null when no pager is open. */
function viewerText(t: HeadlessTui): string | null {
  const rows = t.controller.viewer.getSnapshot()?.store.getSnapshot().rows;
  return rows === null || rows === undefined
    ? null
    : rows.map((r) => r.segments.map((s) => s.text).join('')).join('\n');
}

export const VIEW_SPECS: ActionSpec[] = [
  fileAction('view', 'view', {
    async direct(p, f) {
      const t = targetOf(f);
      const h = await p.openRead(t.path, {
        range: { start: 0, end: f.data.length - 1 },
        verify: false,
        fileId: t.fileId,
      });
      const chunks: Buffer[] = [];
      for await (const c of h.stream) chunks.push(c as Buffer);
      if (!Buffer.concat(chunks).equals(f.data)) throw new Error('read other bytes');
    },
    async viaB2c(t, f, k, w) {
      if (f.target === null) return { kind: 'refused', reason: 'no file here: the bucket list holds buckets' };
      await atPlace(t, f, w, k);
      t.run('view');
      return outcome(t, () => viewerText(t) !== null);
    },
    effect: (_w, f, t) => Promise.resolve(t === null || (viewerText(t) ?? '').includes(f.data.toString())),
  }),
  fileAction('edit', 'edit', {
    async direct(p, f) {
      const t = targetOf(f);
      const before = await p.stat(t.path, { kind: 'file' });
      const data = Buffer.concat([await readAll(p, t.path), Buffer.from(EDIT_MARK)]);
      if (before.fileId === undefined) throw new Error('no version');
      await p.write(t.path, Readable.from([data]), { size: data.length, overwrite: true });
    },
    async viaB2c(t, f, k, w) {
      if (f.target === null) return { kind: 'refused', reason: 'no file here: the bucket list holds buckets' };
      await atPlace(t, f, w, k);
      t.run('edit');
      return outcome(t, () => t.store.getSnapshot().app.status?.text.startsWith('Saved the edit') === true);
    },
    async effect(w, f, t) {
      if (t === null) return true;
      const now = await readAll(w.master, targetOf(f).path);
      return now.equals(Buffer.concat([f.data, Buffer.from(EDIT_MARK)]));
    },
  }),
];
