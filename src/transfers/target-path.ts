/**
 * Maps an untrusted relative name (from a listing: a B2 file name below the selected prefix, or a
 * local file name) to a target path inside a folder the user chose. Pure: no file system.
 *
 * Why: B2 file names are arbitrary UTF-8 up to 1024 bytes, so `../../.bashrc`, `/etc/passwd`,
 * `a\..\..\x`, `C:evil`, `dir//x`, `name/` or names with NUL are all valid B2 names. Joined
 * naively into a local path they would write outside the download folder, or land on another
 * name (`dir//x` on `dir/x`). On the local disk such names are refused with InvalidNameError and
 * nothing is written; they are never "cleaned up" into something else. On B2 (a B2 or local
 * source copied to B2) a name is carried unchanged: B2 resolves nothing, so `..` or `//` there
 * is just part of a name.
 */
import { InvalidNameError } from '../providers/errors.js';
import { childPath } from '../providers/paths.js';

/** Which side's naming rules apply: `local` is strict (it writes to a real disk). */
export type NameRules = 'local' | 'b2';

const DRIVE_LETTER = /^[A-Za-z]:/;
const MAX_LOCAL_SEGMENT_BYTES = 255;

/** Why `relative` is unsafe under `rules`, or null when it is fine. */
export function unsafeNameReason(relative: string, rules: NameRules): string | null {
  if (relative.includes('\0')) return 'the name contains a NUL character';
  if (rules === 'b2') return null;
  if (relative === '') return 'the name is empty';
  if (relative.startsWith('/')) return 'the name is an absolute path';
  // A backslash is an ordinary character on Linux, but a separator on Windows and in archives
  // made there: `..\..\x` is a classic traversal. Refuse rather than guess.
  if (relative.includes('\\')) return 'the name contains a backslash';
  for (const segment of relative.split('/')) {
    if (segment === '') return 'the name contains an empty path segment (// or a trailing /)';
    if (segment === '.' || segment === '..') return `the name contains a "${segment}" segment`;
    if (DRIVE_LETTER.test(segment)) return 'the name starts with a drive letter';
    if (Buffer.byteLength(segment, 'utf8') > MAX_LOCAL_SEGMENT_BYTES) {
      return `a part of the name is longer than ${MAX_LOCAL_SEGMENT_BYTES} bytes`;
    }
  }
  return null;
}

/** How a listed name is mapped. */
export interface MapOptions {
  /** The entry is a folder: a relative name from a B2 listing then ends in its own `/`, which is not part of the local name. */
  isDir?: boolean;
  /** The name as the user knows it, for the refusal (a B2 source's full name, `dir//`); default `relative`. */
  shown?: string;
}

/**
 * Why the listed `relative` cannot be mapped under `rules`, or null. On the local disk a folder's
 * name may not be empty (B2's `dir//` or a name starting with `/`), and a file's name may not be
 * empty (a B2 name ending in `/`, like `photos/`).
 */
export function targetNameProblem(relative: string, rules: NameRules, options: MapOptions = {}): string | null {
  const name = rules === 'local' && options.isDir === true && relative.endsWith('/') ? relative.slice(0, -1) : relative;
  if (rules === 'local' && name === '') {
    if (options.isDir === true)
      return 'a folder on disk cannot have an empty name (B2 makes one from "//" or a leading "/")';
    if ((options.shown ?? '').endsWith('/')) return 'a file on disk cannot have a name ending in "/"';
  }
  return unsafeNameReason(name, rules);
}

/**
 * Returns the path of `relative` inside `targetDir`: on the local disk only when it stays inside
 * `targetDir` as a plain name; on B2 by plain concatenation (see the module comment).
 * @param targetDir absolute folder chosen by the user (trusted, not checked)
 * @param relative `/`-separated name relative to the selection (untrusted)
 * @param rules the target side's naming rules
 * @throws InvalidNameError naming the name (`options.shown`, else `relative`) and the reason
 */
export function mapTargetPath(targetDir: string, relative: string, rules: NameRules, options: MapOptions = {}): string {
  const reason = targetNameProblem(relative, rules, options);
  const shown = options.shown ?? relative;
  if (reason !== null) {
    throw new InvalidNameError(`Refused "${shown}": ${reason}.`, shown);
  }
  if (rules === 'b2') return childPath(targetDir, relative);
  const name = options.isDir === true && relative.endsWith('/') ? relative.slice(0, -1) : relative;
  const out = childPath(targetDir, name);
  const root = targetDir.endsWith('/') ? targetDir : `${targetDir}/`;
  // Belt and braces: the checks above already guarantee this.
  if (!out.startsWith(root)) {
    throw new InvalidNameError(`Refused "${shown}": it would leave the target folder.`, shown);
  }
  return out;
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
