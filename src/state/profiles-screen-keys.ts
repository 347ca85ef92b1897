/**
 * Keys of the profiles screen. List: ↑↓ j k move, Enter choose, a (F7, Insert) add, r (F2)
 * rename, d (F8, Delete) delete, * or s make default, i inspect, Esc/q close. Rename: text, Enter,
 * Esc. Delete: y / n. Inspecting: Esc/Enter/q back. (The wizard has its own keys: ./wizard-keys.ts.)
 * Pure.
 */
import type { ProfilesScreenAction } from './profiles-screen-reducer.js';
import type { ProfilesScreenState } from './profiles-screen-state.js';
import { textEditForKey, type ScreenKey } from './wizard-text-field.js';

function listAction(pattern: string): ProfilesScreenAction | null {
  switch (pattern) {
    case 'up':
    case 'k':
      return { type: 'cursor', by: -1 };
    case 'down':
    case 'j':
      return { type: 'cursor', by: 1 };
    case 'home':
    case 'g':
      return { type: 'cursor', by: -10_000 };
    case 'end':
    case 'G':
      return { type: 'cursor', by: 10_000 };
    case 'enter':
      return { type: 'choose' };
    case 'a':
    case 'f7':
    case 'insert':
      return { type: 'add' };
    case 'r':
    case 'f2':
      return { type: 'startRename' };
    case 'd':
    case 'f8':
    case 'delete':
      return { type: 'askDelete' };
    case '*':
    case 's':
      return { type: 'makeDefault' };
    case 'i':
    case 'I':
    case 'f3':
      return { type: 'inspect' };
    case 'escape':
    case 'q':
    case 'f10':
      return { type: 'back' };
    default:
      return null;
  }
}

/**
 * The profiles-screen action for `key`, or null. In `wizard` and `inspecting` modes the embedded
 * screen takes the keys (the caller routes them there); only Esc maps here for `inspecting`.
 */
export function profilesScreenKeyAction(state: ProfilesScreenState, key: ScreenKey): ProfilesScreenAction | null {
  const pattern = key.pattern ?? '';
  const mode = state.mode;
  switch (mode.kind) {
    case 'list':
      return listAction(pattern);
    case 'rename': {
      if (pattern === 'enter') return { type: 'confirmRename' };
      if (pattern === 'escape') return { type: 'back' };
      const edit = textEditForKey(key);
      return edit === null ? null : { type: 'renameText', edit };
    }
    case 'confirm-delete':
      if (pattern === 'y' || pattern === 'Y') return { type: 'answerDelete', yes: true };
      if (pattern === 'n' || pattern === 'N' || pattern === 'escape') return { type: 'answerDelete', yes: false };
      return null;
    case 'working':
      return pattern === 'escape' ? { type: 'back' } : null;
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
