/**
 * Pane places as the permission rules see them (through ./rule-location.ts's one conversion):
 * the folder a pane shows, one of its rows, and where a copy into a pane's folder lands.
 */
import type { Entry } from '../model/entry.js';
import { isDirLike } from '../pane/pane-state.js';
import { providerPath, type PaneLocation } from './pane-location.js';
import { ruleLocation, type Location } from './rule-location.js';

/** The rules' view of a pane's folder (`bucketType` when known: public buckets are readable by all). */
export function folderLocation(loc: PaneLocation, bucketType?: string): Location {
  return ruleLocation(loc.kind, providerPath(loc), { dir: true, bucketType });
}

/** The rules' view of one entry (folders as folder keys). */
export function entryLocation(loc: PaneLocation, e: Entry): Location {
  return ruleLocation(loc.kind, e.path, { dir: isDirLike(e), bucketId: e.bucketId, bucketType: e.bucketType });
}

/** Where a copy of `e` into the folder `to` lands, for the rules. */
export function destinationLocation(to: PaneLocation, name: string, dir: boolean): Location {
  const folder = providerPath(to);
  const path = folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
  return ruleLocation(to.kind, path, { dir });
}
