/**
 * --data keeps the settings of issue 13 across a restart: a bucket's default encryption, Object
 * Lock with its default retention, replication configuration and notification rules, and a file's
 * encryption, retention, legal hold and replication status — exactly as answered before.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { makeBucket, ok, put, start, tokenFor, type Json } from './helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'b2c-emu-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('bucket and file settings come back unchanged after a restart', async () => {
  const first = await start({ dataDir: dir });
  const t = await tokenFor(first);
  const dest = await makeBucket(first, t, 'settings-dest');
  const key = await ok(first, t, 'b2_create_key', {
    accountId: first.accountId,
    keyName: 'settings-source',
    capabilities: ['readFiles'],
  });
  const bucket = await ok(first, t, 'b2_create_bucket', {
    accountId: first.accountId,
    bucketName: 'settings-source',
    bucketType: 'allPrivate',
    fileLockEnabled: true,
    defaultRetention: { mode: 'governance', period: { duration: 3, unit: 'days' } },
    defaultServerSideEncryption: { mode: 'SSE-B2', algorithm: 'AES256' },
    replicationConfiguration: {
      asReplicationSource: {
        replicationRules: [{ destinationBucketId: dest, replicationRuleName: 'all' }],
        sourceApplicationKeyId: key.applicationKeyId,
      },
    },
  });
  const rules = [
    {
      eventTypes: ['b2:ObjectDeleted:*'],
      isEnabled: true,
      name: 'deletes',
      objectNamePrefix: '',
      targetConfiguration: { targetType: 'webhook', url: 'https://example.com/h' },
    },
  ];
  await ok(first, t, 'b2_set_bucket_notification_rules', { bucketId: bucket.bucketId, eventNotificationRules: rules });
  await put(first, t, bucket.bucketId, 'kept.txt', 'kept', { 'X-Bz-File-Legal-Hold': 'on' });
  const before = {
    bucket: (await ok(first, t, 'b2_list_buckets', { accountId: first.accountId, bucketId: bucket.bucketId }))
      .buckets[0] as Json,
    files: (await ok(first, t, 'b2_list_file_versions', { bucketId: bucket.bucketId })).files as Json[],
    rules: await ok(first, t, 'b2_get_bucket_notification_rules', { bucketId: bucket.bucketId }),
  };
  expect(before.files[0]).toMatchObject({
    serverSideEncryption: { mode: 'SSE-B2' },
    legalHold: { value: 'on' },
    fileRetention: { value: { mode: 'governance' } },
    replicationStatus: 'pending',
  });
  await first.close();

  const second = await start({ dataDir: dir });
  try {
    const t2 = await tokenFor(second);
    expect(
      (await ok(second, t2, 'b2_list_buckets', { accountId: second.accountId, bucketId: bucket.bucketId })).buckets[0],
    ).toEqual(before.bucket);
    expect((await ok(second, t2, 'b2_list_file_versions', { bucketId: bucket.bucketId })).files).toEqual(before.files);
    expect(await ok(second, t2, 'b2_get_bucket_notification_rules', { bucketId: bucket.bucketId })).toEqual(
      before.rules,
    );
    const file = before.files[0] ?? {};
    const refused = await fetch(`${second.endpoint}/b2api/v2/b2_delete_file_version`, {
      method: 'POST',
      headers: { Authorization: t2 },
      body: JSON.stringify({ fileId: file.fileId, fileName: file.fileName, bypassGovernance: true }),
    });
    expect(refused.status).toBe(401);
  } finally {
    await second.close();
  }
});
