/**
 * Mounts the accounts screens (src/ui/accounts) in place of the panes: the account wizard (no
 * profile yet), the key inspector (I), key management (K) and profiles (P).
 *
 * Keys: every screen takes `route`, so the app's one keyboard owner (the controller) hands them
 * their keys; none of them reads the keyboard itself (DESIGN.md §"How data flows", step 1).
 */
import type { ReactNode } from 'react';
import type { ConfigStore, Profile } from '../../config/index.js';
import { B2Provider } from '../../providers/b2/index.js';
import type { PaneSide } from '../../state/app/app-state.js';
import type { KeyRoute } from '../accounts/useScreenInput.js';
import { AccountWizard, KeyInspectorScreen, KeysScreen, ProfilesScreen, type WizardEffects } from '../accounts/index.js';
import type { ProviderRegistry } from '../../tui/providers/provider-registry.js';
import type { TuiState } from '../../tui/store/tui-state.js';

/** What the accounts screens need from outside the TUI. */
export interface AccountsContext {
  /** The config store, or null when b2c runs without one (`--demo`). */
  config: ConfigStore | null;
  /** Checks credentials (the wizard's `verify`). */
  verify: WizardEffects['verify'];
}

export interface AccountScreensProps {
  state: TuiState;
  registry: ProviderRegistry;
  accounts: AccountsContext;
  route: KeyRoute;
  width: number;
  height: number;
  /** Closes the screen (or the wizard). */
  onClose: () => void;
  /** Opens profile `name` in pane `side` (after the wizard saved it, or when chosen). */
  onProfile: (side: PaneSide, name: string) => void;
}

/** True when an accounts screen is showing (the panes are not). */
export function showsAccountScreen(state: TuiState): boolean {
  return state.app.mode.kind === 'wizard' || state.dialog?.kind === 'screen';
}

function saver(config: ConfigStore | null): (p: Profile) => void {
  return (p) => {
    if (config === null) throw new Error('Profiles are saved in the config file, and this session has none (b2c --demo).');
    config.saveProfile(p);
  };
}

/** The screen for the current state, or null. */
export function AccountScreens(props: AccountScreensProps): ReactNode {
  const { state, registry, accounts, route, width, height, onClose } = props;
  const names = accounts.config?.listProfiles().map((p) => p.name) ?? [];
  if (state.app.mode.kind === 'wizard') {
    return <AccountWizard verify={accounts.verify} save={saver(accounts.config)} onDone={(name) => props.onProfile('right', name)} onCancel={onClose} existingNames={names} route={route} width={width} height={height} />;
  }
  const d = state.dialog;
  if (d?.kind !== 'screen' || d.profile === null && d.screen !== 'profiles') return null;
  const spec = d.profile === null ? undefined : registry.profiles().find((p) => p.name === d.profile);
  const provider = d.profile === null ? null : registry.connected(d.profile);
  const keyInfo = provider?.keyInfo ?? null;
  const failure = d.profile === null ? null : registry.failure(d.profile);
  // A key B2 refuses to sign in with (expired, deleted): both screens open and say so.
  const refusal = failure === null ? undefined : { reason: failure, applicationKeyId: null, ...spec?.knownKey?.() };
  const inspector = (page: 'inspector' | 'keys-unavailable'): ReactNode => (
    <KeyInspectorScreen
      keyInfo={page === 'inspector' ? keyInfo : null}
      refusal={refusal}
      page={page}
      title={page === 'inspector' ? 'Key inspector' : 'Application keys'}
      profileName={spec?.source === 'env' ? null : d.profile}
      source={spec?.source ?? 'profile'}
      endpoint={spec?.endpoint() ?? null}
      onClose={onClose}
      route={route}
      width={width}
      height={height}
    />
  );
  switch (d.screen) {
    case 'keyInspector':
      if (keyInfo === null && refusal === undefined) return null;
      return inspector('inspector');
    case 'keys': {
      if (keyInfo === null && refusal !== undefined) return inspector('keys-unavailable');
      if (!(provider instanceof B2Provider) || keyInfo === null) return null;
      const listBuckets = async (signal?: AbortSignal): Promise<Array<{ id: string; name: string }>> => {
        const out: Array<{ id: string; name: string }> = [];
        for await (const page of provider.list('/', { signal })) for (const e of page) if (e.bucketId !== undefined) out.push({ id: e.bucketId, name: e.name });
        return out;
      };
      return <KeysScreen keyInfo={keyInfo} admin={provider.keys} listBuckets={listBuckets} saveProfile={saver(accounts.config)} endpoint={spec?.endpoint() ?? null} existingProfileNames={names} onClose={onClose} route={route} width={width} height={height} />;
    }
    case 'profiles':
      if (accounts.config === null) return null;
      return <ProfilesScreen store={accounts.config} verify={accounts.verify} cursorOn={d.profile ?? undefined} onChoose={(name) => props.onProfile(d.side, name)} onClose={onClose} route={route} width={width} height={height} />;
    default: {
      const never: never = d.screen;
      return never;
    }
  }
}
