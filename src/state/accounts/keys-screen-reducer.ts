/**
 * The keys screen's transitions. Effects (list, create, delete, save profile) run outside and
 * answer with the request id they were started for; stale answers are dropped. The new key's
 * secret lives only in the `created` mode and is gone once the user leaves it. Pure.
 */
import { initKeyForm, type BucketChoice } from './key-form-state.js';
import { keyFormReducer, type KeyFormAction } from './key-form-reducer.js';
import type { KeysScreenState } from './keys-screen-state.js';
import type { CreatedKey, KeyRecord } from '../model/key-info.js';
import { editLine, lineOf, type LineEdit } from '../keyboard/line-edit.js';
import { wizardNameProblem } from './wizard-validate.js';

/** Everything that can happen to the keys screen. */
export type KeysScreenAction =
  | { type: 'cursor'; by: number }
  | { type: 'reload' }
  | { type: 'loaded'; requestId: number; keys: KeyRecord[]; buckets: BucketChoice[] }
  | { type: 'loadFailed'; requestId: number; message: string }
  | { type: 'newKey' }
  | { type: 'form'; action: KeyFormAction }
  | { type: 'created'; requestId: number; key: CreatedKey }
  | { type: 'createFailed'; requestId: number; message: string }
  | { type: 'askDelete' }
  | { type: 'answerDelete'; yes: boolean }
  | { type: 'deleted'; requestId: number }
  | { type: 'deleteFailed'; requestId: number; message: string }
  | { type: 'offerSave' }
  | { type: 'nameText'; edit: LineEdit }
  | { type: 'confirmSave' }
  | { type: 'profileSaved'; requestId: number }
  | { type: 'profileSaveFailed'; requestId: number; message: string }
  | { type: 'back' }
  | { type: 'close' };

function reload(state: KeysScreenState, message: KeysScreenState['message']): KeysScreenState {
  if (!state.access.list.allowed) return { ...state, mode: { kind: 'list' }, message };
  return {
    ...state,
    mode: { kind: 'list' },
    load: { kind: 'loading', requestId: state.nextRequestId },
    nextRequestId: state.nextRequestId + 1,
    message,
  };
}

function onForm(state: KeysScreenState, action: KeyFormAction): KeysScreenState {
  if (state.mode.kind !== 'form') return state;
  const form = keyFormReducer(state.mode.form, action);
  const outcome = form.outcome;
  if (outcome === null) return { ...state, mode: { kind: 'form', form } };
  if (outcome.kind === 'cancel') return { ...state, mode: { kind: 'list' }, message: null };
  return {
    ...state,
    mode: {
      kind: 'creating',
      requestId: state.nextRequestId,
      request: outcome.request,
      form: { ...form, outcome: null },
    },
    nextRequestId: state.nextRequestId + 1,
    message: null,
  };
}

function suggestedName(state: KeysScreenState, keyName: string): string {
  return state.existingProfileNames.includes(keyName) ? '' : keyName;
}

function confirmSave(state: KeysScreenState): KeysScreenState {
  const mode = state.mode;
  if (mode.kind !== 'created' || mode.save.kind !== 'naming') return state;
  const name = mode.save.name.text;
  const problem =
    wizardNameProblem(name) ??
    (state.existingProfileNames.includes(name)
      ? 'A profile with that name exists already; choose another name.'
      : null);
  if (problem !== null) return { ...state, mode: { ...mode, save: { ...mode.save, error: problem } } };
  return {
    ...state,
    mode: { ...mode, save: { kind: 'saving', requestId: state.nextRequestId, name } },
    nextRequestId: state.nextRequestId + 1,
  };
}

/** Leaves the current mode: from `created` this forgets the secret and reloads the list. */
function back(state: KeysScreenState): KeysScreenState {
  const mode = state.mode;
  switch (mode.kind) {
    case 'created':
      if (mode.save.kind === 'naming') return { ...state, mode: { ...mode, save: { kind: 'offer' } } };
      if (mode.save.kind === 'saving') return state;
      return reload(state, { tone: 'info', text: `Key ${mode.key.keyName} created.` });
    case 'form':
      return onForm(state, { type: 'cancel' });
    case 'confirm-delete':
      return { ...state, mode: { kind: 'list' } };
    case 'list':
      return { ...state, mode: { kind: 'closed' } };
    case 'creating':
    case 'deleting':
    case 'closed':
      return state;
    default: {
      const unreachable: never = mode;
      return unreachable;
    }
  }
}

