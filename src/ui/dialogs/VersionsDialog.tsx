/**
 * The versions dialog (v): every version of a B2 file, newest first, with the actions of the
 * `versions` keymap context (details, copy that version, delete that version) named in its footer,
 * and the confirmation for deleting one version (deleting a hide marker unhides the name).
 */
import type { ReactNode } from 'react';
import type { VersionEntry } from '../../state/model/entry.js';
import type { CommandId } from '../../state/keyboard/commands.js';
import { formatCount, formatDate, formatSize } from '../../state/text/format.js';
import { keysForCommand, type Keymap } from '../../state/keyboard/keymap.js';
import { formatKeyPattern } from '../../state/keyboard/key-patterns.js';
import { fitToWidth, sanitizeForTerminal, sanitizeName } from '../../state/text/sanitize.js';
import { useTerminalSize } from '../terminal-size.js';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import { DialogFrame, DialogLine, innerWidth } from './DialogFrame.js';
import { Wrapped } from './OperationDialogs.js';
import { exactTime } from './ViewDialogs.js';

/** The footer's actions: command, what it does here, how many of its keys are named (room is short). */
const FOOTER: ReadonlyArray<[CommandId, string, number]> = [
  ['info', 'details', 2],
  ['copy', 'copy', 1],
  ['delete', 'delete', 1],
  ['cancel', 'close', 1],
];

/** The footer: each action with the keys the keymap binds to it ("Enter/F3 details · F5 copy…"). */
export function versionsHint(keymap: Keymap): string {
  return FOOTER.flatMap(([cmd, what, count]) => {
    const keys = keysForCommand(keymap, 'versions', cmd);
    return keys.length === 0 ? [] : [`${keys.slice(0, count).map(formatKeyPattern).join('/')} ${what}`];
  }).join(' · ');
}

/** What a version is, in words: a hide marker, an unfinished large file, or its size. */
export function versionWhat(v: VersionEntry): string {
  return v.action === 'hide' ? 'hide marker' : v.action === 'start' ? 'unfinished' : formatSize(v.size);
}

function versionLine(v: VersionEntry, now: number): string {
  return `${fitToWidth(v.isLatest ? 'newest' : '', 7)}${fitToWidth(formatDate(v.uploadTimestamp ?? v.mtimeMs, now), 13)}${fitToWidth(versionWhat(v), 12)}${v.fileId}`;
}

/** The details of one version (Enter/F3), as label/value pairs (raw: sanitised when shown). */
export function versionFields(v: VersionEntry): Array<[string, string]> {
  return [
    ['Action', v.action === 'hide' ? 'hide (a hide marker: deleting it unhides the name)' : v.action === 'start' ? 'start (unfinished large file)' : 'upload'],
    ['Size', `${formatCount(v.size)} bytes (${formatSize(v.size)})`],
    ['Uploaded', exactTime(v.uploadTimestamp ?? v.mtimeMs)],
    ['SHA1', v.sha1 ?? 'not known (large files may have none)'],
    ['Content type', v.contentType ?? 'unknown'],
    ['File ID', v.fileId],
  ];
}

/** v. */
export function VersionsDialog({ d }: { d: DialogOf<'versions'> }): ReactNode {
  const keymap = useKeymap();
  const theme = useTheme();
  const { columns, rows } = useTerminalSize();
  const inner = innerWidth(columns);
  const detail = d.detail ? (d.versions[d.cursor] ?? null) : null;
  const height = Math.max(3, rows - 14 - (detail === null ? 0 : 7));
  const start = Math.max(0, Math.min(d.cursor - Math.floor(height / 2), d.versions.length - height));
  const now = Date.now();
  const n = d.versions.length;
  const status = d.load.kind === 'loading' ? `Loading versions… ${n} so far` : d.load.kind === 'failed' ? d.load.message : `${n} version${n === 1 ? '' : 's'}, newest first`;
  return (
    <DialogFrame title={`Versions of ${sanitizeName(d.entry.name)}`} hint={versionsHint(keymap)}>
      <Wrapped text={sanitizeForTerminal(status)} color={d.load.kind === 'failed' ? theme.status.error : theme.muted} />
      {d.versions.slice(start, start + height).map((v, i) => (
        <DialogLine key={v.fileId || i} text={fitToWidth(`${start + i === d.cursor ? '>' : ' '} ${versionLine(v, now)}`, inner)} bold={start + i === d.cursor} dim={v.action === 'hide'} />
      ))}
      {detail === null ? null : <DialogLine text="" />}
      {detail === null
        ? null
        : versionFields(detail).map(([k, v]) => <DialogLine key={`d${k}`} text={`${fitToWidth(k, 14)}${fitToWidth(sanitizeForTerminal(v), inner - 14, 'left', { position: 'middle' })}`} />)}
    </DialogFrame>
  );
}

/** F8 in the versions dialog. */
export function DeleteVersionDialog({ d }: { d: DialogOf<'deleteVersion'> }): ReactNode {
  const keymap = useKeymap();
  const v = d.version;
  const marker = v.action === 'hide';
  const when = exactTime(v.uploadTimestamp ?? v.mtimeMs);
  return (
    <DialogFrame title={marker ? 'Delete hide marker (unhide)' : 'Delete version'} danger hint={hintLine(keymap, 'deleteVersion')}>
      <Wrapped text={`${marker ? 'Delete the hide marker' : 'Delete the version'} of ${sanitizeName(v.name)} from ${when}`} bold />
      <Wrapped text={`File ID ${sanitizeForTerminal(v.fileId)}`} />
      <Wrapped text={marker ? 'The newest real version shows again. No file data is deleted.' : 'Only this version goes; the others stay. It cannot be brought back.'} />
    </DialogFrame>
  );
}
