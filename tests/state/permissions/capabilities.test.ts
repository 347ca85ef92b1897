// The capability catalog, the inspector's grouping and the create-key presets.
import { describe, expect, it } from 'vitest';
import {
  CAPABILITIES,
  CAPABILITY_GROUPS,
  KEY_PRESETS,
  describeCapability,
  groupCapabilities,
  sortCapabilities,
} from '../../../src/state/permissions/capabilities.js';
import { ACTIONS } from '../../../src/state/permissions/permissions.js';

// docs/b2-api.md §2.1, spelled out here so a name dropped from the catalog fails this test.
const REFERENCE = [
  'listKeys',
  'writeKeys',
  'deleteKeys',
  'listBuckets',
  'listAllBucketNames',
  'readBuckets',
  'writeBuckets',
  'deleteBuckets',
  'readBucketEncryption',
  'writeBucketEncryption',
  'readBucketRetentions',
  'writeBucketRetentions',
  'readBucketReplications',
  'writeBucketReplications',
  'readBucketNotifications',
  'writeBucketNotifications',
  'readBucketLifecycleRules',
  'writeBucketLifecycleRules',
  'readBucketLogging',
  'writeBucketLogging',
  'listFiles',
  'readFiles',
  'shareFiles',
  'writeFiles',
  'deleteFiles',
  'readFileRetentions',
  'writeFileRetentions',
  'readFileLegalHolds',
  'writeFileLegalHolds',
  'bypassGovernance',
];

describe('capability catalog', () => {
  it('knows every reference capability with a real group and a meaning', () => {
    for (const name of REFERENCE) {
      const c = describeCapability(name);
      expect(c.known, name).toBe(true);
      expect(c.group, name).not.toBe('other');
      expect(c.meaning.length, name).toBeGreaterThan(10);
    }
    expect(CAPABILITIES.map((c) => c.name).sort()).toEqual([...REFERENCE].sort());
  });

  it('puts capabilities in the groups the inspector shows', () => {
    expect(describeCapability('readFiles')).toMatchObject({
      group: 'files',
      meaning: 'download files and read their info',
    });
    expect(describeCapability('deleteKeys').group).toBe('keys');
    expect(describeCapability('writeFileLegalHolds').group).toBe('retention');
    expect(describeCapability('bypassGovernance').group).toBe('retention');
    expect(describeCapability('readBucketEncryption').group).toBe('encryption');
    expect(describeCapability('writeBucketReplications').group).toBe('replication');
    expect(describeCapability('readBucketNotifications').group).toBe('notifications');
    expect(describeCapability('writeBucketLifecycleRules').group).toBe('lifecycle');
    expect(describeCapability('readBucketLogging').group).toBe('logging');
  });

  it('marks what a bucket-limited key may not hold (docs/b2-api.md §2.5)', () => {
    const notScoped = CAPABILITIES.filter((c) => !c.bucketScoped)
      .map((c) => c.name)
      .sort();
    expect(notScoped).toEqual(['deleteBuckets', 'deleteKeys', 'listKeys', 'writeBuckets', 'writeKeys']);
  });

  it('keeps unknown names from the server, in group other', () => {
    expect(describeCapability('teleportFiles')).toEqual({
      name: 'teleportFiles',
      group: 'other',
      meaning: 'not known to b2c; shown as the server reported it',
      bucketScoped: false,
      known: false,
    });
  });

  it('every action needs only capabilities the catalog knows', () => {
    for (const a of ACTIONS)
      for (const c of [...a.needs, ...a.destinationNeeds]) expect(describeCapability(c).known, c).toBe(true);
  });
});

describe('sortCapabilities', () => {
  it('orders by catalog, unknown names last in their given order, without duplicates', () => {
    expect(sortCapabilities(['zeta', 'writeFiles', 'listBuckets', 'listFiles', 'alpha', 'writeFiles'])).toEqual([
      'listFiles',
      'writeFiles',
      'listBuckets',
      'zeta',
      'alpha',
    ]);
  });
});

describe('groupCapabilities (key inspector)', () => {
  it('marks every known capability ✓ or ✗, grouped in display order', () => {
    const groups = groupCapabilities(['listFiles', 'readFiles', 'listBuckets']);
    expect(groups.map((g) => g.id)).toEqual(CAPABILITY_GROUPS.map((g) => g.id).filter((id) => id !== 'other'));
    const files = groups.find((g) => g.id === 'files');
    expect(files?.label).toBe('Files');
    expect(files?.rows.map((r) => `${r.mark} ${r.name}`)).toEqual([
      '✓ listFiles',
      '✓ readFiles',
      '✗ shareFiles',
      '✗ writeFiles',
      '✗ deleteFiles',
    ]);
    expect(groups.find((g) => g.id === 'retention')?.label).toBe('Retention and legal hold');
    expect(groups.flatMap((g) => g.rows).filter((r) => r.held)).toHaveLength(3);
  });

  it('shows unknown capabilities under Other, held', () => {
    const groups = groupCapabilities(['listFiles', 'teleportFiles']);
    const other = groups.at(-1);
    expect(other?.id).toBe('other');
    expect(other?.rows).toEqual([
      expect.objectContaining({ name: 'teleportFiles', held: true, mark: '✓', known: false }),
    ]);
  });
});

describe('create-key presets', () => {
  const caps = (id: string): readonly string[] => KEY_PRESETS.find((p) => p.id === id)?.capabilities ?? [];

  it('are the four the wizard offers, each bucket-scoped and known', () => {
    expect(KEY_PRESETS.map((p) => p.id)).toEqual(['read-only', 'read-write', 'no-delete', 'write-only']);
    for (const p of KEY_PRESETS) {
      expect(p.label.length).toBeGreaterThan(0);
      for (const c of p.capabilities) expect(describeCapability(c)).toMatchObject({ known: true, bucketScoped: true });
    }
  });

  it('mean what their names say', () => {
    expect(caps('read-only')).toEqual(['listBuckets', 'listFiles', 'readFiles']);
    expect(caps('read-write')).toContain('deleteFiles');
    expect(caps('no-delete')).toContain('writeFiles');
    expect(caps('no-delete')).not.toContain('deleteFiles');
    expect(caps('write-only')).toContain('writeFiles');
    expect(caps('write-only')).not.toContain('readFiles');
    expect(caps('write-only')).not.toContain('listFiles');
  });
});
