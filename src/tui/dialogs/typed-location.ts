/**
 * What the user typed into the location picker, as a pane location: `b2://bucket/prefix`
 * (on the profile of the pane, or the first profile; parsed by src/state/location/b2-url.ts),
 * `~/x`, an absolute path, or a path relative to the pane's local folder. Pure.
 */
import { posix } from 'node:path';
import { parseB2Url } from '../../state/location/b2-url.js';
import { b2PaneLocation, localPaneLocation, type PaneLocation } from '../../state/location/pane-location.js';

/** The location, or a sentence saying why the text is not one. */
export function parseTypedLocation(
  text: string,
  context: { here: PaneLocation; home: string; profiles: readonly string[] },
): { location: PaneLocation } | { problem: string } {
  const t = text.trim();
  if (t === '') return { problem: 'Type a path or b2://bucket/folder, or choose a place below.' };
  // Slashes typed after `b2://` are forgiven here: `b2:///photos` is the bucket photos.
  const url = parseB2Url(t.replace(/^(b2:\/\/)\/+/i, '$1'));
  if (url !== null) {
    if ('problem' in url && url.problem === 'malformed') return { problem: 'Write B2 places as b2://bucket/folder.' };
    const profile = context.here.kind === 'b2' ? context.here.profile : context.profiles[0];
    if (profile === undefined) return { problem: 'There is no B2 account profile to open that with.' };
    if ('problem' in url) return { problem: `"${url.bucket}" is not a bucket name (letters, digits and "-").` };
    // The prefix is exact: `b2://b/dir//` is the folder `dir//` (B2 names keep every `/`).
    return { location: b2PaneLocation(profile, url.bucket, url.key) };
  }
  let path: string;
  if (t === '~' || t.startsWith('~/')) path = posix.join(context.home, t.slice(1));
  else if (t.startsWith('/')) path = t;
  else {
    const base = context.here.kind === 'local' ? context.here.path : context.home;
    path = posix.join(base, t);
  }
  const normal = posix.normalize(path);
  return { location: localPaneLocation(normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal) };
}
