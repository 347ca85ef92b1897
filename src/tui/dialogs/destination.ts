/**
 * The destination field of the copy and move dialogs (mc's "to:"): a folder (`/data/`,
 * `b2://bucket/dir/`), or, for a single source, a folder and a new name (`b2://bucket/dir/new.txt`).
 * Pure. Hostile text is refused with a sentence, never normalised into somewhere else: no `.` or
 * `..` segment, no empty segment, no control characters, a name without `/`.
 */
import { b2PaneLocation, formatLocation, type PaneLocation } from '../../state/location/pane-location.js';
import type { Entry } from '../../state/model/entry.js';
import { nameProblem } from '../operations/direct-operations.js';
import { parseTypedLocation } from './typed-location.js';

/** The last segment of an entry's name (search results are named by their relative path). */
export function baseName(e: Entry): string {
  return e.name.slice(e.name.lastIndexOf('/') + 1);
}

/** The field's first text: the other pane's folder, and the file's own name for one source. */
export function destinationText(to: PaneLocation, single: Entry | null): string {
  const place = formatLocation(to);
  const folder = place.endsWith('/') ? place : `${place}/`;
  return single === null || single.kind === 'bucket' ? folder : `${folder}${baseName(single)}`;
}

/** Where the field says to copy to: a folder and, for one source, the name it gets there (null: its own). */
export interface Destination {
  folder: PaneLocation;
  name: string | null;
}

function segmentProblem(folderText: string): string | null {
  const inner = folderText.replace(/^b2:\/\//i, '').replace(/^\/+/, '');
  const segments = inner.split('/');
  if (segments[segments.length - 1] === '') segments.pop();
  for (const s of segments) {
    if (s === '') return 'The destination has an empty folder name ("//"): write each folder once.';
    if (s === '.' || s === '..') return `The destination cannot go through "${s}": write the folder itself.`;
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is refused.
  if (/[\u0000-\u001f\u007f]/.test(folderText)) return 'The destination cannot contain control characters.';
  return null;
}

/**
 * Reads the destination field. `single` is the one source (null for several: the text is a folder).
 * Relative local paths are relative to `to` (the other pane's folder, when local); `b2://` places
 * use the profile of the other pane, else of this one.
 */
export function parseDestination(
  text: string,
  ctx: { from: PaneLocation; to: PaneLocation; home: string; profiles: readonly string[]; single: Entry | null },
): Destination | { problem: string } {
  const t = text.trim();
  if (t === '') return { problem: 'Type where to: a folder, or a folder and a new name.' };
  const isB2 = /^b2:\/\//i.test(t);
  const bucketOnly = isB2 && !t.slice(5).includes('/');
  let folderText = t;
  let name: string | null = null;
  if (ctx.single !== null && ctx.single.kind !== 'bucket' && !t.endsWith('/') && !bucketOnly) {
    const cut = t.lastIndexOf('/');
    folderText = t.slice(0, cut + 1);
    name = t.slice(cut + 1);
    const problem = nameProblem(name);
    if (problem !== null) return { problem };
    if (folderText === '') folderText = destinationText(ctx.to, null);
  }
  const problem = segmentProblem(folderText);
  if (problem !== null) return { problem };
  const here = isB2 ? (ctx.to.kind === 'b2' ? ctx.to : ctx.from) : ctx.to;
  const parsed = parseTypedLocation(folderText, { here, home: ctx.home, profiles: ctx.profiles });
  if ('problem' in parsed) return parsed;
  const folder = parsed.location;
  if (folder.kind === 'b2' && folder.bucket === null) return { problem: 'Copy into a bucket: b2://bucket/folder/.' };
  const exact = folder.kind === 'b2' ? b2PaneLocation(folder.profile, folder.bucket, folder.prefix) : folder;
  return { folder: exact, name: name !== null && ctx.single !== null && name === baseName(ctx.single) ? null : name };
}
