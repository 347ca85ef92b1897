/**
 * The versions dialog (v): every version of a B2 file, newest first, with the actions of the
 * `versions` keymap context (details, copy that version, delete that version) named in its footer,
 * and the confirmation for deleting one version (deleting a hide marker unhides the name).
 */
import { useMemo, type ReactNode } from 'react';
import type { VersionEntry } from '../../state/model/entry.js';
import type { CommandId } from '../../state/keyboard/commands.js';
import { formatCount, formatSize } from '../../state/text/format.js';
import { distinctId, sharedEnds, type SharedEnds } from '../../state/text/distinct-ids.js';
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
import { exactTime, fieldLines } from '../../state/text/info-lines.js';

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

/** Columns of a version row after the cursor mark: state, upload time (UTC, to the second), size. */
const STATE_W = 7;
const TIME_W = 21;
const WHAT_W = 12;

/** "2026-12-02 13:54:29" (UTC): versions uploaded in the same minute still differ. */
function uploadTime(v: VersionEntry): string {
  const ms = v.uploadTimestamp ?? v.mtimeMs;
  return ms === null || !Number.isFinite(ms)
    ? 'unknown'
    : new Date(ms)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, '');
}

/** The column headings over the rows. */
export function versionsHeading(width: number): string {
  return fitToWidth(
    `  ${fitToWidth('', STATE_W)}${fitToWidth('Uploaded (UTC)', TIME_W)}${fitToWidth('Size', WHAT_W)}File ID`,
    width,
  );
}

/** One version in `width` columns: the file ID shows the part where the versions differ. */
export function versionLine(v: VersionEntry, cursor: boolean, width: number, ends: SharedEnds): string {
  const head = `${cursor ? '>' : ' '} ${fitToWidth(v.isLatest ? 'newest' : '', STATE_W)}${fitToWidth(uploadTime(v), TIME_W)}${fitToWidth(versionWhat(v), WHAT_W)}`;
  return fitToWidth(
    `${head}${distinctId(sanitizeForTerminal(v.fileId), Math.max(0, width - head.length), ends)}`,
    width,
  );
}

/** The details of one version (Enter/F3), as label/value pairs (raw: sanitised when shown). */
export function versionFields(v: VersionEntry): Array<[string, string]> {
  return [
    [
      'Action',
      v.action === 'hide'
        ? 'hide (a hide marker: deleting it unhides the name)'
        : v.action === 'start'
          ? 'start (unfinished large file)'
          : 'upload',
    ],
    ['Size', `${formatCount(v.size)} bytes (${formatSize(v.size)})`],
    ['Uploaded', exactTime(v.uploadTimestamp ?? v.mtimeMs)],
    ['SHA1', v.sha1 ?? 'not known (large files may have none)'],
    ['Content type', v.contentType ?? 'unknown'],
    ['File ID', v.fileId],
  ];
}

/** The details as lines of `width` columns; a long value (the file ID) wraps under itself, never cut. */
export function detailLines(v: VersionEntry, width: number): string[] {
  return fieldLines(versionFields(v), width);
}

/** v. */
export function VersionsDialog({ d }: { d: DialogOf<'versions'> }): ReactNode {
  const keymap = useKeymap();
  const theme = useTheme();
  const { columns, rows } = useTerminalSize();
  const inner = innerWidth(columns);
  const detail = d.detail ? (d.versions[d.cursor] ?? null) : null;
  const details = detail === null ? [] : detailLines(detail, inner);
  const height = Math.max(3, rows - 15 - (detail === null ? 0 : details.length + 1));
  const start = Math.max(0, Math.min(d.cursor - Math.floor(height / 2), d.versions.length - height));
  const ends = useMemo(() => sharedEnds(d.versions.map((v) => sanitizeForTerminal(v.fileId))), [d.versions]);
  const n = d.versions.length;
  const status =
    d.load.kind === 'loading'
      ? `Loading versions… ${n} so far`
      : d.load.kind === 'failed'
        ? d.load.message
        : `${n} version${n === 1 ? '' : 's'}, newest first`;
  return (
    <DialogFrame title={`Versions of ${sanitizeName(d.entry.name)}`} hint={versionsHint(keymap)}>
      <Wrapped text={sanitizeForTerminal(status)} color={d.load.kind === 'failed' ? theme.status.error : theme.muted} />
      {n === 0 ? null : <DialogLine text={versionsHeading(inner)} color={theme.muted} />}
      {d.versions.slice(start, start + height).map((v, i) => (
        <DialogLine
          key={v.fileId || i}
          text={versionLine(v, start + i === d.cursor, inner, ends)}
          bold={start + i === d.cursor}
          dim={v.action === 'hide'}
        />
      ))}
      {detail === null ? null : <DialogLine text="" />}
      {detail === null ? null : details.map((line, i) => <DialogLine key={`d${i}`} text={line} />)}
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
    <DialogFrame
      title={marker ? 'Delete hide marker (unhide)' : 'Delete version'}
      danger
      hint={hintLine(keymap, 'deleteVersion')}
    >
      <Wrapped
        text={`${marker ? 'Delete the hide marker' : 'Delete the version'} of ${sanitizeName(v.name)} from ${when}`}
        bold
      />
      <Wrapped text={`File ID ${sanitizeForTerminal(v.fileId)}`} />
      <Wrapped
        text={
          marker
            ? 'The newest real version shows again. No file data is deleted.'
            : 'Only this version goes; the others stay. It cannot be brought back.'
        }
      />
    </DialogFrame>
  );
}
