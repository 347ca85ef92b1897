/**
 * Keys of the keys screen, per mode. List: ↑↓ j k PgUp PgDn move, n (or F7, Insert) new key,
 * d (or F8, Delete) delete, r reload, Esc/q close. Form: ./key-form-keys.ts. Confirmations: y / n.
 * New key shown: s save as profile, Enter/Esc done (the secret is then forgotten). Pure.
 */
import { keyFormKeyAction } from './key-form-keys.js';
import type { KeysScreenAction } from './keys-screen-reducer.js';
import type { KeysScreenState } from './keys-screen-state.js';
import { textEditForKey, type ScreenKey } from './wizard-text-field.js';

function listAction(pattern: string): KeysScreenAction | null {
  switch (pattern) {
    case 'up':
    case 'k':
      return { type: 'cursor', by: -1 };
    case 'down':
    case 'j':
      return { type: 'cursor', by: 1 };
    case 'pageup':
      return { type: 'cursor', by: -10 };
    case 'pagedown':
      return { type: 'cursor', by: 10 };
    case 'home':
    case 'g':
      return { type: 'cursor', by: -100_000 };
    case 'end':
    case 'G':
      return { type: 'cursor', by: 100_000 };
    case 'n':
    case 'f7':
    case 'insert':
      return { type: 'newKey' };
    case 'd':
    case 'f8':
    case 'delete':
      return { type: 'askDelete' };
    case 'r':
    case 'ctrl+r':
      return { type: 'reload' };
    case 'escape':
    case 'q':
    case 'f10':
      return { type: 'close' };
    default:
      return null;
  }
}

/** The keys-screen action for `key`, or null. */
export function keysScreenKeyAction(state: KeysScreenState, key: ScreenKey): KeysScreenAction | null {
  const pattern = key.pattern ?? '';
  const mode = state.mode;
  switch (mode.kind) {
    case 'list':
      return listAction(pattern);
    case 'form': {
      const a = keyFormKeyAction(mode.form, key);
      return a === null ? null : { type: 'form', action: a };
    }
    case 'confirm-delete':
      if (pattern === 'y' || pattern === 'Y') return { type: 'answerDelete', yes: true };
      if (pattern === 'n' || pattern === 'N' || pattern === 'escape') return { type: 'answerDelete', yes: false };
      return null;
    case 'created':
      switch (mode.save.kind) {
        case 'offer':
          if (pattern === 's' || pattern === 'S') return { type: 'offerSave' };
          return pattern === 'enter' || pattern === 'escape' ? { type: 'back' } : null;
        case 'naming': {
          if (pattern === 'enter') return { type: 'confirmSave' };
          if (pattern === 'escape') return { type: 'back' };
          const edit = textEditForKey(key);
          return edit === null ? null : { type: 'nameText', edit };
        }
        case 'saving':
          return null;
        case 'saved':
          return pattern === 'enter' || pattern === 'escape' ? { type: 'back' } : null;
        default: {
          const unreachable: never = mode.save;
          return unreachable;
        }
      }
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
