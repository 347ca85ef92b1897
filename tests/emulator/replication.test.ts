/**
 * Replication configuration (docs/b2-api.md §11): set on create and update, shown back exactly,
 * cleared; the rule checks (names, priorities, buckets and keys that exist and can do their
 * part); its capabilities; replicationStatus "pending" on files written under an enabled rule;
 * and Object Lock that cannot be turned on later for a replication source.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { call, makeBucket, ok, put, sha1, start, tokenFor, type Json } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let destId: string;
let sourceKey: string;
let destKey: string;

beforeAll(async () => {
  emu = await start({ absoluteMinimumPartSize: 5 });
  t = await tokenFor(emu);
  destId = await makeBucket(emu, t, 'repl-destination');
  sourceKey = (
    await ok(emu, t, 'b2_create_key', {
      accountId: emu.accountId,
      keyName: 'repl-source',
      capabilities: ['listBuckets', 'listFiles', 'readFiles', 'writeFiles'],
    })
  ).applicationKeyId;
  destKey = (
    await ok(emu, t, 'b2_create_key', {
      accountId: emu.accountId,
      keyName: 'repl-dest',
      capabilities: ['listBuckets', 'listFiles', 'writeFiles'],
    })
  ).applicationKeyId;
});
afterAll(() => emu.close());

const ruleTo = (destinationBucketId: string, extra: Json = {}) => ({
  destinationBucketId,
  fileNamePrefix: '',
  includeExistingFiles: true,
  isEnabled: true,
  priority: 128,
  replicationRuleName: 'test-rule',
  ...extra,
});
const asSource = (rules: Json[], key = sourceKey) => ({
  asReplicationSource: { replicationRules: rules, sourceApplicationKeyId: key },
  asReplicationDestination: null,
});
const create = (bucketName: string, extra: Json) =>
  call(emu, t, 'b2_create_bucket', { accountId: emu.accountId, bucketName, bucketType: 'allPrivate', ...extra });
const update = (bucketId: string, extra: Json, token = t) =>
  call(emu, token, 'b2_update_bucket', { accountId: emu.accountId, bucketId, ...extra });

describe('replication configuration', () => {
  test("a source bucket with Object Lock, as b2sdk's test against B2 creates it, answers the configuration back", async () => {
    const r = await create('repl-source', {
      fileLockEnabled: true,
      replicationConfiguration: asSource([ruleTo(destId)]),
    });
    expect(r.status).toBe(200);
    expect(r.body.replicationConfiguration).toEqual({
      isClientAuthorizedToRead: true,
      value: asSource([ruleTo(destId)]),
    });
    for (const version of [1, 2, 3, 4]) {
      const listed = await ok(
        emu,
        t,
        'b2_list_buckets',
        { accountId: emu.accountId, bucketId: r.body.bucketId },
        version,
      );
      expect(listed.buckets[0].replicationConfiguration.value).toEqual(asSource([ruleTo(destId)]));
    }
  });

  test('a destination takes sourceToDestinationKeyMapping; an empty configuration clears it', async () => {
    const mapping = {
      asReplicationSource: null,
      asReplicationDestination: { sourceToDestinationKeyMapping: { [sourceKey]: destKey } },
    };
    const set = await update(destId, { replicationConfiguration: mapping });
    expect(set.body.replicationConfiguration).toEqual({ isClientAuthorizedToRead: true, value: mapping });
    const cleared = await update(destId, {
      replicationConfiguration: { asReplicationSource: null, asReplicationDestination: null },
    });
    expect(cleared.body.replicationConfiguration).toEqual({ isClientAuthorizedToRead: true, value: null });
  });

  test("missing rule fields take b2sdk's defaults", async () => {
    const id = await makeBucket(emu, t, 'repl-defaults');
    const r = await update(id, {
      replicationConfiguration: {
        asReplicationSource: {
          replicationRules: [{ destinationBucketId: destId, replicationRuleName: 'short' }],
          sourceApplicationKeyId: sourceKey,
        },
      },
    });
    expect(r.body.replicationConfiguration.value.asReplicationSource.replicationRules).toEqual([
      {
        destinationBucketId: destId,
        fileNamePrefix: '',
        includeExistingFiles: false,
        isEnabled: true,
        priority: 128,
        replicationRuleName: 'short',
      },
    ]);
  });

  test('rules are checked: names, priorities, destinations, keys, fields — each a 400 that changes nothing', async () => {
    const id = await makeBucket(emu, t, 'repl-checks');
    const readOnlyKey = (
      await ok(emu, t, 'b2_create_key', { accountId: emu.accountId, keyName: 'list-only', capabilities: ['listFiles'] })
    ).applicationKeyId;
    const bad: Json[] = [
      asSource([ruleTo(destId, { replicationRuleName: 'has space' })]),
      asSource([ruleTo(destId, { replicationRuleName: 'x'.repeat(65) })]),
      asSource([ruleTo(destId, { priority: 0 })]),
      asSource([ruleTo(destId, { priority: 2 ** 31 })]),
      asSource([ruleTo(destId, { priority: 1.5 })]),
      asSource([ruleTo('000000000000000000000000')]),
      asSource([ruleTo(id)]),
      asSource([ruleTo(destId), ruleTo(destId)]),
      asSource([ruleTo(destId, { isEnabled: 'yes' })]),
      asSource([ruleTo(destId, { deleteMarkers: true })]),
      asSource([]),
      asSource([ruleTo(destId)], '004000000000000000000ffff'),
      asSource([ruleTo(destId)], readOnlyKey),
      { asReplicationDestination: { sourceToDestinationKeyMapping: { [sourceKey]: readOnlyKey } } },
      { asReplicationDestination: { sourceToDestinationKeyMapping: { [sourceKey]: 'nope' } } },
      { asReplicationSource: null, mirror: true },
    ];
    for (const replicationConfiguration of bad) {
      const r = await update(id, { replicationConfiguration });
      expect([r.status, r.body.code, JSON.stringify(replicationConfiguration)]).toEqual([
        400,
        'bad_request',
        JSON.stringify(replicationConfiguration),
      ]);
    }
    expect(
      (await ok(emu, t, 'b2_list_buckets', { accountId: emu.accountId, bucketId: id })).buckets[0]
        .replicationConfiguration.value,
    ).toBeNull();
  });

  test('writeBucketReplications is needed to set it, readBucketReplications to see it', async () => {
    const k = await ok(
      emu,
      t,
      'b2_create_key',
      { accountId: emu.accountId, keyName: 'no-repl-caps', capabilities: ['listBuckets', 'writeBuckets'] },
      4,
    );
    const kt = await tokenFor(emu, k.applicationKeyId, k.applicationKey);
    const r = await update(destId, { replicationConfiguration: asSource([ruleTo(destId)]) }, kt);
    expect([r.status, r.body.code]).toEqual([401, 'unauthorized']);
    const listed = await ok(emu, kt, 'b2_list_buckets', { accountId: emu.accountId, bucketId: destId });
    expect(listed.buckets[0].replicationConfiguration).toEqual({ isClientAuthorizedToRead: false, value: null });
  });

  test('Object Lock cannot be turned on later for a replication source (400 source_replication_conflict)', async () => {
    const id = await makeBucket(emu, t, 'repl-then-lock');
    await update(id, { replicationConfiguration: asSource([ruleTo(destId)]) });
    const r = await update(id, { fileLockEnabled: true });
    expect([r.status, r.body.code]).toEqual([400, 'source_replication_conflict']);
  });
});

describe('replicationStatus', () => {
  test('files written under an enabled rule report pending, by upload, copy and large file; others have no status', async () => {
    const rules = [
      ruleTo(destId, { fileNamePrefix: 'docs/', replicationRuleName: 'docs' }),
      ruleTo(destId, { fileNamePrefix: 'off/', isEnabled: false, replicationRuleName: 'off', priority: 2 }),
    ];
    const id = (await create('repl-status', { replicationConfiguration: asSource(rules) })).body.bucketId as string;
    const up = await put(emu, t, id, 'docs/a.txt', 'a');
    expect(up.replicationStatus).toBe('pending');
    for (const version of [1, 2, 3, 4]) {
      expect((await ok(emu, t, 'b2_get_file_info', { fileId: up.fileId }, version)).replicationStatus).toBe('pending');
      expect(
        (await ok(emu, t, 'b2_list_file_versions', { bucketId: id, prefix: 'docs/' }, version)).files[0]
          .replicationStatus,
      ).toBe('pending');
    }
    const got = await fetch(`${emu.endpoint}/file/repl-status/docs/a.txt`, { headers: { Authorization: t } });
    expect(got.headers.get('x-bz-replication-status')).toBe('pending');
    expect(
      (await ok(emu, t, 'b2_copy_file', { sourceFileId: up.fileId, fileName: 'docs/copy.txt' })).replicationStatus,
    ).toBe('pending');
    const s = await ok(emu, t, 'b2_start_large_file', {
      bucketId: id,
      fileName: 'docs/big.bin',
      contentType: 'text/plain',
    });
    const u = await ok(emu, t, 'b2_get_upload_part_url', { fileId: s.fileId });
    const parts = [Buffer.from('12345'), Buffer.from('6')];
    for (const [i, p] of parts.entries())
      await fetch(u.uploadUrl, {
        method: 'POST',
        headers: {
          Authorization: u.authorizationToken,
          'X-Bz-Part-Number': String(i + 1),
          'X-Bz-Content-Sha1': sha1(p),
        },
        body: p,
      });
    expect(
      (await ok(emu, t, 'b2_finish_large_file', { fileId: s.fileId, partSha1Array: parts.map((p) => sha1(p)) }))
        .replicationStatus,
    ).toBe('pending');
    for (const name of ['off/b.txt', 'other.txt'])
      expect(await put(emu, t, id, name, 'b')).not.toHaveProperty('replicationStatus');
    expect(await put(emu, t, destId, 'docs/a.txt', 'a')).not.toHaveProperty('replicationStatus');
  });
});
