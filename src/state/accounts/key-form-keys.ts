/**
 * Keys of the create-key form, looked up in the keymap (../keyboard/keymap-accounts.ts). In a text section
 * (context `key-form`): Tab / ↓ next section, Shift+Tab / ↑ previous, Enter creates the key, Esc
 * leaves the form, and keys bound to nothing there edit the text. In the bucket list and the
 * capability checklist (context `key-form-list`): Tab / Shift+Tab change section, ↑↓ j k PgUp
 * PgDn Home End g G move, Space / x tick, Enter, Esc as above. Pure.
 */
import type { CommandId } from '../keyboard/commands.js';
import type { KeyFormAction } from './key-form-reducer.js';
import { isTextSection, type KeyFormState } from './key-form-state.js';
import { DEFAULT_KEYMAP, lookupCommand, type Keymap } from '../keyboard/keymap.js';
import { textEditForKey, type ScreenKey } from '../keyboard/screen-key.js';

const COMMON: Partial<Record<CommandId, KeyFormAction>> = {
  nextField: { type: 'nextSection' },
  prevField: { type: 'prevSection' },
  confirm: { type: 'submit' },
  cancel: { type: 'cancel' },
};

const LIST: Partial<Record<CommandId, KeyFormAction>> = {
  ...COMMON,
  cursorUp: { type: 'cursor', by: -1 },
  cursorDown: { type: 'cursor', by: 1 },
  cursorPageUp: { type: 'cursor', by: -10 },
  cursorPageDown: { type: 'cursor', by: 10 },
  // Far past either end: the reducer clamps the cursor to the list.
  cursorHome: { type: 'cursor', by: -1000 },
  cursorEnd: { type: 'cursor', by: 1000 },
  toggleSelect: { type: 'toggle' },
};

/**
 * The form action for `key`, or null.
 * @param keymap the app's keymap, user overrides applied (default: the built-in one)
 */
export function keyFormKeyAction(
  state: KeyFormState,
  key: ScreenKey,
  keymap: Keymap = DEFAULT_KEYMAP,
): KeyFormAction | null {
  const inText = isTextSection(state.section);
  const cmd = lookupCommand(keymap, inText ? 'key-form' : 'key-form-list', key.pattern);
  if (cmd !== null) return (inText ? COMMON : LIST)[cmd] ?? null;
  if (!inText) return null;
  const edit = textEditForKey(key);
  return edit === null ? null : { type: 'text', edit };
}
