/**
 * The lines of the info dialog (i / Alt+i), pure: label/value rows of a file, folder or bucket —
 * where it is as the user types it (`b2://bucket/name`), sizes, times, protection, IDs — then its
 * custom file info. The view draws them (src/ui/dialogs/ViewDialogs.tsx) and the core counts them
 * to know how far the dialog scrolls (src/tui/dialogs/info.ts).
 */
import type { Entry } from '../model/entry.js';
import { formatCount, formatSize } from './format.js';
import { fitToWidth, sanitizeForTerminal } from './sanitize.js';
import { wrapText } from './wrap.js';
import { formatB2Url } from '../location/b2-url.js';
import { bucketFields } from './bucket-text.js';
import { bucketRulesFields, protectionFields } from './protection-text.js';

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

/** One line of the info dialog's body (sanitised, at most the width asked for). */
export interface InfoLine {
  text: string;
  /** A heading drawn in the muted colour ("File info:"). */
  muted: boolean;
}

/** Every body line of the info dialog for `e`, `width` columns wide. */
export function infoBodyLines(e: Entry, kind: 'local' | 'b2', width: number, now = Date.now()): InfoLine[] {
  const info = Object.entries(e.info ?? {});
  const lines: InfoLine[] = fieldLines(infoFields(e, kind, now), width).map((text) => ({ text, muted: false }));
  if (info.length > 0) lines.push({ text: 'File info:', muted: true });
  for (const [k, v] of info)
    lines.push({ text: `  ${sanitizeForTerminal(k)} = ${sanitizeForTerminal(v)}`, muted: false });
  return lines;
}
