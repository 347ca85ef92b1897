/**
 * The profiles screen: list the saved profiles, add one (the wizard), rename, delete after
 * confirmation, make one the default, inspect one, and choose one (for the pane that opened the
 * screen). Transitions in ./profiles-screen-reducer.ts, keys in ./profiles-screen-keys.ts.
 * Pure data; never holds a secret (profiles are listed without their keys).
 */
import type { KeyInfo } from '../model/key-info.js';
import type { LineState } from '../keyboard/line-edit.js';

/** A profile as listed: no secret. */
export interface ProfileRow {
  name: string;
  applicationKeyId: string;
  endpoint?: string;
}

/** A store operation the screen asked for; the effect runs it and answers with `requestId`. */
export type ProfilesOperation =
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'delete'; name: string }
  | { kind: 'set-default'; name: string }
  | { kind: 'inspect'; name: string };

/** What is on top of the list. */
export type ProfilesMode =
  | { kind: 'list' }
  | { kind: 'rename'; from: string; name: LineState; error: string | null }
  | { kind: 'confirm-delete'; name: string }
  | { kind: 'working'; requestId: number; operation: ProfilesOperation }
  | { kind: 'inspecting'; name: string; keyInfo: KeyInfo; endpoint: string | null }
  | { kind: 'wizard' }
  | { kind: 'chosen'; name: string }
  | { kind: 'closed' };

/** The whole screen. */
export interface ProfilesScreenState {
  profiles: readonly ProfileRow[];
  defaultName: string | null;
  cursor: number;
  mode: ProfilesMode;
  message: { tone: 'info' | 'error'; text: string } | null;
  nextRequestId: number;
}

/** The screen over `profiles`; opens the wizard at once when there are none. */
export function initProfilesScreen(
  profiles: readonly ProfileRow[],
  defaultName: string | null,
  options: { cursorOn?: string } = {},
): ProfilesScreenState {
  const at = options.cursorOn === undefined ? -1 : profiles.findIndex((p) => p.name === options.cursorOn);
  return {
    profiles,
    defaultName,
    cursor: Math.max(0, at),
    mode: profiles.length === 0 ? { kind: 'wizard' } : { kind: 'list' },
    message: null,
    nextRequestId: 1,
  };
}

/** The profile under the cursor, or null. */
export function selectedProfile(state: ProfilesScreenState): ProfileRow | null {
  return state.profiles[state.cursor] ?? null;
}
