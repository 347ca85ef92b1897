import { describe, expect, it } from 'vitest';
import { keyFormKeyAction } from '../../../src/state/accounts/key-form-keys.js';
import { keyFormReducer, type KeyFormAction } from '../../../src/state/accounts/key-form-reducer.js';
import { CHECKLIST, initKeyForm, type KeyFormState } from '../../../src/state/accounts/key-form-state.js';
import {
  describeLifetime,
  MAX_KEY_SECONDS,
  parseLifetime,
  validateKeyDraft,
} from '../../../src/state/accounts/key-form-validate.js';
import { k, typed } from './fixtures.js';

const BUCKETS = [
  { id: 'b2', name: 'photos' },
  { id: 'b1', name: 'backups' },
];
const run = (s: KeyFormState, ...actions: KeyFormAction[]): KeyFormState => actions.reduce(keyFormReducer, s);
const capRow = (name: string): number => CHECKLIST.findIndex((r) => r.kind === 'capability' && r.name === name);

describe('key lifetime', () => {
  it('reads units, "never" and empty; refuses what B2 refuses', () => {
    expect(parseLifetime('')).toEqual({ ok: true, seconds: null });
    expect(parseLifetime('never')).toEqual({ ok: true, seconds: null });
    expect(parseLifetime('90s')).toEqual({ ok: true, seconds: 90 });
    expect(parseLifetime('12h')).toEqual({ ok: true, seconds: 43_200 });
    expect(parseLifetime('7d')).toEqual({ ok: true, seconds: 604_800 });
    expect(parseLifetime('2W')).toEqual({ ok: true, seconds: 1_209_600 });
    expect(parseLifetime('1000d')).toEqual({ ok: true, seconds: MAX_KEY_SECONDS });
    expect(parseLifetime('1001d').ok).toBe(false);
    expect(parseLifetime('0s').ok).toBe(false);
    expect(parseLifetime('7')).toMatchObject({ ok: false, message: expect.stringContaining('a number and a unit') });
    expect(describeLifetime(604_800)).toBe('7d 00h');
  });
});

describe('key draft checks', () => {
  it('turns a good draft into a request in catalog order, without duplicates', () => {
    const r = validateKeyDraft({
      keyName: 'ci-1',
      capabilities: ['readFiles', 'listFiles', 'readFiles'],
      bucketIds: ['b1', 'b1'],
      namePrefix: 'a/',
      lifetime: '1d',
    });
    expect(r).toEqual({
      ok: true,
      request: {
        keyName: 'ci-1',
        capabilities: ['listFiles', 'readFiles'],
        bucketIds: ['b1'],
        namePrefix: 'a/',
        validDurationInSeconds: 86_400,
      },
    });
    const all = validateKeyDraft({
      keyName: 'x',
      capabilities: ['writeKeys'],
      bucketIds: [],
      namePrefix: '',
      lifetime: '',
    });
    expect(all).toEqual({
      ok: true,
      request: { keyName: 'x', capabilities: ['writeKeys'], bucketIds: null, namePrefix: null },
    });
  });

  it('names every problem with its field', () => {
    const r = validateKeyDraft({
      keyName: 'no spaces',
      capabilities: ['deleteKeys', 'teleport'],
      bucketIds: ['b1'],
      namePrefix: '',
      lifetime: '3x',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field)).toEqual(['name', 'capabilities', 'capabilities', 'lifetime']);
    expect(r.problems[1]?.message).toBe('Unknown capabilities: teleport.');
    expect(r.problems[2]?.message).toContain('A key limited to buckets cannot have deleteKeys');
    const prefix = validateKeyDraft({
      keyName: 'x',
      capabilities: ['listFiles'],
      bucketIds: [],
      namePrefix: 'a/',
      lifetime: '',
    });
    expect(prefix).toMatchObject({ ok: false, problems: [{ field: 'prefix' }] });
  });
});

describe('create-key form', () => {
  it('starts on the read-only preset, buckets sorted by name', () => {
    const f = initKeyForm(BUCKETS);
    expect(f.capabilities).toEqual(['listBuckets', 'listFiles', 'readFiles']);
    expect(f.buckets.map((b) => b.name)).toEqual(['backups', 'photos']);
  });

  it('ticking a bucket drops capabilities a bucket-limited key cannot hold, and refuses adding them', () => {
    let f = run(initKeyForm(BUCKETS), { type: 'nextSection' }, { type: 'nextSection' }, { type: 'nextSection' });
    expect(f.section).toBe('capabilities');
    f = run(f, { type: 'cursor', by: capRow('writeKeys') }, { type: 'toggle' });
    expect(f.capabilities).toContain('writeKeys');
    f = run(f, { type: 'prevSection' }, { type: 'prevSection' }, { type: 'toggle' });
    expect(f.chosenBuckets).toEqual(['b1']);
    expect(f.capabilities).not.toContain('writeKeys');
    f = run(f, { type: 'nextSection' }, { type: 'nextSection' }, { type: 'toggle' });
    expect(f.capabilities).not.toContain('writeKeys');
    expect(f.problems[0]?.message).toBe(
      'writeKeys is only for keys on all buckets; clear the bucket choice to add it.',
    );
  });

  it('a preset row replaces the set; Enter with problems focuses the first one; a clean form submits', () => {
    let f = run(initKeyForm(BUCKETS), { type: 'preset', id: 'write-only' });
    expect(f.capabilities).toEqual(['listBuckets', 'writeFiles']);
    f = run(f, { type: 'submit' });
    expect(f.section).toBe('name');
    expect(f.outcome).toBeNull();
    f = run(f, { type: 'text', edit: typed('drop-box') }, { type: 'submit' });
    expect(f.outcome).toEqual({
      kind: 'submit',
      request: { keyName: 'drop-box', capabilities: ['writeFiles', 'listBuckets'], bucketIds: null, namePrefix: null },
    });
    expect(run(f, { type: 'cancel' })).toBe(f);
  });

  it('keys: text in text sections, Space ticks in lists, ↑↓ move between text fields', () => {
    const f = initKeyForm(BUCKETS);
    expect(keyFormKeyAction(f, k('x'))).toEqual({ type: 'text', edit: { type: 'insert', text: 'x' } });
    expect(keyFormKeyAction(f, k('down'))).toEqual({ type: 'nextSection' });
    const list = { ...f, section: 'buckets' as const };
    expect(keyFormKeyAction(list, k('space'))).toEqual({ type: 'toggle' });
    expect(keyFormKeyAction(list, k('down'))).toEqual({ type: 'cursor', by: 1 });
    expect(keyFormKeyAction(list, k('enter'))).toEqual({ type: 'submit' });
    expect(keyFormKeyAction(list, k('escape'))).toEqual({ type: 'cancel' });
  });
});
