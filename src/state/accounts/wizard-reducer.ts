/**
 * The account wizard's transitions (state in ./wizard-state.ts). Pure: the effects (verify,
 * save) run outside and report back with `verified` / `verifyFailed` / `saved` / `saveFailed`,
 * tagged with the request id they were started for, so a late answer to a cancelled request is
 * dropped.
 */
import { scrollBy, scrollLimit, SCROLL_TOP, type ScrollMove } from './keys-screen-scroll.js';
import type { KeyInfo } from '../model/key-info.js';
import {
  CREDENTIAL_FIELDS,
  WIZARD_FIELDS,
  type VerifyFailure,
  type WizardField,
  type WizardState,
} from './wizard-state.js';
import { editLine, type LineEdit } from '../keyboard/line-edit.js';
import {
  endpointProblem,
  keyIdProblem,
  keyProblem,
  suggestProfileName,
  trimCredential,
  wizardNameProblem,
} from './wizard-validate.js';

/** Everything that can happen to the wizard. */
export type WizardAction =
  | { type: 'text'; edit: LineEdit }
  | { type: 'focus'; field: WizardField }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'submit' }
  | { type: 'cancel' }
  | { type: 'verified'; requestId: number; keyInfo: KeyInfo }
  | { type: 'verifyFailed'; requestId: number; failure: VerifyFailure }
  | { type: 'answerReplace'; replace: boolean }
  | { type: 'saved'; requestId: number; name: string }
  | { type: 'saveFailed'; requestId: number; message: string; field?: WizardField }
  | { type: 'scroll'; move: ScrollMove }
  | { type: 'scrollLimit'; max: number };

