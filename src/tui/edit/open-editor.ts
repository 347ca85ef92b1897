/**
 * F4: edit the file under the cursor in `$VISUAL`, else `$EDITOR`, else `vi`, on the real terminal
 * (handed over and taken back by src/tui/terminal-control.ts). A local file is edited in place. A
 * B2 file is downloaded to a private temp file (0600 in a 0700 folder of its own, removed
 * afterwards); if the editor changed it, it is uploaded as a new version of the same name — after
 * checking that the newest version on B2 is still the one that was opened, else the user chooses
 * (overwrite, keep both, discard). The bytes move through the provider's own read and write, the
 * same as every transfer. If the upload fails the edited copy is kept, and the status line says where.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
import { errorText } from '../../error-text.js';
import { NotFoundError } from '../../providers/errors.js';
import { splitName } from '../../providers/paths.js';
import type { Provider } from '../../providers/types.js';
import type { PaneLocation } from '../../state/location/pane-location.js';
import type { Entry } from '../../state/model/entry.js';
import { sanitizeName } from '../../state/text/sanitize.js';
import { setStatus, snapshot, type ControllerDeps } from '../controller-deps.js';
import { envOf, runOnTerminal } from '../commands/shell-commands.js';
import { editConflictQuestion } from '../dialogs/edit-conflict.js';
import { cursorFile, entryTitle } from '../viewer/open-viewer.js';
import { keepBothName, localTempName } from './edit-names.js';

async function sha1OfFile(path: string): Promise<string> {
  return createHash('sha1')
    .update(await readFile(path))
    .digest('hex');
}

/** The editor command line: `$VISUAL`, else `$EDITOR`, else `vi` (may hold arguments: run by sh). */
export function editorCommand(env: Readonly<Record<string, string | undefined>>): string {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || 'vi';
}

/** Runs the editor on `file`; resolves once it exits. @throws when it could not run or failed */
async function runEditor(d: ControllerDeps, file: string, cwd: string): Promise<void> {
  const editor = editorCommand(envOf(d));
  // Through sh, so that `EDITOR="code --wait"` works; the file is an argument, never spliced in.
  const code = await runOnTerminal(d, '/bin/sh', ['-c', `${editor} "$1"`, 'b2c-edit', file], cwd);
  if (code !== 0) throw new Error(`the editor (${editor}) ended with ${code === null ? 'a signal' : `code ${code}`}`);
}

/** F4 in the panes. */
export function openEditor(d: ControllerDeps): Promise<void> | undefined {
  const target = cursorFile(d, 'edit');
  if (target === null) return undefined;
  if (d.terminal === undefined) {
    setStatus(d, 'Editing needs the terminal b2c runs on.', 'warning');
    return undefined;
  }
  return target.at.kind === 'local' ? editLocal(d, target.entry) : editB2(d, target.at, target.entry);
}

async function editLocal(d: ControllerDeps, e: Entry): Promise<void> {
  try {
    await runEditor(d, e.path, splitName(e.path).folder);
  } catch (err) {
    setStatus(d, errorText(err), 'error');
  }
  await refreshPanes(d);
}

async function refreshPanes(d: ControllerDeps): Promise<void> {
  await Promise.all((['left', 'right'] as const).map((side) => d.navigator.refresh(side)));
}

async function editB2(d: ControllerDeps, at: PaneLocation, e: Entry): Promise<void> {
  const title = entryTitle(at, e);
  const dir = await mkdtemp(join(tmpdir(), 'b2c-edit-'));
  let keep = false;
  try {
    await chmod(dir, 0o700);
    const file = join(dir, localTempName(e.name));
    setStatus(d, `Downloading ${sanitizeName(e.name)} to edit it…`, 'info');
    const provider = await d.registry.providerFor(at);
    const opened = await provider.stat(e.path, { kind: 'file' });
    const handle = await provider.openRead(e.path, opened.fileId === undefined ? {} : { fileId: opened.fileId });
    await pipeline(handle.stream, createWriteStream(file, { mode: 0o600 }));
    const before = await sha1OfFile(file);
    d.store.dispatch({ type: 'app', action: { type: 'clearStatus' } });
    await runEditor(d, file, dir);
    if ((await sha1OfFile(file)) === before) return setStatus(d, `${sanitizeName(e.name)} was not changed.`, 'info');
    keep = true;
    const target = await uploadTarget(d, provider, e.path, opened.fileId, title);
    if (target === null) {
      keep = false;
      return setStatus(d, `The edit of ${sanitizeName(e.name)} was discarded.`, 'info');
    }
    setStatus(d, `Uploading the edit of ${sanitizeName(e.name)}…`, 'info');
    const size = (await stat(file)).size;
    await provider.write(target, createReadStream(file), {
      size,
      mtimeMs: Date.now(),
      overwrite: true,
      ...(opened.contentType === undefined ? {} : { contentType: opened.contentType }),
    });
    keep = false;
    const saved = entryTitle(at, { ...e, name: splitName(target).name });
    setStatus(d, `Saved the edit: ${sanitizeName(saved)} has a new version.`, 'info');
    await refreshPanes(d);
  } catch (err) {
    const where = keep ? ` The edited copy is kept in ${dir}.` : '';
    setStatus(d, `Editing ${sanitizeName(e.name)} failed: ${errorText(err)}${where}`, 'error');
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Where the edit goes: the same name when its newest version is still the one opened (or the
 * user says overwrite), the keep-both name, or null (discard).
 */
async function uploadTarget(
  d: ControllerDeps,
  provider: Provider,
  path: string,
  openedId: string | undefined,
  title: string,
): Promise<string | null> {
  let nowId: string | undefined | null;
  try {
    nowId = (await provider.stat(path, { kind: 'file' })).fileId;
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    nowId = null;
  }
  if (nowId === openedId) return path;
  const { folder, name } = splitName(path);
  const otherName = keepBothName(name, Date.now());
  const q = editConflictQuestion(title, otherName);
  d.store.dispatch({ type: 'raiseDialog', dialog: q.dialog });
  const choice = await q.answer;
  if (snapshot(d).app.status !== null) d.store.dispatch({ type: 'app', action: { type: 'clearStatus' } });
  return choice === 'overwrite' ? path : choice === 'keepBoth' ? folder + otherName : null;
}