/** The keys screen's reducer. */
export function keysScreenReducer(state: KeysScreenState, action: KeysScreenAction): KeysScreenState {
  const mode = state.mode;
  switch (action.type) {
    case 'cursor':
      return mode.kind === 'list'
        ? { ...state, cursor: Math.max(0, Math.min(state.keys.length - 1, state.cursor + action.by)) }
        : state;
    case 'reload':
      return mode.kind === 'list' ? reload(state, null) : state;
    case 'loaded':
      if (state.load.kind !== 'loading' || state.load.requestId !== action.requestId) return state;
      return {
        ...state,
        load: { kind: 'loaded' },
        keys: action.keys,
        buckets: action.buckets,
        cursor: Math.min(state.cursor, Math.max(0, action.keys.length - 1)),
      };
    case 'loadFailed':
      if (state.load.kind !== 'loading' || state.load.requestId !== action.requestId) return state;
      return { ...state, load: { kind: 'failed', message: action.message } };
    case 'newKey':
      if (mode.kind !== 'list') return state;
      if (!state.access.create.allowed)
        return {
          ...state,
          message: { tone: 'error', text: state.access.create.reason ?? 'This key may not create keys.' },
        };
      return { ...state, mode: { kind: 'form', form: initKeyForm(state.buckets) }, message: null };
    case 'form':
      return onForm(state, action.action);
    case 'created':
      if (mode.kind !== 'creating' || mode.requestId !== action.requestId) return state;
      return { ...state, mode: { kind: 'created', key: action.key, save: { kind: 'offer' } } };
    case 'createFailed':
      if (mode.kind !== 'creating' || mode.requestId !== action.requestId) return state;
      return { ...state, mode: { kind: 'form', form: mode.form }, message: { tone: 'error', text: action.message } };
    case 'askDelete': {
      if (mode.kind !== 'list') return state;
      if (!state.access.delete.allowed)
        return {
          ...state,
          message: { tone: 'error', text: state.access.delete.reason ?? 'This key may not delete keys.' },
        };
      const key = state.keys[state.cursor];
      return key === undefined ? state : { ...state, mode: { kind: 'confirm-delete', key }, message: null };
    }
    case 'answerDelete':
      if (mode.kind !== 'confirm-delete') return state;
      if (!action.yes) return { ...state, mode: { kind: 'list' } };
      return {
        ...state,
        mode: { kind: 'deleting', requestId: state.nextRequestId, key: mode.key },
        nextRequestId: state.nextRequestId + 1,
      };
    case 'deleted':
      if (mode.kind !== 'deleting' || mode.requestId !== action.requestId) return state;
      return reload(state, { tone: 'info', text: `Deleted key ${mode.key.keyName}.` });
    case 'deleteFailed':
      if (mode.kind !== 'deleting' || mode.requestId !== action.requestId) return state;
      return { ...state, mode: { kind: 'list' }, message: { tone: 'error', text: action.message } };
    case 'offerSave':
      if (mode.kind !== 'created' || mode.save.kind !== 'offer') return state;
      return {
        ...state,
        mode: { ...mode, save: { kind: 'naming', name: lineOf(suggestedName(state, mode.key.keyName)), error: null } },
      };
    case 'nameText':
      if (mode.kind !== 'created' || mode.save.kind !== 'naming') return state;
      return {
        ...state,
        mode: { ...mode, save: { kind: 'naming', name: editLine(mode.save.name, action.edit), error: null } },
      };
    case 'confirmSave':
      return confirmSave(state);
    case 'profileSaved':
      if (mode.kind !== 'created' || mode.save.kind !== 'saving' || mode.save.requestId !== action.requestId)
        return state;
      return {
        ...state,
        mode: { ...mode, save: { kind: 'saved', name: mode.save.name } },
        existingProfileNames: [...state.existingProfileNames, mode.save.name],
      };
    case 'profileSaveFailed':
      if (mode.kind !== 'created' || mode.save.kind !== 'saving' || mode.save.requestId !== action.requestId)
        return state;
      return {
        ...state,
        mode: { ...mode, save: { kind: 'naming', name: lineOf(mode.save.name), error: action.message } },
      };
    case 'back':
      return back(state);
    case 'close':
      return mode.kind === 'creating' || mode.kind === 'deleting' ? state : { ...state, mode: { kind: 'closed' } };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
