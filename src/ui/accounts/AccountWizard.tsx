/**
 * The account wizard as one self-contained component: state and effects (useWizard), the view,
 * and the keyboard adapter (useScreenInput). For standalone use and tests. The app, whose input
 * owner must route keys, composes the same three parts itself (see ./index.ts).
 */
import { useCallback, type ReactNode } from 'react';
import { wizardKeyAction } from '../../state/accounts/wizard-keys.js';
import { useTerminalSize } from '../terminal-size.js';
import { useScreenInput, type KeyRoute } from './useScreenInput.js';
import { useWizard, type WizardEffects } from './useWizard.js';
import { WizardView } from './WizardView.js';

export interface AccountWizardProps extends WizardEffects {
  /** Profile names that exist already (duplicate check, name suggestion). */
  existingNames?: readonly string[];
  /** Prefilled endpoint (e.g. the built-in server's, for --demo). */
  initialEndpoint?: string;
  /** Whether the wizard has the keyboard (default true); false while something covers it. */
  active?: boolean;
  /** When set, the wizard does not read keys: it publishes its key handler here for a parent that does. */
  route?: KeyRoute;
  /** Rows to fill (default: terminal rows − 1). */
  height?: number;
  /** Columns to fill (default: terminal columns). */
  width?: number;
  /** Clock, ms since the epoch (default Date.now). */
  now?: () => number;
}

/** The whole wizard: fields → verify → inspector → save. */
export function AccountWizard(props: AccountWizardProps): ReactNode {
  const size = useTerminalSize();
  const [state, dispatch] = useWizard(props, { existingNames: props.existingNames, endpoint: props.initialEndpoint });
  const active = props.active ?? true;
  useScreenInput(state, dispatch, wizardKeyAction, { isActive: active, route: props.route });
  const onScrollLimit = useCallback((max: number) => dispatch({ type: 'scrollLimit', max }), [dispatch]);
  return (
    <WizardView
      state={state}
      onScrollLimit={onScrollLimit}
      active={active}
      width={props.width ?? size.columns}
      height={props.height ?? size.rows - 1}
      now={(props.now ?? Date.now)()}
    />
  );
}
