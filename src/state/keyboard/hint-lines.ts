/**
 * Every hint line of the TUI that names keys, as templates over the keymap (./key-hints.ts): the
 * status line, the queue panel, the dialogs' footers, the help screen's title and the accounts
 * screens' footers. Views look their line up here, so a rebound key shows in every hint.
 */
import type { KeyContext, Keymap } from './keymap.js';
import { keyHint } from './key-hints.js';

/** A hint line: the keymap context its keys are looked up in, and its template. */
export interface HintLine {
  context: KeyContext;
  template: string;
}

const CHOOSE = '{prevField|up}{nextField|down} choose';

export const HINT_LINES = {
  /** The status line when there is nothing else to say. */
  panes: {
    context: 'pane',
    template:
      '{help} help · {switchPane} other pane · {toggleSelect} select · {locationPicker} go to · {toggleQueue} transfer queue',
  },
  /** After the filter prompt (the filter is typed in the dialog context). */
  filter: { context: 'dialog', template: ' {confirm} keeps · {cancel} restores' },
  /** The status line during quick search (the text itself is in the pane's footer). */
  quickSearch: {
    context: 'quick-search',
    template: 'Type to jump · {quickSearchNext|ctrl+s,down} next match · {confirm} stay here · {cancel} leave',
  },
  /** The status line's note after the queue's progress. */
  queueShortcut: { context: 'pane', template: '({toggleQueue}: queue)' },
  /** The status line under the help screen and the queue panel. */
  help: { context: 'help', template: '{cancel|escape,q,f1} closes the help' },
  queue: { context: 'queue', template: '{toggleQueue|t,escape,tab} returns to the panes' },
  queuePanel: {
    context: 'queue',
    template:
      '{queuePause} pause · {queueResume} resume · {queueCancel|c/f8} cancel · {queueRetry} retry · {queueClearFinished} clear · {queueHistory} history · {toggleQueue|t/escape} back',
  },
  queueEmpty: { context: 'pane', template: ' No transfers yet: {copy} copies, {move} moves, {delete} deletes.' },
  helpTitle: {
    context: 'help',
    template:
      'b2c keys — {cursorUp|up}{cursorDown|down} {cursorPageUp|pageup} {cursorPageDown|pagedown} scroll · {cancel} closes',
  },
  rename: { context: 'dialog', template: '{confirm}: rename · {cancel}: cancel' },
  mkdir: { context: 'dialog', template: '{confirm}: make it · {cancel}: cancel' },
  selectByMask: { context: 'dialog', template: '{confirm}: select · {cancel}: cancel' },
  unselectByMask: { context: 'dialog', template: '{confirm}: unselect · {cancel}: cancel' },
  picker: {
    context: 'picker',
    template: `Type a path or b2://…, {complete} completes · ${CHOOSE} · {confirm}: go · {cancel}: cancel`,
  },
  bookmarkSave: { context: 'dialog', template: '{confirm}: save · {cancel}: cancel' },
  bookmarkRename: { context: 'dialog', template: '{confirm}: rename · {cancel}: back to the list' },
  bookmarks: {
    context: 'bookmarks',
    template: '{confirm}: go · {rename|f2/r} rename · {delete|f8/d} delete · {cancel}: close',
  },
  bookmarksEmpty: { context: 'bookmarks', template: '{cancel}: close' },
  /** The empty bookmark list's line: how to make one (the pane's key). */
  bookmarksNone: { context: 'pane', template: 'No bookmarks yet: {bookmarkSave} bookmarks the place of a pane.' },
  share: { context: 'dialog', template: `{confirm}: make the link · ${CHOOSE} · {cancel}: cancel` },
  shareWorking: { context: 'dialog', template: '{cancel}: close' },
  shareDone: {
    context: 'share',
    template: '{copyLocation}: copy to the clipboard (or select with the mouse) · {confirm} or {cancel}: close',
  },
  editConflict: {
    context: 'dialog',
    template: `{confirm}: do it · ${CHOOSE} · {cancel}: discard the edit`,
  },
  /** The status line under the pager. */
  viewer: {
    context: 'viewer',
    template:
      '{viewSearch|/} search · {viewSearchNext}/{viewSearchPrev} next/prev · {viewGoto|:} go to · {viewLeft|left}{viewRight|right} scroll · {viewWrap|w} wrap · {viewHex|x} hex · {cancel|q} close',
  },
  close: { context: 'dialog', template: '{confirm} or {cancel}: close' },
  closeOrScroll: {
    context: 'dialog',
    template: '{prevField|up}{nextField|down} scroll · {confirm} or {cancel}: close',
  },
  conflict: { context: 'dialog', template: `{confirm}: do it · ${CHOOSE} · {cancel}: cancel this file` },
  conflictList: { context: 'dialog', template: `{confirm}: answer for the file ▸ · ${CHOOSE} · {cancel}: cancel it` },
  unhide: { context: 'dialog', template: '{confirm}: unhide · {cancel}: cancel' },
  createBucket: { context: 'dialog', template: `{confirm}: create · ${CHOOSE} · {cancel}: cancel` },
  deleteBucket: { context: 'dialog', template: '{confirm}: delete the bucket · {cancel}: keep it' },
  bucketType: { context: 'dialog', template: '{confirm}: change it · {cancel}: leave it as it is' },
  history: { context: 'dialog', template: '{prevField|up}{nextField|down} move · {confirm} or {cancel}: close' },
  find: { context: 'dialog', template: '{confirm}: search · {nextField|tab} next field · {cancel}: cancel' },
  confirmQuit: { context: 'dialog', template: '{confirm}: quit · {cancel}: stay' },
  resumeQueue: {
    context: 'dialog',
    template: '{confirm}: choose · {prevField|up}{nextField|down} move · {cancel}: later',
  },
  deleteVersion: { context: 'dialog', template: '{confirm}: delete this version · {cancel}: back to the versions' },
  /** Under the typed confirmation of a delete that cannot be undone (the word itself is b2c's). */
  typeYes: { context: 'dialog', template: '{confirm}: delete · {cancel}: back, nothing deleted' },
  inspector: {
    context: 'inspector',
    template:
      '{cursorUp|up}{cursorDown|down} {cursorPageUp|pageup} {cursorPageDown|pagedown} {cursorHome|home} {cursorEnd|end} scroll · {cancel} close',
  },
  keyForm: {
    context: 'key-form-list',
    template: '{nextField} next part · {toggleSelect} tick · {confirm} create · {cancel} cancel',
  },
  profileRename: { context: 'prompt', template: '{confirm} rename · {cancel} cancel' },
  profileNaming: { context: 'prompt', template: '{confirm} save · {cancel} back' },
  /** After the spinner while a profile's key is checked (Esc is looked up in the prompt context then). */
  profileChecking: { context: 'prompt', template: '({cancel} stops)' },
  newKeyOffer: {
    context: 'new-key',
    template: '{saveProfile} save it as a b2c profile · {cancel} done (b2c then forgets the key)',
  },
  wizardFirst: {
    context: 'wizard',
    template: '{confirm} next · {nextField|tab}/{prevField|up}{nextField|down} move · {cancel} leave',
  },
  wizardAgain: {
    context: 'wizard',
    template: '{confirm} verify · {nextField|tab}/{prevField|up}{nextField|down} other field · {cancel} leave',
  },
  wizardVerifying: { context: 'wizard', template: '{cancel} cancel' },
  wizardReview: {
    context: 'wizard-review',
    template:
      '{confirm} save · {cursorUp|up}{cursorDown|down} {cursorPageUp|pageup} {cursorPageDown|pagedown} scroll · {cancel} change something',
  },
  wizardReplace: { context: 'confirm', template: '{yes} replace · {no} keep it and choose another name' },
} satisfies Record<string, HintLine>;

/** A hint line's name. */
export type HintName = keyof typeof HINT_LINES;

/** The hint line `name` with the keys `keymap` binds. */
export function hintLine(keymap: Keymap, name: HintName): string {
  const line: HintLine = HINT_LINES[name];
  return keyHint(keymap, line.context, line.template);
}

/** The footer of a dialog that does `doing` on Enter and offers choices ("Enter: copy · ↑↓ choose · Esc: cancel"); `doing` is b2c's own text. */
export function operationHint(keymap: Keymap, doing: string): string {
  return keyHint(keymap, 'dialog', `{confirm}: ${doing} · ${CHOOSE} · {cancel}: cancel`);
}

/** The copy/move dialog's hint: its destination field completes like the location picker's. */
export function transferHint(keymap: Keymap, doing: string): string {
  return keyHint(keymap, 'picker', `{confirm}: ${doing} · {complete|tab} completes · ${CHOOSE} · {cancel}: cancel`);
}
