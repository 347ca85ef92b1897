/**
 * Pure operations on the bookmarks of ConfigData (`B` saves, `b` lists, renames and deletes).
 * Each returns new data (inputs are not mutated) or throws a typed error. Bookmark names follow
 * the rules of profile names (./patterns.ts): printable, 1–64 characters, no outer spaces.
 */
import { ConfigValueError } from './errors.js';
import { profileNameProblem } from './patterns.js';
import type { Bookmark, BookmarkPlace, ConfigData } from './types.js';

/** Why `name` cannot name a bookmark, or `null` when it can (never echoes the name). */
export function bookmarkNameProblem(name: string): string | null {
  const problem = profileNameProblem(name);
  return problem === null ? null : problem.replace('A profile name', 'A bookmark name');
}

function checkedName(name: string): string {
  const problem = bookmarkNameProblem(name);
  if (problem !== null) throw new ConfigValueError('name', problem);
  return name;
}

function cleanPlace(place: BookmarkPlace): BookmarkPlace {
  switch (place.kind) {
    case 'local':
      if (!place.path.startsWith('/'))
        throw new ConfigValueError('path', 'A bookmarked folder must be an absolute path.');
      return { kind: 'local', path: place.path };
    case 'b2':
      return {
        kind: 'b2',
        profile: place.profile,
        bucket: place.bucket,
        prefix: place.bucket === null ? '' : place.prefix,
      };
    default: {
      const never: never = place;
      return never;
    }
  }
}

/**
 * Adds a bookmark, or replaces the place of the one with the same name (it keeps its position).
 * @throws ConfigValueError for an invalid name or a relative local path.
 */
export function upsertBookmark(data: ConfigData, input: Bookmark): { data: ConfigData; outcome: 'added' | 'replaced' } {
  const bookmark: Bookmark = { name: checkedName(input.name), place: cleanPlace(input.place) };
  const index = data.bookmarks.findIndex((b) => b.name === bookmark.name);
  const bookmarks =
    index === -1 ? [...data.bookmarks, bookmark] : data.bookmarks.map((b, i) => (i === index ? bookmark : b));
  return { data: { ...data, bookmarks }, outcome: index === -1 ? 'added' : 'replaced' };
}

/**
 * Renames bookmark `from` to `to` (renaming to itself is a no-op).
 * @throws ConfigValueError when `from` does not exist, `to` is invalid or already used.
 */
export function renameBookmarkIn(data: ConfigData, from: string, to: string): ConfigData {
  if (!data.bookmarks.some((b) => b.name === from))
    throw new ConfigValueError('name', 'That bookmark no longer exists.');
  if (from === to) return data;
  checkedName(to);
  if (data.bookmarks.some((b) => b.name === to)) {
    throw new ConfigValueError('name', 'Another bookmark has that name; choose another.');
  }
  return { ...data, bookmarks: data.bookmarks.map((b) => (b.name === from ? { ...b, name: to } : b)) };
}

/** Deletes bookmark `name` (a name that does not exist changes nothing). */
export function deleteBookmarkFrom(data: ConfigData, name: string): ConfigData {
  return { ...data, bookmarks: data.bookmarks.filter((b) => b.name !== name) };
}
