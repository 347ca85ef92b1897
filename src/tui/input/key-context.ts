/**
 * The keymap context for the whole TUI state: the app-state mode decides (src/state), except that
 * a dialog may have keys of its own (the versions dialog: F3 details, F5 copy, F8 delete of one
 * version; see its module's `keyContext`).
 */
import { keyContextFor } from '../../state/app/app-state.js';
import type { KeyContext } from '../../state/keyboard/keymap.js';
import { dialogKeyContext } from '../dialogs/registry.js';
import type { TuiState } from '../store/tui-state.js';

/** The context key presses are looked up in for `state`. */
export function tuiKeyContext(state: Pick<TuiState, 'app' | 'dialog'>): KeyContext {
  if (state.app.mode.kind === 'dialog' && state.dialog !== null) return dialogKeyContext(state.dialog);
  return keyContextFor(state.app.mode);
}
