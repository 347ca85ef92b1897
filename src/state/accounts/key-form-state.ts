/**
 * The create-key form's state: name, buckets (none = all; several through v4 `bucketIds`), name
 * prefix, a capability checklist with presets, and lifetime. Transitions in ./key-form-reducer.ts,
 * keys in ./key-form-keys.ts, checks in ./key-form-validate.ts. Pure data.
 */
import { CAPABILITIES, KEY_PRESETS, type KeyPresetId } from '../permissions/capabilities.js';
import type { CheckedKeyRequest, KeyDraftProblem } from './key-form-validate.js';
import { lineOf, type LineState } from '../keyboard/line-edit.js';

/** The form's sections in Tab order. */
export type KeyFormSection = 'name' | 'buckets' | 'prefix' | 'capabilities' | 'lifetime';

/** Every section in Tab order. */
export const KEY_FORM_SECTIONS: readonly KeyFormSection[] = ['name', 'buckets', 'prefix', 'capabilities', 'lifetime'];

/** The text sections. */
export type KeyFormTextSection = 'name' | 'prefix' | 'lifetime';

/** A bucket the new key may be limited to. */
export interface BucketChoice {
  id: string;
  name: string;
}

/** One row of the capability checklist: a preset to apply, or a capability to toggle. */
export type ChecklistRow = { kind: 'preset'; id: KeyPresetId } | { kind: 'capability'; name: string };

/** The checklist: the presets first, then every capability b2c knows in catalog order. */
export const CHECKLIST: readonly ChecklistRow[] = [
  ...KEY_PRESETS.map((p): ChecklistRow => ({ kind: 'preset', id: p.id })),
  ...CAPABILITIES.map((c): ChecklistRow => ({ kind: 'capability', name: c.name })),
];

/** What the form ended with, for the screen that hosts it. */
export type KeyFormOutcome = { kind: 'submit'; request: CheckedKeyRequest } | { kind: 'cancel' } | null;

/** The form. */
export interface KeyFormState {
  text: Record<KeyFormTextSection, LineState>;
  /** Buckets the signed-in key can see, sorted by name. */
  buckets: readonly BucketChoice[];
  /** Chosen bucket IDs; empty = all buckets. */
  chosenBuckets: readonly string[];
  /** Chosen capability names. */
  capabilities: readonly string[];
  section: KeyFormSection;
  bucketCursor: number;
  checklistCursor: number;
  problems: readonly KeyDraftProblem[];
  outcome: KeyFormOutcome;
}

/** A blank form (read-only preset chosen) over the buckets the key can see. */
export function initKeyForm(buckets: readonly BucketChoice[]): KeyFormState {
  const readOnly = KEY_PRESETS.find((p) => p.id === 'read-only');
  return {
    text: { name: lineOf(''), prefix: lineOf(''), lifetime: lineOf('') },
    buckets: [...buckets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    chosenBuckets: [],
    capabilities: [...(readOnly?.capabilities ?? [])],
    section: 'name',
    bucketCursor: 0,
    checklistCursor: 0,
    problems: [],
    outcome: null,
  };
}

/** True for the text sections. */
export function isTextSection(section: KeyFormSection): section is KeyFormTextSection {
  return section === 'name' || section === 'prefix' || section === 'lifetime';
}
