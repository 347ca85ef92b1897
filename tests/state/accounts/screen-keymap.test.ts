/**
 * The accounts screens read their keys from the keymap: every key they had before is still
 * there, user overrides apply, unbound printable keys still type, and the help lists them.
 */
import { describe, expect, it } from 'vitest';
import { initInspector, inspectorKeyAction } from '../../../src/state/accounts/keys-screen-inspector.js';
import { keyFormKeyAction } from '../../../src/state/accounts/key-form-keys.js';
import { initKeyForm } from '../../../src/state/accounts/key-form-state.js';
import { keysScreenKeyAction } from '../../../src/state/accounts/keys-screen-keys.js';
import { keysScreenReducer, type KeysScreenAction } from '../../../src/state/accounts/keys-screen-reducer.js';
import { initKeysScreen, type KeysScreenState } from '../../../src/state/accounts/keys-screen-state.js';
import { DEFAULT_KEYMAP } from '../../../src/state/keyboard/keymap.js';
import { applyOverrides } from '../../../src/state/keyboard/keymap-overrides.js';
import { helpSections } from '../../../src/state/keyboard/keymap-views.js';
import { profilesScreenKeyAction } from '../../../src/state/accounts/profiles-screen-keys.js';
import { initProfilesScreen, type ProfilesScreenState } from '../../../src/state/accounts/profiles-screen-state.js';
import { wizardKeyAction } from '../../../src/state/accounts/wizard-keys.js';
import { initWizard, type WizardState } from '../../../src/state/accounts/wizard-state.js';
import { CAPABILITIES } from '../../../src/state/permissions/capabilities.js';
import { k, keyInfo, NOW } from './fixtures.js';

const master = keyInfo({ isMaster: true, applicationKeyId: 'acc-1', capabilities: CAPABILITIES.map((c) => c.name) });
const runKeys = (s: KeysScreenState, ...actions: KeysScreenAction[]): KeysScreenState =>
  actions.reduce(keysScreenReducer, s);

function keysList(): KeysScreenState {
  const s = initKeysScreen(master, NOW, ['default']);
  if (s.load.kind !== 'loading') throw new Error('not loading');
  const row = {
    applicationKeyId: 'k1',
    keyName: 'one',
    capabilities: ['listFiles'],
    bucketIds: null,
    namePrefix: null,
    expiresAt: null,
  };
  return runKeys(s, {
    type: 'loaded',
    requestId: s.load.requestId,
    keys: [row],
    buckets: [{ id: 'b1', name: 'photos' }],
  });
}

function keysCreated(): KeysScreenState {
  const s = runKeys(
    keysList(),
    { type: 'newKey' },
    { type: 'form', action: { type: 'text', edit: { type: 'insert', text: 'n' } } },
    { type: 'form', action: { type: 'submit' } },
  );
  if (s.mode.kind !== 'creating') throw new Error(s.mode.kind);
  const key = {
    applicationKeyId: 'k3',
    keyName: 'n',
    capabilities: ['listFiles'],
    bucketIds: null,
    namePrefix: null,
    expiresAt: null,
    applicationKey: 'K004-secret',
  };
  return runKeys(s, { type: 'created', requestId: s.mode.requestId, key });
}

const PROFILES = [{ name: 'work', applicationKeyId: 'k1' }];

