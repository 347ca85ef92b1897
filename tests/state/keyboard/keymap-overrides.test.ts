import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP, lookupCommand } from '../../../src/state/keyboard/keymap.js';
import { applyOverrides, KeymapOverrideError } from '../../../src/state/keyboard/keymap-overrides.js';
import { functionKeyBar } from '../../../src/state/keyboard/keymap-views.js';

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof KeymapOverrideError) return e.problems;
    throw e;
  }
  throw new Error('expected a KeymapOverrideError');
}

describe('applyOverrides', () => {
  it('gives back the keymap itself when there is nothing to apply', () => {
    expect(applyOverrides(DEFAULT_KEYMAP, {})).toBe(DEFAULT_KEYMAP);
  });

  it('rebinds a command and frees its old keys', () => {
    // F4 is edit's: it gets another key so that F4 is free.
    const km = applyOverrides(DEFAULT_KEYMAP, { copy: ['x', 'F4'], edit: ['e'] });
    expect(lookupCommand(km, 'pane', 'x')).toBe('copy');
    expect(lookupCommand(km, 'pane', 'f4')).toBe('copy');
    expect(lookupCommand(km, 'pane', 'f5')).toBeNull();
    // The default table is untouched.
    expect(lookupCommand(DEFAULT_KEYMAP, 'pane', 'f5')).toBe('copy');
  });

  it('moves the command on the function-key bar with its F-key', () => {
    const bar = functionKeyBar(applyOverrides(DEFAULT_KEYMAP, { copy: ['F4'], edit: ['e'] }), 'pane');
    expect(bar[3]).toEqual({ fkey: 4, label: 'Copy', command: 'copy' });
    expect(bar[4]).toEqual({ fkey: 5, label: '', command: null });
  });

  it('drops a command from the bar when it loses its F-key', () => {
    const bar = functionKeyBar(applyOverrides(DEFAULT_KEYMAP, { mkdir: ['M'] }), 'pane');
    expect(bar[6]?.command).toBeNull();
  });

  it('rebinds in every context unless scoped', () => {
    const all = applyOverrides(DEFAULT_KEYMAP, { cancel: ['ctrl+g'] });
    expect(lookupCommand(all, 'dialog', 'ctrl+g')).toBe('cancel');
    expect(lookupCommand(all, 'help', 'ctrl+g')).toBe('cancel');
    expect(lookupCommand(all, 'dialog', 'escape')).toBeNull();

    const scoped = applyOverrides(DEFAULT_KEYMAP, { 'help:cancel': ['x'] });
    expect(lookupCommand(scoped, 'help', 'x')).toBe('cancel');
    expect(lookupCommand(scoped, 'help', 'escape')).toBeNull();
    expect(lookupCommand(scoped, 'dialog', 'escape')).toBe('cancel');
  });

  it('lets a scoped override win over an unscoped one whatever the order', () => {
    const km = applyOverrides(DEFAULT_KEYMAP, { 'help:cancel': ['x'], cancel: ['ctrl+g'] });
    expect(lookupCommand(km, 'help', 'x')).toBe('cancel');
    expect(lookupCommand(km, 'help', 'ctrl+g')).toBeNull();
    expect(lookupCommand(km, 'dialog', 'ctrl+g')).toBe('cancel');
  });

  it('allows swapping two keys in one go', () => {
    const km = applyOverrides(DEFAULT_KEYMAP, { copy: ['f6'], move: ['f5'] });
    expect(lookupCommand(km, 'pane', 'f6')).toBe('copy');
    expect(lookupCommand(km, 'pane', 'f5')).toBe('move');
  });

  it('unbinds with an empty list', () => {
    const km = applyOverrides(DEFAULT_KEYMAP, { unhide: [] });
    expect(lookupCommand(km, 'pane', 'u')).toBeNull();
  });

  it('reports a key that would run two commands', () => {
    expect(problemsOf(() => applyOverrides(DEFAULT_KEYMAP, { copy: ['q'] }))).toEqual([
      'q in the pane context would run both copy and quit',
    ]);
    expect(problemsOf(() => applyOverrides(DEFAULT_KEYMAP, { copy: ['ctrl+R'] }))).toEqual([
      'Ctrl+R in the pane context would run both copy and refresh',
    ]);
  });

  it('reports unknown commands, contexts and keys, all at once', () => {
    const problems = problemsOf(() =>
      applyOverrides(DEFAULT_KEYMAP, { cpy: ['c'], 'menu:copy': ['c'], move: ['ctrl+1', 'F6'], 'dialog:copy': ['c'] }),
    );
    expect(problems).toEqual([
      'unknown command "cpy"',
      'unknown context "menu" in "menu:copy" (contexts: pane, queue, dialog, picker, quick-search, versions, bookmarks, sync, share, viewer, wizard, wizard-review, profiles, keys, key-form, key-form-list, new-key, prompt, confirm, inspector, help)',
      '"ctrl+1" for move is not a key b2c can recognise',
      'copy has no keys in the dialog context to rebind',
    ]);
  });

  it('puts every problem in the error message', () => {
    expect(() => applyOverrides(DEFAULT_KEYMAP, { nope: ['x'] })).toThrow(
      /Key overrides rejected: unknown command "nope"/,
    );
  });
});
