/**
 * Which wizard action a key press means, per stage, looked up in the keymap: `wizard` while
 * editing (Enter, Tab / ↓, Shift+Tab / ↑, Esc or Ctrl+C; other keys edit the field) and verifying
 * (only leaving counts), `wizard-review` on the review step, `confirm` for "replace the profile?".
 * The wizard's store (src/tui/accounts/wizard-store.ts) calls this with every key the one
 * keyboard path hands it (text included: fields are edited in state, see ../keyboard/line-edit.ts).
 */
import type { CommandId } from '../keyboard/commands.js';
import { DEFAULT_KEYMAP, lookupCommand, type Keymap } from '../keyboard/keymap.js';
import { hintLine } from '../keyboard/hint-lines.js';
import { scrollMoveForCommand } from './keys-screen-scroll.js';
import type { WizardAction } from './wizard-reducer.js';
import type { WizardState } from './wizard-state.js';
import { textEditForKey, type ScreenKey } from '../keyboard/screen-key.js';

const EDITING: Partial<Record<CommandId, WizardAction>> = {
  confirm: { type: 'submit' },
  nextField: { type: 'next' },
  prevField: { type: 'prev' },
  cancel: { type: 'cancel' },
};

/**
 * The action for `key` in the wizard's current stage, or null when the key does nothing here.
 * @param keymap the app's keymap, user overrides applied (default: the built-in one)
 */
export function wizardKeyAction(
  state: WizardState,
  screenKey: ScreenKey,
  keymap: Keymap = DEFAULT_KEYMAP,
): WizardAction | null {
  switch (state.stage.kind) {
    case 'editing': {
      const cmd = lookupCommand(keymap, 'wizard', screenKey.pattern);
      if (cmd !== null) return EDITING[cmd] ?? null;
      const edit = textEditForKey(screenKey);
      return edit === null ? null : { type: 'text', edit };
    }
    case 'verifying':
      return lookupCommand(keymap, 'wizard', screenKey.pattern) === 'cancel' ? { type: 'cancel' } : null;
    case 'review': {
      const cmd = lookupCommand(keymap, 'wizard-review', screenKey.pattern);
      if (cmd === 'confirm') return { type: 'submit' };
      if (cmd === 'cancel') return { type: 'cancel' };
      const move = scrollMoveForCommand(cmd);
      return move === null ? null : { type: 'scroll', move };
    }
    case 'confirm-replace': {
      const cmd = lookupCommand(keymap, 'confirm', screenKey.pattern);
      return cmd === 'yes' || cmd === 'no' ? { type: 'answerReplace', replace: cmd === 'yes' } : null;
    }
    case 'saving':
    case 'saved':
    case 'cancelled':
      return null;
    default: {
      const unreachable: never = state.stage;
      return unreachable;
    }
  }
}

/**
 * One line of key help for the wizard's current stage, for its footer, naming the keys `keymap`
 * binds (../keyboard/hint-lines.ts).
 */
export function wizardKeyHints(state: WizardState, keymap: Keymap = DEFAULT_KEYMAP): string {
  switch (state.stage.kind) {
    case 'editing':
      return hintLine(keymap, state.attempted ? 'wizardAgain' : 'wizardFirst');
    case 'verifying':
      return hintLine(keymap, 'wizardVerifying');
    case 'review':
      return hintLine(keymap, 'wizardReview');
    case 'confirm-replace':
      return hintLine(keymap, 'wizardReplace');
    case 'saving':
    case 'saved':
    case 'cancelled':
      return '';
    default: {
      const unreachable: never = state.stage;
      return unreachable;
    }
  }
}
