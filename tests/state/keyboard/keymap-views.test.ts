import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP, type Keymap } from '../../../src/state/keyboard/keymap.js';
import { functionKeyBar, helpSections } from '../../../src/state/keyboard/keymap-views.js';

describe('functionKeyBar', () => {
  it('labels F1–F10 of the pane context from the table', () => {
    const bar = functionKeyBar(DEFAULT_KEYMAP, 'pane');
    expect(bar.map((s) => `${s.fkey}${s.label}`)).toEqual([
      '1Help',
      '2Rename',
      '3View',
      '4Edit',
      '5Copy',
      '6Move',
      '7Mkdir',
      '8Delete',
      '9Go',
      '10Quit',
    ]);
    expect(bar[7]?.command).toBe('delete');
    expect(bar[3]?.command).toBe('edit');
  });

  it('has labels that fit a slot at 80 columns', () => {
    for (const s of functionKeyBar(DEFAULT_KEYMAP, 'pane')) expect(s.label.length).toBeLessThanOrEqual(6);
  });

  it('differs per context', () => {
    const bar = functionKeyBar(DEFAULT_KEYMAP, 'dialog');
    expect(bar.filter((s) => s.command !== null).map((s) => [s.fkey, s.command])).toEqual([[10, 'cancel']]);
  });

  it('follows a custom table', () => {
    const km: Keymap = [{ context: 'pane', command: 'copy', keys: ['f1'], fkey: 1 }];
    expect(functionKeyBar(km, 'pane')[0]).toEqual({ fkey: 1, label: 'Copy', command: 'copy' });
  });
});

describe('helpSections', () => {
  const sections = helpSections(DEFAULT_KEYMAP);

  it('groups pane commands and gives other contexts one section each', () => {
    expect(sections.map((s) => s.title)).toEqual([
      'Panes · Navigate',
      'Panes · Select',
      'Panes · View',
      'Panes · Files',
      'Panes · Transfer queue',
      'Panes · Dialogs',
      'Panes · Application',
      'Transfer queue',
      'Dialogs',
      'Location picker (F9) and the copy/move destination (F5, F6)',
      'Quick search (f)',
      'Versions dialog (v)',
      'Bookmarks (b)',
      'Sync dialog (C)',
      'Share-link dialog (L)',
      'Viewer (F3)',
      'Account wizard',
      'Account wizard · review',
      'Profiles screen (P)',
      'Application keys screen (K)',
      'New key form · text fields',
      'New key form · bucket and capability lists',
      'New key shown',
      'Accounts screens · name prompts',
      'Accounts screens · yes/no questions',
      'Key inspector (I)',
      'Help screen',
    ]);
  });

  it('shows keys as people read them, from the table', () => {
    const nav = sections.find((s) => s.title === 'Panes · Navigate');
    expect(nav?.rows[0]).toEqual({ command: 'cursorUp', keys: '↑ k', description: 'Move the cursor up' });
    const files = sections.find((s) => s.title === 'Panes · Files');
    expect(files?.rows.find((r) => r.command === 'delete')?.keys).toBe('F8 Delete');
    expect(files?.rows.find((r) => r.command === 'rename')?.keys).toBe('F2 Shift+F6');
    const view = sections.find((s) => s.title === 'Panes · View');
    expect(view?.rows.find((r) => r.command === 'refresh')?.keys).toBe('Ctrl+R');
  });

  it('uses a context-specific description when the table has one', () => {
    const help = sections.find((s) => s.context === 'help');
    expect(help?.rows.find((r) => r.command === 'cancel')?.description).toBe('Close the help');
  });

  it('leaves out unbound commands', () => {
    const km: Keymap = [
      { context: 'pane', command: 'copy', keys: [] },
      { context: 'pane', command: 'move', keys: ['m'] },
    ];
    expect(helpSections(km)).toEqual([
      {
        context: 'pane',
        title: 'Panes · Files',
        rows: [{ command: 'move', keys: 'm', description: 'Move to the other pane' }],
      },
    ]);
  });
});
