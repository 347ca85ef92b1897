/**
 * Keys of the keys screen, per mode, looked up in the keymap (contexts of ../keyboard/keymap-accounts.ts):
 * the list (`keys`: ↑↓ j k PgUp PgDn move, n / F7 / Insert new key, d / F8 / Delete delete,
 * r reload, Esc / q / F10 close), the create-key form (./key-form-keys.ts), the delete question
 * (`confirm`: y / n), the new key just shown (`new-key`: s save as profile, Enter / Esc done — the
 * secret is then forgotten) and the profile-name prompt (`prompt`: Enter, Esc; other keys edit the
 * name). Pure.
 */
import type { CommandId } from '../keyboard/commands.js';
import { keyFormKeyAction } from './key-form-keys.js';
import { DEFAULT_KEYMAP, lookupCommand, type Keymap } from '../keyboard/keymap.js';
import type { KeysScreenAction } from './keys-screen-reducer.js';
import type { KeysScreenState, SaveAsProfile } from './keys-screen-state.js';
import { textEditForKey, type ScreenKey } from '../keyboard/screen-key.js';

const LIST: Partial<Record<CommandId, KeysScreenAction>> = {
  cursorUp: { type: 'cursor', by: -1 },
  cursorDown: { type: 'cursor', by: 1 },
  cursorPageUp: { type: 'cursor', by: -10 },
  cursorPageDown: { type: 'cursor', by: 10 },
  // Far past either end: the reducer clamps the cursor to the list.
  cursorHome: { type: 'cursor', by: -100_000 },
  cursorEnd: { type: 'cursor', by: 100_000 },
  add: { type: 'newKey' },
  delete: { type: 'askDelete' },
  refresh: { type: 'reload' },
  cancel: { type: 'close' },
};

/**
 * The keys-screen action for `key`, or null.
 * @param keymap the app's keymap, user overrides applied (default: the built-in one)
 */
export function keysScreenKeyAction(
  state: KeysScreenState,
  key: ScreenKey,
  keymap: Keymap = DEFAULT_KEYMAP,
): KeysScreenAction | null {
  const pattern = key.pattern;
  const mode = state.mode;
  switch (mode.kind) {
    case 'list': {
      const cmd = lookupCommand(keymap, 'keys', pattern);
      return cmd === null ? null : (LIST[cmd] ?? null);
    }
    case 'form': {
      const a = keyFormKeyAction(mode.form, key, keymap);
      return a === null ? null : { type: 'form', action: a };
    }
    case 'confirm-delete': {
      const cmd = lookupCommand(keymap, 'confirm', pattern);
      return cmd === 'yes' || cmd === 'no' ? { type: 'answerDelete', yes: cmd === 'yes' } : null;
    }
    case 'created':
      return createdAction(mode.save.kind, key, keymap);
    case 'creating':
    case 'deleting':
    case 'closed':
      return null;
    default: {
      const unreachable: never = mode;
      return unreachable;
    }
  }
}

function createdAction(save: SaveAsProfile['kind'], key: ScreenKey, keymap: Keymap): KeysScreenAction | null {
  const pattern = key.pattern;
  switch (save) {
    case 'offer':
    case 'saved': {
      const cmd = lookupCommand(keymap, 'new-key', pattern);
      if (cmd === 'saveProfile') return save === 'offer' ? { type: 'offerSave' } : null;
      return cmd === 'cancel' ? { type: 'back' } : null;
    }
    case 'naming': {
      const cmd = lookupCommand(keymap, 'prompt', pattern);
      if (cmd === 'confirm') return { type: 'confirmSave' };
      if (cmd === 'cancel') return { type: 'back' };
      if (cmd !== null) return null;
      const edit = textEditForKey(key);
      return edit === null ? null : { type: 'nameText', edit };
    }
    case 'saving':
      return null;
    default: {
      const unreachable: never = save;
      return unreachable;
    }
  }
}
