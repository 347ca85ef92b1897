/**
 * Tab completion of the text typed into the location picker (F9/o). Pure: the text is split into
 * the folder to list (`head`, parsed like ./typed-location.ts) and the start of a name (`tail`);
 * the caller lists the names of that folder that begin with the tail, and {@link completeName} says what the tail becomes.
 * `b2://` with a partial bucket name completes bucket names of the profile.
 */
import { b2PaneLocation, type PaneLocation } from '../../state/location/pane-location.js';
import { parseTypedLocation } from './typed-location.js';

/** The folder to list for completing `text`, and the parts of the text around the name. */
export interface CompletionTarget {
  location: PaneLocation;
  /** The text up to and including the last `/` (kept as typed). */
  head: string;
  /** The start of the name being completed. */
  tail: string;
}

/** What a name listed in the folder is. */
export interface CompletionName {
  name: string;
  /** A folder or bucket: a unique match gets a trailing `/`. */
  folder: boolean;
}

/** Where completing `text` lists, or why it cannot. */
export function completionTarget(
  text: string,
  context: { here: PaneLocation; home: string; profiles: readonly string[] },
): CompletionTarget | { problem: string } {
  const slash = text.lastIndexOf('/');
  const head = text.slice(0, slash + 1);
  const tail = text.slice(slash + 1);
  if (/^\s*b2:\/{2,}$/i.test(head)) {
    const profile = context.here.kind === 'b2' ? context.here.profile : context.profiles[0];
    if (profile === undefined) return { problem: 'There is no B2 account profile to complete that with.' };
    return { location: b2PaneLocation(profile, null), head, tail };
  }
  if (head.trim() === '') {
    if (/^\s*b2:?$/i.test(tail)) return { problem: 'Type b2://bucket/ to complete B2 names.' };
    const location: PaneLocation = context.here.kind === 'local' ? context.here : { kind: 'local', path: context.home };
    return { location, head, tail };
  }
  const parsed = parseTypedLocation(head, context);
  return 'problem' in parsed ? parsed : { location: parsed.location, head, tail };
}

/**
 * Completes `tail` from the names of its folder: the longest common start of the names that begin
 * with it (a single folder gets `/`), and every match (folders with `/`), in name order. Names
 * beginning with `.` take part only when `tail` does (as shells do). `tail` null: nothing matches.
 */
export function completeName(
  tail: string,
  names: readonly CompletionName[],
): { tail: string | null; candidates: string[] } {
  const matches = names
    .filter((n) => n.name.startsWith(tail) && (tail.startsWith('.') || !n.name.startsWith('.')))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const first = matches[0];
  if (first === undefined) return { tail: null, candidates: [] };
  const candidates = matches.map((n) => (n.folder ? `${n.name}/` : n.name));
  if (matches.length === 1) return { tail: candidates[0] ?? first.name, candidates };
  let common = first.name;
  for (const m of matches) {
    let i = 0;
    while (i < common.length && i < m.name.length && common[i] === m.name[i]) i += 1;
    common = common.slice(0, i);
  }
  return { tail: common, candidates };
}
