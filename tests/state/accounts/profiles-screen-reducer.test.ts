import { describe, expect, it } from 'vitest';
import { profilesScreenKeyAction } from '../../../src/state/accounts/profiles-screen-keys.js';
import {
  profilesScreenReducer,
  type ProfilesScreenAction,
} from '../../../src/state/accounts/profiles-screen-reducer.js';
import { initProfilesScreen, type ProfilesScreenState } from '../../../src/state/accounts/profiles-screen-state.js';
import { k, keyInfo, typed } from './fixtures.js';

const PROFILES = [
  { name: 'work', applicationKeyId: 'k1' },
  { name: 'lab', applicationKeyId: 'k2', endpoint: 'http://127.0.0.1:9' },
];
const run = (s: ProfilesScreenState, ...actions: ProfilesScreenAction[]): ProfilesScreenState =>
  actions.reduce(profilesScreenReducer, s);
const working = (s: ProfilesScreenState): number => {
  if (s.mode.kind !== 'working') throw new Error(s.mode.kind);
  return s.mode.requestId;
};

describe('profiles screen reducer', () => {
  it('opens the wizard when there is no profile; cancelling it closes the screen', () => {
    const s = initProfilesScreen([], null);
    expect(s.mode.kind).toBe('wizard');
    expect(run(s, { type: 'wizardCancelled' }).mode.kind).toBe('closed');
  });

  it("starts on the pane's profile and chooses the one under the cursor", () => {
    const s = initProfilesScreen(PROFILES, 'work', { cursorOn: 'lab' });
    expect(s.cursor).toBe(1);
    expect(run(s, { type: 'choose' }).mode).toEqual({ kind: 'chosen', name: 'lab' });
  });

  it('renames after checking the new name, then follows the profile with the cursor', () => {
    let s = run(initProfilesScreen(PROFILES, 'work'), { type: 'startRename' });
    expect(s.mode).toMatchObject({ kind: 'rename', from: 'work', name: { text: 'work' } });
    s = run(
      s,
      { type: 'renameText', edit: { type: 'clear' } },
      { type: 'renameText', edit: typed('lab') },
      { type: 'confirmRename' },
    );
    expect(s.mode).toMatchObject({ kind: 'rename', error: 'A profile with that name exists already.' });
    s = run(s, { type: 'renameText', edit: typed('2') }, { type: 'confirmRename' });
    const id = working(s);
    expect(s.mode).toMatchObject({ operation: { kind: 'rename', from: 'work', to: 'lab2' } });
    expect(
      run(s, { type: 'refreshed', requestId: id + 1, profiles: [], defaultName: null, message: '' }).mode.kind,
    ).toBe('working');
    s = run(s, {
      type: 'refreshed',
      requestId: id,
      profiles: [PROFILES[1]!, { name: 'lab2', applicationKeyId: 'k1' }],
      defaultName: 'lab2',
      message: 'Renamed work to lab2.',
    });
    expect(s.cursor).toBe(1);
    expect(s.message).toEqual({ tone: 'info', text: 'Renamed work to lab2.' });
  });

  it('deletes only after yes; a store failure comes back as the message', () => {
    let s = run(initProfilesScreen(PROFILES, 'work'), { type: 'askDelete' });
    expect(run(s, { type: 'answerDelete', yes: false }).mode.kind).toBe('list');
    s = run(s, { type: 'answerDelete', yes: true });
    expect(s.mode).toMatchObject({ operation: { kind: 'delete', name: 'work' } });
    s = run(s, { type: 'failed', requestId: working(s), message: 'The config file is read-only.' });
    expect(s).toMatchObject({
      mode: { kind: 'list' },
      message: { tone: 'error', text: 'The config file is read-only.' },
    });
  });

  it('inspects a profile and goes back to the list', () => {
    let s = run(initProfilesScreen(PROFILES, 'work'), { type: 'inspect' });
    s = run(s, { type: 'inspected', requestId: working(s), keyInfo: keyInfo(), endpoint: null });
    expect(s.mode).toMatchObject({ kind: 'inspecting', name: 'work' });
    expect(run(s, { type: 'back' }).mode.kind).toBe('list');
  });

  it('maps keys per mode', () => {
    const s = initProfilesScreen(PROFILES, 'work');
    expect(profilesScreenKeyAction(s, k('a'))).toEqual({ type: 'add' });
    expect(profilesScreenKeyAction(s, k('*'))).toEqual({ type: 'makeDefault' });
    expect(profilesScreenKeyAction(s, k('enter'))).toEqual({ type: 'choose' });
    const rename = run(s, { type: 'startRename' });
    expect(profilesScreenKeyAction(rename, k('a'))).toEqual({
      type: 'renameText',
      edit: { type: 'insert', text: 'a' },
    });
    expect(profilesScreenKeyAction(rename, k('enter'))).toEqual({ type: 'confirmRename' });
  });
});
