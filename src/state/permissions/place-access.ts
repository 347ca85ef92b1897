/**
 * What a pane may do with a folder before anything is asked of B2 (issue 9: "a pane can stand in
 * a bucket or folder its key cannot list"): list it; stand there without rows because the key may
 * write there but not list (a write-only drop box: uploads, moves and new folders go in, nothing
 * can be read back); or not go there at all. Pure: `now` is an argument.
 */
import type { KeyInfo } from '../model/key-info.js';
import { checkAction, permissionsForLocation, type Location, type PermissionAction } from './permissions.js';

/** The answer for one folder. Texts are raw (sanitise for display). */
export type PlaceAccess =
  | { kind: 'list' }
  /** `note` goes where the rows would be, `may` in the footer. */
  | { kind: 'unlisted'; note: string; may: string }
  | { kind: 'refused'; reason: string };

/** Writing actions that work in a folder nobody lists, in the words the footer uses. */
const WRITES: ReadonlyArray<readonly [PermissionAction, string]> = [
  ['upload', 'upload'],
  ['mkdir', 'make folders'],
];

/**
 * Whether pane may list `folder` (a folder location: the bucket list, a bucket root or a folder
 * key ending in `/`) with `key` (null: local, or not signed in; then the listing decides).
 */
export function placeAccess(folder: Location, key: KeyInfo | null, now: number): PlaceAccess {
  if (folder.kind === 'local' || key === null) return { kind: 'list' };
  const list = checkAction('list', folder, key, now);
  if (list.allowed) return { kind: 'list' };
  const reason = list.reason ?? 'This key may not list here.';
  if (folder.bucket === null) return { kind: 'refused', reason };
  const here = permissionsForLocation(folder, key, now);
  const writes = WRITES.filter(([action]) => here[action].allowed).map(([, words]) => words);
  if (writes.length === 0) return { kind: 'refused', reason };
  const what = writes.includes('upload') ? 'upload here' : `${writes[0] ?? ''} here`;
  return { kind: 'unlisted', note: `This key may ${what} but not list.`, may: `May ${writes.join(', ')}; not list` };
}
