/**
 * A config kept in memory only, for `b2c --demo`: profiles and settings behave exactly as in the
 * file (the same pure operations of ./profile-ops.ts check and change them), but nothing is
 * written anywhere and everything is forgotten when the process ends. The demo writes no file to
 * the user's config folder, and its keys are random per run anyway.
 */
import { deleteProfileFrom, patchSettings, renameProfileIn, upsertProfile } from './profile-ops.js';
import { describeProfile, guardedProfile } from './redact.js';
import type { ConfigStore } from './store.js';
import { deleteBookmarkFrom, renameBookmarkIn, upsertBookmark } from './bookmark-ops.js';
import {
  DEFAULT_SETTINGS,
  type Bookmark,
  type ConfigData,
  type Profile,
  type ProfileSummary,
  type Settings,
} from './types.js';

/** What the memory config calls itself where a file's path would be shown. */
export const MEMORY_CONFIG_PATH = '(in memory: b2c --demo keeps no config file)';

/** An empty config in memory, with the default settings. */
export function createMemoryConfig(): ConfigStore {
  let data: ConfigData = { profiles: [], settings: structuredClone(DEFAULT_SETTINGS), bookmarks: [] };
  return {
    path: MEMORY_CONFIG_PATH,
    notices: [],
    inMemory: true,
    listProfiles: (): ProfileSummary[] => data.profiles.map(describeProfile),
    getProfile(name: string): Profile | undefined {
      const found = data.profiles.find((p) => p.name === name);
      return found === undefined ? undefined : guardedProfile(found);
    },
    saveProfile(profile: Profile): 'added' | 'replaced' {
      const next = upsertProfile(data, profile);
      data = next.data;
      return next.outcome;
    },
    renameProfile(from: string, to: string): void {
      data = renameProfileIn(data, from, to);
    },
    deleteProfile(name: string): void {
      data = deleteProfileFrom(data, name);
    },
    getDefaultProfileName: (): string | null => data.settings.defaultProfile,
    setDefaultProfile(name: string | null): void {
      data = patchSettings(data, { defaultProfile: name });
    },
    getSettings: (): Settings => structuredClone(data.settings),
    updateSettings(patch: Partial<Settings>): Settings {
      data = patchSettings(data, patch);
      return structuredClone(data.settings);
    },
    listBookmarks: (): Bookmark[] => structuredClone(data.bookmarks),
    saveBookmark(bookmark: Bookmark): 'added' | 'replaced' {
      const next = upsertBookmark(data, bookmark);
      data = next.data;
      return next.outcome;
    },
    renameBookmark(from: string, to: string): void {
      data = renameBookmarkIn(data, from, to);
    },
    deleteBookmark(name: string): void {
      data = deleteBookmarkFrom(data, name);
    },
  };
}
