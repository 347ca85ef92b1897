/**
 * Event notification rules (docs/b2-api.md §12): b2_set_bucket_notification_rules replaces, and
 * b2_get_bucket_notification_rules shows, a bucket's rules on every API version; the checks with
 * B2's event-type codes; and the capabilities and bucket limits of both calls.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { call, makeBucket, ok, reply, start, tokenFor, type Json } from './helpers.js';

let emu: RunningEmulator;
let t: string;
let bucketId: string;

beforeAll(async () => {
  emu = await start();
  t = await tokenFor(emu);
  bucketId = await makeBucket(emu, t, 'notify-bucket');
});
afterAll(() => emu.close());

/** The rule b2sdk's raw-API test sets on real B2. */
const B2SDK_RULE = {
  eventTypes: ['b2:ObjectCreated:Copy'],
  isEnabled: false,
  name: 'test-notification-rule',
  objectNamePrefix: 'test/object/prefix/',
  targetConfiguration: {
    targetType: 'webhook',
    url: 'https://example.com/webhook',
    hmacSha256SigningSecret: 'a'.repeat(32),
  },
};
const rule = (name: string, extra: Json = {}) => ({
  eventTypes: ['b2:ObjectCreated:*'],
  isEnabled: true,
  name,
  objectNamePrefix: `${name}/`,
  targetConfiguration: { targetType: 'webhook', url: 'https://example.com/hook' },
  ...extra,
});
const setRules = (eventNotificationRules: unknown, token = t, id = bucketId) =>
  call(emu, token, 'b2_set_bucket_notification_rules', { bucketId: id, eventNotificationRules });
const getRules = (token = t, id = bucketId, version = 2) =>
  call(emu, token, 'b2_get_bucket_notification_rules', { bucketId: id }, version);