/** The field to send the user back to after a failed verification. */
export function fieldToFix(kind: VerifyFailure['kind']): WizardField {
  switch (kind) {
    case 'rejected':
      return 'key';
    case 'unreachable':
      return 'endpoint';
    case 'other':
      return 'keyId';
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/** The name to save under: what was typed, or the suggestion when the field is empty. */
export function profileNameToSave(state: WizardState): string {
  return state.values.name === '' ? suggestProfileName(state.existingNames) : state.values.name;
}

function problemOf(state: WizardState, field: WizardField): string | null {
  const v = state.values[field];
  switch (field) {
    case 'keyId':
      return keyIdProblem(v);
    case 'key':
      return keyProblem(v);
    case 'endpoint':
      return endpointProblem(v);
    case 'name':
      return v === '' ? null : wizardNameProblem(v);
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

/** Focus on `field` with the cursor at the end of its text. */
function focusOn(state: WizardState, field: WizardField): WizardState {
  return { ...state, focus: field, cursor: [...state.values[field]].length };
}

function move(state: WizardState, by: 1 | -1): WizardState {
  const i = WIZARD_FIELDS.indexOf(state.focus);
  return focusOn(state, WIZARD_FIELDS[(i + by + WIZARD_FIELDS.length) % WIZARD_FIELDS.length] ?? 'keyId');
}

/** Trims pasted whitespace off the credential fields (never part of a key). */
function normalised(state: WizardState): WizardState {
  const values = { ...state.values };
  for (const f of CREDENTIAL_FIELDS) values[f] = trimCredential(values[f]);
  const changed = CREDENTIAL_FIELDS.some((f) => values[f] !== state.values[f]);
  return changed
    ? {
        ...state,
        values,
        cursor: Math.min(state.cursor, [...values[state.focus]].length),
        credentialsVersion: state.credentialsVersion + 1,
      }
    : state;
}

function startVerifying(state: WizardState): WizardState {
  if (state.verified !== null && state.verified.version === state.credentialsVersion) {
    return { ...state, stage: { kind: 'review' }, scroll: SCROLL_TOP };
  }
  return {
    ...state,
    stage: { kind: 'verifying', requestId: state.nextRequestId },
    nextRequestId: state.nextRequestId + 1,
    failure: null,
    attempted: true,
  };
}

function submitEditing(raw: WizardState): WizardState {
  const state = normalised(raw);
  const own = problemOf(state, state.focus);
  if (own !== null) return { ...state, errors: { ...state.errors, [state.focus]: own } };
  const last = state.focus === WIZARD_FIELDS[WIZARD_FIELDS.length - 1];
  if (!last && !state.attempted) return move(state, 1);
  const firstBad = WIZARD_FIELDS.find((f) => problemOf(state, f) !== null);
  if (firstBad !== undefined)
    return { ...focusOn(state, firstBad), errors: { ...state.errors, [firstBad]: problemOf(state, firstBad) ?? '' } };
  return startVerifying(state);
}

function submitReview(state: WizardState): WizardState {
  const name = profileNameToSave(state);
  const problem = wizardNameProblem(name);
  if (problem !== null)
    return { ...focusOn(state, 'name'), stage: { kind: 'editing' }, errors: { ...state.errors, name: problem } };
  if (state.existingNames.includes(name)) return { ...state, stage: { kind: 'confirm-replace' } };
  return {
    ...state,
    stage: { kind: 'saving', requestId: state.nextRequestId, replace: false },
    nextRequestId: state.nextRequestId + 1,
  };
}

function cancel(state: WizardState): WizardState {
  switch (state.stage.kind) {
    case 'editing':
      return { ...state, stage: { kind: 'cancelled' } };
    case 'verifying':
      // The effect aborts; its late answer carries a stale request id and is dropped.
      return {
        ...state,
        stage: { kind: 'editing' },
        failure: { kind: 'other', message: 'Verification cancelled. Press Enter to try again.' },
      };
    case 'review':
      return { ...state, stage: { kind: 'editing' } };
    case 'confirm-replace':
      return { ...state, stage: { kind: 'review' } };
    case 'saving':
    case 'saved':
    case 'cancelled':
      return state;
    default: {
      const unreachable: never = state.stage;
      return unreachable;
    }
  }
}

/** The wizard's reducer. Actions that make no sense in the current stage leave the state as it is. */
export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  const stage = state.stage;
  switch (action.type) {
    case 'text': {
      if (stage.kind !== 'editing') return state;
      // Always the focused field of the latest state: a key can never land in a field the user left.
      const field = state.focus;
      const edited = editLine({ text: state.values[field], cursor: state.cursor }, action.edit);
      if (edited.text === state.values[field])
        return edited.cursor === state.cursor ? state : { ...state, cursor: edited.cursor };
      const { [field]: _cleared, ...errors } = state.errors;
      return {
        ...state,
        values: { ...state.values, [field]: edited.text },
        cursor: edited.cursor,
        errors,
        // The last check's failure was about the values then; once one changes it no longer applies.
        failure: null,
        credentialsVersion: CREDENTIAL_FIELDS.includes(field) ? state.credentialsVersion + 1 : state.credentialsVersion,
      };
    }
    case 'focus':
      return stage.kind === 'editing' ? focusOn(state, action.field) : state;
    case 'next':
    case 'prev':
      return stage.kind === 'editing' ? move(state, action.type === 'next' ? 1 : -1) : state;
    case 'submit':
      if (stage.kind === 'editing') return submitEditing(state);
      if (stage.kind === 'review') return submitReview(state);
      return state;
    case 'cancel':
      return cancel(state);
    case 'verified':
      if (stage.kind !== 'verifying' || stage.requestId !== action.requestId) return state;
      return {
        ...state,
        stage: { kind: 'review' },
        verified: { keyInfo: action.keyInfo, version: state.credentialsVersion },
        failure: null,
        scroll: SCROLL_TOP,
      };
    case 'verifyFailed': {
      if (stage.kind !== 'verifying' || stage.requestId !== action.requestId) return state;
      return {
        ...focusOn(state, fieldToFix(action.failure.kind)),
        stage: { kind: 'editing' },
        failure: action.failure,
      };
    }
    case 'answerReplace':
      if (stage.kind !== 'confirm-replace') return state;
      if (!action.replace)
        return {
          ...focusOn(state, 'name'),
          stage: { kind: 'editing' },
          errors: { ...state.errors, name: 'That name is taken: type another one, or confirm replacing it.' },
        };
      return {
        ...state,
        stage: { kind: 'saving', requestId: state.nextRequestId, replace: true },
        nextRequestId: state.nextRequestId + 1,
      };
    case 'saved':
      if (stage.kind !== 'saving' || stage.requestId !== action.requestId) return state;
      return { ...state, stage: { kind: 'saved', name: action.name } };
    case 'saveFailed': {
      if (stage.kind !== 'saving' || stage.requestId !== action.requestId) return state;
      const failure: VerifyFailure = { kind: 'other', message: action.message };
      if (action.field !== undefined)
        return {
          ...focusOn(state, action.field),
          stage: { kind: 'editing' },
          failure,
          errors: { ...state.errors, [action.field]: action.message },
        };
      return { ...state, stage: { kind: 'review' }, failure };
    }
    case 'scroll':
      return stage.kind === 'review' ? { ...state, scroll: scrollBy(state.scroll, action.move) } : state;
    case 'scrollLimit': {
      const scroll = scrollLimit(state.scroll, action.max);
      return scroll === state.scroll ? state : { ...state, scroll };
    }
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
