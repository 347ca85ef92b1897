/**
 * Keys of the create-key form: Tab / Shift+Tab move between sections (↑↓ too, from a text field);
 * in the bucket list and the checklist ↑↓ PgUp PgDn move and Space ticks; Enter creates the key;
 * Esc leaves the form. Text sections take typed text. Pure.
 */
import type { KeyFormAction } from './key-form-reducer.js';
import { isTextSection, type KeyFormState } from './key-form-state.js';
import { textEditForKey, type ScreenKey } from './wizard-text-field.js';

/** The form action for `key`, or null. */
export function keyFormKeyAction(state: KeyFormState, key: ScreenKey): KeyFormAction | null {
  const pattern = key.pattern ?? '';
  const inText = isTextSection(state.section);
  switch (pattern) {
    case 'tab':
      return { type: 'nextSection' };
    case 'shift+tab':
      return { type: 'prevSection' };
    case 'enter':
      return { type: 'submit' };
    case 'escape':
      return { type: 'cancel' };
    case 'up':
      return inText ? { type: 'prevSection' } : { type: 'cursor', by: -1 };
    case 'down':
      return inText ? { type: 'nextSection' } : { type: 'cursor', by: 1 };
    default:
      break;
  }
  if (inText) {
    const edit = textEditForKey(key);
    return edit === null ? null : { type: 'text', edit };
  }
  switch (pattern) {
    case 'space':
    case 'x':
      return { type: 'toggle' };
    case 'k':
      return { type: 'cursor', by: -1 };
    case 'j':
      return { type: 'cursor', by: 1 };
    case 'pageup':
      return { type: 'cursor', by: -10 };
    case 'pagedown':
      return { type: 'cursor', by: 10 };
    case 'home':
    case 'g':
      return { type: 'cursor', by: -1000 };
    case 'end':
    case 'G':
      return { type: 'cursor', by: 1000 };
    default:
      return null;
  }
}
