/**
 * Checks `cp` and `rm` make on each location argument before queueing anything: the permission
 * rules first (no request is sent for what the key forbids), then a `stat` whose answer is handed
 * to the engine (so it costs no extra request) and turns "no such file" into a clear sentence.
 */
import { NotFoundError } from '../providers/errors.js';
import type { Entry, PathKind, Provider } from '../providers/types.js';
import type { CliLocation } from './location-url.js';
import type { PermissionDecision } from '../state/permissions/permissions.js';
import type { KnownEntry } from '../transfers/index.js';

/**
 * The rules' answer for a location whose kind is not known yet: allowed when it is allowed as a
 * file or as a folder. Both are asked because a key's name prefix reads them differently
 * (`photos` is outside the prefix `photos/`, the folder `photos/` is inside).
 * @param decide the decision for the location read as a folder (`true`) or a file (`false`)
 * @returns the file reading's refusal when both refuse, else an allowed decision
 */
export function eitherKind(decide: (dir: boolean) => PermissionDecision): PermissionDecision {
  const asFile = decide(false);
  if (asFile.allowed) return asFile;
  const asDir = decide(true);
  return asDir.allowed ? asDir : asFile;
}

/**
 * `stat`, with "does not exist" as null. `kind` asks for only a file or only a folder (see
 * {@link urlKind}).
 * @throws the provider's other errors (PermissionDeniedError, TransientError…)
 */
export async function statOrNull(p: Provider, path: string, kind?: PathKind): Promise<Entry | null> {
  try {
    return await p.stat(path, kind === undefined ? undefined : { kind });
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** True for folders and buckets. */
export function isFolderEntry(e: Entry): boolean {
  return e.kind === 'dir' || e.kind === 'bucket';
}

/** What the engine may skip a `stat` for. */
export function knownOf(e: Entry): KnownEntry {
  return { kind: e.kind, size: e.size, mtimeMs: e.mtimeMs, sha1: e.sha1 ?? null };
}

/**
 * What a URL names when it matters: a B2 name ending in `/` is both a file name and a folder
 * (`b2://b/photos/` can be the object `photos/` and the folder of everything under it). With a
 * recursive command it is the folder; otherwise the object with exactly that name when there
 * is one, else the folder (undefined: let `stat` look for both).
 */
export function urlKind(loc: CliLocation, recursive: boolean): PathKind | undefined {
  return loc.kind === 'b2' && loc.trailingSlash && recursive ? 'dir' : undefined;
}
