/**
 * The key inspector as a screen of its own: what the active pane's key may do — or, for a key B2
 * refuses to sign in with, what is known of it and why — scrollable, closed with Esc/Enter/q/I. Self-contained (state, view, keyboard adapter); the app may instead drive
 * `inspectorReducer` / `inspectorKeyAction` from its input owner and render <KeyInspector>.
 */
import { redactUrlUserInfo } from '../../config/redact.js';
import { Box, Text } from 'ink';
import { useCallback, useEffect, useReducer, type ReactNode } from 'react';
import type { KeyInfo } from '../../state/model/key-info.js';
import { keyFacts, type KeySource } from '../../state/accounts/keys-screen-facts.js';
import { keyFactLines, type FactLine } from '../../state/accounts/keys-screen-lines.js';
import { keysUnavailableLines, unusableKeyLines } from '../../state/accounts/keys-screen-unusable.js';
import { initInspector, inspectorKeyAction, inspectorReducer } from '../../state/accounts/keys-screen-inspector.js';
import { useTerminalSize } from '../terminal-size.js';
import { useTheme } from '../theme-context.js';
import { KeyInspector } from './KeyInspector.js';
import { useScreenInput, type KeyRoute } from './useScreenInput.js';

export interface KeyInspectorScreenProps {
  /** What the key may do (the provider's `keyInfo`; never a secret), or null when it cannot sign in. */
  keyInfo: KeyInfo | null;
  /**
   * When `keyInfo` is null: why B2 refused to sign in, and what is known of the key without it
   * (the profile's key ID; the expiry when the profile's source knows it).
   */
  refusal?: { reason: string; applicationKeyId: string | null; expiresAt?: number | null };
  /** The screen's title (default "Key inspector"). */
  title?: string;
  /** Which page: the key inspector (default), or the keys screen's explanation for a key that cannot sign in. */
  page?: 'inspector' | 'keys-unavailable';
  /** The profile's name, or null for environment credentials. */
  profileName: string | null;
  source: KeySource;
  /** API base URL, or null for the real B2. */
  endpoint: string | null;
  onClose: () => void;
  /** Whether the screen has the keyboard (default true). */
  active?: boolean;
  /** When set, the screen does not read keys: it publishes its key handler here for a parent that does. */
  route?: KeyRoute;
  /** Rows / columns to fill (default: the terminal's, rows − 1). */
  height?: number;
  width?: number;
  /** Clock, ms since the epoch (default Date.now). */
  now?: () => number;
}

/** Title, the inspector window, and the key hints. */
export function KeyInspectorScreen(props: KeyInspectorScreenProps): ReactNode {
  const theme = useTheme();
  const size = useTerminalSize();
  const [state, dispatch] = useReducer(inspectorReducer, undefined, initInspector);
  useScreenInput(state, dispatch, inspectorKeyAction, { isActive: props.active ?? true, route: props.route });
  const onScrollLimit = useCallback((max: number) => dispatch({ type: 'scrollLimit', max }), []);
  const { onClose } = props;
  useEffect(() => {
    if (state.closed) onClose();
  }, [state.closed, onClose]);
  const height = props.height ?? size.rows - 1;
  const now = (props.now ?? Date.now)();
  const endpoint = props.endpoint === null ? null : redactUrlUserInfo(props.endpoint);
  let lines: FactLine[];
  if (props.keyInfo !== null) {
    lines = keyFactLines(keyFacts({ keyInfo: props.keyInfo, profileName: props.profileName, source: props.source, endpoint, now }));
  } else {
    const refusal = props.refusal ?? { reason: 'This key has not signed in.', applicationKeyId: null };
    const unusable = { profile: props.profileName, source: props.source, endpoint, now, ...refusal };
    lines = props.page === 'keys-unavailable' ? keysUnavailableLines(unusable) : unusableKeyLines(unusable);
  }
  return (
    <Box flexDirection="column" height={height} width={props.width ?? size.columns}>
      <Text color={theme.dialog.title} bold>
        {props.title ?? 'Key inspector'}
      </Text>
      <KeyInspector lines={lines} scroll={state.scroll} height={height - 2} onScrollLimit={onScrollLimit} />
      <Text color={theme.muted}>↑↓ PgUp PgDn Home End scroll · Esc close</Text>
    </Box>
  );
}
