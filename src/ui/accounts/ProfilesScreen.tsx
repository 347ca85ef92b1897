/**
 * The profiles screen: `ProfilesPage` draws a profiles store (src/tui/accounts/profiles-store.ts)
 * — the list, or the wizard (add; also at once when there is no profile) or the key inspector
 * (inspect) it shows inside — and `ProfilesScreen` runs one on its own (tests), with the keyboard
 * through the app's one path.
 */
import type { ReactNode } from 'react';
import { ProfilesScreenStore, type ProfilesScreenEffects } from '../../tui/accounts/profiles-store.js';
import { useTerminalSize } from '../terminal-size.js';
import { useStore } from '../useStore.js';
import { WizardPage } from './AccountWizard.js';
import { InspectorPage } from './KeyInspectorScreen.js';
import { ProfilesView } from './ProfilesView.js';
import { useStandaloneScreen } from './useStandaloneScreen.js';

export interface ProfilesPageProps {
  store: ProfilesScreenStore;
  height: number;
  width: number;
  /** Clock, ms since the epoch (default Date.now). */
  now?: () => number;
}

/** The list, or what the screen shows inside it. */
export function ProfilesPage({ store, height, width, now }: ProfilesPageProps): ReactNode {
  const state = useStore(store);
  const nested = store.nested();
  if (nested?.kind === 'wizard') return <WizardPage store={nested.store} height={height} width={width} now={now} />;
  if (nested?.kind === 'inspector') {
    const facts = {
      keyInfo: nested.keyInfo,
      profileName: nested.name,
      source: 'profile',
      endpoint: nested.endpoint,
      page: 'inspector',
      title: 'Key inspector',
    } as const;
    return <InspectorPage store={nested.store} facts={facts} height={height} width={width} now={now} />;
  }
  return <ProfilesView state={state} height={height} width={width} inMemory={store.inMemory} />;
}

export interface ProfilesScreenProps extends ProfilesScreenEffects {
  /** Put the cursor on this profile (the pane's current one). */
  cursorOn?: string;
  height?: number;
  width?: number;
  /** Clock, ms since the epoch (default Date.now). */
  now?: () => number;
}

/** List, add, rename, delete, make default, inspect and choose profiles, on its own. */
export function ProfilesScreen(props: ProfilesScreenProps): ReactNode {
  const size = useTerminalSize();
  const store = useStandaloneScreen(() => new ProfilesScreenStore(props, props.cursorOn));
  return (
    <ProfilesPage
      store={store}
      height={props.height ?? size.rows - 1}
      width={props.width ?? size.columns}
      now={props.now}
    />
  );
}