describe('the keys screen keeps its keys', () => {
  const list = keysList();
  it.each([
    ['up', { type: 'cursor', by: -1 }],
    ['k', { type: 'cursor', by: -1 }],
    ['down', { type: 'cursor', by: 1 }],
    ['j', { type: 'cursor', by: 1 }],
    ['pageup', { type: 'cursor', by: -10 }],
    ['pagedown', { type: 'cursor', by: 10 }],
    ['home', { type: 'cursor', by: -100_000 }],
    ['g', { type: 'cursor', by: -100_000 }],
    ['end', { type: 'cursor', by: 100_000 }],
    ['G', { type: 'cursor', by: 100_000 }],
    ['n', { type: 'newKey' }],
    ['f7', { type: 'newKey' }],
    ['insert', { type: 'newKey' }],
    ['d', { type: 'askDelete' }],
    ['f8', { type: 'askDelete' }],
    ['delete', { type: 'askDelete' }],
    ['r', { type: 'reload' }],
    ['ctrl+r', { type: 'reload' }],
    ['escape', { type: 'close' }],
    ['q', { type: 'close' }],
    ['f10', { type: 'close' }],
    ['x', null],
    ['enter', null],
  ])('list: %s', (key, action) => {
    expect(keysScreenKeyAction(list, k(key))).toEqual(action);
  });

  it('asks yes or no before deleting', () => {
    const ask = runKeys(list, { type: 'askDelete' });
    expect(['y', 'Y', 'n', 'N', 'escape', 'enter'].map((key) => keysScreenKeyAction(ask, k(key)))).toEqual([
      { type: 'answerDelete', yes: true },
      { type: 'answerDelete', yes: true },
      { type: 'answerDelete', yes: false },
      { type: 'answerDelete', yes: false },
      { type: 'answerDelete', yes: false },
      null,
    ]);
  });

  it('shows the new key: s saves it as a profile, Enter or Esc leave; the name prompt takes text', () => {
    const shown = keysCreated();
    expect(['s', 'S', 'enter', 'escape', 'q'].map((key) => keysScreenKeyAction(shown, k(key)))).toEqual([
      { type: 'offerSave' },
      { type: 'offerSave' },
      { type: 'back' },
      { type: 'back' },
      null,
    ]);
    const naming = runKeys(shown, { type: 'offerSave' });
    expect(['s', 'enter', 'escape'].map((key) => keysScreenKeyAction(naming, k(key)))).toEqual([
      { type: 'nameText', edit: { type: 'insert', text: 's' } },
      { type: 'confirmSave' },
      { type: 'back' },
    ]);
  });
});

describe('the create-key form keeps its keys', () => {
  const text = initKeyForm([{ id: 'b1', name: 'photos' }]);
  const list = { ...text, section: 'buckets' as const };
  it.each([
    ['tab', { type: 'nextSection' }, { type: 'nextSection' }],
    ['shift+tab', { type: 'prevSection' }, { type: 'prevSection' }],
    ['enter', { type: 'submit' }, { type: 'submit' }],
    ['escape', { type: 'cancel' }, { type: 'cancel' }],
    ['up', { type: 'prevSection' }, { type: 'cursor', by: -1 }],
    ['down', { type: 'nextSection' }, { type: 'cursor', by: 1 }],
    ['k', { type: 'text', edit: { type: 'insert', text: 'k' } }, { type: 'cursor', by: -1 }],
    ['j', { type: 'text', edit: { type: 'insert', text: 'j' } }, { type: 'cursor', by: 1 }],
    ['x', { type: 'text', edit: { type: 'insert', text: 'x' } }, { type: 'toggle' }],
    ['space', { type: 'text', edit: { type: 'insert', text: ' ' } }, { type: 'toggle' }],
    ['pageup', null, { type: 'cursor', by: -10 }],
    ['pagedown', null, { type: 'cursor', by: 10 }],
    ['home', { type: 'text', edit: { type: 'home' } }, { type: 'cursor', by: -1000 }],
    ['G', { type: 'text', edit: { type: 'insert', text: 'G' } }, { type: 'cursor', by: 1000 }],
    ['backspace', { type: 'text', edit: { type: 'backspace' } }, null],
  ])('%s: in a text section, in a list', (key, inText, inList) => {
    expect(keyFormKeyAction(text, k(key))).toEqual(inText);
    expect(keyFormKeyAction(list, k(key))).toEqual(inList);
  });
});

describe('the profiles screen keeps its keys', () => {
  const list = initProfilesScreen(PROFILES, 'work');
  it.each([
    ['up', { type: 'cursor', by: -1 }],
    ['j', { type: 'cursor', by: 1 }],
    ['g', { type: 'cursor', by: -10_000 }],
    ['end', { type: 'cursor', by: 10_000 }],
    ['enter', { type: 'choose' }],
    ['a', { type: 'add' }],
    ['f7', { type: 'add' }],
    ['insert', { type: 'add' }],
    ['r', { type: 'startRename' }],
    ['f2', { type: 'startRename' }],
    ['d', { type: 'askDelete' }],
    ['delete', { type: 'askDelete' }],
    ['*', { type: 'makeDefault' }],
    ['s', { type: 'makeDefault' }],
    ['i', { type: 'inspect' }],
    ['I', { type: 'inspect' }],
    ['f3', { type: 'inspect' }],
    ['escape', { type: 'back' }],
    ['q', { type: 'back' }],
    ['f10', { type: 'back' }],
    ['pagedown', null],
  ])('list: %s', (key, action) => {
    expect(profilesScreenKeyAction(list, k(key))).toEqual(action);
  });

  it('confirms deletes with y / n and lets only Esc leave a running operation', () => {
    const ask: ProfilesScreenState = { ...list, mode: { kind: 'confirm-delete', name: 'work' } };
    expect(profilesScreenKeyAction(ask, k('Y'))).toEqual({ type: 'answerDelete', yes: true });
    expect(profilesScreenKeyAction(ask, k('escape'))).toEqual({ type: 'answerDelete', yes: false });
    const working: ProfilesScreenState = {
      ...list,
      mode: { kind: 'working', requestId: 1, operation: { kind: 'delete', name: 'work' } },
    };
    expect(['escape', 'enter', 'q'].map((key) => profilesScreenKeyAction(working, k(key)))).toEqual([
      { type: 'back' },
      null,
      null,
    ]);
  });
});

