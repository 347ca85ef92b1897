import { describe, expect, it } from 'vitest';
import { profileNameProblem } from '../../../src/config/index.js';
import { wizardKeyAction } from '../../../src/state/accounts/wizard-keys.js';
import { profileNameToSave, wizardReducer, type WizardAction } from '../../../src/state/accounts/wizard-reducer.js';
import { initWizard, verifiedKey, type WizardState } from '../../../src/state/accounts/wizard-state.js';
import { suggestProfileName, wizardNameProblem } from '../../../src/state/accounts/wizard-validate.js';
import { k, keyInfo, typed } from './fixtures.js';

const run = (s: WizardState, ...actions: WizardAction[]): WizardState => actions.reduce(wizardReducer, s);
const type = (text: string): WizardAction => ({ type: 'text', edit: typed(text) });
const submit: WizardAction = { type: 'submit' };

/** Key ID, key and endpoint typed, Enter after each: the cursor is on the name field. */
function filled(existingNames: string[] = []): WizardState {
  return run(
    initWizard({ existingNames }),
    type('kid'),
    submit,
    type('secret'),
    submit,
    type('http://127.0.0.1:9'),
    submit,
  );
}

function verifying(s: WizardState): number {
  if (s.stage.kind !== 'verifying') throw new Error(`stage ${s.stage.kind}`);
  return s.stage.requestId;
}

describe('wizard reducer', () => {
  it('walks the fields with Enter, refusing an empty key ID in place', () => {
    let s = run(initWizard(), submit);
    expect(s.focus).toBe('keyId');
    expect(s.errors.keyId).toContain('Enter the application key ID');
    s = run(s, type('kid'));
    expect(s.errors.keyId).toBeUndefined();
    s = run(s, submit);
    expect(s.focus).toBe('key');
    expect(filled().focus).toBe('name');
  });

  it('applies typed text to the field focused in the latest state, never to one already left', () => {
    const s = run(initWizard(), type('kid'), submit, type('secret'));
    expect(s.values).toMatchObject({ keyId: 'kid', key: 'secret' });
  });

  it('verifies once every field is right, and shows the key when B2 accepts it', () => {
    let s = run(filled(), submit);
    const id = verifying(s);
    s = run(s, { type: 'verified', requestId: id + 7, keyInfo: keyInfo() });
    expect(s.stage.kind).toBe('verifying');
    s = run(s, { type: 'verified', requestId: id, keyInfo: keyInfo({ applicationKeyId: 'kid' }) });
    expect(s.stage.kind).toBe('review');
    expect(verifiedKey(s)?.applicationKeyId).toBe('kid');
  });

  it('after a rejected key: says why, keeps every field, puts the cursor on the key, and Enter retries at once', () => {
    let s = run(filled(), submit);
    s = run(s, {
      type: 'verifyFailed',
      requestId: verifying(s),
      failure: { kind: 'rejected', message: 'B2 rejected the application key ID or key.' },
    });
    expect(s.stage.kind).toBe('editing');
    expect(s.focus).toBe('key');
    expect(s.failure?.message).toBe('B2 rejected the application key ID or key.');
    expect(s.values).toEqual({ keyId: 'kid', key: 'secret', endpoint: 'http://127.0.0.1:9', name: '' });
    s = run(s, { type: 'text', edit: { type: 'backspace' } }, type('T'), submit);
    expect(s.values.key).toBe('secreT');
    expect(s.stage.kind).toBe('verifying');
  });

  it('sends an unreachable endpoint back to the endpoint field', () => {
    let s = run(filled(), submit);
    s = run(s, {
      type: 'verifyFailed',
      requestId: verifying(s),
      failure: { kind: 'unreachable', message: 'Cannot reach B2.' },
    });
    expect(s.focus).toBe('endpoint');
  });

  it('drops the last failure once a field is edited: it was about the values then', () => {
    let s = run(filled(), submit);
    s = run(s, {
      type: 'verifyFailed',
      requestId: verifying(s),
      failure: { kind: 'unreachable', message: 'Cannot reach B2.' },
    });
    s = run(s, { type: 'text', edit: { type: 'clear' } });
    expect(s.failure).toBeNull();
    s = run(s, type('127.0.0.1:1'), submit);
    expect(s.failure).toBeNull();
    expect(s.errors.endpoint).toContain('must be an http:// or https:// URL');
  });

  it('drops the answer of a verification the user cancelled', () => {
    let s = run(filled(), submit);
    const id = verifying(s);
    s = run(s, { type: 'cancel' });
    expect(s.stage.kind).toBe('editing');
    expect(s.failure?.message).toContain('cancelled');
    s = run(s, { type: 'verified', requestId: id, keyInfo: keyInfo() });
    expect(s.stage.kind).toBe('editing');
    expect(verifiedKey(s)).toBeNull();
  });

  it('re-verifies only when a credential changed since the last success', () => {
    let s = run(filled(), submit);
    s = run(s, { type: 'verified', requestId: verifying(s), keyInfo: keyInfo() }, { type: 'cancel' });
    expect(s.stage.kind).toBe('editing');
    s = run(s, { type: 'focus', field: 'name' }, type('work'), submit);
    expect(s.stage.kind).toBe('review');
    s = run(s, { type: 'cancel' }, { type: 'focus', field: 'endpoint' }, type('0'), submit);
    expect(s.stage.kind).toBe('verifying');
    expect(verifiedKey(s)).toBeNull();
  });

  it('saves under the suggestion when the name is empty, and asks before replacing a taken name', () => {
    let s = run(filled(['default']), submit);
    s = run(s, { type: 'verified', requestId: verifying(s), keyInfo: keyInfo() });
    expect(profileNameToSave(s)).toBe('profile-2');
    expect(run(s, submit).stage).toMatchObject({ kind: 'saving', replace: false });

    let t = run(filled(['work']), type('work'), submit);
    t = run(t, { type: 'verified', requestId: verifying(t), keyInfo: keyInfo() }, submit);
    expect(t.stage.kind).toBe('confirm-replace');
    const no = run(t, { type: 'answerReplace', replace: false });
    expect(no.stage.kind).toBe('editing');
    expect(no.focus).toBe('name');
    expect(no.errors.name).toContain('taken');
    const yes = run(t, { type: 'answerReplace', replace: true });
    expect(yes.stage).toMatchObject({ kind: 'saving', replace: true });
    if (yes.stage.kind !== 'saving') throw new Error('not saving');
    expect(run(yes, { type: 'saved', requestId: yes.stage.requestId, name: 'work' }).stage).toEqual({
      kind: 'saved',
      name: 'work',
    });
    const failed = run(yes, {
      type: 'saveFailed',
      requestId: yes.stage.requestId,
      message: 'disk full',
      field: 'name',
    });
    expect(failed).toMatchObject({ stage: { kind: 'editing' }, focus: 'name', errors: { name: 'disk full' } });
  });

  it('refuses a bad profile name in its field and trims pasted whitespace off credentials', () => {
    const s = run(filled(), type(' work'), submit);
    expect(s.errors.name).toBe('A profile name cannot start or end with a space.');
    const pasted = run(initWizard(), type('kid  '), submit);
    expect(pasted.values.keyId).toBe('kid');
    expect(pasted.focus).toBe('key');
  });

  it('scrolls the review within the limit the view reports', () => {
    let s = run(filled(), submit);
    s = run(s, { type: 'verified', requestId: verifying(s), keyInfo: keyInfo() }, { type: 'scrollLimit', max: 3 });
    s = run(s, { type: 'scroll', move: 'page-down' });
    expect(s.scroll.offset).toBe(3);
    expect(run(s, { type: 'scroll', move: 'top' }).scroll.offset).toBe(0);
    expect(run(s, { type: 'scrollLimit', max: 3 })).toBe(s);
  });
});

