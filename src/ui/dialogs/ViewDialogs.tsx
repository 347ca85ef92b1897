/**
 * Read-only dialogs: info (i / F3) on a file, folder or bucket — where it is as the user types it
 * (`b2://bucket/name`), and for a bucket its type and settings. The versions dialog (v) is
 * ./VersionsDialog.tsx.
 */
import type { ReactNode } from 'react';
import type { Entry } from '../../state/model/entry.js';
import { formatCount, formatSize } from '../../state/text/format.js';
import { fitToWidth, sanitizeForTerminal, sanitizeName } from '../../state/text/sanitize.js';
import { wrapText } from '../../state/text/wrap.js';
import { formatB2Url } from '../../state/location/b2-url.js';
import { bucketFields } from '../../state/text/bucket-text.js';
import { bucketRulesFields, protectionFields } from '../../state/text/protection-text.js';
import { useTerminalSize } from '../terminal-size.js';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import type { DialogOf } from '../../tui/dialogs/registry.js';
import { DialogFrame, DialogLine, innerWidth } from './DialogFrame.js';

/** A precise, locale-free timestamp: `2025-11-28 15:04:05 UTC`. */
export function exactTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return 'unknown';
  return `${new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')} UTC`;
}

/** Where an entry is, as the user types it: `b2://bucket/name` on B2, the path on the local disk. */
export function entryLocationText(e: Entry, kind: 'local' | 'b2'): string {
  const url = formatB2Url(kind, e.path);
  return e.kind === 'bucket' ? `${url}/` : url;
}

/**
 * The info fields of an entry, as label/value pairs (values raw: sanitised when shown); `now`
 * tells whether a B2 file's retention is over.
 */
export function infoFields(e: Entry, kind: 'local' | 'b2', now = Date.now()): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    ['Name', e.name],
    ['Path', entryLocationText(e, kind)],
    ['Kind', e.kind === 'dir' ? 'folder' : e.kind],
  ];
  if (e.kind === 'bucket') return [...rows, ...bucketFields(e)];
  if (e.kind === 'file') rows.push(['Size', `${formatCount(e.size)} bytes (${formatSize(e.size)})`]);
  rows.push(['Modified', exactTime(e.mtimeMs)]);
  if (e.uploadTimestamp !== undefined) rows.push(['Uploaded', exactTime(e.uploadTimestamp)]);
  if (e.kind === 'file') rows.push(...protectionFields(e, now));
  if (e.sha1 !== undefined) rows.push(['SHA1', e.sha1 ?? 'not known (large files may have none)']);
  if (e.contentType !== undefined) rows.push(['Content type', e.contentType]);
  if (e.fileId !== undefined) rows.push(['File ID', e.fileId]);
  if (e.bucketType !== undefined) rows.push(['Bucket type', e.bucketType]);
  if (e.bucketId !== undefined) rows.push(['Bucket ID', e.bucketId]);
  if (e.linkTarget !== undefined) rows.push(['Link to', e.linkTarget]);
  if (e.hidden === true) rows.push(['Hidden', 'yes: the newest version is a hide marker (u unhides)']);
  if (e.kind === 'file') rows.push(...bucketRulesFields(e));
  return rows;
}

const LABEL_W = 14;

/** Label/value rows as lines of `width` columns: a long value wraps under itself, never cut. */
export function fieldLines(fields: ReadonlyArray<readonly [string, string]>, width: number): string[] {
  return fields.flatMap(([k, value]) =>
    wrapText(sanitizeForTerminal(value), Math.max(1, width - LABEL_W)).map(
      (piece, i) => `${fitToWidth(i === 0 ? k : '', LABEL_W)}${piece}`,
    ),
  );
}

/** i / F3. */
export function InfoDialog({ d }: { d: DialogOf<'info'> }): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const { columns } = useTerminalSize();
  const inner = innerWidth(columns);
  const info = Object.entries(d.entry.info ?? {});
  return (
    <DialogFrame title={`Info: ${sanitizeName(d.entry.name)}`} hint={hintLine(keymap, 'close')}>
      {fieldLines(infoFields(d.entry, d.at.kind), inner).map((line, i) => (
        <DialogLine key={i} text={line} />
      ))}
      {info.length > 0 ? <DialogLine text="File info:" color={theme.muted} /> : null}
      {info.map(([k, v]) => (
        <DialogLine key={`i${k}`} text={`  ${sanitizeForTerminal(k)} = ${sanitizeForTerminal(v)}`} />
      ))}
    </DialogFrame>
  );
}
