/**
 * The keymap as data (ARCHITECTURE.md, "Keypress flow", step 2): key patterns → command id, per context.
 * The help screen and the function-key bar are generated from this table (./keymap-views.ts); user
 * overrides are applied by ./keymap-overrides.ts. Patterns follow ./key-patterns.ts.
 * mc and vim keys live side by side (issue 6): arrows and hjkl, F-keys and letters.
 */
import type { CommandId } from './commands.js';
import { ACCOUNT_KEYS } from './keymap-accounts.js';

/**
 * Where a key press is interpreted: the file panes, quick search in a pane (printable keys it
 * leaves unbound are the searched text), the location picker (F9: a text field with Tab
 * completion), a dialog (including the filter and mask prompts, whose
 * unbound printable keys go to the text field), the sync dialog (C), the share-link dialog (L),
 * the bookmarks list (b), the viewer (F3), the account wizard (its text
 * fields likewise) and its review step, a file's versions dialog (v), the transfer queue when it has focus, the help screen,
 * and the accounts screens (./keymap-accounts.ts): the profiles list, the keys list, the
 * create-key form's text sections and its lists, the new key just shown, the accounts screens'
 * name prompts (text field) and yes/no questions, and the key inspector.
 */
export type KeyContext =
  | 'pane'
  | 'dialog'
  | 'picker'
  | 'quick-search'
  | 'versions'
  | 'bookmarks'
  | 'sync'
  | 'share'
  | 'viewer'
  | 'wizard'
  | 'wizard-review'
  | 'queue'
  | 'help'
  | 'profiles'
  | 'keys'
  | 'key-form'
  | 'key-form-list'
  | 'new-key'
  | 'prompt'
  | 'confirm'
  | 'inspector';

/** Every context, in help-screen order. */
export const KEY_CONTEXTS: readonly KeyContext[] = [
  'pane',
  'queue',
  'dialog',
  'picker',
  'quick-search',
  'versions',
  'bookmarks',
  'sync',
  'share',
  'viewer',
  'wizard',
  'wizard-review',
  'profiles',
  'keys',
  'key-form',
  'key-form-list',
  'new-key',
  'prompt',
  'confirm',
  'inspector',
  'help',
];

/**
 * One row of the keymap. `keys` are canonical patterns; `fkey` (1–10) puts the command on the
 * function-key bar of its context, labelled with the command's short label, and must match one of
 * `keys` (`f<fkey>`); `description` overrides the command's own for this context when present.
 */
export interface KeymapEntry {
  keys: readonly string[];
  command: CommandId;
  context: KeyContext;
  description?: string;
  fkey?: number;
}

/** A whole keymap. Within one context a pattern maps to at most one command. */
export type Keymap = readonly KeymapEntry[];

const NAV_KEYS: readonly KeymapEntry[] = (['queue', 'help', 'sync'] as const).flatMap((context) => [
  { context, command: 'cursorUp' as const, keys: ['up', 'k'] },
  { context, command: 'cursorDown' as const, keys: ['down', 'j'] },
  { context, command: 'cursorPageUp' as const, keys: ['pageup', 'ctrl+b'] },
  { context, command: 'cursorPageDown' as const, keys: ['pagedown', 'ctrl+f'] },
  { context, command: 'cursorHome' as const, keys: ['home', 'g'] },
  { context, command: 'cursorEnd' as const, keys: ['end', 'G'] },
]);

