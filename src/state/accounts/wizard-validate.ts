/**
 * Field checks of the account wizard, in words a user can act on. Pure.
 *
 * The state layer imports nothing from src/config (ARCHITECTURE.md, "Layers"), so the
 * profile-name rule is restated here with the same pattern as config/patterns.ts; a test checks
 * that the two agree on a list of names.
 */

// Same as config/patterns.ts PROFILE_NAME_PATTERN: 1–64 code points, no control/format characters,
// no line/paragraph separators, no leading/trailing whitespace.
const PROFILE_NAME = /^(?!\s)[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]{1,64}(?<!\s)$/u;
// Same as config/patterns.ts CREDENTIAL_PATTERN: printable ASCII without spaces.
const CREDENTIAL = /^[\x21-\x7E]{1,200}$/;
const ENDPOINT = /^https?:\/\/[\x21-\x7E]+$/;

/** Why the key ID cannot be right, or null. */
export function keyIdProblem(value: string): string | null {
  if (value === '') return 'Enter the application key ID (B2 web UI: Application Keys).';
  if (!CREDENTIAL.test(value)) return 'A key ID is letters and digits only, without spaces.';
  return null;
}

/** Why the application key cannot be right, or null. Never echoes the value. */
export function keyProblem(value: string): string | null {
  if (value === '') return 'Enter the application key: the secret B2 showed once when the key was made.';
  if (!CREDENTIAL.test(value)) return 'An application key has no spaces or special characters; check what was pasted.';
  return null;
}

/** Why the endpoint cannot be used, or null (empty means the real B2). */
export function endpointProblem(value: string): string | null {
  if (value === '') return null;
  if (!ENDPOINT.test(value))
    return 'The endpoint must be an http:// or https:// URL, or empty for Backblaze B2 itself.';
  return null;
}

/** Why `name` cannot be a profile name, or null. Same rules and sentences as config's profileNameProblem. */
export function wizardNameProblem(name: string): string | null {
  if (name.length === 0) return 'A profile name cannot be empty.';
  if ([...name].length > 64) return 'A profile name can be at most 64 characters long.';
  if (/^\s|\s$/u.test(name)) return 'A profile name cannot start or end with a space.';
  if (!PROFILE_NAME.test(name)) return 'A profile name cannot contain control characters.';
  return null;
}

/**
 * The name offered when the user leaves the field empty: `default` when free, else `profile-2`,
 * `profile-3`, … (the first free one).
 */
export function suggestProfileName(existing: readonly string[]): string {
  if (!existing.includes('default')) return 'default';
  for (let n = 2; ; n++) if (!existing.includes(`profile-${n}`)) return `profile-${n}`;
}

/** Pasted credentials often carry a newline or space at either end; those are never part of a key. */
export function trimCredential(value: string): string {
  return value.trim();
}
