import { describe, expect, it } from 'vitest';
import { COMMAND_IDS } from '../../../src/state/keyboard/commands.js';
import { DEFAULT_KEYMAP, keysForCommand, lookupCommand, type KeyContext } from '../../../src/state/keyboard/keymap.js';
import { keymapConflicts } from '../../../src/state/keyboard/keymap-overrides.js';
import { canonicalisePattern } from '../../../src/state/keyboard/key-patterns.js';

describe('DEFAULT_KEYMAP', () => {
  it('has no key bound to two commands in one context', () => {
    expect(keymapConflicts(DEFAULT_KEYMAP)).toEqual([]);
  });

  it('uses only canonical patterns', () => {
    for (const e of DEFAULT_KEYMAP) {
      for (const k of e.keys) expect(canonicalisePattern(k), `${e.context}/${e.command}: ${k}`).toBe(k);
    }
  });

  it('puts a command on the F-key bar only with its F-key among its keys', () => {
    for (const e of DEFAULT_KEYMAP) {
      if (e.fkey !== undefined) expect(e.keys, `${e.command}`).toContain(`f${e.fkey}`);
    }
  });

  it('binds every command somewhere', () => {
    const bound = new Set(DEFAULT_KEYMAP.filter((e) => e.keys.length > 0).map((e) => e.command));
    expect(COMMAND_IDS.filter((id) => !bound.has(id))).toEqual([]);
  });

  // The key list of issue 6, mc and vim together.
  const paneKeys: Array<[string, string]> = [
    ['tab', 'switchPane'],
    ['up', 'cursorUp'],
    ['k', 'cursorUp'],
    ['down', 'cursorDown'],
    ['j', 'cursorDown'],
    ['pageup', 'cursorPageUp'],
    ['pagedown', 'cursorPageDown'],
    ['home', 'cursorHome'],
    ['g', 'cursorHome'],
    ['end', 'cursorEnd'],
    ['G', 'cursorEnd'],
    ['enter', 'open'],
    ['right', 'open'],
    ['l', 'open'],
    ['backspace', 'parent'],
    ['left', 'parent'],
    ['h', 'parent'],
    ['insert', 'toggleSelect'],
    ['space', 'toggleSelect'],
    ['+', 'selectByMask'],
    ['-', 'unselectByMask'],
    ['*', 'invertSelection'],
    ['/', 'filter'],
    ['s', 'sortCycle'],
    ['.', 'toggleHidden'],
    ['v', 'versions'],
    ['i', 'info'],
    ['meta+i', 'info'],
    ['f3', 'view'],
    ['f4', 'edit'],
    ['y', 'copyLocation'],
    ['ctrl+z', 'suspend'],
    ['ctrl+o', 'subshell'],
    ['ctrl+r', 'refresh'],
    ['f1', 'help'],
    ['?', 'help'],
    ['f10', 'quit'],
    ['q', 'quit'],
    ['f5', 'copy'],
    ['f6', 'move'],
    ['f2', 'rename'],
    ['shift+f6', 'rename'],
    ['f7', 'mkdir'],
    ['f8', 'delete'],
    ['delete', 'delete'],
    ['u', 'unhide'],
    ['L', 'shareLink'],
    ['t', 'toggleQueue'],
  ];
  it.each(paneKeys)('pane: %s → %s', (key, command) => {
    expect(lookupCommand(DEFAULT_KEYMAP, 'pane', key)).toBe(command);
  });
});

describe('lookupCommand per context', () => {
  const cases: Array<[KeyContext, string, string | null]> = [
    ['dialog', 'enter', 'confirm'],
    ['dialog', 'escape', 'cancel'],
    ['dialog', 'tab', 'nextField'],
    ['dialog', 'shift+tab', 'prevField'],
    // Letters are free in dialogs: they go to the text field.
    ['dialog', 'q', null],
    ['dialog', 'j', null],
    ['wizard', 'enter', 'confirm'],
    ['wizard', 'f5', null],
    ['queue', 'p', 'queuePause'],
    ['queue', 'r', 'queueResume'],
    ['queue', 'R', 'queueRetry'],
    ['queue', 'c', 'queueCancel'],
    ['queue', 'x', 'queueClearFinished'],
    ['queue', 'escape', 'toggleQueue'],
    ['queue', 'j', 'cursorDown'],
    ['queue', 'f5', null],
    ['help', 'escape', 'cancel'],
    ['help', 'q', 'cancel'],
    ['help', 'j', 'cursorDown'],
    ['help', 'f5', null],
    ['pane', 'enter', 'open'],
    ['pane', 'x', null],
  ];
  it.each(cases)('%s: %s → %s', (context, key, command) => {
    expect(lookupCommand(DEFAULT_KEYMAP, context, key)).toBe(command);
  });

  it('lists the keys of a command in a context', () => {
    expect(keysForCommand(DEFAULT_KEYMAP, 'pane', 'delete')).toEqual(['f8', 'delete']);
    expect(keysForCommand(DEFAULT_KEYMAP, 'dialog', 'copy')).toEqual([]);
  });
});
