/**
 * What the config validator (src/config/validate.ts, the only one: conf is given no schema) accepts
 * and rejects, each case checked pure and through the real store: an accepted file opens and reads,
 * a rejected one is refused as invalid content and left byte for byte as it was.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/index.js';
import { openConfig } from '../../src/config/store.js';
import { CONFIG_VERSION } from '../../src/config/migrations.js';
import { checkConfigData } from '../../src/config/validate.js';
import { tempDir, writeConfigFile } from './temp-config.js';

const ok = { name: 'work', applicationKeyId: 'id1', applicationKey: 'secret1' };

const valid: unknown[] = [
  {},
  { profiles: [ok], settings: {} },
  {
    profiles: [
      { ...ok, endpoint: 'https://api.backblazeb2.com' },
      { ...ok, name: 'Work' },
    ],
  },
  { profiles: [{ ...ok, name: 'ü'.repeat(64) }] },
  { profiles: [{ ...ok, name: 'my key (read-only)' }] },
  {
    settings: {
      defaultProfile: null,
      concurrency: 64,
      partConcurrency: 1,
      partSize: 5_000_000,
      theme: 'mono',
      confirmDelete: false,
    },
  },
  { settings: { keymapOverrides: { 'pane.delete': ['f8', 'ctrl+d'], 'app.quit': [] } } },
  {
    bookmarks: [
      { name: 'home', place: { kind: 'local', path: '/home/me' } },
      { name: 'photos', place: { kind: 'b2', profile: 'work', bucket: 'photos', prefix: '2024/' } },
      { name: 'buckets', place: { kind: 'b2', profile: 'work', bucket: null, prefix: '' } },
    ],
  },
];

const invalid: unknown[] = [
  { profiles: {} },
  { bookmarks: {} },
  { bookmarks: [{ name: 'x', place: { kind: 'local', path: 'relative' } }] },
  { bookmarks: [{ name: '', place: { kind: 'local', path: '/x' } }] },
  { bookmarks: [{ name: 'a\u001bb', place: { kind: 'local', path: '/x' } }] },
  { bookmarks: [{ name: 'x', place: { kind: 'b2', profile: 'w', bucket: '', prefix: '' } }] },
  { bookmarks: [{ name: 'x', place: { kind: 'b2', profile: 'w', bucket: 'b' } }] },
  { bookmarks: [{ name: 'x', place: { kind: 'ftp', path: '/x' } }] },
  { bookmarks: [{ name: 'x', place: { kind: 'local', path: '/x' }, extra: 1 }] },
  { profiles: [{ ...ok, name: '' }] },
  { profiles: [{ ...ok, name: 'x'.repeat(65) }] },
  { profiles: [{ ...ok, name: 'a\u001bb' }] },
  { profiles: [{ ...ok, name: 'rtl\u202eoverride' }] },
  { profiles: [{ ...ok, name: 'trailing ' }] },
  { profiles: [{ ...ok, applicationKey: 'a b' }] },
  { profiles: [{ name: 'x', applicationKeyId: 'id' }] },
  { profiles: [{ ...ok, endpoint: 'api.backblazeb2.com' }] },
  { profiles: [{ ...ok, extra: 1 }] },
  { settings: { concurrency: 1.5 } },
  { settings: { partSize: 4_999_999 } },
  { settings: { partSize: '100MB' } },
  { settings: { theme: 'neon' } },
  { settings: { confirmDelete: 'yes' } },
  { settings: { defaultProfile: 7 } },
  { settings: { keymapOverrides: { 'pane.delete': 'f8' } } },
  { settings: { keymapOverrides: { '': ['f8'] } } },
  { settings: { unknown: true } },
  { settings: [] },
  { profilez: [] },
];

/**
 * Opens a config file holding `data` at the current version (without conf's marker a file is
 * taken for an older version and migrated first); the error when the store refuses it, else null.
 */
function openError(data: unknown): { error: unknown; unchanged: boolean } {
  const dir = tempDir();
  const file = writeConfigFile(
    dir,
    JSON.stringify({ ...(data as object), __internal__: { migrations: { version: CONFIG_VERSION } } }),
  );
  const before = fs.readFileSync(file);
  try {
    const store = openConfig({ dir });
    store.listProfiles();
    store.getSettings();
    store.listBookmarks();
    return { error: null, unchanged: true };
  } catch (error) {
    return { error, unchanged: fs.readFileSync(file).equals(before) };
  }
}

describe('config validator', () => {
  it.each(valid.map((d) => [JSON.stringify(d), d]))('accepts %s', (_label, data) => {
    expect(checkConfigData(data).ok).toBe(true);
    expect(openError(data).error).toBeNull();
  });

  it.each(invalid.map((d) => [JSON.stringify(d), d]))('rejects %s, leaving the file as it was', (_label, data) => {
    expect(checkConfigData(data).ok).toBe(false);
    const { error, unchanged } = openError(data);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).kind).toBe('invalid-content');
    expect(unchanged).toBe(true);
  });
});
