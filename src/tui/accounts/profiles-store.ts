/**
 * The profiles screen's effects: store operations (rename, delete, make default) on the config
 * store, and inspecting a profile (verifying its key with B2). Errors from the store
 * (ProfileError, ConfigValueError, ConfigError) are shown with their own sentences.
 */
import type { ConfigStore } from '../../config/index.js';
import { errorMessage } from '../../error-text.js';
import { profilesScreenKeyAction } from '../../state/accounts/profiles-screen-keys.js';
import { profilesScreenReducer, type ProfilesScreenAction } from '../../state/accounts/profiles-screen-reducer.js';
import {
  initProfilesScreen,
  type ProfilesOperation,
  type ProfilesScreenState,
} from '../../state/accounts/profiles-screen-state.js';
import type { Keymap } from '../../state/keyboard/keymap.js';
import type { ScreenKey } from '../../state/keyboard/screen-key.js';
import type { KeyInfo } from '../../state/model/key-info.js';
import { InspectorStore } from './inspector-store.js';
import { ScreenStore } from './screen-store.js';
import { classifyVerifyError, WizardStore, type WizardEffects } from './wizard-store.js';

/** What the screen needs from the config store (a ConfigStore fits). */
export type ProfileStorePort = Pick<
  ConfigStore,
  | 'listProfiles'
  | 'getProfile'
  | 'getDefaultProfileName'
  | 'renameProfile'
  | 'deleteProfile'
  | 'setDefaultProfile'
  | 'saveProfile'
  | 'inMemory'
>;

/** What the profiles screen asks of the outside world. */
export interface ProfilesScreenEffects {
  store: ProfileStorePort;
  /** Verifies credentials (the wizard's and the inspector's effect). */
  verify: WizardEffects['verify'];
  /** The user chose a profile for the pane that opened the screen. */
  onChoose?: (profileName: string) => void;
  /** Profile `from` was renamed `to` in the config (the panes showing it follow). */
  onRenamed?: (from: string, to: string) => void;
  onClose?: () => void;
}

