/**
 * Keys of the profiles screen, looked up in the keymap (contexts of ../keyboard/keymap-accounts.ts). List
 * (`profiles`): ↑↓ j k Home End g G move, Enter choose, a / F7 / Insert add, r / F2 rename,
 * d / F8 / Delete delete, * or s make default, i / I / F3 inspect, Esc / q / F10 close. Rename and
 * working (`prompt`): Enter, Esc; other keys edit the name. Delete (`confirm`): y / n. (The wizard
 * and the inspector have their own keys: ./wizard-keys.ts, ./keys-screen-inspector.ts.) Pure.
 */
import type { CommandId } from '../keyboard/commands.js';
import { DEFAULT_KEYMAP, lookupCommand, type Keymap } from '../keyboard/keymap.js';
import type { ProfilesScreenAction } from './profiles-screen-reducer.js';
import type { ProfilesScreenState } from './profiles-screen-state.js';
import { textEditForKey, type ScreenKey } from '../keyboard/screen-key.js';

const LIST: Partial<Record<CommandId, ProfilesScreenAction>> = {
  cursorUp: { type: 'cursor', by: -1 },
  cursorDown: { type: 'cursor', by: 1 },
  // Far past either end: the reducer clamps the cursor to the list.
  cursorHome: { type: 'cursor', by: -10_000 },
  cursorEnd: { type: 'cursor', by: 10_000 },
  open: { type: 'choose' },
  add: { type: 'add' },
  rename: { type: 'startRename' },
  delete: { type: 'askDelete' },
  makeDefault: { type: 'makeDefault' },
  info: { type: 'inspect' },
  cancel: { type: 'back' },
};

/**
 * The profiles-screen action for `key`, or null. In `wizard` and `inspecting` modes the embedded
 * screen takes the keys (the caller routes them there).
 * @param keymap the app's keymap, user overrides applied (default: the built-in one)
 */
export function profilesScreenKeyAction(
  state: ProfilesScreenState,
  key: ScreenKey,
  keymap: Keymap = DEFAULT_KEYMAP,
): ProfilesScreenAction | null {
  const mode = state.mode;
  switch (mode.kind) {
    case 'list': {
      const cmd = lookupCommand(keymap, 'profiles', key.pattern);
      return cmd === null ? null : (LIST[cmd] ?? null);
    }
    case 'rename': {
      const cmd = lookupCommand(keymap, 'prompt', key.pattern);
      if (cmd === 'confirm') return { type: 'confirmRename' };
      if (cmd === 'cancel') return { type: 'back' };
      if (cmd !== null) return null;
      const edit = textEditForKey(key);
      return edit === null ? null : { type: 'renameText', edit };
    }
    case 'confirm-delete': {
      const cmd = lookupCommand(keymap, 'confirm', key.pattern);
      return cmd === 'yes' || cmd === 'no' ? { type: 'answerDelete', yes: cmd === 'yes' } : null;
    }
    case 'working':
      return lookupCommand(keymap, 'prompt', key.pattern) === 'cancel' ? { type: 'back' } : null;
    case 'inspecting':
    case 'wizard':
    case 'chosen':
    case 'closed':
      return null;
    default: {
      const unreachable: never = mode;
      return unreachable;
    }
  }
}
