/**
 * The keys screen: `KeysPage` draws a keys store (src/tui/accounts/keys-store.ts) and
 * `KeysScreen` runs one on its own (tests), with the keyboard through the app's one path.
 */
import type { ReactNode } from 'react';
import { KeysScreenStore, type KeysScreenEffects } from '../../tui/accounts/keys-store.js';
import { useTerminalSize } from '../terminal-size.js';
import { useStore } from '../useStore.js';
import { KeysView } from './KeysView.js';
import { useStandaloneScreen } from './useStandaloneScreen.js';

/** The keys screen of `store` in `height` rows. */
export function KeysPage({
  store,
  height,
  width,
}: {
  store: KeysScreenStore;
  height: number;
  width: number;
}): ReactNode {
  const state = useStore(store);
  return (
    <KeysView state={state} height={height} width={width} now={store.now} profilesInMemory={store.profilesInMemory} />
  );
}

export interface KeysScreenProps extends KeysScreenEffects {
  /** Rows / columns to fill (default: the terminal's, rows − 1). */
  height?: number;
  width?: number;
  /** Clock, ms since the epoch (default Date.now); read once when the screen opens. */
  now?: () => number;
}

/** List, create and delete application keys, on its own. */
export function KeysScreen(props: KeysScreenProps): ReactNode {
  const size = useTerminalSize();
  const store = useStandaloneScreen(() => new KeysScreenStore(props, (props.now ?? Date.now)()));
  return <KeysPage store={store} height={props.height ?? size.rows - 1} width={props.width ?? size.columns} />;
}
