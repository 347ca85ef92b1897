/**
 * Pure helpers for bookmarks (`B` saves the pane's place, `b` lists them): the name offered for a
 * place, and the one line a place is shown as. A bookmark's place has the shape of a pane
 * location (./pane-location.ts). Results are raw text: sanitise before display.
 */
import { formatLocation, type PaneLocation } from './pane-location.js';

/**
 * The name offered when bookmarking `loc`: the last path segment (`/` for the root), the last
 * folder of a B2 prefix, else the bucket, else (the bucket list) the profile.
 */
export function defaultBookmarkName(loc: PaneLocation): string {
  switch (loc.kind) {
    case 'local': {
      const parts = loc.path.split('/').filter((p) => p !== '');
      return parts.at(-1) ?? '/';
    }
    case 'b2': {
      if (loc.bucket === null) return loc.profile;
      const parts = loc.prefix.split('/').filter((p) => p !== '');
      return parts.at(-1) ?? loc.bucket;
    }
    default: {
      const never: never = loc;
      return never;
    }
  }
}

/** `/home/me/docs` or `b2://photos/2024/ (work)`: a place with the profile it is seen through. */
export function describeBookmarkPlace(loc: PaneLocation): string {
  return loc.kind === 'local' ? formatLocation(loc) : `${formatLocation(loc)} (${loc.profile})`;
}
