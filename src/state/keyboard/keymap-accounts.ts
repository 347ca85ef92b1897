/**
 * The accounts screens' rows of the keymap (./keymap.ts): profiles (P), keys (K), the create-key
 * form, the key inspector (I), the wizard's review step, and the yes/no and name prompts they
 * share. Their key functions (./*-keys.ts, ../accounts/keys-screen-inspector.ts) look keys up here, so these
 * keys are overridable and listed on the help screen like every other key. Text fields take the
 * printable keys their context leaves unbound. mc and vim keys side by side, as in the panes.
 */
import type { KeymapEntry } from './keymap.js';

type ScrollContext = 'inspector' | 'wizard-review';

/** Line, page and end-to-end movement in a scrollable view (Space pages down, as in `less`). */
function scrollKeys(context: ScrollContext): KeymapEntry[] {
  return [
    { context, command: 'cursorUp', keys: ['up', 'k'], description: 'Scroll up a line' },
    { context, command: 'cursorDown', keys: ['down', 'j'], description: 'Scroll down a line' },
    { context, command: 'cursorPageUp', keys: ['pageup', 'ctrl+b'], description: 'Scroll up a page' },
    { context, command: 'cursorPageDown', keys: ['pagedown', 'ctrl+f', 'space'], description: 'Scroll down a page' },
    { context, command: 'cursorHome', keys: ['home', 'g'], description: 'Go to the top' },
    { context, command: 'cursorEnd', keys: ['end', 'G'], description: 'Go to the bottom' },
  ];
}

type ListContext = 'profiles' | 'keys' | 'key-form-list';

/** Cursor movement in a list: by row, by page (when `pages`), to either end. */
function listKeys(context: ListContext, pages: boolean): KeymapEntry[] {
  return [
    { context, command: 'cursorUp', keys: ['up', 'k'] },
    { context, command: 'cursorDown', keys: ['down', 'j'] },
    ...(pages
      ? [
          { context, command: 'cursorPageUp' as const, keys: ['pageup'] },
          { context, command: 'cursorPageDown' as const, keys: ['pagedown'] },
        ]
      : []),
    { context, command: 'cursorHome', keys: ['home', 'g'] },
    { context, command: 'cursorEnd', keys: ['end', 'G'] },
  ];
}

/** The accounts screens' keymap rows, in help-screen order within each context. */
export const ACCOUNT_KEYS: readonly KeymapEntry[] = [
  ...scrollKeys('wizard-review'),
  { context: 'wizard-review', command: 'confirm', keys: ['enter'], description: 'Save the profile' },
  { context: 'wizard-review', command: 'cancel', keys: ['escape'], description: 'Change something' },

  ...listKeys('profiles', false),
  { context: 'profiles', command: 'open', keys: ['enter'], description: 'Open the profile in the pane' },
  {
    context: 'profiles',
    command: 'add',
    keys: ['a', 'f7', 'insert'],
    fkey: 7,
    description: 'Add a profile (the account wizard)',
  },
  { context: 'profiles', command: 'rename', keys: ['r', 'f2'], fkey: 2, description: 'Rename the profile' },
  { context: 'profiles', command: 'delete', keys: ['d', 'f8', 'delete'], fkey: 8, description: 'Delete the profile' },
  { context: 'profiles', command: 'makeDefault', keys: ['*', 's'] },
  {
    context: 'profiles',
    command: 'info',
    keys: ['i', 'I', 'f3'],
    fkey: 3,
    description: "Show what the profile's key may do",
  },
  { context: 'profiles', command: 'cancel', keys: ['escape', 'q', 'f10'], fkey: 10, description: 'Back to the panes' },

  ...listKeys('keys', true),
  { context: 'keys', command: 'add', keys: ['n', 'f7', 'insert'], fkey: 7, description: 'Create an application key' },
  {
    context: 'keys',
    command: 'delete',
    keys: ['d', 'f8', 'delete'],
    fkey: 8,
    description: 'Delete the application key',
  },
  { context: 'keys', command: 'refresh', keys: ['r', 'ctrl+r'], description: 'Reload the list of keys' },
  { context: 'keys', command: 'cancel', keys: ['escape', 'q', 'f10'], fkey: 10, description: 'Back to the panes' },

  { context: 'key-form', command: 'nextField', keys: ['tab', 'down'], description: 'Next section' },
  { context: 'key-form', command: 'prevField', keys: ['shift+tab', 'up'], description: 'Previous section' },
  { context: 'key-form', command: 'confirm', keys: ['enter'], description: 'Create the key' },
  { context: 'key-form', command: 'cancel', keys: ['escape'], description: 'Leave the form' },

  { context: 'key-form-list', command: 'nextField', keys: ['tab'], description: 'Next section' },
  { context: 'key-form-list', command: 'prevField', keys: ['shift+tab'], description: 'Previous section' },
  ...listKeys('key-form-list', true),
  { context: 'key-form-list', command: 'toggleSelect', keys: ['space', 'x'], description: 'Tick or untick' },
  { context: 'key-form-list', command: 'confirm', keys: ['enter'], description: 'Create the key' },
  { context: 'key-form-list', command: 'cancel', keys: ['escape'], description: 'Leave the form' },

  { context: 'new-key', command: 'saveProfile', keys: ['s', 'S'] },
  {
    context: 'new-key',
    command: 'cancel',
    keys: ['enter', 'escape'],
    description: 'Done (the secret is then forgotten)',
  },

  { context: 'prompt', command: 'confirm', keys: ['enter'], description: 'Save the name' },
  { context: 'prompt', command: 'cancel', keys: ['escape'], description: 'Back without saving' },

  { context: 'confirm', command: 'yes', keys: ['y', 'Y'] },
  { context: 'confirm', command: 'no', keys: ['n', 'N', 'escape'] },

  ...scrollKeys('inspector'),
  {
    context: 'inspector',
    command: 'cancel',
    keys: ['escape', 'enter', 'q', 'I'],
    description: 'Close the key inspector',
  },
];
