/**
 * Hint lines come from the keymap: with the built-in keys they read exactly as the fixed strings
 * b2c showed before; a rebound key shows in every line that names its command.
 */
import { describe, expect, it } from 'vitest';
import { wizardKeyHints } from '../../../src/state/accounts/wizard-keys.js';
import { HINT_LINES, hintLine, operationHint, type HintName } from '../../../src/state/keyboard/hint-lines.js';
import { hintKeys } from '../../../src/state/keyboard/key-hints.js';
import { DEFAULT_KEYMAP } from '../../../src/state/keyboard/keymap.js';
import { applyOverrides } from '../../../src/state/keyboard/keymap-overrides.js';
import { displayWidth } from '../../../src/state/text/sanitize.js';

const BEFORE: Record<HintName, string> = {
  panes: 'F1 help · Tab other pane · Insert select · F9 go to · t transfer queue',
  filter: ' Enter keeps · Esc restores',
  quickSearch: 'Type to jump · Ctrl+S or ↓ next match · Enter stay here · Esc leave',
  queueShortcut: '(t: queue)',
  help: 'Esc, q or F1 closes the help',
  queue: 't, Esc or Tab returns to the panes',
  queuePanel: 'p pause · r resume · c/F8 cancel · R retry · x clear · h history · t/Esc back',
  queueEmpty: ' No transfers yet: F5 copies, F6 moves, F8 deletes.',
  helpTitle: 'b2c keys — ↑↓ PgUp PgDn scroll · Esc closes',
  rename: 'Enter: rename · Esc: cancel',
  mkdir: 'Enter: make it · Esc: cancel',
  selectByMask: 'Enter: select · Esc: cancel',
  unselectByMask: 'Enter: unselect · Esc: cancel',
  bookmarkSave: 'Enter: save · Esc: cancel',
  bookmarkRename: 'Enter: rename · Esc: back to the list',
  bookmarks: 'Enter: go · F2/r rename · F8/d delete · Esc: close',
  bookmarksEmpty: 'Esc: close',
  bookmarksNone: 'No bookmarks yet: B bookmarks the place of a pane.',
  picker: 'Type a path or b2://…, Tab completes · ↑↓ choose · Enter: go · Esc: cancel',
  share: 'Enter: make the link · ↑↓ choose · Esc: cancel',
  shareWorking: 'Esc: close',
  shareDone: 'y: copy to the clipboard (or select with the mouse) · Enter or Esc: close',
  editConflict: 'Enter: do it · ↑↓ choose · Esc: discard the edit',
  viewer: 'F7 search · n/N next/prev · : go to · ←→ scroll · w wrap · x hex · q close',
  close: 'Enter or Esc: close',
  closeOrScroll: '↑↓ scroll · Enter or Esc: close',
  conflict: 'Enter: do it · ↑↓ choose · Esc: cancel this file',
  conflictList: 'Enter: answer for the file ▸ · ↑↓ choose · Esc: cancel it',
  unhide: 'Enter: unhide · Esc: cancel',
  createBucket: 'Enter: create · ↑↓ choose · Esc: cancel',
  deleteBucket: 'Enter: delete the bucket · Esc: keep it',
  bucketType: 'Enter: change it · Esc: leave it as it is',
  history: '↑↓ move · Enter or Esc: close',
  find: 'Enter: search · Tab next field · Esc: cancel',
  confirmQuit: 'Enter: quit · Esc: stay',
  resumeQueue: 'Enter: choose · ↑↓ move · Esc: later',
  deleteVersion: 'Enter: delete this version · Esc: back to the versions',
  typeYes: 'Enter: delete · Esc: back, nothing deleted',
  inspector: '↑↓ PgUp PgDn Home End scroll · Esc close',
  keyForm: 'Tab next part · Space tick · Enter create · Esc cancel',
  profileRename: 'Enter rename · Esc cancel',
  profileNaming: 'Enter save · Esc back',
  profileChecking: '(Esc stops)',
  newKeyOffer: 's save it as a b2c profile · Enter done (b2c then forgets the key)',
  wizardFirst: 'Enter next · Tab/↑↓ move · Esc leave',
  wizardAgain: 'Enter verify · Tab/↑↓ other field · Esc leave',
  wizardVerifying: 'Esc cancel',
  wizardReview: 'Enter save · ↑↓ PgUp PgDn scroll · Esc change something',
  wizardReplace: 'y replace · n keep it and choose another name',
};

describe('hint lines', () => {
  it('fit at 80 columns with the built-in keys, so none is cut: 74 in a dialog, 78 across a panel', () => {
    const acrossPanel: readonly HintName[] = ['queuePanel', 'viewer'];
    for (const name of Object.keys(HINT_LINES) as HintName[])
      expect(displayWidth(hintLine(DEFAULT_KEYMAP, name)), name).toBeLessThanOrEqual(
        acrossPanel.includes(name) ? 78 : 74,
      );
  });

  it('read exactly as before with the built-in keys', () => {
    for (const name of Object.keys(HINT_LINES) as HintName[])
      expect(hintLine(DEFAULT_KEYMAP, name), name).toBe(BEFORE[name]);
    expect(operationHint(DEFAULT_KEYMAP, 'copy')).toBe('Enter: copy · ↑↓ choose · Esc: cancel');
    expect(hintKeys(DEFAULT_KEYMAP, 'keys', 'add')).toBe('n');
  });

  it('follow a rebinding, and leave out what is bound to nothing', () => {
    const keymap = applyOverrides(DEFAULT_KEYMAP, {
      help: ['f12'],
      'dialog:confirm': ['ctrl+o'],
      queueCancel: ['z'],
      'wizard:cancel': [],
      bookmarkSave: ['m'],
    });
    expect(hintLine(keymap, 'panes')).toBe('F12 help · Tab other pane · Insert select · F9 go to · t transfer queue');
    expect(hintLine(keymap, 'mkdir')).toBe('Ctrl+O: make it · Esc: cancel');
    expect(operationHint(keymap, 'copy')).toBe('Ctrl+O: copy · ↑↓ choose · Esc: cancel');
    expect(hintLine(keymap, 'queuePanel')).toBe(
      'p pause · r resume · z cancel · R retry · x clear · h history · t/Esc back',
    );
    expect(
      wizardKeyHints({ stage: { kind: 'verifying', requestId: 1 } } as Parameters<typeof wizardKeyHints>[0], keymap),
    ).toBe('');
    expect(hintLine(keymap, 'wizardFirst')).toBe('Enter next · Tab/↑↓ move');
    expect(hintLine(keymap, 'bookmarksNone')).toBe('No bookmarks yet: m bookmarks the place of a pane.');
  });
});
