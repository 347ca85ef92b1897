/**
 * The pure validator (used before conf touches a file) and the JSON schema conf enforces must
 * accept and reject the same files; each case is fed to both.
 */
import path from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { AJV_OPTIONS, CONFIG_ROOT_SCHEMA, CONFIG_SCHEMA } from '../../src/config/schema.js';
import type { ConfFileShape } from '../../src/config/schema.js';
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

function confAccepts(data: unknown): boolean {
  const dir = tempDir();
  writeConfigFile(dir, JSON.stringify(data));
  try {
    new Conf<ConfFileShape>({
      cwd: path.join(dir),
      schema: CONFIG_SCHEMA,
      rootSchema: CONFIG_ROOT_SCHEMA,
      ajvOptions: AJV_OPTIONS,
      clearInvalidConfig: false,
    });
    return true;
  } catch (error) {
    expect(String(error)).toContain('Config schema violation');
    return false;
  }
}

describe('validator and JSON schema agree', () => {
  it.each(valid.map((d) => [JSON.stringify(d), d]))('both accept %s', (_label, data) => {
    expect(checkConfigData(data).ok).toBe(true);
    expect(confAccepts(data)).toBe(true);
  });

  it.each(invalid.map((d) => [JSON.stringify(d), d]))('both reject %s', (_label, data) => {
    expect(checkConfigData(data).ok).toBe(false);
    expect(confAccepts(data)).toBe(false);
  });
});