describe('wizard keys', () => {
  it('maps keys per stage: text to the field, Enter submit, Esc leave, y/n for replacing', () => {
    const s = initWizard();
    expect(wizardKeyAction(s, k('a'))).toEqual({ type: 'text', edit: { type: 'insert', text: 'a' } });
    expect(wizardKeyAction(s, k('enter'))).toEqual({ type: 'submit' });
    expect(wizardKeyAction(s, k('tab'))).toEqual({ type: 'next' });
    expect(wizardKeyAction(s, k('escape'))).toEqual({ type: 'cancel' });
    const verifyingState = run(filled(), submit);
    expect(wizardKeyAction(verifyingState, k('a'))).toBeNull();
    expect(wizardKeyAction(verifyingState, k('escape'))).toEqual({ type: 'cancel' });
    const replace: WizardState = { ...s, stage: { kind: 'confirm-replace' } };
    expect(wizardKeyAction(replace, k('y'))).toEqual({ type: 'answerReplace', replace: true });
    expect(wizardKeyAction(replace, k('escape'))).toEqual({ type: 'answerReplace', replace: false });
  });
});

describe('wizard name rules', () => {
  it('agree with the config store on every kind of name', () => {
    const names = [
      'work',
      'a',
      'x'.repeat(64),
      'x'.repeat(65),
      '',
      ' work',
      'work ',
      'wo rk',
      'bad\x1bname',
      'rtl\u202ename',
      'line\u2028sep',
      'ünïcødé',
      '😀 emoji',
      '\tTab',
    ];
    for (const name of names) expect(wizardNameProblem(name), JSON.stringify(name)).toBe(profileNameProblem(name));
  });

  it('suggests default, then the first free profile-N', () => {
    expect(suggestProfileName([])).toBe('default');
    expect(suggestProfileName(['default', 'profile-2'])).toBe('profile-3');
  });
});