describe('the wizard and the inspector keep their keys', () => {
  it('scrolls the review with the scroll keys; Enter saves, Esc goes back', () => {
    const review: WizardState = { ...initWizard(), stage: { kind: 'review' } };
    expect(['space', 'ctrl+b', 'G', 'enter', 'escape', 'q'].map((key) => wizardKeyAction(review, k(key)))).toEqual([
      { type: 'scroll', move: 'page-down' },
      { type: 'scroll', move: 'page-up' },
      { type: 'scroll', move: 'bottom' },
      { type: 'submit' },
      { type: 'cancel' },
      null,
    ]);
  });

  it('closes the inspector with Esc, Enter, q or I, and scrolls it', () => {
    const s = initInspector();
    expect(
      ['escape', 'enter', 'q', 'I', 'j', 'pagedown', 'home', 'x'].map((key) => inspectorKeyAction(s, k(key))),
    ).toEqual([
      { type: 'close' },
      { type: 'close' },
      { type: 'close' },
      { type: 'close' },
      { type: 'scroll', move: 'line-down' },
      { type: 'scroll', move: 'page-down' },
      { type: 'scroll', move: 'top' },
      null,
    ]);
  });
});

describe('user overrides reach the accounts screens', () => {
  it('rebinds a screen key and frees the old one', () => {
    const km = applyOverrides(DEFAULT_KEYMAP, { 'keys:add': ['c', 'F7'], 'profiles:makeDefault': ['D'] });
    const keys = keysList();
    expect(keysScreenKeyAction(keys, k('c'), km)).toEqual({ type: 'newKey' });
    expect(keysScreenKeyAction(keys, k('n'), km)).toBeNull();
    const profiles = initProfilesScreen(PROFILES, 'work');
    expect(profilesScreenKeyAction(profiles, k('D'), km)).toEqual({ type: 'makeDefault' });
    expect(profilesScreenKeyAction(profiles, k('s'), km)).toBeNull();
  });

  it('in a text field, a key bound to a command runs it and unbound printable keys still type', () => {
    const km = applyOverrides(DEFAULT_KEYMAP, { 'prompt:confirm': ['ctrl+s'], 'wizard:cancel': ['ctrl+q'] });
    const rename = profilesScreenKeyAction(initProfilesScreen(PROFILES, 'work'), k('r'), km);
    expect(rename).toEqual({ type: 'startRename' });
    const renaming: ProfilesScreenState = {
      ...initProfilesScreen(PROFILES, 'work'),
      mode: { kind: 'rename', from: 'work', name: { text: 'work', cursor: 4 }, error: null },
    };
    expect(profilesScreenKeyAction(renaming, k('ctrl+s'), km)).toEqual({ type: 'confirmRename' });
    expect(profilesScreenKeyAction(renaming, k('enter'), km)).toBeNull();
    expect(profilesScreenKeyAction(renaming, k('q'), km)).toEqual({
      type: 'renameText',
      edit: { type: 'insert', text: 'q' },
    });
    const wizard = initWizard();
    expect(wizardKeyAction(wizard, k('ctrl+q'), km)).toEqual({ type: 'cancel' });
    expect(wizardKeyAction(wizard, k('escape'), km)).toBeNull();
  });
});

describe('the help lists the accounts screens', () => {
  it('shows their keys as people read them', () => {
    const sections = helpSections(DEFAULT_KEYMAP);
    const keys = sections.find((s) => s.title === 'Application keys screen (K)');
    expect(keys?.rows.find((r) => r.command === 'add')).toEqual({
      command: 'add',
      keys: 'n F7 Insert',
      description: 'Create an application key',
    });
    const profiles = sections.find((s) => s.title === 'Profiles screen (P)');
    expect(profiles?.rows.find((r) => r.command === 'makeDefault')?.keys).toBe('* s');
    const inspector = sections.find((s) => s.title === 'Key inspector (I)');
    expect(inspector?.rows.find((r) => r.command === 'cancel')?.keys).toBe('Esc Enter q I');
  });
});
