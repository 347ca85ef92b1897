/**
 * The create-key form's transitions. Choosing a bucket drops the capabilities a bucket-limited
 * key may not hold (B2 refuses them, docs/b2-api.md §2.5) and the checklist then refuses to add them;
 * a preset replaces the capability set. Submitting checks the draft (./key-form-validate.ts):
 * problems focus the first bad section, a clean draft becomes `outcome: submit`. Pure.
 */
import { describeCapability, KEY_PRESETS, type KeyPresetId } from '../permissions/capabilities.js';
import { validateKeyDraft } from './key-form-validate.js';
import { CHECKLIST, isTextSection, KEY_FORM_SECTIONS, type KeyFormState } from './key-form-state.js';
import { editLine, type LineEdit } from '../keyboard/line-edit.js';

/** Everything that can happen to the form. */
export type KeyFormAction =
  | { type: 'text'; edit: LineEdit }
  | { type: 'nextSection' }
  | { type: 'prevSection' }
  | { type: 'cursor'; by: number }
  | { type: 'toggle' }
  | { type: 'preset'; id: KeyPresetId }
  | { type: 'submit' }
  | { type: 'cancel' };

const clamp = (n: number, max: number): number => Math.max(0, Math.min(max, n));

function moveSection(state: KeyFormState, by: 1 | -1): KeyFormState {
  const i = KEY_FORM_SECTIONS.indexOf(state.section);
  return {
    ...state,
    section: KEY_FORM_SECTIONS[(i + by + KEY_FORM_SECTIONS.length) % KEY_FORM_SECTIONS.length] ?? 'name',
  };
}

/** Whether a capability may be ticked with the current bucket choice. */
export function capabilityAllowed(state: Pick<KeyFormState, 'chosenBuckets'>, name: string): boolean {
  return state.chosenBuckets.length === 0 || describeCapability(name).bucketScoped;
}

function applyPreset(state: KeyFormState, id: KeyPresetId): KeyFormState {
  const preset = KEY_PRESETS.find((p) => p.id === id);
  if (preset === undefined) return state;
  return {
    ...state,
    capabilities: preset.capabilities.filter((c) => capabilityAllowed(state, c)),
    problems: state.problems.filter((p) => p.field !== 'capabilities'),
  };
}

function toggle(state: KeyFormState): KeyFormState {
  if (state.section === 'buckets') {
    const bucket = state.buckets[state.bucketCursor];
    if (bucket === undefined) return state;
    const chosen = state.chosenBuckets.includes(bucket.id)
      ? state.chosenBuckets.filter((id) => id !== bucket.id)
      : [...state.chosenBuckets, bucket.id];
    const next = {
      ...state,
      chosenBuckets: chosen,
      problems: state.problems.filter((p) => p.field !== 'buckets' && p.field !== 'prefix'),
    };
    return { ...next, capabilities: next.capabilities.filter((c) => capabilityAllowed(next, c)) };
  }
  if (state.section === 'capabilities') {
    const row = CHECKLIST[state.checklistCursor];
    if (row === undefined) return state;
    if (row.kind === 'preset') return applyPreset(state, row.id);
    const held = state.capabilities.includes(row.name);
    if (!held && !capabilityAllowed(state, row.name)) {
      return {
        ...state,
        problems: [
          {
            field: 'capabilities',
            message: `${row.name} is only for keys on all buckets; clear the bucket choice to add it.`,
          },
        ],
      };
    }
    return {
      ...state,
      capabilities: held ? state.capabilities.filter((c) => c !== row.name) : [...state.capabilities, row.name],
      problems: state.problems.filter((p) => p.field !== 'capabilities'),
    };
  }
  return state;
}

function submit(state: KeyFormState): KeyFormState {
  const result = validateKeyDraft({
    keyName: state.text.name.text,
    capabilities: state.capabilities,
    bucketIds: state.chosenBuckets,
    namePrefix: state.text.prefix.text,
    lifetime: state.text.lifetime.text,
  });
  if (!result.ok) return { ...state, problems: result.problems, section: result.problems[0]?.field ?? state.section };
  return { ...state, problems: [], outcome: { kind: 'submit', request: result.request } };
}

/** The form's reducer. Once it has an outcome it ignores further actions. */
export function keyFormReducer(state: KeyFormState, action: KeyFormAction): KeyFormState {
  if (state.outcome !== null) return state;
  switch (action.type) {
    case 'text': {
      if (!isTextSection(state.section)) return state;
      const section = state.section;
      const edited = editLine(state.text[section], action.edit);
      const changed = edited.text !== state.text[section].text;
      return {
        ...state,
        text: { ...state.text, [section]: edited },
        problems: changed ? state.problems.filter((p) => p.field !== section) : state.problems,
      };
    }
    case 'nextSection':
      return moveSection(state, 1);
    case 'prevSection':
      return moveSection(state, -1);
    case 'cursor':
      if (state.section === 'buckets')
        return { ...state, bucketCursor: clamp(state.bucketCursor + action.by, state.buckets.length - 1) };
      if (state.section === 'capabilities')
        return { ...state, checklistCursor: clamp(state.checklistCursor + action.by, CHECKLIST.length - 1) };
      return state;
    case 'toggle':
      return toggle(state);
    case 'preset':
      return applyPreset(state, action.id);
    case 'submit':
      return submit(state);
    case 'cancel':
      return { ...state, outcome: { kind: 'cancel' } };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
