/**
 * The keys screen as one self-contained component: useKeysScreen (state + effects), KeysView, and
 * the keyboard adapter. Standalone (tests) it reads the keyboard while `active`; in the app it
 * takes `route`, so the app's one input owner hands it its keys (DESIGN.md: exactly one component
 * reads the keyboard).
 */
import { useState, type ReactNode } from 'react';
import { keysScreenKeyAction } from '../../state/accounts/keys-screen-keys.js';
import { useTerminalSize } from '../terminal-size.js';
import { KeysView } from './KeysView.js';
import { useKeysScreen, type KeysScreenEffects } from './useKeysScreen.js';
import { useScreenInput, type KeyRoute } from './useScreenInput.js';

export interface KeysScreenProps extends KeysScreenEffects {
  /** Whether the screen has the keyboard (default true). */
  active?: boolean;
  /** Where to publish the key handler instead of reading the keyboard (the app's controller calls it). */
  route?: KeyRoute;
  /** Rows / columns to fill (default: the terminal's, rows − 1). */
  height?: number;
  width?: number;
  /** Clock, ms since the epoch (default Date.now); read once when the screen opens. */
  now?: () => number;
}

/** List, create and delete application keys. */
export function KeysScreen(props: KeysScreenProps): ReactNode {
  const size = useTerminalSize();
  const [now] = useState(() => (props.now ?? Date.now)());
  const [state, dispatch] = useKeysScreen(props, now);
  useScreenInput(state, dispatch, keysScreenKeyAction, { isActive: props.active ?? true, route: props.route });
  return <KeysView state={state} height={props.height ?? size.rows - 1} width={props.width ?? size.columns} now={now} />;
}
