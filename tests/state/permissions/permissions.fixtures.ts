// Keys and places shared by the permission-rule tests. Capability lists come from the catalog's
// presets where one fits, so the presets and the rules are tested together.
import { CAPABILITIES, KEY_PRESETS } from '../../../src/state/permissions/capabilities.js';
import type { KeyPresetId } from '../../../src/state/permissions/capabilities.js';
import type { KeyInfo } from '../../../src/state/model/key-info.js';
import type { B2Location, LocalLocation } from '../../../src/state/permissions/permissions.js';

/** The tests' "now": 2026-05-10T00:00:00Z. */
export const NOW = Date.UTC(2026, 4, 10);
export const DAY = 86_400_000;

export function preset(id: KeyPresetId): string[] {
  const p = KEY_PRESETS.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no preset ${id}`);
  return [...p.capabilities];
}

export function key(overrides: Partial<KeyInfo> = {}): KeyInfo {
  return {
    accountId: 'acc-1',
    applicationKeyId: 'key-1',
    isMaster: false,
    buckets: null,
    capabilities: [],
    namePrefix: null,
    expiresAt: null,
    ...overrides,
  };
}

export const PHOTOS = { id: 'b-photos', name: 'photos' };
export const DOCS = { id: 'b-docs', name: 'docs' };
export const BACKUPS = { id: 'b-backups', name: 'backups' };

export const keys = {
  master: key({ isMaster: true, applicationKeyId: 'acc-1', capabilities: CAPABILITIES.map((c) => c.name) }),
  readOnly: key({ capabilities: preset('read-only') }),
  readWrite: key({ capabilities: preset('read-write') }),
  noDelete: key({ capabilities: preset('no-delete') }),
  writeOnly: key({ capabilities: preset('write-only') }),
  oneBucket: key({ capabilities: preset('read-write'), buckets: [PHOTOS] }),
  severalBuckets: key({ capabilities: preset('read-write'), buckets: [PHOTOS, DOCS] }),
  prefix: key({ capabilities: preset('read-write'), buckets: [PHOTOS], namePrefix: 'projects/a/' }),
  deletedBucket: key({ capabilities: preset('read-write'), buckets: [{ id: 'b-gone', name: null }] }),
  expired: key({ capabilities: preset('read-write'), expiresAt: Date.UTC(2026, 4, 1) }),
  unknownExtra: key({ capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles', 'futureCapability'] }),
  /** Files capabilities on all buckets, but no listBuckets: it cannot turn a bucket name into its ID. */
  noListBuckets: key({ capabilities: ['listFiles', 'readFiles', 'writeFiles'] }),
} satisfies Record<string, KeyInfo>;

export function at(bucket: { id?: string; name: string } | null, objectKey = ''): B2Location {
  return { kind: 'b2', bucket, key: objectKey };
}

export const LOCAL: LocalLocation = { kind: 'local', path: '/home/me/file.txt' };
