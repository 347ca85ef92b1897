/**
 * The accounts screen on top, in place of the panes: the account wizard (no profile yet), the
 * key inspector (I), key management (K) or profiles (P), as the core publishes it
 * (src/tui/accounts/account-screens.ts). Render only: the core's controller hands the screen its
 * keys; nothing here reads the keyboard.
 */
import type { ReactNode } from 'react';
import type { AccountScreens as Screens } from '../../tui/accounts/account-screens.js';
import { WizardPage } from '../accounts/AccountWizard.js';
import { InspectorPage } from '../accounts/KeyInspectorScreen.js';
import { KeysPage } from '../accounts/KeysScreen.js';
import { ProfilesPage } from '../accounts/ProfilesScreen.js';
import { useStore } from '../useStore.js';

export interface AccountScreensProps {
  screens: Screens;
  width: number;
  height: number;
}

/** The screen on top, or null. */
export function AccountScreens({ screens, width, height }: AccountScreensProps): ReactNode {
  const shown = useStore(screens.shown);
  if (shown === null) return null;
  switch (shown.kind) {
    case 'wizard':
      return <WizardPage store={shown.store} width={width} height={height} />;
    case 'inspector':
      return <InspectorPage store={shown.store} facts={shown.facts} width={width} height={height} />;
    case 'keys':
      return <KeysPage store={shown.store} width={width} height={height} />;
    case 'profiles':
      return <ProfilesPage store={shown.store} width={width} height={height} />;
    default: {
      const never: never = shown;
      return never;
    }
  }
}
