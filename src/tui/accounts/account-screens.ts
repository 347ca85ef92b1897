/**
 * The accounts screens in place of the panes — the account wizard (no profile yet), the key
 * inspector (I), key management (K) and profiles (P) — as one object outside React. It watches
 * the TUI store, builds the store of the screen that opens (reading the config once, then), hands
 * it every key the controller routes here, and disposes it when the screen closes. The UI renders
 * whatever `shown` publishes.
 */
import type { ConfigStore, Profile } from '../../config/index.js';
import { isB2Provider } from '../../providers/b2/lazy.js';
import type { PaneSide } from '../../state/app/app-state.js';
import type { KeySource } from '../../state/accounts/keys-screen-facts.js';
import type { Keymap } from '../../state/keyboard/keymap.js';
import type { ScreenKey } from '../../state/keyboard/screen-key.js';
import type { KeyInfo } from '../../state/model/key-info.js';
import { createStore, type ReadableStore } from '../../transfers/store.js';
import type { ScreenDialog } from '../dialogs/screen.js';
import type { ProviderRegistry } from '../providers/provider-registry.js';
import { baseLayer, type TuiState } from '../store/tui-state.js';
import type { TuiStore } from '../store/tui-store.js';
import { InspectorStore } from './inspector-store.js';
import { storedProfileSpec } from '../providers/profile-specs.js';
import { KeysScreenStore } from './keys-store.js';
import { ProfilesScreenStore } from './profiles-store.js';
import { WizardStore, type WizardEffects } from './wizard-store.js';

/** What the key inspector page shows besides its scroll position. */
export interface InspectorFacts {
  /** What the key may do, or null when B2 refuses to sign in with it. */
  keyInfo: KeyInfo | null;
  /** Why B2 refused, and what is known of the key without signing in. */
  refusal?: { reason: string; applicationKeyId: string | null; expiresAt?: number | null };
  /** The key inspector, or the keys screen's explanation for a key that cannot sign in. */
  page: 'inspector' | 'keys-unavailable';
  title: string;
  /** The profile's name as the panes show it, or null for environment credentials. */
  profileName: string | null;
  source: KeySource;
  /** API base URL, or null for the real B2. */
  endpoint: string | null;
}

/** The accounts screen on top, as the UI draws it. */
export type ShownScreen =
  | { kind: 'wizard'; store: WizardStore }
  | { kind: 'inspector'; store: InspectorStore; facts: InspectorFacts }
  | { kind: 'keys'; store: KeysScreenStore }
  | { kind: 'profiles'; store: ProfilesScreenStore };

/** What the accounts screens need from outside the TUI. */
export interface AccountsContext {
  /** The config store, or null when b2c runs without one (`--demo`). */
  config: ConfigStore | null;
  /** Checks credentials (the wizard's `verify`). */
  verify: WizardEffects['verify'];
}

/** True when an accounts screen is showing (the panes are not). */
export function showsAccountScreen(state: Pick<TuiState, 'app' | 'dialog'>): boolean {
  return state.app.mode.kind === 'wizard' || state.dialog?.kind === 'screen';
}

export interface AccountScreensOptions extends AccountsContext {
  store: TuiStore;
  registry: ProviderRegistry;
  /** The user left the screen (Esc, or the screen finished). */
  onClose: () => void;
  /** Opens profile `name` in pane `side` (after the wizard saved it, or when chosen in P). */
  onProfile: (side: PaneSide, name: string) => void;
  /** Profile `from` was renamed `to` in P. */
  onProfileRenamed: (from: string, to: string) => void;
  /** The clock, ms since the epoch (expiry marks). */
  now: () => number;
}

