import { describe, expect, it } from 'vitest';
import { ConfigValueError, DEFAULT_SETTINGS, ProfileError } from '../../src/config/index.js';
import { openConfig } from '../../src/config/store.js';
import { tempDir, thrown } from './temp-config.js';

describe('settings', () => {
  it('starts with the defaults', () => {
    expect(openConfig({ dir: tempDir() }).getSettings()).toEqual({
      defaultProfile: null,
      concurrency: 32,
      partConcurrency: 4,
      partSize: 100_000_000,
      keymapOverrides: {},
      theme: 'default',
      confirmDelete: true,
    });
  });

  it('updates and persists settings, returning all of them', () => {
    const dir = tempDir();
    const store = openConfig({ dir });
    const updated = store.updateSettings({
      concurrency: 8,
      partConcurrency: 2,
      partSize: 64 * 1024 * 1024,
      keymapOverrides: { 'pane.delete': ['f8', 'ctrl+d'] },
      theme: 'mono',
      confirmDelete: false,
    });
    expect(updated).toEqual({
      defaultProfile: null,
      concurrency: 8,
      partConcurrency: 2,
      partSize: 67_108_864,
      keymapOverrides: { 'pane.delete': ['f8', 'ctrl+d'] },
      theme: 'mono',
      confirmDelete: false,
    });
    expect(openConfig({ dir }).getSettings()).toEqual(updated);
    store.updateSettings({ theme: 'default' });
    expect(openConfig({ dir }).getSettings()).toEqual({ ...updated, theme: 'default' });
  });

  it('rejects invalid values with the field named, leaving settings unchanged', () => {
    const store = openConfig({ dir: tempDir() });
    const bad: [Record<string, unknown>, string][] = [
      [{ concurrency: 0 }, 'concurrency'],
      [{ partConcurrency: 65 }, 'partConcurrency'],
      [{ partSize: 4_999_999 }, 'partSize'],
      [{ partSize: 5_000_000_001 }, 'partSize'],
      [{ theme: 'neon' }, 'theme'],
      [{ confirmDelete: 'no' }, 'confirmDelete'],
      [{ keymapOverrides: { 'pane.delete': 'f8' } }, 'keymapOverrides'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [patch, field] of bad) {
      const error = thrown(() => store.updateSettings(patch));
      expect(error).toBeInstanceOf(ConfigValueError);
      expect((error as ConfigValueError).field).toBe(field);
    }
    expect((thrown(() => store.updateSettings({ partSize: 1 })) as Error).message).toBe(
      'partSize must be a whole number from 5000000 to 5000000000 (bytes).',
    );
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('defaultProfile through updateSettings must name an existing profile', () => {
    const store = openConfig({ dir: tempDir() });
    expect(thrown(() => store.updateSettings({ defaultProfile: 'ghost' }))).toBeInstanceOf(ProfileError);
    store.saveProfile({ name: 'a', applicationKeyId: 'id', applicationKey: 'k' });
    store.saveProfile({ name: 'b', applicationKeyId: 'id', applicationKey: 'k' });
    expect(store.updateSettings({ defaultProfile: 'b' }).defaultProfile).toBe('b');
    expect(store.getDefaultProfileName()).toBe('b');
  });
});