function runStore(store: ProfileStorePort, op: Exclude<ProfilesOperation, { kind: 'inspect' }>): string {
  switch (op.kind) {
    case 'rename':
      store.renameProfile(op.from, op.to);
      return `Renamed ${op.from} to ${op.to}.`;
    case 'delete':
      store.deleteProfile(op.name);
      return `Deleted profile ${op.name}.`;
    case 'set-default':
      store.setDefaultProfile(op.name);
      return `${op.name} is now the default profile.`;
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}

/** The screen shown inside the profiles screen: the wizard (add) or the key inspector (inspect). */
export type NestedScreen =
  | { kind: 'wizard'; store: WizardStore }
  | { kind: 'inspector'; store: InspectorStore; name: string; keyInfo: KeyInfo; endpoint: string | null };

/**
 * The profiles screen as a store: the pure screen (state/accounts/profiles-screen-*.ts), its
 * effects on the config store, and the wizard or key inspector it shows for "add" and "inspect"
 * (created when first needed, disposed when the screen leaves them). Keys go to the nested
 * screen while one shows.
 */
export class ProfilesScreenStore extends ScreenStore<ProfilesScreenState, ProfilesScreenAction> {
  private inspecting: AbortController | null = null;
  private child: { mode: ProfilesScreenState['mode']; screen: NestedScreen } | null = null;

  constructor(
    private readonly effects: ProfilesScreenEffects,
    cursorOn?: string,
  ) {
    super(
      initProfilesScreen(effects.store.listProfiles(), effects.store.getDefaultProfileName(), { cursorOn }),
      profilesScreenReducer,
      profilesScreenKeyAction,
    );
  }

  /** True when the profiles live in memory only (`b2c --demo`): the screen says they are forgotten on exit. */
  get inMemory(): boolean {
    return this.effects.store.inMemory === true;
  }

  /** The wizard or inspector showing inside the screen, or null in the list. */
  nested(): NestedScreen | null {
    const mode = this.getSnapshot().mode;
    if (mode.kind !== 'wizard' && mode.kind !== 'inspecting') return null;
    if (this.child?.mode !== mode) {
      this.child?.screen.store.dispose();
      this.child = { mode, screen: this.nestedFor(mode) };
    }
    return this.child.screen;
  }

  private nestedFor(mode: Extract<ProfilesScreenState['mode'], { kind: 'wizard' | 'inspecting' }>): NestedScreen {
    const { store } = this.effects;
    if (mode.kind === 'inspecting') {
      return {
        kind: 'inspector',
        store: new InspectorStore(() => this.dispatch({ type: 'back' })),
        name: mode.name,
        keyInfo: mode.keyInfo,
        endpoint: mode.endpoint,
      };
    }
    const wizard = new WizardStore(
      {
        verify: this.effects.verify,
        save: (p) => {
          store.saveProfile(p);
        },
        onDone: (name) =>
          this.dispatch({
            type: 'wizardDone',
            name,
            profiles: store.listProfiles(),
            defaultName: store.getDefaultProfileName(),
          }),
        onCancel: () => this.dispatch({ type: 'wizardCancelled' }),
      },
      { existingNames: this.getSnapshot().profiles.map((p) => p.name) },
    );
    return { kind: 'wizard', store: wizard };
  }

  override handleKey(key: ScreenKey, keymap: Keymap): void {
    const nested = this.nested();
    if (nested !== null) nested.store.handleKey(key, keymap);
    else super.handleKey(key, keymap);
  }

  protected changed(before: ProfilesScreenState, after: ProfilesScreenState): void {
    const mode = after.mode;
    const was = before.mode;
    if (this.child !== null && this.child.mode !== mode) {
      this.child.screen.store.dispose();
      this.child = null;
    }
    const working = (s: ProfilesScreenState): number | null => (s.mode.kind === 'working' ? s.mode.requestId : null);
    if (working(after) !== working(before)) {
      this.inspecting?.abort();
      this.inspecting = null;
    }
    if (mode.kind === 'working' && mode.requestId !== working(before)) this.work(mode.requestId, mode.operation);
    if (mode.kind === 'chosen' && was.kind !== 'chosen') this.effects.onChoose?.(mode.name);
    if (mode.kind === 'closed' && was.kind !== 'closed') this.effects.onClose?.();
  }

  private work(requestId: number, op: ProfilesOperation): void {
    const { store } = this.effects;
    if (op.kind !== 'inspect') {
      try {
        const message = runStore(store, op);
        if (op.kind === 'rename') this.effects.onRenamed?.(op.from, op.to);
        this.dispatch({
          type: 'refreshed',
          requestId,
          profiles: store.listProfiles(),
          defaultName: store.getDefaultProfileName(),
          message,
        });
      } catch (error) {
        this.dispatch({ type: 'failed', requestId, message: errorMessage(error) });
      }
      return;
    }
    const profile = store.getProfile(op.name);
    if (profile === undefined) {
      this.dispatch({ type: 'failed', requestId, message: `The profile ${op.name} no longer exists.` });
      return;
    }
    const abort = new AbortController();
    this.inspecting = abort;
    const endpoint = profile.endpoint ?? null;
    this.effects
      .verify(
        {
          applicationKeyId: profile.applicationKeyId,
          applicationKey: profile.applicationKey,
          ...(endpoint === null ? {} : { endpoint }),
        },
        abort.signal,
      )
      .then(
        (keyInfo) => this.dispatch({ type: 'inspected', requestId, keyInfo, endpoint }),
        (error: unknown) => {
          if (!abort.signal.aborted)
            this.dispatch({
              type: 'failed',
              requestId,
              message: classifyVerifyError(error, profile.applicationKey).message,
            });
        },
      );
  }

  override dispose(): void {
    this.inspecting?.abort();
    this.child?.screen.store.dispose();
    super.dispose();
  }
}
