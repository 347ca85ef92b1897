/**
 * Read-only dialogs: file info (i / F3). The versions dialog (v) is ./VersionsDialog.tsx.
 */
import type { ReactNode } from 'react';
import type { Entry } from '../../state/model/entry.js';
import { formatCount, formatSize } from '../../state/text/format.js';
import { fitToWidth, sanitizeForTerminal, sanitizeName } from '../../state/text/sanitize.js';
import { useTerminalSize } from '../terminal-size.js';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import { DialogFrame, DialogLine, innerWidth } from './DialogFrame.js';

/** A precise, locale-free timestamp: `2025-11-28 15:04:05 UTC`. */
export function exactTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return 'unknown';
  return `${new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')} UTC`;
}

/** The info fields of an entry, as label/value pairs (values raw: sanitised when shown). */
export function infoFields(e: Entry): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    ['Name', e.name],
    ['Path', e.path],
    ['Kind', e.kind === 'dir' ? 'folder' : e.kind],
  ];
  if (e.kind === 'file') rows.push(['Size', `${formatCount(e.size)} bytes (${formatSize(e.size)})`]);
  if (e.kind !== 'bucket') rows.push(['Modified', exactTime(e.mtimeMs)]);
  if (e.uploadTimestamp !== undefined) rows.push(['Uploaded', exactTime(e.uploadTimestamp)]);
  if (e.sha1 !== undefined) rows.push(['SHA1', e.sha1 ?? 'not known (large files may have none)']);
  if (e.contentType !== undefined) rows.push(['Content type', e.contentType]);
  if (e.fileId !== undefined) rows.push(['File ID', e.fileId]);
  if (e.bucketType !== undefined) rows.push(['Bucket type', e.bucketType]);
  if (e.bucketId !== undefined) rows.push(['Bucket ID', e.bucketId]);
  if (e.linkTarget !== undefined) rows.push(['Link to', e.linkTarget]);
  if (e.hidden === true) rows.push(['Hidden', 'yes: the newest version is a hide marker (u unhides)']);
  return rows;
}

/** i / F3. */
export function InfoDialog({ d }: { d: DialogOf<'info'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const { columns } = useTerminalSize();
  const inner = innerWidth(columns);
  const labelW = 14;
  const info = Object.entries(d.entry.info ?? {});
  return (
    <DialogFrame title={`Info: ${sanitizeName(d.entry.name)}`} hint={hintLine(keymap, 'close')}>
      {infoFields(d.entry).map(([k, v], i) => (
        <DialogLine key={i} text={`${fitToWidth(k, labelW)}${fitToWidth(sanitizeForTerminal(v), inner - labelW, 'left', { position: 'middle' })}`} />
      ))}
      {info.length > 0 ? <DialogLine text="File info:" color={theme.muted} /> : null}
      {info.map(([k, v]) => (
        <DialogLine key={`i${k}`} text={`  ${sanitizeForTerminal(k)} = ${sanitizeForTerminal(v)}`} />
      ))}
    </DialogFrame>
  );
}
