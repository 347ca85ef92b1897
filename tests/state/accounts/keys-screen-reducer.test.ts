import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../../src/state/permissions/capabilities.js';
import { keysScreenKeyAction } from '../../../src/state/accounts/keys-screen-keys.js';
import { keysScreenReducer, type KeysScreenAction } from '../../../src/state/accounts/keys-screen-reducer.js';
import { initKeysScreen, type KeysScreenState } from '../../../src/state/accounts/keys-screen-state.js';
import type { KeyRecord } from '../../../src/state/model/key-info.js';
import { DAY, k, keyInfo, NOW, typed } from './fixtures.js';

const master = keyInfo({ isMaster: true, applicationKeyId: 'acc-1', capabilities: CAPABILITIES.map((c) => c.name) });
const run = (s: KeysScreenState, ...actions: KeysScreenAction[]): KeysScreenState =>
  actions.reduce(keysScreenReducer, s);
const row = (id: string, name: string): KeyRecord => ({
  applicationKeyId: id,
  keyName: name,
  capabilities: ['listFiles'],
  bucketIds: null,
  namePrefix: null,
  expiresAt: null,
});
const SECRET = 'K004-the-new-secret';

function loaded(): KeysScreenState {
  const s = initKeysScreen(master, NOW, ['default']);
  if (s.load.kind !== 'loading') throw new Error('not loading');
  return run(s, {
    type: 'loaded',
    requestId: s.load.requestId,
    keys: [row('k1', 'one'), row('k2', 'two')],
    buckets: [{ id: 'b1', name: 'photos' }],
  });
}

describe('keys screen reducer', () => {
  it("greys list, create and delete for a key without key management, with the rules' reasons", () => {
    const s = initKeysScreen(keyInfo({ capabilities: ['listFiles'] }), NOW);
    expect(s.load.kind).toBe('not-allowed');
    expect(s.access.list.reason).toBe(
      'List keys needs the listKeys capability; this key has no key-management capabilities.',
    );
    expect(run(s, { type: 'newKey' }).message?.text).toContain('Create key needs the writeKeys capability');
    expect(run(s, { type: 'askDelete' }).mode.kind).toBe('list');
    const expired = initKeysScreen({ ...master, expiresAt: NOW - DAY }, NOW);
    expect(expired.access.create.reason).toBe('This key expired on 2026-05-09.');
  });

  it('drops a stale listing and keeps the cursor inside the list', () => {
    const s = initKeysScreen(master, NOW);
    expect(run(s, { type: 'loaded', requestId: 999, keys: [row('k', 'x')], buckets: [] }).keys).toEqual([]);
    const l = run(loaded(), { type: 'cursor', by: 10 });
    expect(l.cursor).toBe(1);
  });

  it('creates a key: form → creating → the secret shown → leaving forgets it and reloads', () => {
    let s = run(loaded(), { type: 'newKey' });
    expect(s.mode.kind).toBe('form');
    s = run(
      s,
      { type: 'form', action: { type: 'text', edit: typed('ci') } },
      { type: 'form', action: { type: 'submit' } },
    );
    if (s.mode.kind !== 'creating') throw new Error(s.mode.kind);
    const id = s.mode.requestId;
    expect(s.mode.request).toMatchObject({ keyName: 'ci', bucketIds: null });
    s = run(s, { type: 'created', requestId: id, key: { ...row('k3', 'ci'), applicationKey: SECRET } });
    expect(s.mode).toMatchObject({ kind: 'created', save: { kind: 'offer' } });
    expect(JSON.stringify(s)).toContain(SECRET);
    s = run(s, { type: 'back' });
    expect(s.mode.kind).toBe('list');
    expect(s.load.kind).toBe('loading');
    expect(s.message?.text).toBe('Key ci created.');
    expect(JSON.stringify(s)).not.toContain(SECRET);
  });

  it("a failed create returns to the filled form with B2's reason", () => {
    let s = run(
      loaded(),
      { type: 'newKey' },
      { type: 'form', action: { type: 'text', edit: typed('ci') } },
      { type: 'form', action: { type: 'submit' } },
    );
    if (s.mode.kind !== 'creating') throw new Error(s.mode.kind);
    s = run(s, { type: 'createFailed', requestId: s.mode.requestId, message: 'B2 said no.' });
    expect(s.mode.kind).toBe('form');
    if (s.mode.kind === 'form') expect(s.mode.form.text.name.text).toBe('ci');
    expect(s.message).toEqual({ tone: 'error', text: 'B2 said no.' });
  });

  it('offers to save the new key as a profile, refusing a taken name', () => {
    let s = run(
      loaded(),
      { type: 'newKey' },
      { type: 'form', action: { type: 'text', edit: typed('default') } },
      { type: 'form', action: { type: 'submit' } },
    );
    if (s.mode.kind !== 'creating') throw new Error(s.mode.kind);
    s = run(
      s,
      { type: 'created', requestId: s.mode.requestId, key: { ...row('k3', 'default'), applicationKey: SECRET } },
      { type: 'offerSave' },
    );
    expect(s.mode).toMatchObject({ save: { kind: 'naming', name: { text: '' } } });
    s = run(s, { type: 'nameText', edit: typed('default') }, { type: 'confirmSave' });
    expect(s.mode).toMatchObject({
      save: { kind: 'naming', error: 'A profile with that name exists already; choose another name.' },
    });
    s = run(s, { type: 'nameText', edit: typed('2') }, { type: 'confirmSave' });
    if (s.mode.kind !== 'created' || s.mode.save.kind !== 'saving') throw new Error('not saving');
    s = run(s, { type: 'profileSaved', requestId: s.mode.save.requestId });
    expect(s.mode).toMatchObject({ save: { kind: 'saved', name: 'default2' } });
    expect(s.existingProfileNames).toContain('default2');
  });

  it('deletes only after yes, and reloads', () => {
    let s = run(loaded(), { type: 'cursor', by: 1 }, { type: 'askDelete' });
    expect(s.mode).toMatchObject({ kind: 'confirm-delete', key: { keyName: 'two' } });
    expect(run(s, { type: 'answerDelete', yes: false }).mode.kind).toBe('list');
    s = run(s, { type: 'answerDelete', yes: true });
    if (s.mode.kind !== 'deleting') throw new Error(s.mode.kind);
    s = run(s, { type: 'deleted', requestId: s.mode.requestId });
    expect(s.message?.text).toBe('Deleted key two.');
    expect(s.load.kind).toBe('loading');
  });

  it('maps keys per mode', () => {
    const s = loaded();
    expect(keysScreenKeyAction(s, k('n'))).toEqual({ type: 'newKey' });
    expect(keysScreenKeyAction(s, k('f8'))).toEqual({ type: 'askDelete' });
    expect(keysScreenKeyAction(s, k('escape'))).toEqual({ type: 'close' });
    const form = run(s, { type: 'newKey' });
    expect(keysScreenKeyAction(form, k('n'))).toEqual({
      type: 'form',
      action: { type: 'text', edit: { type: 'insert', text: 'n' } },
    });
  });
});
