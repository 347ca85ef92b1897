/**
 * The accounts screens the panes open — I key inspector, K keys, P profiles — as a dialog kind:
 * they replace the panes instead of being drawn over them, and take every key themselves
 * (../accounts/account-screens.ts), so the dialog commands never reach them.
 */
import type { PaneSide } from '../../state/app/app-state.js';
import { closeDialog, type DialogModule } from './dialog-module.js';

/** The accounts screens the panes open. */
export type AccountScreen = 'keyInspector' | 'keys' | 'profiles';

export interface ScreenDialog {
  kind: 'screen';
  screen: AccountScreen;
  /** The pane that opened it (a profile chosen in P opens there). */
  side: PaneSide;
  /** The pane's profile, or null on the local disk (P only). */
  profile: string | null;
}

export const screenDialog: DialogModule<ScreenDialog> = { confirm: closeDialog };