describe('notification rules', () => {
  test("set answers the rules with B2's fields added; get shows them on every version; [] clears them", async () => {
    const expected = {
      ...B2SDK_RULE,
      isSuspended: false,
      suspensionReason: '',
      targetConfiguration: { ...B2SDK_RULE.targetConfiguration, customHeaders: null },
    };
    const set = await setRules([B2SDK_RULE]);
    expect(set.body).toEqual({ bucketId, eventNotificationRules: [expected] });
    for (const version of [1, 2, 3, 4])
      expect((await getRules(t, bucketId, version)).body.eventNotificationRules).toEqual([expected]);
    const viaGet = await reply(
      await fetch(`${emu.endpoint}/b2api/v4/b2_get_bucket_notification_rules?bucketId=${bucketId}`, {
        headers: { Authorization: t },
      }),
    );
    expect(viaGet.body.eventNotificationRules).toEqual([expected]);
    expect((await setRules([])).body.eventNotificationRules).toEqual([]);
    expect((await getRules()).body).toEqual({ bucketId, eventNotificationRules: [] });
  });

  test('rules come back sorted by name, with headers and batch size; isSuspended from a client is ignored', async () => {
    const headers = [{ name: 'X-My-Header', value: 'v1' }];
    const r = await setRules([
      rule('zeta', { maxEventsPerBatch: 10 }),
      rule('alpha', {
        isSuspended: true,
        suspensionReason: 'mine',
        targetConfiguration: { targetType: 'webhook', url: 'https://example.com/a', customHeaders: headers },
      }),
    ]);
    expect(r.status).toBe(200);
    const rules = (await getRules()).body.eventNotificationRules as Json[];
    expect(rules.map((x) => x.name)).toEqual(['alpha', 'zeta']);
    expect([
      rules[0]?.isSuspended,
      rules[0]?.suspensionReason,
      rules[0]?.targetConfiguration.customHeaders,
      rules[1]?.maxEventsPerBatch,
    ]).toEqual([false, '', headers, 10]);
  });

  test("event types: empty, unknown and overlapping ones get B2's codes; nested prefixes may not share events", async () => {
    const cases: [unknown, string][] = [
      [[rule('a', { eventTypes: [] })], 'event_types_empty'],
      [[rule('a', { eventTypes: ['b2:ObjectRead:*'] })], 'event_type_invalid'],
      [[rule('a', { eventTypes: ['b2:ObjectCreated:*', 'b2:ObjectCreated:Upload'] })], 'event_type_overlap'],
      [
        [
          rule('a', { objectNamePrefix: 'x/' }),
          rule('b', { objectNamePrefix: 'x/y/', eventTypes: ['b2:ObjectCreated:Copy'] }),
        ],
        'event_type_overlap',
      ],
    ];
    for (const [rules, code] of cases) {
      const r = await setRules(rules);
      expect([r.status, r.body.code]).toEqual([400, code]);
    }
    const apart = await setRules([
      rule('a', { objectNamePrefix: 'x/' }),
      rule('b', { objectNamePrefix: 'x/y/', eventTypes: ['b2:ObjectDeleted:*'] }),
      rule('c', { objectNamePrefix: 'z/' }),
    ]);
    expect(apart.status).toBe(200);
  });

  test('the rest is checked too (400 bad_request) and nothing changes', async () => {
    await setRules([rule('kept')]);
    const target = (extra: Json) => ({
      targetConfiguration: { targetType: 'webhook', url: 'https://example.com/h', ...extra },
    });
    const bad: unknown[] = [
      [rule('a', target({ url: 'http://example.com/h' }))],
      [rule('a', target({ url: 'not a url' }))],
      [rule('a', target({ targetType: 'email' }))],
      [rule('a', target({ hmacSha256SigningSecret: 'short' }))],
      [rule('a', target({ customHeaders: [{ name: 'X-Bz-Mine', value: 'v' }] }))],
      [rule('a', target({ customHeaders: [{ name: 'bad name', value: 'v' }] }))],
      [rule('a', target({ customHeaders: Array.from({ length: 11 }, (_, i) => ({ name: `H${i}`, value: 'v' })) }))],
      [rule('a', target({ retries: 3 }))],
      [rule('a', { isEnabled: 'yes' })],
      [rule('a', { name: 'has space' })],
      [rule('a', { maxEventsPerBatch: 0 })],
      [rule('a', { filter: 'x' })],
      [rule('a'), rule('a', { objectNamePrefix: 'other/' })],
      Array.from({ length: 26 }, (_, i) => rule(`r${i}`)),
      { name: 'not-a-list' },
    ];
    for (const rules of bad) {
      const r = await setRules(rules);
      expect([r.status, r.body.code, JSON.stringify(rules).slice(0, 80)]).toEqual([
        400,
        'bad_request',
        JSON.stringify(rules).slice(0, 80),
      ]);
    }
    expect((await getRules()).body.eventNotificationRules.map((x: Json) => x.name)).toEqual(['kept']);
  });

  test('capabilities and buckets: readBucketNotifications, writeBucketNotifications, allowed buckets, existing buckets', async () => {
    const other = await makeBucket(emu, t, 'notify-other');
    const key = async (capabilities: string[], bucketIds?: string[]) => {
      const k = await ok(
        emu,
        t,
        'b2_create_key',
        {
          accountId: emu.accountId,
          keyName: `k${Math.random().toString(36).slice(2, 8)}`,
          capabilities,
          ...(bucketIds ? { bucketIds } : {}),
        },
        4,
      );
      return tokenFor(emu, k.applicationKeyId, k.applicationKey);
    };
    const readOnly = await key(['readBucketNotifications']);
    expect((await getRules(readOnly)).status).toBe(200);
    const refused = await setRules([], readOnly);
    expect([refused.status, refused.body.code]).toEqual([401, 'unauthorized']);
    expect((await getRules(await key(['writeBucketNotifications']))).status).toBe(401);
    const elsewhere = await key(['readBucketNotifications', 'writeBucketNotifications'], [other]);
    expect((await getRules(elsewhere)).status).toBe(401);
    expect((await setRules([rule('mine')], elsewhere, other)).status).toBe(200);
    const missing = await getRules(t, '000000000000000000000000');
    expect([missing.status, missing.body.code]).toEqual([400, 'bad_bucket_id']);
  });
});