export class AccountScreens {
  private readonly current = createStore<ShownScreen | null>(null);
  /** The dialog or wizard mode the current screen was built for. */
  private shownFor: unknown = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly o: AccountScreensOptions) {
    this.unsubscribe = o.store.subscribe(() => this.sync());
    this.sync();
  }

  /** The screen on top, or null (the panes show). */
  get shown(): ReadableStore<ShownScreen | null> {
    return this.current;
  }

  /** One key press for the screen on top. */
  handleKey(key: ScreenKey, keymap: Keymap): void {
    this.current.getSnapshot()?.store.handleKey(key, keymap);
  }

  /** Stops watching and disposes the screen on top. */
  dispose(): void {
    this.unsubscribe();
    this.replace(null, null);
  }

  private sync(): void {
    // The screen stays while a raised dialog (a transfer's question) covers it.
    const s = baseLayer(this.o.store.getSnapshot());
    const key = s.app.mode.kind === 'wizard' ? s.app.mode : s.dialog?.kind === 'screen' ? s.dialog : null;
    if (key === this.shownFor) return;
    this.replace(key, key === null ? null : s.dialog?.kind === 'screen' ? this.screenFor(s.dialog) : this.wizard());
  }

  private replace(key: unknown, next: ShownScreen | null): void {
    this.current.getSnapshot()?.store.dispose();
    this.shownFor = key;
    this.current.set(next);
  }

  private saver(): (p: Profile) => void {
    const config = this.o.config;
    return (p) => {
      if (config === null) throw new Error('Profiles are saved in the config file, and this session has none.');
      config.saveProfile(p);
      // F9 offers it at once (a profile saved from K is not opened anywhere yet).
      this.o.registry.addProfile(storedProfileSpec(config, p.name));
    };
  }

  private profileNames(): string[] {
    return this.o.config?.listProfiles().map((p) => p.name) ?? [];
  }

  private wizard(): ShownScreen {
    const store = new WizardStore(
      {
        verify: this.o.verify,
        save: this.saver(),
        onDone: (name) => this.o.onProfile('right', name),
        onCancel: this.o.onClose,
      },
      { existingNames: this.profileNames() },
    );
    return { kind: 'wizard', store };
  }

  private screenFor(d: ScreenDialog): ShownScreen | null {
    const { registry, config } = this.o;
    if (d.screen === 'profiles') {
      if (config === null) return null;
      const store = new ProfilesScreenStore(
        {
          store: config,
          verify: this.o.verify,
          onChoose: (name) => this.o.onProfile(d.side, name),
          onRenamed: this.o.onProfileRenamed,
          onClose: this.o.onClose,
        },
        d.profile ?? undefined,
      );
      return { kind: 'profiles', store };
    }
    if (d.profile === null) return null;
    const spec = registry.profiles().find((p) => p.name === d.profile);
    const provider = registry.connected(d.profile);
    const keyInfo = provider?.keyInfo ?? null;
    const failure = registry.failure(d.profile);
    // A key B2 refuses to sign in with (expired, deleted): both screens open and say so.
    const refusal = failure === null ? undefined : { reason: failure, applicationKeyId: null, ...spec?.knownKey?.() };
    const inspector = (page: InspectorFacts['page']): ShownScreen => ({
      kind: 'inspector',
      store: new InspectorStore(this.o.onClose),
      facts: {
        keyInfo: page === 'inspector' ? keyInfo : null,
        refusal,
        page,
        title: page === 'inspector' ? 'Key inspector' : 'Application keys',
        // The name the panes show (a demo key's `demo/no-delete`), not the registry's key for it.
        profileName: spec?.source === 'env' ? null : (spec?.label ?? d.profile),
        source: spec?.source ?? 'profile',
        endpoint: spec?.endpoint() ?? null,
      },
    });
    switch (d.screen) {
      case 'keyInspector':
        return keyInfo === null && refusal === undefined ? null : inspector('inspector');
      case 'keys': {
        if (keyInfo === null && refusal !== undefined) return inspector('keys-unavailable');
        if (!isB2Provider(provider) || keyInfo === null) return null;
        const listBuckets = async (signal?: AbortSignal): Promise<Array<{ id: string; name: string }>> => {
          const out: Array<{ id: string; name: string }> = [];
          for await (const page of provider.list('/', { signal }))
            for (const e of page) if (e.bucketId !== undefined) out.push({ id: e.bucketId, name: e.name });
          return out;
        };
        const effects = {
          keyInfo,
          admin: provider.keys,
          listBuckets,
          saveProfile: this.saver(),
          endpoint: spec?.endpoint() ?? null,
          profilesInMemory: config?.inMemory === true,
          existingProfileNames: this.profileNames(),
          onClose: this.o.onClose,
        };
        return { kind: 'keys', store: new KeysScreenStore(effects, this.o.now()) };
      }
      default: {
        const never: never = d.screen;
        return never;
      }
    }
  }
}
