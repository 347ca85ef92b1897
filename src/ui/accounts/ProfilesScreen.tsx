/**
 * The profiles screen as one self-contained component: the list (useProfilesScreen +
 * ProfilesView), the account wizard for "add" (also opened at once when there is no profile), and
 * the key inspector for "inspect". Exactly one of them reads keys at a time.
 */
import { useCallback, useState, type ReactNode } from 'react';
import type { Profile } from '../../config/index.js';
import type { KeyInfo } from '../../state/key-info.js';
import { profilesScreenKeyAction } from '../../state/profiles-screen-keys.js';
import { useTerminalSize } from '../terminal-size.js';
import { AccountWizard } from './AccountWizard.js';
import { KeyInspectorScreen } from './KeyInspectorScreen.js';
import { ProfilesView } from './ProfilesView.js';
import { useProfilesScreen, type ProfilesScreenEffects } from './useProfilesScreen.js';
import { useScreenInput } from './useScreenInput.js';

export interface ProfilesScreenProps extends ProfilesScreenEffects {
  /** Put the cursor on this profile (the pane's current one). */
  cursorOn?: string;
  /** Whether the screen has the keyboard (default true). */
  active?: boolean;
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
  useScreenInput(state, dispatch, profilesScreenKeyAction, { isActive: active && mode.kind !== 'wizard' && mode.kind !== 'inspecting' });
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
        active={active}
        height={height}
        width={width}
        now={now}
      />
    );
  }
  if (mode.kind === 'inspecting') {
    return <KeyInspectorScreen keyInfo={mode.keyInfo} profileName={mode.name} source="profile" endpoint={mode.endpoint} onClose={onInspectorClose} active={active} height={height} now={now} />;
  }
  return <ProfilesView state={state} height={height} width={width} />;
}