/** The pager (F3): less's and mc's keys side by side. */
const VIEWER_KEYS: readonly KeymapEntry[] = [
  { context: 'viewer', command: 'cursorUp', keys: ['up', 'k'] },
  { context: 'viewer', command: 'cursorDown', keys: ['down', 'j', 'enter'] },
  { context: 'viewer', command: 'cursorPageUp', keys: ['pageup', 'b', 'ctrl+b'] },
  { context: 'viewer', command: 'cursorPageDown', keys: ['pagedown', 'space', 'ctrl+f'] },
  { context: 'viewer', command: 'cursorHome', keys: ['home', 'g'] },
  { context: 'viewer', command: 'cursorEnd', keys: ['end', 'G'] },
  { context: 'viewer', command: 'viewLeft', keys: ['left', 'h'] },
  { context: 'viewer', command: 'viewRight', keys: ['right', 'l'] },
  { context: 'viewer', command: 'viewWrap', keys: ['f2', 'w'], fkey: 2 },
  { context: 'viewer', command: 'viewHex', keys: ['f4', 'x'], fkey: 4 },
  { context: 'viewer', command: 'viewGoto', keys: ['f5', ':'], fkey: 5 },
  { context: 'viewer', command: 'viewSearch', keys: ['f7', '/'], fkey: 7 },
  { context: 'viewer', command: 'viewSearchBack', keys: ['?'] },
  { context: 'viewer', command: 'viewSearchNext', keys: ['n'] },
  { context: 'viewer', command: 'viewSearchPrev', keys: ['N'] },
  {
    context: 'viewer',
    command: 'cancel',
    keys: ['escape', 'q', 'f3', 'f10'],
    fkey: 10,
    description: 'Close the viewer (Esc first stops a search)',
  },
];

