/**
 * Account profiles as the registry needs them: a stored profile connects with its saved key when
 * first opened (the secret is read from the config at that moment, never kept in the UI).
 */
import type { ConfigStore } from '../../config/index.js';
import { connectB2Lazily } from '../../providers/b2/lazy.js';
import type { ProfileSpec } from './provider-registry.js';

/** The spec of the stored profile `name`. */
export function storedProfileSpec(config: Pick<ConfigStore, 'getProfile'>, name: string): ProfileSpec {
  return {
    name,
    label: name,
    source: 'profile',
    endpoint: () => config.getProfile(name)?.endpoint ?? null,
    connect: async (options) => {
      const full = config.getProfile(name);
      if (!full) throw new Error(`The profile "${name}" no longer exists.`);
      return connectB2Lazily({
        ...options,
        applicationKeyId: full.applicationKeyId,
        applicationKey: full.applicationKey,
        endpoint: full.endpoint,
      });
    },
    knownKey: () => {
      const p = config.getProfile(name);
      return p ? { applicationKeyId: p.applicationKeyId } : null;
    },
  };
}

/** Specs of every stored profile, in stored order. */
export function storedProfileSpecs(config: Pick<ConfigStore, 'getProfile' | 'listProfiles'>): ProfileSpec[] {
  return config.listProfiles().map((p) => storedProfileSpec(config, p.name));
}
