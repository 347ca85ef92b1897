/**
 * The account wizard's state (issue 4): key ID, key (masked), optional endpoint and profile name,
 * then verifying; on failure, plain words and the cursor on the field to fix (nothing retyped);
 * on success, the key inspector, then save (name checked; a duplicate asks to replace).
 *
 * `values.key` is the secret: the view shows it masked only, and nothing serialises this state.
 * Transitions are in ./wizard-reducer.ts, keys in ./wizard-keys.ts.
 */
import type { KeyInfo } from '../model/key-info.js';
import { SCROLL_TOP, type ScrollState } from './keys-screen-scroll.js';

/** The wizard's text fields, in order. */
export type WizardField = 'keyId' | 'key' | 'endpoint' | 'name';

/** Every field in tab order. */
export const WIZARD_FIELDS: readonly WizardField[] = ['keyId', 'key', 'endpoint', 'name'];

/** Fields that make up the credentials: editing one invalidates a finished verification. */
export const CREDENTIAL_FIELDS: readonly WizardField[] = ['keyId', 'key', 'endpoint'];

/**
 * Why verification failed, as the effect classified the provider's typed error:
 * `rejected` (AuthError: wrong ID or key, expired or deleted key), `unreachable`
 * (UnreachableError), `other` (anything else).
 */
export type VerifyFailureKind = 'rejected' | 'unreachable' | 'other';

/** A failure to show above the form: `message` is the provider's plain-words sentence. */
export interface VerifyFailure {
  kind: VerifyFailureKind;
  message: string;
}

/** Where the wizard is. */
export type WizardStage =
  | { kind: 'editing' }
  | { kind: 'verifying'; requestId: number }
  | { kind: 'review' }
  | { kind: 'confirm-replace' }
  | { kind: 'saving'; requestId: number; replace: boolean }
  | { kind: 'saved'; name: string }
  | { kind: 'cancelled' };

/** The whole wizard. */
export interface WizardState {
  values: Record<WizardField, string>;
  focus: WizardField;
  /** Cursor in the focused field, in code points. */
  cursor: number;
  stage: WizardStage;
  /** A problem under a field (cleared when the field is edited). */
  errors: Partial<Record<WizardField, string>>;
  /** The last verification or save failure, shown under the form (cleared when a field is edited). */
  failure: VerifyFailure | null;
  /** Names of the profiles that exist, for the duplicate check and the name suggestion. */
  existingNames: readonly string[];
  /** Bumped by every edit of a credential field. */
  credentialsVersion: number;
  /** The last successful verification and the credentials version it was for. */
  verified: { keyInfo: KeyInfo; version: number } | null;
  /** True once a verification was started: Enter then re-verifies from any field. */
  attempted: boolean;
  nextRequestId: number;
  /** The inspector's scroll position in review. */
  scroll: ScrollState;
}

/** Input of {@link initWizard}. */
export interface WizardInit {
  existingNames?: readonly string[];
  /** Prefilled values (never the secret from anywhere but the user). */
  endpoint?: string;
  name?: string;
}

/** A fresh wizard on the key ID field. */
export function initWizard(init: WizardInit = {}): WizardState {
  return {
    values: { keyId: '', key: '', endpoint: init.endpoint ?? '', name: init.name ?? '' },
    focus: 'keyId',
    cursor: 0,
    stage: { kind: 'editing' },
    errors: {},
    failure: null,
    existingNames: init.existingNames ?? [],
    credentialsVersion: 0,
    verified: null,
    attempted: false,
    nextRequestId: 1,
    scroll: SCROLL_TOP,
  };
}

/** The key info when the current credentials were verified, else null. */
export function verifiedKey(state: WizardState): KeyInfo | null {
  return state.verified !== null && state.verified.version === state.credentialsVersion ? state.verified.keyInfo : null;
}