/** The built-in keymap. */
export const DEFAULT_KEYMAP: Keymap = [
  { context: 'pane', command: 'cursorUp', keys: ['up', 'k'] },
  { context: 'pane', command: 'cursorDown', keys: ['down', 'j'] },
  { context: 'pane', command: 'cursorPageUp', keys: ['pageup', 'ctrl+b'] },
  { context: 'pane', command: 'cursorPageDown', keys: ['pagedown', 'ctrl+f'] },
  { context: 'pane', command: 'cursorHome', keys: ['home', 'g'] },
  { context: 'pane', command: 'cursorEnd', keys: ['end', 'G'] },
  { context: 'pane', command: 'open', keys: ['enter', 'right', 'l'] },
  { context: 'pane', command: 'parent', keys: ['backspace', 'left', 'h'] },
  { context: 'pane', command: 'switchPane', keys: ['tab', 'shift+tab'] },
  { context: 'pane', command: 'locationPicker', keys: ['f9', 'o'], fkey: 9 },
  { context: 'pane', command: 'bookmarkSave', keys: ['B'] },
  { context: 'pane', command: 'bookmarks', keys: ['b'] },
  { context: 'pane', command: 'toggleSelect', keys: ['insert', 'space'] },
  { context: 'pane', command: 'selectByMask', keys: ['+'] },
  { context: 'pane', command: 'unselectByMask', keys: ['-'] },
  { context: 'pane', command: 'invertSelection', keys: ['*'] },
  { context: 'pane', command: 'filter', keys: ['/'] },
  {
    context: 'pane',
    command: 'cancel',
    keys: ['escape'],
    description: 'Stop a listing that is loading, else clear the filter or the selection',
  },
  { context: 'pane', command: 'sortCycle', keys: ['s'] },
  { context: 'pane', command: 'sortReverse', keys: ['S'] },
  { context: 'pane', command: 'sortNatural', keys: ['N'] },
  { context: 'pane', command: 'quickSearch', keys: ['f', 'ctrl+s'] },
  { context: 'pane', command: 'toggleHidden', keys: ['.'] },
  { context: 'pane', command: 'versions', keys: ['v'] },
  { context: 'pane', command: 'view', keys: ['f3'], fkey: 3 },
  { context: 'pane', command: 'edit', keys: ['f4'], fkey: 4 },
  { context: 'pane', command: 'info', keys: ['i', 'meta+i'] },
  { context: 'pane', command: 'refresh', keys: ['ctrl+r'] },
  { context: 'pane', command: 'find', keys: ['F', 'meta+?'] },
  { context: 'pane', command: 'folderSize', keys: ['ctrl+space'] },
  { context: 'pane', command: 'folderSizes', keys: ['z'] },
  { context: 'pane', command: 'folderSizesVersions', keys: ['meta+z'] },
  { context: 'pane', command: 'copy', keys: ['f5'], fkey: 5 },
  { context: 'pane', command: 'move', keys: ['f6'], fkey: 6 },
  { context: 'pane', command: 'rename', keys: ['f2', 'shift+f6'], fkey: 2 },
  {
    context: 'pane',
    command: 'mkdir',
    keys: ['f7'],
    fkey: 7,
    description: 'Make a directory (in the bucket list: create a bucket)',
  },
  {
    context: 'pane',
    command: 'delete',
    keys: ['f8', 'delete'],
    fkey: 8,
    description: 'Delete (on B2: hide, delete a version, or all versions; in the bucket list: an empty bucket)',
  },
  { context: 'pane', command: 'unhide', keys: ['u'] },
  { context: 'pane', command: 'shareLink', keys: ['L'] },
  { context: 'pane', command: 'compare', keys: ['c'] },
  { context: 'pane', command: 'sync', keys: ['C'] },
  { context: 'pane', command: 'copyLocation', keys: ['y'] },
  { context: 'pane', command: 'bucketType', keys: ['p'] },
  { context: 'pane', command: 'toggleQueue', keys: ['t'], description: 'Show the transfer queue' },
  { context: 'pane', command: 'help', keys: ['f1', '?'], fkey: 1 },
  { context: 'pane', command: 'keyInspector', keys: ['I'] },
  { context: 'pane', command: 'profiles', keys: ['P'] },
  { context: 'pane', command: 'keys', keys: ['K'] },
  { context: 'pane', command: 'suspend', keys: ['ctrl+z'] },
  { context: 'pane', command: 'subshell', keys: ['ctrl+o'] },
  { context: 'pane', command: 'quit', keys: ['f10', 'q', 'ctrl+c'], fkey: 10 },

  ...NAV_KEYS,

  { context: 'queue', command: 'queuePause', keys: ['p'] },
  { context: 'queue', command: 'queueResume', keys: ['r'] },
  { context: 'queue', command: 'queueCancel', keys: ['f8', 'delete', 'c'], fkey: 8 },
  { context: 'queue', command: 'queueRetry', keys: ['R'] },
  { context: 'queue', command: 'queueClearFinished', keys: ['x'] },
  { context: 'queue', command: 'queueHistory', keys: ['h'] },
  { context: 'queue', command: 'toggleQueue', keys: ['t', 'escape', 'tab'], description: 'Back to the panes' },
  { context: 'queue', command: 'help', keys: ['f1', '?'], fkey: 1 },
  { context: 'queue', command: 'quit', keys: ['f10', 'q', 'ctrl+c'], fkey: 10 },

  { context: 'quick-search', command: 'quickSearchNext', keys: ['ctrl+s', 'down'] },
  { context: 'quick-search', command: 'confirm', keys: ['enter'], description: 'Stay on this row' },
  { context: 'quick-search', command: 'cancel', keys: ['escape'], description: 'Leave quick search' },
  { context: 'quick-search', command: 'cursorUp', keys: ['up'], description: 'Leave quick search, move up' },
  { context: 'quick-search', command: 'parent', keys: ['left'], description: 'Leave quick search, go up a folder' },
  { context: 'quick-search', command: 'open', keys: ['right'], description: 'Leave quick search, open the row' },

  { context: 'dialog', command: 'confirm', keys: ['enter'] },
  { context: 'dialog', command: 'cancel', keys: ['escape', 'f10', 'ctrl+c'], fkey: 10 },
  { context: 'dialog', command: 'nextField', keys: ['tab', 'down'] },
  { context: 'dialog', command: 'prevField', keys: ['shift+tab', 'up'] },

  {
    context: 'picker',
    command: 'confirm',
    keys: ['enter'],
    description: 'Go where the text says, else to the place chosen',
  },
  { context: 'picker', command: 'cancel', keys: ['escape', 'f10', 'ctrl+c'], fkey: 10 },
  { context: 'picker', command: 'complete', keys: ['tab'] },
  { context: 'picker', command: 'nextField', keys: ['down'] },
  { context: 'picker', command: 'prevField', keys: ['shift+tab', 'up'] },

  { context: 'versions', command: 'cursorUp', keys: ['up', 'k'] },
  { context: 'versions', command: 'cursorDown', keys: ['down', 'j'] },
  { context: 'versions', command: 'cursorPageUp', keys: ['pageup', 'ctrl+b'] },
  { context: 'versions', command: 'cursorPageDown', keys: ['pagedown', 'ctrl+f'] },
  { context: 'versions', command: 'cursorHome', keys: ['home', 'g'] },
  { context: 'versions', command: 'cursorEnd', keys: ['end', 'G'] },
  {
    context: 'versions',
    command: 'info',
    keys: ['enter', 'f3', 'i'],
    fkey: 3,
    description: 'Show or hide the details of the version',
  },
  {
    context: 'versions',
    command: 'copy',
    keys: ['f5'],
    fkey: 5,
    description: 'Download or copy this version to the other pane',
  },
  {
    context: 'versions',
    command: 'delete',
    keys: ['f8', 'delete'],
    fkey: 8,
    description: 'Delete exactly this version (a hide marker: unhide)',
  },
  {
    context: 'versions',
    command: 'cancel',
    keys: ['escape', 'f10', 'ctrl+c'],
    fkey: 10,
    description: 'Close the versions',
  },

  { context: 'bookmarks', command: 'cursorUp', keys: ['up', 'k'] },
  { context: 'bookmarks', command: 'cursorDown', keys: ['down', 'j'] },
  { context: 'bookmarks', command: 'confirm', keys: ['enter'], description: 'Go to the bookmark in the pane' },
  { context: 'bookmarks', command: 'rename', keys: ['f2', 'r'], fkey: 2, description: 'Rename the bookmark' },
  { context: 'bookmarks', command: 'delete', keys: ['f8', 'd'], fkey: 8, description: 'Delete the bookmark' },
  {
    context: 'bookmarks',
    command: 'cancel',
    keys: ['escape', 'f10', 'ctrl+c'],
    fkey: 10,
    description: 'Close the bookmarks',
  },

  { context: 'sync', command: 'syncCompareMode', keys: ['m'] },
  { context: 'sync', command: 'syncRemoval', keys: ['r'] },
  { context: 'sync', command: 'syncDryRun', keys: ['d'] },
  { context: 'sync', command: 'confirm', keys: ['enter'], description: 'Sync (with dry run: show the result only)' },
  {
    context: 'sync',
    command: 'cancel',
    keys: ['escape', 'f10', 'ctrl+c'],
    fkey: 10,
    description: 'Close, change nothing',
  },
  { context: 'share', command: 'confirm', keys: ['enter'] },
  { context: 'share', command: 'copyLocation', keys: ['y'], description: 'Copy the link to the clipboard (OSC 52)' },
  { context: 'share', command: 'cancel', keys: ['escape', 'f10', 'ctrl+c'], fkey: 10 },
  { context: 'share', command: 'nextField', keys: ['tab', 'down'] },
  { context: 'share', command: 'prevField', keys: ['shift+tab', 'up'] },

  ...VIEWER_KEYS,

  { context: 'wizard', command: 'confirm', keys: ['enter'], description: 'Confirm the step' },
  { context: 'wizard', command: 'cancel', keys: ['escape', 'ctrl+c'], description: 'Leave the wizard' },
  { context: 'wizard', command: 'nextField', keys: ['tab', 'down'] },
  { context: 'wizard', command: 'prevField', keys: ['shift+tab', 'up'] },

  ...ACCOUNT_KEYS,

  {
    context: 'help',
    command: 'cancel',
    keys: ['escape', 'q', 'f1', '?', 'f10', 'enter'],
    fkey: 10,
    description: 'Close the help',
  },
];

/**
 * The command bound to `pattern` (canonical) in `context`, or null (also for a null pattern: a
 * press that is not one known key, e.g. pasted text).
 */
export function lookupCommand(keymap: Keymap, context: KeyContext, pattern: string | null): CommandId | null {
  if (pattern === null) return null;
  for (const e of keymap) {
    if (e.context === context && e.keys.includes(pattern)) return e.command;
  }
  return null;
}

/** Patterns bound to `command` in `context`, in table order (empty when unbound). */
export function keysForCommand(keymap: Keymap, context: KeyContext, command: CommandId): string[] {
  return keymap.filter((e) => e.context === context && e.command === command).flatMap((e) => [...e.keys]);
}
