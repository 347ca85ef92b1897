/**
 * The profiles screen's transitions. Store operations and inspecting run outside and answer
 * with the request id; the list is replaced by what the store holds afterwards (`refreshed`). Pure.
 */
import type { KeyInfo } from '../model/key-info.js';
import type { ProfileRow, ProfilesOperation, ProfilesScreenState } from './profiles-screen-state.js';
import { editLine, lineOf, type LineEdit } from '../keyboard/line-edit.js';
import { wizardNameProblem } from './wizard-validate.js';

/** Everything that can happen to the profiles screen. */
export type ProfilesScreenAction =
  | { type: 'cursor'; by: number }
  | { type: 'choose' }
  | { type: 'add' }
  | { type: 'wizardDone'; name: string; profiles: ProfileRow[]; defaultName: string | null }
  | { type: 'wizardCancelled' }
  | { type: 'startRename' }
  | { type: 'renameText'; edit: LineEdit }
  | { type: 'confirmRename' }
  | { type: 'askDelete' }
  | { type: 'answerDelete'; yes: boolean }
  | { type: 'makeDefault' }
  | { type: 'inspect' }
  | { type: 'inspected'; requestId: number; keyInfo: KeyInfo; endpoint: string | null }
  | { type: 'refreshed'; requestId: number; profiles: ProfileRow[]; defaultName: string | null; message: string }
  | { type: 'failed'; requestId: number; message: string }
  | { type: 'back' }
  | { type: 'close' };

function start(state: ProfilesScreenState, operation: ProfilesOperation): ProfilesScreenState {
  return {
    ...state,
    mode: { kind: 'working', requestId: state.nextRequestId, operation },
    nextRequestId: state.nextRequestId + 1,
    message: null,
  };
}

function withList(
  state: ProfilesScreenState,
  profiles: ProfileRow[],
  defaultName: string | null,
  cursorOn: string | null,
): ProfilesScreenState {
  const at = cursorOn === null ? -1 : profiles.findIndex((p) => p.name === cursorOn);
  const cursor = at >= 0 ? at : Math.min(state.cursor, Math.max(0, profiles.length - 1));
  return {
    ...state,
    profiles,
    defaultName,
    cursor,
    mode: profiles.length === 0 ? { kind: 'wizard' } : { kind: 'list' },
  };
}

function confirmRename(state: ProfilesScreenState): ProfilesScreenState {
  const mode = state.mode;
  if (mode.kind !== 'rename') return state;
  const to = mode.name.text;
  if (to === mode.from) return { ...state, mode: { kind: 'list' } };
  const problem =
    wizardNameProblem(to) ??
    (state.profiles.some((p) => p.name === to) ? 'A profile with that name exists already.' : null);
  if (problem !== null) return { ...state, mode: { ...mode, error: problem } };
  return start(state, { kind: 'rename', from: mode.from, to });
}

/** The name a finished operation leaves the cursor on. */
function cursorAfter(op: ProfilesOperation): string | null {
  switch (op.kind) {
    case 'rename':
      return op.to;
    case 'set-default':
    case 'inspect':
      return op.name;
    case 'delete':
      return null;
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}

/** The profiles screen's reducer. */
export function profilesScreenReducer(state: ProfilesScreenState, action: ProfilesScreenAction): ProfilesScreenState {
  const mode = state.mode;
  const selected = state.profiles[state.cursor];
  const inList = mode.kind === 'list';
  switch (action.type) {
    case 'cursor':
      return inList
        ? { ...state, cursor: Math.max(0, Math.min(state.profiles.length - 1, state.cursor + action.by)) }
        : state;
    case 'choose':
      return inList && selected !== undefined ? { ...state, mode: { kind: 'chosen', name: selected.name } } : state;
    case 'add':
      return inList ? { ...state, mode: { kind: 'wizard' }, message: null } : state;
    case 'wizardDone':
      if (mode.kind !== 'wizard') return state;
      return {
        ...withList(state, action.profiles, action.defaultName, action.name),
        message: { tone: 'info', text: `Saved profile ${action.name}.` },
      };
    case 'wizardCancelled':
      if (mode.kind !== 'wizard') return state;
      return state.profiles.length === 0
        ? { ...state, mode: { kind: 'closed' } }
        : { ...state, mode: { kind: 'list' } };
    case 'startRename':
      return inList && selected !== undefined
        ? {
            ...state,
            mode: { kind: 'rename', from: selected.name, name: lineOf(selected.name), error: null },
            message: null,
          }
        : state;
    case 'renameText':
      return mode.kind === 'rename'
        ? { ...state, mode: { ...mode, name: editLine(mode.name, action.edit), error: null } }
        : state;
    case 'confirmRename':
      return confirmRename(state);
    case 'askDelete':
      return inList && selected !== undefined
        ? { ...state, mode: { kind: 'confirm-delete', name: selected.name }, message: null }
        : state;
    case 'answerDelete':
      if (mode.kind !== 'confirm-delete') return state;
      return action.yes ? start(state, { kind: 'delete', name: mode.name }) : { ...state, mode: { kind: 'list' } };
    case 'makeDefault':
      return inList && selected !== undefined ? start(state, { kind: 'set-default', name: selected.name }) : state;
    case 'inspect':
      return inList && selected !== undefined ? start(state, { kind: 'inspect', name: selected.name }) : state;
    case 'inspected':
      if (mode.kind !== 'working' || mode.requestId !== action.requestId || mode.operation.kind !== 'inspect')
        return state;
      return {
        ...state,
        mode: { kind: 'inspecting', name: mode.operation.name, keyInfo: action.keyInfo, endpoint: action.endpoint },
      };
    case 'refreshed':
      if (mode.kind !== 'working' || mode.requestId !== action.requestId) return state;
      return {
        ...withList(state, action.profiles, action.defaultName, cursorAfter(mode.operation)),
        message: { tone: 'info', text: action.message },
      };
    case 'failed':
      if (mode.kind !== 'working' || mode.requestId !== action.requestId) return state;
      return { ...state, mode: { kind: 'list' }, message: { tone: 'error', text: action.message } };
    case 'back':
      switch (mode.kind) {
        case 'rename':
        case 'confirm-delete':
        case 'inspecting':
          return { ...state, mode: { kind: 'list' } };
        case 'list':
          return { ...state, mode: { kind: 'closed' } };
        case 'working':
          // Leaving while B2 is asked (inspect) drops its answer; store operations are instant.
          return { ...state, mode: { kind: 'list' } };
        case 'wizard':
        case 'chosen':
        case 'closed':
          return state;
        default: {
          const unreachable: never = mode;
          return unreachable;
        }
      }
    case 'close':
      return { ...state, mode: { kind: 'closed' } };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
