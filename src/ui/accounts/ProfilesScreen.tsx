/**
 * The profiles screen as one self-contained component: the list (useProfilesScreen +
 * ProfilesView), the account wizard for "add" (also opened at once when there is no profile), and
 * the key inspector for "inspect". Keys reach it once — from `route` (the app's one input owner
 * calls it) or, standalone, from its own keyboard reader — and it hands them to whichever part is
 * showing.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { Profile } from '../../config/index.js';
import type { KeyInfo } from '../../state/model/key-info.js';
import type { Keymap } from '../../state/keyboard/keymap.js';
import { profilesScreenKeyAction } from '../../state/accounts/profiles-screen-keys.js';
import type { ScreenKey } from '../../state/keyboard/screen-key.js';
import { useTerminalSize } from '../terminal-size.js';
import { AccountWizard } from './AccountWizard.js';
import { KeyInspectorScreen } from './KeyInspectorScreen.js';
import { ProfilesView } from './ProfilesView.js';
import { useProfilesScreen, type ProfilesScreenEffects } from './useProfilesScreen.js';
import { useKeyReader, type KeyRoute } from './useScreenInput.js';

export interface ProfilesScreenProps extends ProfilesScreenEffects {
  /** Put the cursor on this profile (the pane's current one). */
  cursorOn?: string;
  /** Whether the screen has the keyboard (default true). */
  active?: boolean;
  /** Where to publish the key handler instead of reading the keyboard (the app's controller calls it). */
  route?: KeyRoute;
  height?: number;
  width?: number;
  /** Clock, ms since the epoch (default Date.now). */
  now?: () => number;
}

/** List, add, rename, delete, make default, inspect and choose profiles. */
export function ProfilesScreen(props: ProfilesScreenProps): ReactNode {
  const size = useTerminalSize();
  const height = props.height ?? size.rows - 1;
  const width = props.width ?? size.columns;
  const active = props.active ?? true;
  const [state, dispatch] = useProfilesScreen(props, props.cursorOn);
  const [now] = useState(() => props.now ?? Date.now);
  const mode = state.mode;
  // One keyboard reader for the whole screen, never switched off and on between its parts (a
  // re-subscription after a render would drop the keys typed in between): the wizard and the
  // inspector publish their handlers into `route`, the list is handled here.
  const route: KeyRoute = useRef(null);
  const latest = useRef(state);
  latest.current = state;
  const list = (k: ScreenKey, keymap: Keymap): void => {
    const a = profilesScreenKeyAction(latest.current, k, keymap);
    if (a !== null) dispatch(a);
  };
  const handle = (k: ScreenKey, keymap: Keymap): void => {
    const nested = latest.current.mode.kind === 'wizard' || latest.current.mode.kind === 'inspecting';
    if (nested) route.current?.(k, keymap);
    else list(k, keymap);
  };
  // Published during render, like useScreenInput: the parent can never route a key to a screen
  // that is not there yet.
  if (props.route !== undefined) props.route.current = handle;
  useKeyReader(handle, active && props.route === undefined);
  const { store } = props;
  const save = useCallback((p: Profile) => {
    store.saveProfile(p);
  }, [store]);
  const onDone = useCallback(
    (name: string, _keyInfo: KeyInfo) => dispatch({ type: 'wizardDone', name, profiles: store.listProfiles(), defaultName: store.getDefaultProfileName() }),
    [store, dispatch],
  );
  const onCancel = useCallback(() => dispatch({ type: 'wizardCancelled' }), [dispatch]);
  const onInspectorClose = useCallback(() => dispatch({ type: 'back' }), [dispatch]);
  if (mode.kind === 'wizard') {
    return (
      <AccountWizard
        verify={props.verify}
        save={save}
        onDone={onDone}
        onCancel={onCancel}
        existingNames={state.profiles.map((p) => p.name)}
        route={route}
        height={height}
        width={width}
        now={now}
      />
    );
  }
  if (mode.kind === 'inspecting') {
    return <KeyInspectorScreen keyInfo={mode.keyInfo} profileName={mode.name} source="profile" endpoint={mode.endpoint} onClose={onInspectorClose} route={route} height={height} width={width} now={now} />;
  }
  return <ProfilesView state={state} height={height} width={width} />;
}
