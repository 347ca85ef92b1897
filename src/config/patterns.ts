/**
 * The regular expressions the config validator (./validate.ts) checks text fields with, as
 * pattern strings compiled once with the `u` flag.
 */

/**
 * Profile names: 1–64 code points, none of them control/format characters or line/paragraph
 * separators (they would garble the TUI or spoof text direction), no leading/trailing whitespace
 * ("work " and "work" would look identical in a list).
 */
export const PROFILE_NAME_PATTERN = '^(?!\\s)[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]{1,64}(?<!\\s)$';

/** Key IDs and keys: printable ASCII without spaces (B2 issues base64-like strings of ~25–31 chars). */
export const CREDENTIAL_PATTERN = '^[\\x21-\\x7E]{1,200}$';

/** Endpoints: an http(s) URL without whitespace, e.g. `https://api.backblazeb2.com`. */
export const ENDPOINT_PATTERN = '^https?://[\\x21-\\x7E]+$';

/** Keymap override keys (command ids) and key patterns: non-empty, printable ASCII and spaces. */
export const KEYMAP_TEXT_PATTERN = '^[\\x20-\\x7E]{1,64}$';

/** Bookmarked local folders: absolute POSIX paths. */
export const BOOKMARK_PATH_PATTERN = '^/';

const compiled = new Map<string, RegExp>();

/** `pattern` compiled once, with the `u` flag. */
export function matches(pattern: string, value: string): boolean {
  let re = compiled.get(pattern);
  if (re === undefined) {
    re = new RegExp(pattern, 'u');
    compiled.set(pattern, re);
  }
  return re.test(value);
}

/**
 * Why `name` is not a valid profile name, or `null` when it is. For the wizard's name field and
 * for rename; never echoes the name (it may contain control characters).
 */
export function profileNameProblem(name: string): string | null {
  if (name.length === 0) return 'A profile name cannot be empty.';
  if ([...name].length > 64) return 'A profile name can be at most 64 characters long.';
  if (/^\s|\s$/u.test(name)) return 'A profile name cannot start or end with a space.';
  if (!matches(PROFILE_NAME_PATTERN, name)) return 'A profile name cannot contain control characters.';
  return null;
}
