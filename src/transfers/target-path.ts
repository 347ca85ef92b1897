/**
 * Maps an untrusted relative name (from a listing: a B2 file name below the selected prefix, or a
 * local file name) to a target path inside a folder the user chose. Pure: no file system.
 *
 * Why: B2 file names are arbitrary UTF-8 up to 1024 bytes, so `../../.bashrc`, `/etc/passwd`,
 * `a\..\..\x`, `C:evil` or names with NUL are all valid B2 names (reference §5). Joined naively
 * they would write outside the download folder. Such names are refused with InvalidNameError and
 * nothing is written; they are never "cleaned up" into something else.
 */
import { InvalidNameError } from '../providers/errors.js';
import { joinPath } from '../providers/paths.js';

/** Which side's naming rules apply: `local` is strict (it writes to a real disk). */
export type NameRules = 'local' | 'b2';

const DRIVE_LETTER = /^[A-Za-z]:/;
const MAX_LOCAL_SEGMENT_BYTES = 255;

/** Why `relative` is unsafe under `rules`, or null when it is fine. */
export function unsafeNameReason(relative: string, rules: NameRules): string | null {
  if (relative === '') return 'the name is empty';
  if (relative.includes('\0')) return 'the name contains a NUL character';
  if (relative.startsWith('/')) return 'the name is an absolute path';
  if (rules === 'local') {
    // A backslash is an ordinary character on Linux, but a separator on Windows and in archives
    // made there: `..\..\x` is a classic traversal. Refuse rather than guess.
    if (relative.includes('\\')) return 'the name contains a backslash';
  }
  for (const segment of relative.split('/')) {
    if (segment === '') return 'the name contains an empty path segment (// or a trailing /)';
    if (segment === '.' || segment === '..') return `the name contains a "${segment}" segment`;
    if (rules === 'local') {
      if (DRIVE_LETTER.test(segment)) return 'the name starts with a drive letter';
      if (Buffer.byteLength(segment, 'utf8') > MAX_LOCAL_SEGMENT_BYTES) {
        return `a part of the name is longer than ${MAX_LOCAL_SEGMENT_BYTES} bytes`;
      }
    }
  }
  return null;
}

/**
 * Returns `targetDir/relative` when `relative` stays inside `targetDir`.
 * @param targetDir absolute folder chosen by the user (trusted, not checked)
 * @param relative `/`-separated name relative to the selection (untrusted)
 * @param rules the target side's naming rules
 * @throws InvalidNameError naming the original relative name and the reason
 */
export function mapTargetPath(targetDir: string, relative: string, rules: NameRules): string {
  const reason = unsafeNameReason(relative, rules);
  if (reason !== null) {
    throw new InvalidNameError(`Refused "${relative}": ${reason}.`, relative);
  }
  const out = joinPath(targetDir, relative);
  const root = targetDir.endsWith('/') ? targetDir : `${targetDir}/`;
  // Belt and braces: the checks above already guarantee this.
  if (!out.startsWith(root)) {
    throw new InvalidNameError(`Refused "${relative}": it would leave the target folder.`, relative);
  }
  return out;
}

/**
 * Splits a path at its last `/` without any normalisation: `/a/b/` → `{dir:'/a/b', name:''}`,
 * `/x` → `{dir:'/', name:'x'}`. An empty or dot name stays visible so mapTargetPath refuses it
 * (baseName() would trim a trailing slash and silently pick the parent's name instead).
 */
export function splitRaw(path: string): { dir: string; name: string } {
  const i = path.lastIndexOf('/');
  if (i < 0) return { dir: '/', name: path };
  return { dir: path.slice(0, i) || '/', name: path.slice(i + 1) };
}

/**
 * The name of a listed entry relative to the folder that was listed, taken from its path (not
 * from `entry.name`, which a provider derives and may normalise).
 * @throws InvalidNameError when the path is not inside `folder`
 */
export function relativeToFolder(folder: string, entryPath: string): string {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  if (!entryPath.startsWith(prefix)) {
    throw new InvalidNameError(`Refused "${entryPath}": it is not inside the folder being copied.`, entryPath);
  }
  return entryPath.slice(prefix.length);
}
