/**
 * The keymap context for the whole TUI state: the app-state mode decides (src/state), except that
 * the versions dialog has keys of its own (F3 details, F5 copy, F8 delete of one version).
 */
import { keyContextFor } from '../../state/app/app-state.js';
import type { KeyContext } from '../../state/keyboard/keymap.js';
import type { TuiState } from '../store/tui-state.js';

/** The context key presses are looked up in for `state`. */
export function tuiKeyContext(state: Pick<TuiState, 'app' | 'dialog'>): KeyContext {
  if (state.app.mode.kind === 'dialog' && state.dialog?.kind === 'versions') return 'versions';
  return keyContextFor(state.app.mode);
}
