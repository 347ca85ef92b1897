/**
 * The account wizard: `WizardPage` draws a wizard store (src/tui/accounts/wizard-store.ts) —
 * fields → verify → inspector → save — and `AccountWizard` runs one on its own (tests, a wizard
 * before the app exists), with the keyboard through the app's one path.
 */
import { useCallback, type ReactNode } from 'react';
import { WizardStore, type WizardEffects } from '../../tui/accounts/wizard-store.js';
import { useTerminalSize } from '../terminal-size.js';
import { useStore } from '../useStore.js';
import { useStandaloneScreen } from './useStandaloneScreen.js';
import { WizardView } from './WizardView.js';

export interface WizardPageProps {
  store: WizardStore;
  /** Rows and columns to fill. */
  height: number;
  width: number;
  /** Clock, ms since the epoch (default Date.now). */
  now?: () => number;
}

/** The wizard of `store`. */
export function WizardPage({ store, height, width, now = Date.now }: WizardPageProps): ReactNode {
  const state = useStore(store);
  const onScrollLimit = useCallback((max: number) => store.dispatch({ type: 'scrollLimit', max }), [store]);
  return <WizardView state={state} onScrollLimit={onScrollLimit} active width={width} height={height} now={now()} />;
}

export interface AccountWizardProps extends WizardEffects {
  /** Profile names that exist already (duplicate check, name suggestion). */
  existingNames?: readonly string[];
  /** Prefilled endpoint (e.g. the built-in server's, for --demo). */
  initialEndpoint?: string;
  /** Rows to fill (default: terminal rows − 1). */
  height?: number;
  /** Columns to fill (default: terminal columns). */
  width?: number;
  /** Clock, ms since the epoch (default Date.now). */
  now?: () => number;
}

/** The whole wizard on its own. */
export function AccountWizard(props: AccountWizardProps): ReactNode {
  const size = useTerminalSize();
  const store = useStandaloneScreen(
    () => new WizardStore(props, { existingNames: props.existingNames, endpoint: props.initialEndpoint }),
  );
  return (
    <WizardPage
      store={store}
      width={props.width ?? size.columns}
      height={props.height ?? size.rows - 1}
      now={props.now}
    />
  );
}
