/**
 * Which wizard action a key press means, per stage. The app's single input owner calls this with
 * every key while the wizard is on top (text included: fields are edited in state, see
 * ./wizard-text-field.ts); so does src/ui/accounts/useScreenInput.ts when the wizard runs alone.
 */
import { scrollMoveForKey } from './keys-screen-scroll.js';
import type { WizardAction } from './wizard-reducer.js';
import type { WizardState } from './wizard-state.js';
import { textEditForKey, type ScreenKey } from './wizard-text-field.js';

/** The action for `key` in the wizard's current stage, or null when the key does nothing here. */
export function wizardKeyAction(state: WizardState, screenKey: ScreenKey): WizardAction | null {
  const key = screenKey.pattern ?? '';
  switch (state.stage.kind) {
    case 'editing': {
      switch (key) {
        case 'enter':
          return { type: 'submit' };
        case 'tab':
        case 'down':
          return { type: 'next' };
        case 'shift+tab':
        case 'up':
          return { type: 'prev' };
        case 'escape':
          return { type: 'cancel' };
        default: {
          const edit = textEditForKey(screenKey);
          return edit === null ? null : { type: 'text', edit };
        }
      }
    }
    case 'verifying':
      return key === 'escape' ? { type: 'cancel' } : null;
    case 'review': {
      if (key === 'enter') return { type: 'submit' };
      if (key === 'escape') return { type: 'cancel' };
      const move = scrollMoveForKey(key);
      return move === null ? null : { type: 'scroll', move };
    }
    case 'confirm-replace':
      if (key === 'y' || key === 'Y') return { type: 'answerReplace', replace: true };
      if (key === 'n' || key === 'N' || key === 'escape') return { type: 'answerReplace', replace: false };
      return null;
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

/** One line of key help for the wizard's current stage, for its footer. */
export function wizardKeyHints(state: WizardState): string {
  switch (state.stage.kind) {
    case 'editing':
      return state.attempted ? 'Enter verify · Tab/↑↓ other field · Esc leave' : 'Enter next · Tab/↑↓ move · Esc leave';
    case 'verifying':
      return 'Esc cancel';
    case 'review':
      return 'Enter save · ↑↓ PgUp PgDn scroll · Esc change something';
    case 'confirm-replace':
      return 'y replace · n keep it and choose another name';
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
