/**
 * The accounts screens: the account wizard, the key inspector, profiles and key management.
 *
 * Every screen comes in three layers, so the app can mount it either way:
 *
 * 1. Pure state in src/state: a reducer over an exhaustively switched action union and a key
 *    function `(state, ScreenKey, keymap) → action | null` that looks keys up in the keymap
 *    (contexts in state/keymap-accounts.ts; pass the app's keymap so user overrides apply):
 *    - wizard: `initWizard`, `wizardReducer`, `wizardKeyAction` (state/wizard-*.ts)
 *    - key inspector: `initInspector`, `inspectorReducer`, `inspectorKeyAction`
 *      (state/keys-screen-inspector.ts); facts and lines in state/keys-screen-facts.ts, -lines.ts
 *    - keys screen: `initKeysScreen`, `keysScreenReducer`, `keysScreenKeyAction`
 *      (state/keys-screen-*.ts), with the create-key form in state/key-form-*.ts
 *    - profiles screen: `initProfilesScreen`, `profilesScreenReducer`, `profilesScreenKeyAction`
 *      (state/profiles-screen-*.ts)
 *    Text fields are edited in state too (state/line-edit.ts), so the key functions take
 *    typed text as well: no component of these screens reads the keyboard.
 * 2. A hook with the effects (`useWizard`, `useKeysScreen`, `useProfilesScreen`) and a
 *    render-only view (`WizardView`, `KeyInspector`, `KeysView`, `ProfilesView`).
 * 3. A self-contained container (`AccountWizard`, `KeyInspectorScreen`, `KeysScreen`,
 *    `ProfilesScreen`) = hook + view + `useScreenInput`, for standalone use and tests.
 *
 * Mounting in the app with its single input owner: use layer 2 and route keys yourself —
 *
 *   const [state, dispatch] = useWizard({ verify: verifyCredentials, save: (p) => config.saveProfile(p), onDone, onCancel },
 *                                       { existingNames });
 *   // in the input owner, while the wizard is on top:
 *   for (const k of toScreenKeys(input, key, raw)) { const a = wizardKeyAction(state, k, keymap); if (a) dispatch(a); }
 *   <WizardView state={state} onScrollLimit={(max) => dispatch({ type: 'scrollLimit', max })} active height width now />
 *
 * — or mount a container with `active` true only while it is on top (it then reads keys itself
 * through useScreenInput, which the input owner should then not also handle).
 *
 * Effects the app passes: `verify` = `verifyCredentials` (src/commands/session.ts); `save`,
 * `store` = the ConfigStore (src/config); `admin` = `provider.keys`; `listBuckets` = the
 * provider's bucket list mapped to `{id, name}`. Every string from outside is sanitised in the
 * views; the only secret ever drawn is a newly created key's, once (NewKeySecret).
 */
export { AccountWizard, type AccountWizardProps } from './AccountWizard.js';
export { WizardView, type WizardViewProps } from './WizardView.js';
export { useWizard, classifyVerifyError, type WizardEffects, type WizardCredentials } from './useWizard.js';
export { KeyInspector, type KeyInspectorProps } from './KeyInspector.js';
export { KeyInspectorScreen, type KeyInspectorScreenProps } from './KeyInspectorScreen.js';
export { KeysScreen, type KeysScreenProps } from './KeysScreen.js';
export { KeysView, type KeysViewProps } from './KeysView.js';
export { useKeysScreen, type KeysScreenEffects, type KeyAdminPort } from './useKeysScreen.js';
export { ProfilesScreen, type ProfilesScreenProps } from './ProfilesScreen.js';
export { ProfilesView, type ProfilesViewProps } from './ProfilesView.js';
export { useProfilesScreen, type ProfilesScreenEffects, type ProfileStorePort } from './useProfilesScreen.js';
export { useScreenInput, toScreenKeys } from './useScreenInput.js';
