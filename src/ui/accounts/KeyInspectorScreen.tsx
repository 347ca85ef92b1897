/**
 * The key inspector as a page of its own: what a key may do — or, for a key B2 refuses to sign
 * in with, what is known of it and why — scrollable, closed with Esc/Enter/q/I. `InspectorPage`
 * draws an inspector store (src/tui/accounts/inspector-store.ts) with its facts;
 * `KeyInspectorScreen` runs one on its own (tests), with the keyboard through the app's one path.
 */
import { Box, Text } from 'ink';
import { useCallback, type ReactNode } from 'react';
import { redactUrlUserInfo } from '../../state/text/redact-url.js';
import { keyFacts } from '../../state/accounts/keys-screen-facts.js';
import { keyFactLines, type FactLine } from '../../state/accounts/keys-screen-lines.js';
import { keysUnavailableLines, unusableKeyLines } from '../../state/accounts/keys-screen-unusable.js';
import type { InspectorFacts } from '../../tui/accounts/account-screens.js';
import { InspectorStore } from '../../tui/accounts/inspector-store.js';
import { useTerminalSize } from '../terminal-size.js';
import { hintLine } from '../../state/keyboard/hint-lines.js';
import { useKeymap } from '../keymap-context.js';
import { useTheme } from '../theme-context.js';
import { useStore } from '../useStore.js';
import { KeyInspector } from './KeyInspector.js';
import { useStandaloneScreen } from './useStandaloneScreen.js';

function linesOf(facts: InspectorFacts, now: number): FactLine[] {
  const endpoint = facts.endpoint === null ? null : redactUrlUserInfo(facts.endpoint);
  if (facts.keyInfo !== null)
    return keyFactLines(
      keyFacts({ keyInfo: facts.keyInfo, profileName: facts.profileName, source: facts.source, endpoint, now }),
      { limitsAbove: true },
    );
  const refusal = facts.refusal ?? { reason: 'This key has not signed in.', applicationKeyId: null };
  const unusable = { profile: facts.profileName, source: facts.source, endpoint, now, ...refusal };
  return facts.page === 'keys-unavailable' ? keysUnavailableLines(unusable) : unusableKeyLines(unusable);
}

export interface InspectorPageProps {
  store: InspectorStore;
  facts: InspectorFacts;
  height: number;
  width: number;
  /** Clock, ms since the epoch (default Date.now). */
  now?: () => number;
}

/** Title, the inspector window, and the key hints. */
export function InspectorPage({ store, facts, height, width, now = Date.now }: InspectorPageProps): ReactNode {
  const theme = useTheme();
  const keymap = useKeymap();
  const state = useStore(store);
  const onScrollLimit = useCallback((max: number) => store.dispatch({ type: 'scrollLimit', max }), [store]);
  return (
    <Box flexDirection="column" height={height} width={width}>
      <Text color={theme.dialog.title} bold>
        {facts.title}
      </Text>
      <KeyInspector
        lines={linesOf(facts, now())}
        scroll={state.scroll}
        height={height - 2}
        width={width}
        onScrollLimit={onScrollLimit}
      />
      <Text color={theme.muted}>{hintLine(keymap, 'inspector')}</Text>
    </Box>
  );
}

export interface KeyInspectorScreenProps
  extends
    Partial<Pick<InspectorFacts, 'refusal' | 'title' | 'page'>>,
    Pick<InspectorFacts, 'keyInfo' | 'profileName' | 'source' | 'endpoint'> {
  onClose: () => void;
  /** Rows / columns to fill (default: the terminal's, rows − 1). */
  height?: number;
  width?: number;
  /** Clock, ms since the epoch (default Date.now). */
  now?: () => number;
}

/** The key inspector on its own. */
export function KeyInspectorScreen(props: KeyInspectorScreenProps): ReactNode {
  const size = useTerminalSize();
  const store = useStandaloneScreen(() => new InspectorStore(props.onClose));
  const facts: InspectorFacts = { ...props, page: props.page ?? 'inspector', title: props.title ?? 'Key inspector' };
  return (
    <InspectorPage
      store={store}
      facts={facts}
      height={props.height ?? size.rows - 1}
      width={props.width ?? size.columns}
      now={props.now}
    />
  );
}
